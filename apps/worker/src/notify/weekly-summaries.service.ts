import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { NotificationDraft, StoredNotification, notificationDraft } from '@anchored/data';
import { NotificationKind } from '@anchored/domain';
import { JobName, JobResult, NotificationOutbox, OutboxWriter } from '@anchored/jobs';
import {
  SummaryAssignment,
  SummaryCheckIn,
  SummaryCohort,
  SummarySession,
  buildClientWeeklyNote,
  buildCoachWeeklySummary,
  renderClientWeeklyNote,
  renderCoachWeeklySummary,
  weeklySummaryKey,
} from '@anchored/notifications';
import { WORKER_CONFIG } from '../worker-config.module';
import { cohortCoaches, enrolledClients } from './recipients';

/** Cohorts are read a page at a time, so memory stays flat however many are active. */
const PAGE = 100;
/** A summary missed while the worker was down is still sent within this long. */
const CATCH_UP_MS = 48 * 3_600_000;

interface CohortRow {
  id: string;
  name: string;
  timezone: string;
  starts_on: string;
  program_weeks: number;
}

/** The moment this week's summary is due in a timezone, if it has come, and that week's ISO name. */
export function dueSummaryMoment(now: Date, timezone: string, isoWeekday: number, localTime: string): { moment: Date; isoWeek: string } | null {
  const [hour, minute] = localTime.split(':').map(Number);
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const moment = local.startOf('week').plus({ days: isoWeekday - 1 }).set({ hour, minute, second: 0, millisecond: 0 });
  const elapsed = now.getTime() - moment.toMillis();
  if (elapsed < 0 || elapsed > CATCH_UP_MS) return null;
  return { moment: moment.toJSDate(), isoWeek: moment.toFormat("kkkk-'W'WW") };
}

/**
 * The weekly summary for each coach and the weekly note for each client of every ACTIVE cohort.
 * Runs often (a job scheduler); each cohort's week is claimed in weekly_summary_runs in the same
 * transaction that stores its notifications, so any number of workers send it exactly once.
 */
@Injectable()
export class WeeklySummariesService {
  private readonly logger = new Logger(WeeklySummariesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly outbox: NotificationOutbox,
  ) {}

  async runDue(now = new Date()): Promise<JobResult<JobName.WEEKLY_SUMMARIES>> {
    const { isoWeekday, localTime } = this.config.notifications.weeklySummary;
    let after = '00000000-0000-0000-0000-000000000000';
    let cohorts = 0;
    let notifications = 0;
    for (;;) {
      const page: CohortRow[] = await this.db.query(
        `SELECT id, name, timezone, starts_on::text AS starts_on, program_weeks FROM cohorts
         WHERE status = 'ACTIVE' AND id > $1 ORDER BY id LIMIT ${PAGE}`,
        [after],
      );
      if (page.length === 0) break;
      after = page[page.length - 1].id;
      for (const cohort of page) {
        const due = dueSummaryMoment(now, cohort.timezone, isoWeekday, localTime);
        if (!due) continue;
        const stored = await this.outbox.transaction((manager, outbox) => this.summarise(manager, outbox, cohort, due.moment, due.isoWeek, now));
        if (stored === null) continue;
        cohorts += 1;
        notifications += stored.length;
      }
    }
    if (cohorts > 0) this.logger.log(`Weekly summaries: ${cohorts} cohorts, ${notifications} notifications`);
    return { cohorts, notifications };
  }

