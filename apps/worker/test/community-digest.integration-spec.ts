import { randomUUID } from 'node:crypto';
import { CommunityDigestService } from '../src/community/community-digest.service';
import { WorkerHarness } from './worker-harness';

/** 18:05 in Berlin (CET, UTC+1) on Monday 23 Nov 2026: just after the digest hour. */
const AFTER_1800_BERLIN = new Date('2026-11-23T17:05:00Z');
const BEFORE_1800_BERLIN = new Date('2026-11-23T16:55:00Z');

describe('worker: the daily community digest', () => {
  let h: WorkerHarness;
  let digest: CommunityDigestService;

  beforeAll(async () => {
    h = await WorkerHarness.create();
    digest = (await h.startWorker()).get(CommunityDigestService);
  });
  afterAll(() => h.close());

  /** Activity written straight to the database (the body is never read by the digest). */
  async function post(cohortId: string, authorId: string, at: Date): Promise<string> {
    const [row] = await h.db.query(
      `INSERT INTO posts (id, cohort_id, kind, author_id, body_encrypted, created_at) VALUES ($1, $2, 'DISCUSSION', $3, 'sealed SECRET', $4) RETURNING id`,
      [randomUUID(), cohortId, authorId, at],
    );
    return row.id;
  }
  const reply = (postId: string, authorId: string, at: Date) =>
    h.db.query(`INSERT INTO post_replies (post_id, author_id, body_encrypted, created_at) VALUES ($1, $2, 'sealed SECRET', $3)`, [postId, authorId, at]);
  const digestsOf = (userId: string) => h.notifications(`kind = 'COMMUNITY_DIGEST' AND user_id = $1`, [userId]);

  it('counts new posts and replies by others per circle, once per local day, with no text; nothing before the hour or without news; coaches only when they chose it', async () => {
    const cohort = await h.cohort({ clients: 3 });
    const [ada, ben, cleo] = cohort.clients;
    const earlier = new Date(AFTER_1800_BERLIN.getTime() - 3 * 3_600_000);
    const p = await post(cohort.id, ben.id, earlier);
    await reply(p, ada.id, earlier);
    await reply(p, cleo.id, earlier);
    // Older than a day: not news any more.
    await post(cohort.id, ben.id, new Date(AFTER_1800_BERLIN.getTime() - 30 * 3_600_000));

    await digest.runDue(BEFORE_1800_BERLIN);
    expect(await digestsOf(ada.id)).toEqual([]);

    await Promise.all([digest.runDue(AFTER_1800_BERLIN), digest.runDue(AFTER_1800_BERLIN)]);
    await digest.runDue(AFTER_1800_BERLIN);
    const [toAda, ...more] = await digestsOf(ada.id);
    expect(more).toEqual([]);
    expect(toAda.body).toContain(`${cohort.name}: 1 new post and 1 new reply.`);
    expect(toAda.body).toContain(`/circle/${cohort.id}`);
    expect(toAda.body).not.toContain('SECRET');
    // Ben wrote the post: only the two replies are news to him.
    expect((await digestsOf(ben.id))[0].body).toContain('0 new posts and 2 new replies');
    // The coach did not ask for it (off by default for coaches).
    expect(await digestsOf(cohort.coach.id)).toEqual([]);
    // A withdrawn client has no circle.
    expect(await digestsOf(cohort.withdrawn.id)).toEqual([]);
  });

  it('a coach who chose it gets it; quiet hours hold the email back', async () => {
    const cohort = await h.cohort({ clients: 1 });
    await h.db.query(`UPDATE users SET email_kinds = '{COMMUNITY_DIGEST}', quiet_hours_start = '17:00', quiet_hours_end = '21:00' WHERE id = $1`, [cohort.coach.id]);
    await post(cohort.id, cohort.clients[0].id, new Date(AFTER_1800_BERLIN.getTime() - 3_600_000));
    await digest.runDue(AFTER_1800_BERLIN);
    const [toCoach] = await digestsOf(cohort.coach.id);
    expect(toCoach.body).toContain('1 new post and 0 new replies');
    const [row] = await h.db.query(`SELECT email_not_before FROM notifications WHERE id = $1`, [toCoach.id]);
    expect(new Date(row.email_not_before).toISOString()).toBe('2026-11-23T20:00:00.000Z');
  });
});
