import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserEntity } from '@anchored/data';
import { DateTime } from 'luxon';
import { AttendanceStatus, ClientProgressFigures, DomainError, Permission, SessionStatus, SubmissionStatus, computeProgress } from '@anchored/domain';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import type { Loaders } from '../loaders/loaders';

export type ClientProgressRow = ClientProgressFigures & { client: UserEntity; lastCheckInOn: string | null };

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * Per ENROLLED client of a cohort. Six queries whatever the cohort's size: clients, assignments,
   * submissions, sessions, attendance and the clients' check-ins; the figures and the reach-out
   * reasons come from one pure function in libs/domain.
   */
  async cohortProgress(caller: AuthUser, cohortId: string, loaders: Loaders): Promise<ClientProgressRow[]> {
    const cohort = await loaders.cohortById.load(cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.access.require(caller, Permission.MANAGE_COHORT, { cohort }, loaders);

    const [clients, assignments, submissions, sessions, attendance, checkIns] = await Promise.all([
      this.db
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .innerJoin('enrollments', 'e', `e.client_id = u.id AND e.cohort_id = :cohortId AND e.status IN ('ENROLLED', 'GRADUATED')`, { cohortId })
        .orderBy('u.name', 'ASC')
        .addOrderBy('u.id', 'ASC')
        .getMany(),
      this.db.query(`SELECT id, due_at FROM homework_assignments WHERE cohort_id = $1`, [cohortId]) as Promise<{ id: string; due_at: Date }[]>,
      this.db.query(
        `SELECT s.assignment_id, s.client_id, s.late, s.status FROM submissions s
         JOIN homework_assignments a ON a.id = s.assignment_id WHERE a.cohort_id = $1`,
        [cohortId],
      ) as Promise<{ assignment_id: string; client_id: string; late: boolean; status: SubmissionStatus }[]>,
      this.db.query(`SELECT id, starts_at, status FROM sessions WHERE cohort_id = $1`, [cohortId]) as Promise<
        { id: string; starts_at: Date; status: SessionStatus }[]
      >,
      this.db.query(
        `SELECT at.session_id, at.client_id, at.status FROM attendance at JOIN sessions s ON s.id = at.session_id WHERE s.cohort_id = $1`,
        [cohortId],
      ) as Promise<{ session_id: string; client_id: string; status: AttendanceStatus }[]>,
      // Anchored and time only (never notes) of the cohort's clients, from the program's first day.
      this.db.query(
        `SELECT c.client_id, c.created_at, c.anchored, c.local_date::text AS local_date FROM check_ins c
         JOIN enrollments e ON e.client_id = c.client_id AND e.cohort_id = $1 AND e.status IN ('ENROLLED', 'GRADUATED')
         WHERE c.local_date >= $2`,
        [cohortId, cohort.startsOn],
      ) as Promise<{ client_id: string; created_at: Date; anchored: number; local_date: string }[]>,
    ]);

    const figures = computeProgress({
      clientIds: clients.map((c) => c.id),
      assignments: assignments.map((a) => ({ id: a.id, dueAt: a.due_at })),
      submissions: submissions.map((s) => ({ assignmentId: s.assignment_id, clientId: s.client_id, late: s.late, status: s.status })),
      sessions: sessions.map((s) => ({ id: s.id, startsAt: s.starts_at, status: s.status })),
      attendance: attendance.map((a) => ({ sessionId: a.session_id, clientId: a.client_id, status: a.status })),
      checkIns: {
        programStartedAt: DateTime.fromISO(cohort.startsOn, { zone: cohort.timezone }).startOf('day').toJSDate(),
        rows: checkIns.map((c) => ({ clientId: c.client_id, at: new Date(c.created_at), anchored: c.anchored })),
      },
      now: new Date(),
    });
    const lastCheckInOn = new Map<string, string>();
    for (const c of checkIns) if ((lastCheckInOn.get(c.client_id) ?? '') < c.local_date) lastCheckInOn.set(c.client_id, c.local_date);
    return figures.map((f, i) => ({ ...f, client: clients[i], lastCheckInOn: lastCheckInOn.get(f.clientId) ?? null }));
  }
}
