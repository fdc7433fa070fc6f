import { isQuietAt, nextSendTime, QuietHours } from './quiet-hours';

const BERLIN = 'Europe/Berlin';
const NIGHT: QuietHours = { start: '22:00', end: '07:00' };
const utc = (iso: string) => new Date(iso);

describe('isQuietAt', () => {
  it('reads a wrap-around window on the local clock, start inclusive and end exclusive', () => {
    // January: Berlin is UTC+1.
    expect(isQuietAt(utc('2027-01-12T20:59:00Z'), BERLIN, NIGHT)).toBe(false); // 21:59
    expect(isQuietAt(utc('2027-01-12T21:00:00Z'), BERLIN, NIGHT)).toBe(true); // 22:00
    expect(isQuietAt(utc('2027-01-12T23:30:00Z'), BERLIN, NIGHT)).toBe(true); // 00:30
    expect(isQuietAt(utc('2027-01-13T05:59:00Z'), BERLIN, NIGHT)).toBe(true); // 06:59
    expect(isQuietAt(utc('2027-01-13T06:00:00Z'), BERLIN, NIGHT)).toBe(false); // 07:00
  });

  it('follows summer time', () => {
    // July: Berlin is UTC+2, so 20:30Z is 22:30 local.
    expect(isQuietAt(utc('2027-07-12T20:30:00Z'), BERLIN, NIGHT)).toBe(true);
    expect(isQuietAt(utc('2027-07-12T19:30:00Z'), BERLIN, NIGHT)).toBe(false);
  });

  it('handles a window that does not wrap', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(isQuietAt(utc('2027-01-12T10:59:00Z'), BERLIN, lunch)).toBe(false);
    expect(isQuietAt(utc('2027-01-12T11:00:00Z'), BERLIN, lunch)).toBe(true);
    expect(isQuietAt(utc('2027-01-12T12:29:00Z'), BERLIN, lunch)).toBe(true);
    expect(isQuietAt(utc('2027-01-12T12:30:00Z'), BERLIN, lunch)).toBe(false);
    expect(isQuietAt(utc('2027-01-12T23:00:00Z'), BERLIN, lunch)).toBe(false);
  });

  it('treats null and start === end as no quiet hours', () => {
    expect(isQuietAt(utc('2027-01-12T23:00:00Z'), BERLIN, null)).toBe(false);
    expect(isQuietAt(utc('2027-01-12T23:00:00Z'), BERLIN, { start: '00:00', end: '00:00' })).toBe(false);
    expect(isQuietAt(utc('2027-01-12T21:00:00Z'), BERLIN, { start: '22:00', end: '22:00' })).toBe(false);
  });

  it('rejects malformed times and unknown zones', () => {
    expect(() => isQuietAt(utc('2027-01-12T23:00:00Z'), BERLIN, { start: '7:00', end: '22:00' })).toThrow(RangeError);
    expect(() => isQuietAt(utc('2027-01-12T23:00:00Z'), BERLIN, { start: '22:00', end: '24:00' })).toThrow(RangeError);
    expect(() => isQuietAt(utc('2027-01-12T23:00:00Z'), 'Mars/Olympus', NIGHT)).toThrow(RangeError);
  });
});

describe('nextSendTime', () => {
  it('returns the same instant outside quiet hours', () => {
    const at = utc('2027-01-12T15:00:00Z');
    expect(nextSendTime(at, BERLIN, NIGHT)).toBe(at);
    expect(nextSendTime(at, BERLIN, null)).toBe(at);
    const late = utc('2027-01-12T23:00:00Z');
    expect(nextSendTime(late, BERLIN, { start: '08:00', end: '08:00' })).toBe(late);
  });

  it('moves an evening send to the next local morning', () => {
    // 22:30 CET on the 12th → 07:00 CET on the 13th.
    expect(nextSendTime(utc('2027-01-12T21:30:00Z'), BERLIN, NIGHT).toISOString()).toBe('2027-01-13T06:00:00.000Z');
    // Exactly at the start, too.
    expect(nextSendTime(utc('2027-01-12T21:00:00Z'), BERLIN, NIGHT).toISOString()).toBe('2027-01-13T06:00:00.000Z');
  });

  it('moves an after-midnight send to the same local morning', () => {
    // 06:30 CET → 07:00 CET the same day.
    expect(nextSendTime(utc('2027-01-13T05:30:00Z'), BERLIN, NIGHT).toISOString()).toBe('2027-01-13T06:00:00.000Z');
    // 00:05 CET (still the 12th in UTC) → 07:00 CET on the 13th.
    expect(nextSendTime(utc('2027-01-12T23:05:00Z'), BERLIN, NIGHT).toISOString()).toBe('2027-01-13T06:00:00.000Z');
  });

  it('uses the summer offset in summer', () => {
    expect(nextSendTime(utc('2027-07-12T20:30:00Z'), BERLIN, NIGHT).toISOString()).toBe('2027-07-13T05:00:00.000Z');
  });

  it('keeps 07:00 local across the spring change (Berlin, 28 March 2027)', () => {
    // Saturday 23:00 CET (UTC+1); the night loses an hour, so 07:00 Sunday is CEST (UTC+2).
    expect(nextSendTime(utc('2027-03-27T22:00:00Z'), BERLIN, NIGHT).toISOString()).toBe('2027-03-28T05:00:00.000Z');
  });

  it('keeps 07:00 local across the autumn change (Berlin, 31 October 2027)', () => {
    // Saturday 23:00 CEST (UTC+2); 07:00 Sunday is CET (UTC+1).
    expect(nextSendTime(utc('2027-10-30T21:00:00Z'), BERLIN, NIGHT).toISOString()).toBe('2027-10-31T06:00:00.000Z');
  });

  it('keeps 08:00 local across the US spring change (New York, 14 March 2027)', () => {
    // Saturday 22:00 EST (UTC-5) → Sunday 08:00 EDT (UTC-4).
    const evenings = { start: '21:00', end: '08:00' };
    expect(nextSendTime(utc('2027-03-14T03:00:00Z'), 'America/New_York', evenings).toISOString()).toBe('2027-03-14T12:00:00.000Z');
  });

  it('ends at the first minute after the gap when the end time is skipped', () => {
    // 02:00–03:00 does not exist in Berlin on 28 March 2027; quiet hours ending 02:30 end at 03:00 CEST.
    const early = { start: '01:00', end: '02:30' };
    const at = utc('2027-03-28T00:30:00Z'); // 01:30 CET
    const next = nextSendTime(at, BERLIN, early);
    expect(next.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(isQuietAt(next, BERLIN, early)).toBe(false);
    expect(isQuietAt(new Date(next.getTime() - 60_000), BERLIN, early)).toBe(true);
  });

  it('picks the occurrence of a repeated end time that follows the send', () => {
    // 02:00–03:00 happens twice in Berlin on 31 October 2027.
    const early = { start: '01:00', end: '02:30' };
    // 02:15 CEST (first pass) → 02:30 CEST.
    expect(nextSendTime(utc('2027-10-31T00:15:00Z'), BERLIN, early).toISOString()).toBe('2027-10-31T00:30:00.000Z');
    // 02:15 CET (second pass) → 02:30 CET.
    expect(nextSendTime(utc('2027-10-31T01:15:00Z'), BERLIN, early).toISOString()).toBe('2027-10-31T01:30:00.000Z');
  });
});
