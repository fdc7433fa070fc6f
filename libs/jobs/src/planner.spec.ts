import { planHomeworkNotices, planSessionReminders } from './planner';
import { JobName } from './queues';

const at = (iso: string) => new Date(iso);
const HOUR = 3600;

describe('planSessionReminders', () => {
  const session = { id: 's1', startsAt: at('2027-03-10T19:00:00Z'), status: 'SCHEDULED', scheduledAt: at('2027-03-01T00:00:00Z') };
  const farHorizon = at('2027-12-31T00:00:00Z');

  it('plans one job per offset, at start minus offset, with ids carrying the start time', () => {
    const jobs = planSessionReminders(session, [24 * HOUR, HOUR], at('2027-03-05T00:00:00Z'), farHorizon);
    expect(jobs.map((j) => [j.name, j.runAt.toISOString(), j.data.offsetSeconds])).toEqual([
      [JobName.SESSION_REMINDER, '2027-03-09T19:00:00.000Z', 86400],
      [JobName.SESSION_REMINDER, '2027-03-10T18:00:00.000Z', 3600],
    ]);
    expect(jobs[0].jobId).toBe(`session-reminder_s1_${session.startsAt.getTime()}_86400`);
    expect(jobs.every((j) => !j.jobId.includes(':'))).toBe(true);
  });

  it('gives a moved session new job ids', () => {
    const moved = { ...session, startsAt: at('2027-03-11T19:00:00Z') };
    const before = planSessionReminders(session, [HOUR], at('2027-03-05T00:00:00Z'), farHorizon)[0].jobId;
    const after = planSessionReminders(moved, [HOUR], at('2027-03-05T00:00:00Z'), farHorizon)[0].jobId;
    expect(after).not.toBe(before);
  });

  it('skips reminders whose moment had passed when the session was scheduled', () => {
    const lateScheduled = { ...session, scheduledAt: at('2027-03-10T10:00:00Z') };
    const jobs = planSessionReminders(lateScheduled, [24 * HOUR, HOUR], at('2027-03-10T10:00:00Z'), farHorizon);
    expect(jobs.map((j) => j.data.offsetSeconds)).toEqual([3600]);
  });

  it('still plans a reminder whose moment passed while the worker was down, until the session starts', () => {
    const jobs = planSessionReminders(session, [HOUR], at('2027-03-10T18:30:00Z'), farHorizon);
    expect(jobs).toHaveLength(1);
    expect(planSessionReminders(session, [HOUR], at('2027-03-10T19:00:00Z'), farHorizon)).toEqual([]);
  });

  it('plans nothing for cancelled sessions or beyond the horizon', () => {
    expect(planSessionReminders({ ...session, status: 'CANCELLED' }, [HOUR], at('2027-03-05T00:00:00Z'), farHorizon)).toEqual([]);
    const jobs = planSessionReminders(session, [24 * HOUR, HOUR], at('2027-03-05T00:00:00Z'), at('2027-03-10T00:00:00Z'));
    expect(jobs.map((j) => j.data.offsetSeconds)).toEqual([86400]);
  });
});

describe('planHomeworkNotices', () => {
  const assignment = { id: 'a1', dueAt: at('2027-03-10T20:00:00Z'), createdAt: at('2027-03-01T00:00:00Z') };
  const horizon = at('2027-12-31T00:00:00Z');

  it('plans a due notice before the due time and an overdue notice at it', () => {
    const jobs = planHomeworkNotices(assignment, 24 * HOUR, at('2027-03-02T00:00:00Z'), horizon);
    expect(jobs.map((j) => [j.name, j.runAt.toISOString()])).toEqual([
      [JobName.HOMEWORK_DUE, '2027-03-09T20:00:00.000Z'],
      [JobName.HOMEWORK_OVERDUE, '2027-03-10T20:00:00.000Z'],
    ]);
    expect(jobs[0].jobId).not.toBe(jobs[1].jobId);
  });

  it('skips the due notice for an assignment given less than the notice period before it is due', () => {
    const late = { ...assignment, createdAt: at('2027-03-10T08:00:00Z') };
    expect(planHomeworkNotices(late, 24 * HOUR, at('2027-03-10T08:00:00Z'), horizon).map((j) => j.name)).toEqual([JobName.HOMEWORK_OVERDUE]);
  });

  it('sends no notice for an assignment created already overdue', () => {
    const past = { ...assignment, createdAt: at('2027-03-11T00:00:00Z') };
    expect(planHomeworkNotices(past, 24 * HOUR, at('2027-03-11T00:00:00Z'), horizon)).toEqual([]);
  });

  it('keeps the overdue notice for a due time that passed while the worker was down', () => {
    expect(planHomeworkNotices(assignment, 24 * HOUR, at('2027-03-10T21:00:00Z'), horizon).map((j) => j.name)).toEqual([JobName.HOMEWORK_OVERDUE]);
  });
});
