import {
  enrollmentUpdateKey,
  feedbackReadyKey,
  homeworkDueKey,
  homeworkOverdueKey,
  isoWeekOf,
  sessionReminderKey,
  weeklySummaryKey,
} from './dedupe-keys';

const startsAt = new Date('2027-03-02T18:00:00.000Z');
const ms = startsAt.getTime(); // 1804010400000

describe('dedupe keys', () => {
  it('builds a session reminder key from the session, its start, the offset and the user', () => {
    expect(ms).toBe(1804010400000);
    expect(sessionReminderKey('s1', startsAt, 3600, 'u1')).toBe('session-reminder:s1:1804010400000:3600s:u1');
    expect(sessionReminderKey('s1', startsAt, 86400, 'u1')).toBe('session-reminder:s1:1804010400000:86400s:u1');
  });

  it('gives a moved session, another offset or another user a different key', () => {
    const base = sessionReminderKey('s1', startsAt, 60, 'u1');
    expect(sessionReminderKey('s1', new Date(ms + 60_000), 60, 'u1')).not.toBe(base);
    expect(sessionReminderKey('s1', startsAt, 10, 'u1')).not.toBe(base);
    expect(sessionReminderKey('s1', startsAt, 60, 'u2')).not.toBe(base);
    // Same inputs, same key: the unique column does the deduplication.
    expect(sessionReminderKey('s1', new Date(ms), 60, 'u1')).toBe(base);
  });

  it('builds homework, feedback, enrollment and summary keys', () => {
    expect(homeworkDueKey('a1', startsAt, 'u1')).toBe('homework-due:a1:1804010400000:u1');
    expect(homeworkOverdueKey('a1', startsAt, 'u1')).toBe('homework-overdue:a1:1804010400000:u1');
    expect(feedbackReadyKey('sub1', startsAt)).toBe('feedback-ready:sub1:1804010400000');
    expect(enrollmentUpdateKey('e1', 'WAITLISTED', startsAt)).toBe('enrollment-update:e1:WAITLISTED:1804010400000');
    expect(weeklySummaryKey('c1', '2027-W09', 'u1')).toBe('weekly-summary:c1:2027-W09:u1');
  });

  it('rejects parts that would make keys ambiguous or meaningless', () => {
    expect(() => sessionReminderKey('s:1', startsAt, 60, 'u1')).toThrow(RangeError);
    expect(() => sessionReminderKey('', startsAt, 60, 'u1')).toThrow(RangeError);
    expect(() => sessionReminderKey('s1', startsAt, -5, 'u1')).toThrow(RangeError);
    expect(() => sessionReminderKey('s1', startsAt, 1.5, 'u1')).toThrow(RangeError);
    expect(() => homeworkDueKey('a1', new Date('nope'), 'u1')).toThrow(RangeError);
    expect(() => weeklySummaryKey('c1', '2027-9', 'u1')).toThrow(RangeError);
    expect(() => weeklySummaryKey('c1', '2027-W54', 'u1')).toThrow(RangeError);
  });
});

describe('isoWeekOf', () => {
  it('names the ISO week in the given zone', () => {
    expect(isoWeekOf(new Date('2027-03-02T18:00:00Z'), 'Europe/Berlin')).toBe('2027-W09');
  });

  it('uses the ISO week-year around New Year', () => {
    // 1 January 2027 is a Friday: it belongs to the last week of 2026, which has 53 weeks.
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-04T12:00:00Z'), 'UTC')).toBe('2027-W01');
    // 31 December 2024 (Tuesday) is in 2025-W01.
    expect(isoWeekOf(new Date('2024-12-31T12:00:00Z'), 'UTC')).toBe('2025-W01');
  });

  it('depends on the local date, not the UTC date', () => {
    // Sunday 23:30 in New York is already Monday in UTC.
    const at = new Date('2027-03-08T04:30:00Z');
    expect(isoWeekOf(at, 'America/New_York')).toBe('2027-W09');
    expect(isoWeekOf(at, 'UTC')).toBe('2027-W10');
  });
});
