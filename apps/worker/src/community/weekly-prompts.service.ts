import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { programWeekAt, weeklyPromptFor } from '@anchored/curriculum';
import { PrivateTextCipher, postBodyAad } from '@anchored/data';
import { PostKind } from '@anchored/domain';
import type { JobName, JobResult, LiveEvent } from '@anchored/jobs';
import { WorkerLiveEvents } from '../live/worker-live-events';
import { WORKER_CONFIG } from '../worker-config.module';

const PAGE = 100;

interface CohortRow {
  id: string;
  timezone: string;
  starts_on: string;
  program_weeks: number;
}

/**
 * Posts each ACTIVE cohort's weekly discussion prompt (libs/curriculum prompts.ts) once its program
 * week has started in the cohort's timezone: a WEEKLY_PROMPT post without an author. Runs often (a
 * job scheduler); the unique index on (cohort, program week) makes it exactly once under retries
 * and any number of workers. Only the current week is posted, so a cohort that becomes ACTIVE
 * mid-week gets that week's prompt on the next run, and never a backlog of past ones.
 */
@Injectable()
export class WeeklyPromptsService {
  private readonly logger = new Logger(WeeklyPromptsService.name);
  private readonly cipher: PrivateTextCipher;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(WORKER_CONFIG) config: AppConfig,
    private readonly live: WorkerLiveEvents,
  ) {
    this.cipher = new PrivateTextCipher(config.homeworkKeys);
  }

  async runDue(now = new Date()): Promise<JobResult<JobName.WEEKLY_PROMPTS>> {
    let after = '00000000-0000-0000-0000-000000000000';
    let posted = 0;
    const events: LiveEvent[] = [];
    for (;;) {
      const page: CohortRow[] = await this.db.query(
        `SELECT id, timezone, starts_on::text AS starts_on, program_weeks FROM cohorts WHERE status = 'ACTIVE' AND id > $1 ORDER BY id LIMIT ${PAGE}`,
        [after],
      );
      if (page.length === 0) break;
      after = page[page.length - 1].id;
      for (const cohort of page) {
        const current = programWeekAt({ startsOn: cohort.starts_on, timezone: cohort.timezone, programWeeks: cohort.program_weeks }, now);
        if (!current) continue;
        const id = randomUUID();
        const body = this.cipher.encrypt(weeklyPromptFor(current.week).text, postBodyAad({ id, cohortId: cohort.id }));
        const inserted: { id: string }[] = await this.db.query(
          `INSERT INTO posts (id, cohort_id, kind, author_id, body_encrypted, prompt_week, created_at)
           VALUES ($1, $2, $3, NULL, $4, $5, $6)
           ON CONFLICT (cohort_id, prompt_week) WHERE kind = 'WEEKLY_PROMPT' DO NOTHING RETURNING id`,
          [id, cohort.id, PostKind.WEEKLY_PROMPT, body, current.week, now],
        );
        if (inserted.length === 0) continue;
        posted += 1;
        events.push({ type: 'feed', cohortId: cohort.id, kind: 'POST_CREATED', postId: id });
      }
    }
    // After each insert committed (each statement is its own transaction); never throws.
    try {
      await this.live.publish(events);
    } catch (error) {
      this.logger.warn(`Could not announce ${events.length} prompts live: ${(error as Error).message}`);
    }
    if (posted > 0) this.logger.log(`Weekly prompts: posted ${posted}`);
    return { posted };
  }
}
