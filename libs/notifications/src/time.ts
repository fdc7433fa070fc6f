import { DateTime } from 'luxon';

/** `at` on the wall clock of `timezone`. Throws RangeError for an unknown zone or invalid date. */
export function localDateTime(at: Date, timezone: string): DateTime {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new RangeError('Expected a valid Date');
  const local = DateTime.fromJSDate(at, { zone: timezone });
  if (!local.isValid) throw new RangeError(`Unknown timezone "${timezone}"`);
  return local;
}

// Intl names zones per locale: en-US knows "EST", en-GB "CET", en-AU "AEDT", en-IN "IST".
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN'];

/** A short zone name such as "EST" or "CET", falling back to "GMT+9" where no abbreviation exists. */
export function zoneAbbreviation(local: DateTime): string {
  let fallback: string | null = null;
  for (const locale of ABBREVIATION_LOCALES) {
    const name = local.setLocale(locale).offsetNameShort;
    if (!name) continue;
    fallback ??= name;
    if (!/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return fallback ?? local.toFormat('ZZ');
}

/** e.g. "Tue 2 Mar, 19:00 EST", in the recipient's timezone. */
export function formatLocalTime(at: Date, timezone: string): string {
  const local = localDateTime(at, timezone).setLocale('en-GB');
  return `${local.toFormat('ccc d LLL, HH:mm')} ${zoneAbbreviation(local)}`;
}

/** e.g. "Tue 2 Mar", in the recipient's timezone. */
export function formatLocalDate(at: Date, timezone: string): string {
  return localDateTime(at, timezone).setLocale('en-GB').toFormat('ccc d LLL');
}
