import { EmailDeliveryService } from '../src/notify/email-delivery.service';
import { WeeklySummariesService } from '../src/notify/weekly-summaries.service';
import { WorkerHarness } from './worker-harness';

/** Monday 23 Nov 2026, 08:05 in Berlin (CET, UTC+1): just after the default Monday 08:00 summary. */
const MONDAY_0805_BERLIN = new Date('2026-11-23T07:05:00Z');

describe('worker: weekly summaries', () => {
  let h: WorkerHarness;
  let summaries: WeeklySummariesService;

  beforeAll(async () => {
    h = await WorkerHarness.create();
    summaries = (await h.startWorker()).get(WeeklySummariesService);
  });
  afterAll(() => h.close());

  const summariesOf = (cohortId: string) => h.notifications(`kind = 'WEEKLY_SUMMARY' AND dedupe_key LIKE $1`, [`weekly-summary:${cohortId}:%`]);

  async function cohortWithAWeekOfWork() {
    // Started Monday 2 Nov: the week of 16 Nov is program week 3 ("emotional outsourcing").
    const cohort = await h.cohort({ clients: 3, startsOn: '2026-11-02', timezone: 'Europe/Berlin' });
    const [ada, ben, cleo] = cohort.clients;
    const session = async (title: string, at: string, status = 'SCHEDULED') => {
      const [row] = await h.db.query(
        `INSERT INTO sessions (cohort_id, title, starts_at, duration_minutes, status) VALUES ($1, $2, $3, 90, $4) RETURNING id`,
        [cohort.id, title, at, status],
      );
      return row.id as string;
    };
    const attend = (sessionId: string, clientId: string, status: string) =>
      h.db.query(`INSERT INTO attendance (session_id, client_id, status) VALUES ($1, $2, $3)`, [sessionId, clientId, status]);
    const tuesday = await session('Tuesday circle', '2026-11-17T18:00:00Z');
    const thursday = await session('Thursday circle', '2026-11-19T18:00:00Z');
    await session('Cancelled circle', '2026-11-18T18:00:00Z', 'CANCELLED');
    await session('Next Tuesday circle', '2026-11-24T18:00:00Z');
    for (const [sessionId, statuses] of [
      [tuesday, ['PRESENT', 'ABSENT', 'EXCUSED']],
      [thursday, ['PRESENT', 'ABSENT', 'ABSENT']],
    ] as const) {
      for (const [i, status] of statuses.entries()) await attend(sessionId, cohort.clients[i].id, status);
    }
    const assignment = async (title: string, dueAt: string) => {
      const [row] = await h.db.query(
        `INSERT INTO homework_assignments (cohort_id, template_key, title, due_at, created_at) VALUES ($1, 'where-am-i-located', $2, $3, '2026-11-01T00:00:00Z') RETURNING id`,
        [cohort.id, title, dueAt],
      );
      return row.id as string;
    };
    const submit = (assignmentId: string, clientId: string, at: string, late: boolean, reviewed: boolean) =>
      h.db.query(
        `INSERT INTO submissions (assignment_id, client_id, responses_encrypted, submitted_at, late, status, reviewed_at)
         VALUES ($1, $2, 'sealed', $3, $4, $5, $6)`,
        [assignmentId, clientId, at, late, reviewed ? 'REVIEWED' : 'SUBMITTED', reviewed ? at : null],
      );
    const first = await assignment('Check-in log', '2026-11-15T20:00:00Z');
    const second = await assignment('Outsourcing reflection', '2026-11-20T20:00:00Z');
    await assignment('Next week reflection', '2026-11-27T20:00:00Z');
    await submit(first, ada.id, '2026-11-14T10:00:00Z', false, true);
    await submit(second, ada.id, '2026-11-19T10:00:00Z', false, false);
    await submit(second, cleo.id, '2026-11-21T10:00:00Z', true, false);
    return { cohort, ada, ben, cleo };
  }

  it("sends each coach the cohort's week and each client their note, once", async () => {
    const { cohort, ada, ben, cleo } = await cohortWithAWeekOfWork();
    await summaries.runDue(MONDAY_0805_BERLIN);
    const rows = await summariesOf(cohort.id);
    expect(rows.map((r) => r.user_id).sort()).toEqual([cohort.coach.id, ada.id, ben.id, cleo.id].sort());
    expect(rows.every((r) => r.dedupe_key.includes(':2026-W48:'))).toBe(true);

    const coach = rows.find((r) => r.user_id === cohort.coach.id)!;
    expect(coach.subject).toBe(`Week 3 with ${cohort.name}: your summary`);
    expect(coach.body).toContain('Emotional outsourcing and where it comes from');
    expect(coach.body).toContain('Tuesday circle (Tue 17 Nov, 19:00 CET): 1 present, 1 absent, 1 excused. Absent: Client B.');
    expect(coach.body).toContain('Thursday circle (Thu 19 Nov, 19:00 CET): 1 present, 2 absent, 0 excused. Absent: Client B, Client C.');
    expect(coach.body).not.toContain('Cancelled circle');
    expect(coach.body).not.toContain('Next Tuesday circle');
    expect(coach.body).toContain('Outsourcing reflection (due Fri 20 Nov, 21:00 CET): 1 on time, 1 late, 1 missing. Late: Client C. Missing: Client B.');
    expect(coach.body).not.toContain('Check-in log (due');
    expect(coach.body).toContain('2 submissions are waiting for your review.');
    // The dashboard's rule: Ben missed both sessions and both assignments; Cleo, excused from one
    // session, attended 0 of the 1 that counts (the old email only looked for two misses in a row).
    expect(coach.body).toContain('Client B: Missed the last 2 sessions (“Tuesday circle” and “Thursday circle”). Attendance 0%. 2 missing assignments.');
    expect(coach.body).toContain('Client C: Attendance 0%.');
    expect(coach.body).not.toMatch(/Client A:/);
    expect(coach.body).not.toContain('sealed');

    const benNote = rows.find((r) => r.user_id === ben.id)!;
    expect(benNote.body).toContain('Emotional outsourcing and where it comes from');
    expect(benNote.body).toContain('Outsourcing reflection');
    expect(benNote.body).toContain('Next week reflection');
    expect(benNote.body).toContain('Next Tuesday circle');
    const adaNote = rows.find((r) => r.user_id === ada.id)!;
    expect(adaNote.body).not.toContain('Outsourcing reflection');
    expect(rows.map((r) => r.user_id)).not.toContain(cohort.withdrawn.id);

    // Later passes in the same week, even from several workers at once, send nothing more.
    await Promise.all([summaries.runDue(new Date(MONDAY_0805_BERLIN.getTime() + 60_000)), summaries.runDue(new Date(MONDAY_0805_BERLIN.getTime() + 60_000))]);
    expect((await summariesOf(cohort.id)).map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('flags the same people for the same reasons as the API (apps/api/test/progress.integration-spec.ts)', async () => {
    // The API test's cohort, four weeks in at the summary's `now`: three held sessions a week apart,
    // one to come, and three assignments due 15, 10 and 5 days ago.
    const now = MONDAY_0805_BERLIN;
    const daysBefore = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const cohort = await h.cohort({ clients: 4, startsOn: '2026-10-26', timezone: 'Europe/Berlin' });
    const sessions: string[] = [];
    for (const days of [21, 14, 7, -7]) {
      const [row] = await h.db.query(`INSERT INTO sessions (cohort_id, title, starts_at, duration_minutes) VALUES ($1, $2, $3, 60) RETURNING id`, [cohort.id, `Circle ${days}`, daysBefore(days)]);
      sessions.push(row.id);
    }
    const assignments: string[] = [];
    for (const days of [15, 10, 5]) {
      const [row] = await h.db.query(
        `INSERT INTO homework_assignments (cohort_id, template_key, title, due_at, created_at) VALUES ($1, 'where-am-i-located', $2, $3, '2026-10-20T00:00:00Z') RETURNING id`,
        [cohort.id, `Homework ${days}`, daysBefore(days)],
      );
      assignments.push(row.id);
    }
    const marks = [
      ['PRESENT', 'PRESENT', 'PRESENT'],
      ['PRESENT', 'ABSENT', 'ABSENT'],
      ['EXCUSED', 'EXCUSED', 'PRESENT'],
      ['PRESENT', 'PRESENT', 'ABSENT'],
    ];
    const handedIn = [
      [true, true, true],
      [true, true, true],
      [false, true, false],
      [true, true, true],
    ];
    for (const [i, client] of cohort.clients.entries()) {
      for (const [j, status] of marks[i].entries()) {
        await h.db.query(`INSERT INTO attendance (session_id, client_id, status) VALUES ($1, $2, $3)`, [sessions[j], client.id, status]);
      }
      for (const [j, done] of handedIn[i].entries()) {
        if (!done) continue;
        await h.db.query(
          `INSERT INTO submissions (assignment_id, client_id, responses_encrypted, submitted_at, late, status) VALUES ($1, $2, 'sealed', $3, false, 'SUBMITTED')`,
          [assignments[j], client.id, daysBefore(16)],
        );
      }
    }

    await summaries.runDue(now);
    const coach = (await summariesOf(cohort.id)).find((r) => r.user_id === cohort.coach.id)!;
    const flagged = coach.body.split('\n').filter((line: string) => /^- Client [A-D]: /.test(line));
    // The API: Ben [MISSED_LAST_TWO_SESSIONS, LOW_ATTENDANCE], Cleo [MISSING_HOMEWORK], Ada and Dev nothing.
    expect(flagged).toEqual(['- Client B: Missed the last 2 sessions (“Circle 14” and “Circle 7”). Attendance 33%.', '- Client C: 2 missing assignments.']);
  });

  it("waits for each cohort's own weekday and time, and skips cohorts that are not ACTIVE", async () => {
    const early = await h.cohort({ clients: 1, timezone: 'Europe/Berlin' });
    const losAngeles = await h.cohort({ clients: 1, timezone: 'America/Los_Angeles' });
    const draft = await h.cohort({ clients: 1, timezone: 'Europe/Berlin', status: 'ENROLLING' });
    // 07:55 in Berlin: five minutes early.
    await summaries.runDue(new Date('2026-11-23T06:55:00Z'));
    expect(await summariesOf(early.id)).toEqual([]);
    // 08:05 in Berlin is still Sunday night in Los Angeles.
    await summaries.runDue(MONDAY_0805_BERLIN);
    expect(await summariesOf(early.id)).toHaveLength(2);
    expect(await summariesOf(losAngeles.id)).toEqual([]);
    expect(await summariesOf(draft.id)).toEqual([]);
    // Monday 08:05 in Los Angeles (PST, UTC-8).
    await summaries.runDue(new Date('2026-11-23T16:05:00Z'));
    expect(await summariesOf(losAngeles.id)).toHaveLength(2);
  });
});

describe('worker: email delivery failures', () => {
  let h: WorkerHarness;

  beforeAll(async () => {
    // Nothing listens on port 1: every send fails.
    h = await WorkerHarness.create({ SMTP_URL: 'smtp://127.0.0.1:1' });
  });
  afterAll(() => h.close());

  it('keeps the notification, retries the email, and marks it FAILED after the last attempt', async () => {
    const delivery = (await h.startWorker()).get(EmailDeliveryService);
    const user = await h.user('CLIENT', 'Client Mail');
    const [row] = await h.db.query(
      `INSERT INTO notifications (user_id, kind, dedupe_key, subject, body, html, email_status)
       VALUES ($1, 'FEEDBACK_READY', $2, 'Feedback is ready', 'Open the app', '<p>Open the app</p>', 'PENDING') RETURNING id`,
      [user.id, `test:${user.id}`],
    );
    await expect(delivery.deliver(row.id, false)).rejects.toThrow();
    let [state] = await h.db.query(`SELECT email_status, email_attempts, email_error FROM notifications WHERE id = $1`, [row.id]);
    expect(state).toMatchObject({ email_status: 'PENDING', email_attempts: 1 });
    expect(state.email_error).toMatch(/ECONNREFUSED|connect/i);

    await expect(delivery.deliver(row.id, true)).rejects.toThrow();
    [state] = await h.db.query(`SELECT email_status, email_attempts FROM notifications WHERE id = $1`, [row.id]);
    expect(state).toEqual({ email_status: 'FAILED', email_attempts: 2 });
    // Still in the user's list; a FAILED email is not retried again.
    expect(await delivery.deliver(row.id, false)).toBe('nothing to do');
  });
});