  /** Null when this cohort's week was already summarised. */
  private async summarise(
    manager: EntityManager,
    outbox: OutboxWriter,
    row: CohortRow,
    moment: Date,
    isoWeek: string,
    now: Date,
  ): Promise<StoredNotification[] | null> {
    const claimed = await manager.query(
      `INSERT INTO weekly_summary_runs (cohort_id, iso_week) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING cohort_id`,
      [row.id, isoWeek],
    );
    if (claimed.length === 0) return null;

    const cohort: SummaryCohort = { id: row.id, name: row.name, timezone: row.timezone, startsOn: row.starts_on, programWeeks: row.program_weeks };
    // One connection runs one statement at a time: read in sequence.
    const clients = await enrolledClients(manager, row.id);
    const coaches = await cohortCoaches(manager, row.id);
    const sessions = await this.sessions(manager, row.id);
    const assignments = await this.assignments(manager, row.id);
    const checkIns = await this.checkIns(manager, row.id, row.starts_on);
    const drafts: NotificationDraft[] = [];
    const draft = (userId: string, message: { subject: string; text: string; html: string }, forCoach: boolean, programWeek: number | null) =>
      drafts.push(
        notificationDraft(userId, NotificationKind.WEEKLY_SUMMARY, weeklySummaryKey(row.id, isoWeek, userId), message, undefined, {
          kind: 'WEEKLY_SUMMARY',
          cohortId: row.id,
          cohortName: row.name,
          programWeek,
          forCoach,
        }),
      );

    const summary = buildCoachWeeklySummary({
      cohort,
      clients: clients.map(({ id, name }) => ({ id, name })),
      sessions,
      assignments,
      weekStart: new Date(moment.getTime() - 7 * 86_400_000),
      weekEnd: moment,
      now,
      checkIns,
    });
    for (const coach of coaches) {
      draft(coach.id, renderCoachWeeklySummary(summary, { recipientName: coach.name, recipientTimezone: coach.timezone, cohortName: row.name }), true, summary.programWeek);
    }
    for (const client of clients) {
      const note = buildClientWeeklyNote({ cohort, client: { id: client.id, name: client.name }, sessions, assignments, now });
      draft(client.id, renderClientWeeklyNote(note, { recipientName: client.name, recipientTimezone: client.timezone, cohortName: row.name }), false, note.programWeek);
    }
    return outbox.notify(drafts, now);
  }

  private async sessions(manager: EntityManager, cohortId: string): Promise<SummarySession[]> {
    const rows: { id: string; title: string; starts_at: Date; duration_minutes: number; status: SummarySession['status']; meeting_url: string | null }[] =
      await manager.query(
        `SELECT id, title, starts_at, duration_minutes, status, meeting_url FROM sessions WHERE cohort_id = $1 ORDER BY starts_at, id`,
        [cohortId],
      );
    const attendance: { session_id: string; client_id: string; status: 'PRESENT' | 'ABSENT' | 'EXCUSED' }[] = await manager.query(
      `SELECT a.session_id, a.client_id, a.status FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.cohort_id = $1`,
      [cohortId],
    );
    return rows.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: new Date(s.starts_at),
      durationMinutes: s.duration_minutes,
      status: s.status,
      meetingUrl: s.meeting_url,
      attendance: attendance.filter((a) => a.session_id === s.id).map((a) => ({ clientId: a.client_id, status: a.status })),
    }));
  }

  /** Check-in times and scores of the cohort's clients since its first day (the dashboard's query); notes stay encrypted and unread. */
  private async checkIns(manager: EntityManager, cohortId: string, startsOn: string): Promise<SummaryCheckIn[]> {
    const rows: { client_id: string; created_at: Date; anchored: number }[] = await manager.query(
      `SELECT c.client_id, c.created_at, c.anchored FROM check_ins c
       JOIN enrollments e ON e.client_id = c.client_id AND e.cohort_id = $1 AND e.status IN ('ENROLLED', 'GRADUATED')
       WHERE c.local_date >= $2`,
      [cohortId, startsOn],
    );
    return rows.map((r) => ({ clientId: r.client_id, at: new Date(r.created_at), anchored: r.anchored }));
  }

  /** Submission facts only (who, when, late, reviewed): the answers stay encrypted and unread. */
  private async assignments(manager: EntityManager, cohortId: string): Promise<SummaryAssignment[]> {
    const rows: { id: string; title: string; due_at: Date }[] = await manager.query(
      `SELECT id, title, due_at FROM homework_assignments WHERE cohort_id = $1 ORDER BY due_at, id`,
      [cohortId],
    );
    const submissions: { assignment_id: string; client_id: string; submitted_at: Date; late: boolean; reviewed_at: Date | null }[] = await manager.query(
      `SELECT s.assignment_id, s.client_id, s.submitted_at, s.late, s.reviewed_at
       FROM submissions s JOIN homework_assignments a ON a.id = s.assignment_id WHERE a.cohort_id = $1`,
      [cohortId],
    );
    return rows.map((a) => ({
      id: a.id,
      title: a.title,
      dueAt: new Date(a.due_at),
      submissions: submissions
        .filter((s) => s.assignment_id === a.id)
        .map((s) => ({ clientId: s.client_id, submittedAt: new Date(s.submitted_at), late: s.late, reviewedAt: s.reviewed_at ? new Date(s.reviewed_at) : null })),
    }));
  }
}
