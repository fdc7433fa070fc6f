import { planCheckInReminders } from './check-in-reminders';

const person = { userId: 'u1', timezone: 'Europe/Berlin', checkInReminderTime: '08:30' };
const hours = (n: number) => n * 3_600_000;

describe('planCheckInReminders', () => {
  it('plans one reminder per local day at the chosen local time within the horizon', () => {
    const now = new Date('2027-03-10T06:00:00Z'); // 07:00 in Berlin
    const jobs = planCheckInReminders(person, now, new Date(now.getTime() + hours(48)));
    expect(jobs.map((j) => [j.data.localDate, j.runAt.toISOString()])).toEqual([
      ['2027-03-10', '2027-03-10T07:30:00.000Z'],
      ['2027-03-11', '2027-03-11T07:30:00.000Z'],
    ]);
    expect(jobs[0].jobId).toBe(`check-in-reminder_u1_2027-03-10_${Date.parse('2027-03-10T07:30:00Z')}`);
    expect(jobs[0].data).toEqual({ userId: 'u1', localDate: '2027-03-10', localTime: '08:30', timezone: 'Europe/Berlin' });
  });

  it('skips today once its time has passed, and plans nothing without a time', () => {
    const now = new Date('2027-03-10T09:00:00Z');
    expect(planCheckInReminders(person, now, new Date(now.getTime() + hours(24))).map((j) => j.data.localDate)).toEqual(['2027-03-11']);
    expect(planCheckInReminders({ ...person, checkInReminderTime: null }, now, new Date(now.getTime() + hours(48)))).toEqual([]);
  });

  it('keeps the wall-clock time across a DST change and follows a new zone', () => {
    const now = new Date('2027-03-27T12:00:00Z');
    const jobs = planCheckInReminders(person, now, new Date(now.getTime() + hours(48)));
    // 08:30 CET on the 27th is 07:30Z; after the spring change 08:30 CEST is 06:30Z.
    expect(jobs.map((j) => j.runAt.toISOString())).toEqual(['2027-03-28T06:30:00.000Z', '2027-03-29T06:30:00.000Z']);
    const tokyo = planCheckInReminders({ ...person, timezone: 'Asia/Tokyo' }, now, new Date(now.getTime() + hours(30)));
    expect(tokyo.map((j) => [j.data.localDate, j.runAt.toISOString()])).toEqual([['2027-03-28', '2027-03-27T23:30:00.000Z']]);
  });
});
