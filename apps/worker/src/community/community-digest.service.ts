import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { notificationDraft } from '@anchored/data';
import { NotificationKind, Role } from '@anchored/domain';
import { JobName, JobResult, NotificationOutbox } from '@anchored/jobs';
import { communityDigestKey, renderCommunityDigest } from '@anchored/notifications';
import { WORKER_CONFIG } from '../worker-config.module';

/** The digest goes out at this local hour (in each person's timezone), once per local day. */
export const DIGEST_LOCAL_HOUR = 18;

interface Person {
  id: string;
  name: string;
  role: Role;
  timezone: string;
  email_kinds: string[] | string | null;
}

interface CircleCount {
  cohort_id: string;
  name: string;
  posts: number;
  replies: number;
}

const kindsOf = (value: Person['email_kinds']): string[] | null =>
  value === null ? null : Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);

/**
 * COMMUNITY_DIGEST: once a day, after DIGEST_LOCAL_HOUR in each person's timezone, how many new
 * posts and replies (by others, not removed or hidden) their circles had in the last 24 hours,
 * circle by circle, with links: never any text. Nothing when there is nothing new. Coaches get it
 * only when they chose it in their email settings (off by default: they read their circles anyway).
 * Quiet hours are applied by storeNotifications; the dedupe key (person, local day) makes it exactly
 * once under retries and several workers.
 */
@Injectable()
export class CommunityDigestService {
  private readonly logger = new Logger(CommunityDigestService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly outbox: NotificationOutbox,
  ) {}

  async runDue(now = new Date()): Promise<JobResult<JobName.COMMUNITY_DIGEST>> {
    const people: Person[] = await this.db.query(
      `SELECT u.id, u.name, u.role, u.timezone, u.email_kinds FROM users u
       WHERE EXISTS (SELECT 1 FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
                     WHERE e.client_id = u.id AND e.status IN ('ENROLLED', 'GRADUATED') AND c.status IN ('ACTIVE', 'COMPLETED'))
          OR EXISTS (SELECT 1 FROM cohort_coaches cc JOIN cohorts c ON c.id = cc.cohort_id WHERE cc.coach_id = u.id AND c.status IN ('ACTIVE', 'COMPLETED'))
       ORDER BY u.id`,
    );
    let sent = 0;
    for (const person of people) {
      const local = DateTime.fromJSDate(now, { zone: person.timezone });
      if (!local.isValid || local.hour < DIGEST_LOCAL_HOUR) continue;
      if (person.role === Role.COACH && !(kindsOf(person.email_kinds) ?? []).includes(NotificationKind.COMMUNITY_DIGEST)) continue;
      const key = communityDigestKey(person.id, local.toISODate() as string);
      const [done] = await this.db.query(`SELECT 1 FROM notifications WHERE dedupe_key = $1`, [key]);
      if (done) continue;
      const circles: CircleCount[] = await this.db.query(
        `WITH mine AS (
           SELECT e.cohort_id FROM enrollments e WHERE e.client_id = $1 AND e.status IN ('ENROLLED', 'GRADUATED')
           UNION SELECT cc.cohort_id FROM cohort_coaches cc WHERE cc.coach_id = $1
         )
         SELECT c.id AS cohort_id, c.name,
                (SELECT count(*)::int FROM posts p WHERE p.cohort_id = c.id AND p.created_at > $2 AND p.created_at <= $3
                   AND p.removed_at IS NULL AND p.hidden_at IS NULL AND p.author_id IS DISTINCT FROM $1) AS posts,
                (SELECT count(*)::int FROM post_replies r JOIN posts p ON p.id = r.post_id WHERE p.cohort_id = c.id AND r.created_at > $2 AND r.created_at <= $3
                   AND r.removed_at IS NULL AND p.removed_at IS NULL AND r.author_id IS DISTINCT FROM $1) AS replies
         FROM cohorts c JOIN mine m ON m.cohort_id = c.id WHERE c.status IN ('ACTIVE', 'COMPLETED') ORDER BY c.name, c.id`,
        [person.id, new Date(now.getTime() - 86_400_000), now],
      );
      const active = circles.filter((c) => c.posts + c.replies > 0);
      if (active.length === 0) continue;
      const message = renderCommunityDigest({
        recipientName: person.name,
        circles: active.map((c) => ({ cohortName: c.name, posts: c.posts, replies: c.replies, url: `${this.config.publicUrl}/circle/${c.cohort_id}` })),
      });
      const stored = await this.outbox.transaction((_manager, outbox) =>
        outbox.notify(
          [
            notificationDraft(person.id, NotificationKind.COMMUNITY_DIGEST, key, message, undefined, {
              kind: 'COMMUNITY_DIGEST',
              circles: active.map((c) => ({ cohortId: c.cohort_id, cohortName: c.name, posts: c.posts, replies: c.replies })),
            }),
          ],
          now,
        ),
      );
      sent += stored.length;
    }
    if (sent > 0) this.logger.log(`Community digests: ${sent}`);
    return { sent };
  }
}
