import { DateTime } from 'luxon';
import { weeklyPromptFor } from '@anchored/curriculum';
import { PrivateTextCipher, postBodyAad } from '@anchored/data';
import { JobName } from '@anchored/jobs';
import { WeeklyPromptsService } from '../src/community/weekly-prompts.service';
import { WorkerHarness, waitFor } from './worker-harness';

/** Started Monday 2 Nov 2026 in Berlin: program week 3 starts Monday 16 Nov, 00:00 CET (23:00 UTC on the 15th). */
const STARTS_ON = '2026-11-02';
const SUNDAY_2355_BERLIN = new Date('2026-11-15T22:55:00Z');
const MONDAY_0005_BERLIN = new Date('2026-11-15T23:05:00Z');

describe('worker: weekly prompts in the circle', () => {
  let h: WorkerHarness;
  let first: WeeklyPromptsService;
  let second: WeeklyPromptsService;
  let cipher: PrivateTextCipher;

  beforeAll(async () => {
    h = await WorkerHarness.create();
    first = (await h.startWorker()).get(WeeklyPromptsService);
    second = (await h.startWorker()).get(WeeklyPromptsService);
    cipher = new PrivateTextCipher(h.config.homeworkKeys);
  });
  afterAll(() => h.close());

  const promptsOf = async (cohortId: string) =>
    ((await h.db.query(`SELECT id, cohort_id, prompt_week, author_id, kind, body_encrypted FROM posts WHERE cohort_id = $1 AND kind = 'WEEKLY_PROMPT' ORDER BY prompt_week`, [cohortId])) as {
      id: string;
      cohort_id: string;
      prompt_week: number;
      author_id: string | null;
      body_encrypted: string;
    }[]).map((row) => ({ week: row.prompt_week, author: row.author_id, text: cipher.decrypt<string>(row.body_encrypted, postBodyAad({ id: row.id, cohortId: row.cohort_id })) }));

  it('posts the week’s prompt when the week starts in the cohort’s timezone, exactly once under two concurrent workers and a retry', async () => {
    const cohort = await h.cohort({ startsOn: STARTS_ON, timezone: 'Europe/Berlin' });
    await first.runDue(SUNDAY_2355_BERLIN);
    expect(await promptsOf(cohort.id)).toEqual([{ week: 2, author: null, text: weeklyPromptFor(2).text }]);

    const results = await Promise.all([first.runDue(MONDAY_0005_BERLIN), second.runDue(MONDAY_0005_BERLIN), first.runDue(MONDAY_0005_BERLIN)]);
    expect(results.reduce((sum, r) => sum + r.posted, 0)).toBeGreaterThanOrEqual(1);
    // A retry of the same run (a job that failed after its insert, or ran twice) posts nothing.
    await second.runDue(MONDAY_0005_BERLIN);
    expect(await promptsOf(cohort.id)).toEqual([
      { week: 2, author: null, text: weeklyPromptFor(2).text },
      { week: 3, author: null, text: weeklyPromptFor(3).text },
    ]);
  });

  it('a cohort that becomes ACTIVE mid-week gets that week’s prompt on the next run, and no backlog', async () => {
    const cohort = await h.cohort({ startsOn: STARTS_ON, timezone: 'Europe/Berlin', status: 'ENROLLING' });
    const wednesday = new Date('2026-11-18T12:00:00Z');
    await first.runDue(wednesday);
    expect(await promptsOf(cohort.id)).toEqual([]);
    await h.db.query(`UPDATE cohorts SET status = 'ACTIVE' WHERE id = $1`, [cohort.id]);
    await first.runDue(wednesday);
    expect(await promptsOf(cohort.id)).toEqual([{ week: 3, author: null, text: weeklyPromptFor(3).text }]);
  });

  it('the WEEKLY_PROMPTS job, queued twice and taken by two workers, posts once', async () => {
    const startsOn = DateTime.now().setZone('America/New_York').minus({ days: 9 }).toFormat('yyyy-MM-dd');
    const cohort = await h.cohort({ startsOn, timezone: 'America/New_York' });
    await h.queues.reminders.add(JobName.WEEKLY_PROMPTS, {}, { jobId: 'prompts-a' });
    await h.queues.reminders.add(JobName.WEEKLY_PROMPTS, {}, { jobId: 'prompts-b' });
    await waitFor(
      async () => Promise.all([h.queues.reminders.getJob('prompts-a'), h.queues.reminders.getJob('prompts-b')]).then((jobs) => Promise.all(jobs.map((j) => j?.isCompleted()))),
      (done) => done.every(Boolean),
    );
    const prompts = await promptsOf(cohort.id);
    expect(prompts).toHaveLength(1);
    expect(prompts[0].week).toBe(2);
  });
});
