import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Dates the platform accepts. Programs, sessions and due dates live in this century; 9999-12-31
 * passed the format check before and produced an `endsOn` past what dates can hold.
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

function inRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD (got ${preview(value)}).`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (!inRange(Number(value.slice(0, 4)))) {
    throw new GraphQLError(`Date must be between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** A bad value shown back to its sender, cut short (it is echoed in the error). */
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A calendar date without time or zone, kept as the string YYYY-MM-DD. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) parse(undefined);
    return parse((ast as { value: string }).value);
  },
});

// RFC 3339 date-time with a mandatory offset, e.g. 2027-03-09T19:00:00-05:00 or 2027-03-10T00:00:00Z.
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

function parseDateTime(value: unknown): Date {
  const m = typeof value === 'string' ? DATE_TIME_RE.exec(value) : null;
  // new Date() alone would roll 2027-02-30 over to March 2 and read a missing offset as server time.
  if (!m || !isCalendarDate(m[1])) {
    throw new GraphQLError(`DateTime must be a real date and time with an offset, e.g. 2027-03-09T19:00:00Z (got ${preview(value)}).`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const date = new Date(value as string);
  if (!inRange(date.getUTCFullYear())) {
    throw new GraphQLError(`DateTime must be between ${MIN_YEAR} and ${MAX_YEAR}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

/**
 * The parsing that graphqlOptions installs on @nestjs/graphql's GraphQLISODateTime (same name and
 * description, so the schema is unchanged), which accepted anything `new Date()` accepts.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
