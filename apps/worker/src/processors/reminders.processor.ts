import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@anchored/config';
import { NotificationKind } from '@anchored/domain';
import { JobName, JobNameOn, JobQueue, JobResult, QueueJob, REMINDERS_QUEUE } from '@anchored/jobs';
import { DataExportService } from '../exports/data-export.service';
import { CheckInRemindersService } from '../notify/check-in-reminders.service';
import { HomeworkNoticesService } from '../notify/homework-notices.service';
import { ReconcilerService } from '../notify/reconciler.service';
import { RecipientRetimeService } from '../notify/recipient-retime.service';
import { SessionRemindersService } from '../notify/session-reminders.service';
import { WeeklySummariesService } from '../notify/weekly-summaries.service';
import { WeeklyPromptsService } from '../community/weekly-prompts.service';
import { CommunityDigestService } from '../community/community-digest.service';
import { WORKER_CONFIG } from '../worker-config.module';
import { WORKER_TUNING, WorkerTuning } from '../worker-tuning';
import { MeteredWorkerHost, unknownJob } from './metered-worker-host';
import { WorkerMetrics } from './worker-metrics.service';

type RemindersJobName = JobNameOn<typeof REMINDERS_QUEUE>;

/** Time-driven jobs: reminders, homework notices, re-timing a user's emails, and the repeating weekly summaries and reconciler. */
@Processor(REMINDERS_QUEUE)
export class RemindersProcessor extends MeteredWorkerHost implements OnApplicationBootstrap {
  constructor(
    metrics: WorkerMetrics,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @Inject(WORKER_TUNING) private readonly tuning: WorkerTuning,
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: JobQueue<typeof REMINDERS_QUEUE>,
    private readonly sessionReminders: SessionRemindersService,
    private readonly homeworkNotices: HomeworkNoticesService,
    private readonly weeklySummaries: WeeklySummariesService,
    private readonly weeklyPrompts: WeeklyPromptsService,
    private readonly communityDigest: CommunityDigestService,
    private readonly reconciler: ReconcilerService,
    private readonly dataExports: DataExportService,
    private readonly recipientRetime: RecipientRetimeService,
    private readonly checkInReminders: CheckInRemindersService,
  ) {
    super(metrics);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.tuning.withoutSchedulers) return;
    // Idempotent: every worker process upserts the same schedulers, Redis keeps one of each.
    await this.queue.upsertJobScheduler(JobName.RECONCILE, { every: this.config.notifications.reconcileEverySeconds * 1000 }, { name: JobName.RECONCILE });
    await this.queue.upsertJobScheduler(JobName.WEEKLY_SUMMARIES, { every: 5 * 60_000 }, { name: JobName.WEEKLY_SUMMARIES });
    await this.queue.upsertJobScheduler(JobName.WEEKLY_PROMPTS, { every: 5 * 60_000 }, { name: JobName.WEEKLY_PROMPTS });
    await this.queue.upsertJobScheduler(JobName.COMMUNITY_DIGEST, { every: 5 * 60_000 }, { name: JobName.COMMUNITY_DIGEST });
    await this.queue.upsertJobScheduler(JobName.EXPIRE_DATA_EXPORTS, { every: 5 * 60_000 }, { name: JobName.EXPIRE_DATA_EXPORTS });
  }

  process(job: QueueJob<typeof REMINDERS_QUEUE>): Promise<JobResult<RemindersJobName>> {
    switch (job.name) {
      case JobName.SESSION_REMINDER:
        return this.sessionReminders.remind(job.data);
      case JobName.HOMEWORK_DUE:
        return this.homeworkNotices.notify(NotificationKind.HOMEWORK_DUE, job.data);
      case JobName.HOMEWORK_OVERDUE:
        return this.homeworkNotices.notify(NotificationKind.HOMEWORK_OVERDUE, job.data);
      case JobName.WEEKLY_SUMMARIES:
        return this.weeklySummaries.runDue();
      case JobName.WEEKLY_PROMPTS:
        return this.weeklyPrompts.runDue();
      case JobName.COMMUNITY_DIGEST:
        return this.communityDigest.runDue();
      case JobName.RECONCILE:
        return this.reconciler.reconcile();
      case JobName.BUILD_DATA_EXPORT:
        return this.dataExports.build(job.data.exportId);
      case JobName.EXPIRE_DATA_EXPORTS:
        return this.dataExports.expire();
      case JobName.RETIME_RECIPIENT:
        return this.recipientRetime.retime(job.data);
      case JobName.CHECK_IN_REMINDER:
        return this.checkInReminders.remind(job.data);
      default:
        return unknownJob(job);
    }
  }
}
