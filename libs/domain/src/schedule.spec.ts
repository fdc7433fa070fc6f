import { DateTime } from 'luxon';
import { ErrorCode } from './errors';
import { seriesOccurrences } from './schedule';

const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm ccc');

describe('seriesOccurrences', () => {
  it('keeps a 19:00 New York session at 19:00 local across both DST changes', () => {
    // 2026: DST starts Sunday 8 March, ends Sunday 1 November in America/New_York.
    const march = seriesOccurrences({ startsOn: '2026-03-02', endsOn: '2026-03-16', weekdays: [2, 4], localTime: '19:00', timezone: 'America/New_York' });
    expect(march.map((d) => local(d, 'America/New_York'))).toEqual([
      '2026-03-03 19:00 Tue',
      '2026-03-05 19:00 Thu',
      '2026-03-10 19:00 Tue',
      '2026-03-12 19:00 Thu',
    ]);
    // Before the change 19:00 EST is 00:00 UTC; after it 19:00 EDT is 23:00 UTC.
    expect(march[0].toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(march[2].toISOString()).toBe('2026-03-10T23:00:00.000Z');

    const november = seriesOccurrences({ startsOn: '2026-10-26', endsOn: '2026-11-09', weekdays: [2], localTime: '19:00', timezone: 'America/New_York' });
    expect(november.map((d) => d.toISOString())).toEqual(['2026-10-27T23:00:00.000Z', '2026-11-04T00:00:00.000Z']);
  });

  it('gives one session per matching day, 52 for two weekdays over 26 weeks', () => {
    const all = seriesOccurrences({ startsOn: '2026-01-05', endsOn: '2026-07-06', weekdays: [1, 4], localTime: '18:30', timezone: 'Europe/Berlin' });
    expect(all).toHaveLength(52);
    expect(all.every((d) => DateTime.fromJSDate(d, { zone: 'Europe/Berlin' }).toFormat('HH:mm') === '18:30')).toBe(true);
    expect(local(all[51], 'Europe/Berlin')).toBe('2026-07-02 18:30 Thu');
  });

  it('rejects a bad time or weekday naming the field', () => {
    const rule = { startsOn: '2026-01-05', endsOn: '2026-02-05', weekdays: [1], localTime: '19:00', timezone: 'UTC' };
    for (const [over, field] of [
      [{ localTime: '7pm' }, 'localTime'],
      [{ localTime: '24:00' }, 'localTime'],
      [{ weekdays: [] }, 'weekdays'],
      [{ weekdays: [0] }, 'weekdays'],
      [{ weekdays: [8] }, 'weekdays'],
    ] as const) {
      try {
        seriesOccurrences({ ...rule, ...over } as typeof rule);
        throw new Error('expected an error');
      } catch (error) {
        expect((error as { code: string }).code).toBe(ErrorCode.BAD_USER_INPUT);
        expect((error as { fields: { field: string }[] }).fields[0].field).toBe(field);
      }
    }
  });
});
