import { DateTime } from 'luxon';
import { formatDateTime, isoToLocalInput, localInputToIso, formatDate, isPast, timezoneOptions } from './time';

describe('times in the viewer’s timezone', () => {
  it('shows one instant as each viewer’s wall-clock time', () => {
    const iso = '2026-03-10T23:00:00Z';
    expect(formatDateTime(iso, 'America/New_York')).toBe('Tue 10 Mar 2026, 19:00');
    expect(formatDateTime(iso, 'Europe/Berlin')).toBe('Wed 11 Mar 2026, 00:00');
  });

  it('reads a datetime-local value in the viewer’s zone, across a DST change', () => {
    // New York is UTC-5 before 8 March 2026 and UTC-4 after.
    expect(localInputToIso('2026-03-07T19:00', 'America/New_York')).toBe('2026-03-08T00:00:00Z');
    expect(localInputToIso('2026-03-09T19:00', 'America/New_York')).toBe('2026-03-09T23:00:00Z');
    expect(localInputToIso('not a time', 'America/New_York')).toBeNull();
  });

  it('round-trips an instant through a datetime-local value', () => {
    const iso = '2026-11-24T00:00:00Z';
    expect(isoToLocalInput(iso, 'America/New_York')).toBe('2026-11-23T19:00');
    expect(localInputToIso(isoToLocalInput(iso, 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(iso);
  });

  it('formats calendar dates without shifting them', () => {
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
  });

  it('knows past from future', () => {
    const now = DateTime.fromISO('2026-06-01T12:00:00Z');
    expect(isPast('2026-06-01T11:59:00Z', now)).toBe(true);
    expect(isPast('2026-06-01T12:01:00Z', now)).toBe(false);
  });
});

describe('timezoneOptions', () => {
  it('puts UTC first once', () => {
    expect(timezoneOptions(() => ['Europe/Berlin', 'UTC', 'Asia/Tokyo'])).toEqual(['UTC', 'Europe/Berlin', 'Asia/Tokyo']);
  });

  it('falls back to a short list when the browser cannot list zones', () => {
    const zones = timezoneOptions(() => {
      throw new Error('unsupported');
    });
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('America/New_York');
  });
});
