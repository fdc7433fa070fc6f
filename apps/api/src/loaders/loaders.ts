import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AttendanceEntity, CohortEntity, HomeworkAssignmentEntity, SessionEntity, SubmissionEntity, UserEntity } from '@anchored/data';
import { EnrollmentStatus } from '@anchored/domain';
import { DELETED_ACCOUNT_ID } from '../users/deleted-account';

export type WithClient<T> = T & { client: UserEntity };
export type AttendanceWithClient = WithClient<AttendanceEntity>;


/**
 * Attaches each row's client (one batched user query). Attendance and submissions come in the
 * hundreds per dashboard; a plain `client` property spares each of them a field resolver.
 * Rows whose user no longer exists (or was deleted: anonymous attendance) are left out.
 */
export async function withClient<T extends { clientId: string | null }>(loaders: Pick<Loaders, 'userById'>, rows: T[]): Promise<WithClient<T>[]> {
  const users = await loaders.userById.loadMany(rows.map((r) => r.clientId ?? DELETED_ACCOUNT_ID));
  return rows.flatMap((row, i) => {
    const client = users[i];
    return client && !(client instanceof Error) ? [Object.assign(Object.create(Object.getPrototypeOf(row)), row, { client }) as WithClient<T>] : [];
  });
}

export interface SeatCounts {
  enrolled: number;
  waitlisted: number;
}

/** Per-request batch loaders: nested fields cost one query per kind, not one per parent. */
export interface Loaders {
  userById: DataLoader<string, UserEntity | undefined>;
  cohortById: DataLoader<string, CohortEntity | undefined>;
  coachIdsByCohortId: DataLoader<string, string[]>;
  seatCountsByCohortId: DataLoader<string, SeatCounts>;
  /** enrollment id -> 1-based place in its cohort's waitlist, keyed by cohort id. */
  waitlistByCohortId: DataLoader<string, Map<string, number>>;
  /** `${cohortId}:${clientId}` -> ENROLLED or GRADUATED when the client has (had) a seat. */
  seatStatus: DataLoader<string, EnrollmentStatus | undefined>;
  /** `${cohortId}:${clientId}` -> whether the client has an enrollment of any status in the cohort. */
  hasEnrollment: DataLoader<string, boolean>;
  /** client id -> whether they hold an ENROLLED or GRADUATED seat in any cohort (who may check in). */
  hasSeatAnywhere: DataLoader<string, boolean>;
  sessionById: DataLoader<string, SessionEntity | undefined>;
  sessionsByCohortId: DataLoader<string, SessionEntity[]>;
  /** Each row carries its client, so the many Attendance.client fields need no resolver of their own. */
  attendanceBySessionId: DataLoader<string, AttendanceWithClient[]>;
  assignmentById: DataLoader<string, HomeworkAssignmentEntity | undefined>;
  assignmentsByCohortId: DataLoader<string, HomeworkAssignmentEntity[]>;
  submissionsByAssignmentId: DataLoader<string, WithClient<SubmissionEntity>[]>;
  /** `${assignmentId}:${clientId}` -> that client's submission. */
  submissionOf: DataLoader<string, SubmissionEntity | undefined>;
}

/**
 * Forgets everything loaded so far. Called before each root mutation field, so that a mutation's
 * access facts (seats, coach assignments) are never read from before an earlier mutation of the
 * same request changed them.
 */
export function clearLoaders(loaders: Loaders): void {
  for (const loader of Object.values(loaders) as DataLoader<unknown, unknown>[]) loader.clearAll();
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}

function splitPairs(keys: readonly string[]): [string[], string[]] {
  const pairs = keys.map((k) => k.split(':'));
  return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
}

function byId<T extends { id: string }>(keys: readonly string[], rows: T[]): (T | undefined)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => map.get(key));
}

@Injectable()
export class LoadersFactory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  create(): Loaders {
    const db = this.db;
    const loaders: Loaders = {
      userById: new DataLoader(async (ids) => byId(ids, await db.getRepository(UserEntity).findBy({ id: In([...ids]) }))),
      cohortById: new DataLoader(async (ids) => byId(ids, await db.getRepository(CohortEntity).findBy({ id: In([...ids]) }))),
      coachIdsByCohortId: new DataLoader(async (cohortIds) => {
        const rows: { cohort_id: string; coach_id: string }[] = await db.query(
          `SELECT cc.cohort_id, cc.coach_id FROM cohort_coaches cc JOIN users u ON u.id = cc.coach_id
           WHERE cc.cohort_id = ANY($1) ORDER BY u.name, u.id`,
          [cohortIds],
        );
        return cohortIds.map((id) => rows.filter((r) => r.cohort_id === id).map((r) => r.coach_id));
      }),
      seatCountsByCohortId: new DataLoader(async (cohortIds) => {
        const rows: { cohort_id: string; enrolled: number; waitlisted: number }[] = await db.query(
          `SELECT cohort_id,
                  count(*) FILTER (WHERE status = 'ENROLLED')::int AS enrolled,
                  count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
           FROM enrollments WHERE cohort_id = ANY($1) AND status IN ('ENROLLED', 'WAITLISTED')
           GROUP BY cohort_id`,
          [cohortIds],
        );
        const map = new Map(rows.map((r) => [r.cohort_id, { enrolled: r.enrolled, waitlisted: r.waitlisted }]));
        return cohortIds.map((id) => map.get(id) ?? { enrolled: 0, waitlisted: 0 });
      }),
      waitlistByCohortId: new DataLoader(async (cohortIds) => {
        const rows: { cohort_id: string; id: string; position: number }[] = await db.query(
          `SELECT cohort_id, id, row_number() OVER (PARTITION BY cohort_id ORDER BY waitlisted_at, id)::int AS position
           FROM enrollments WHERE cohort_id = ANY($1) AND status = 'WAITLISTED'`,
          [cohortIds],
        );
        return cohortIds.map((cohortId) => new Map(rows.filter((r) => r.cohort_id === cohortId).map((r) => [r.id, r.position])));
      }),
      seatStatus: new DataLoader(async (keys) => {
        const [cohortIds, clientIds] = splitPairs(keys);
        const rows: { cohort_id: string; client_id: string; status: EnrollmentStatus }[] = await db.query(
          `SELECT e.cohort_id, e.client_id, e.status FROM enrollments e
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(cohort_id, client_id) ON k.cohort_id = e.cohort_id AND k.client_id = e.client_id
           WHERE e.status IN ('ENROLLED', 'GRADUATED')`,
          [cohortIds, clientIds],
        );
        const map = new Map(rows.map((r) => [`${r.cohort_id}:${r.client_id}`, r.status]));
        return keys.map((k) => map.get(k));
      }),
      hasEnrollment: new DataLoader(async (keys) => {
        const [cohortIds, clientIds] = splitPairs(keys);
        const rows: { cohort_id: string; client_id: string }[] = await db.query(
          `SELECT DISTINCT e.cohort_id, e.client_id FROM enrollments e
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(cohort_id, client_id) ON k.cohort_id = e.cohort_id AND k.client_id = e.client_id`,
          [cohortIds, clientIds],
        );
        const found = new Set(rows.map((r) => `${r.cohort_id}:${r.client_id}`));
        return keys.map((k) => found.has(k));
      }),
      hasSeatAnywhere: new DataLoader(async (clientIds) => {
        const rows: { client_id: string }[] = await db.query(
          `SELECT DISTINCT client_id FROM enrollments WHERE client_id = ANY($1) AND status IN ('ENROLLED', 'GRADUATED')`,
          [clientIds],
        );
        const found = new Set(rows.map((r) => r.client_id));
        return clientIds.map((id) => found.has(id));
      }),
      sessionById: new DataLoader(async (ids) => byId(ids, await db.getRepository(SessionEntity).findBy({ id: In([...ids]) }))),
      sessionsByCohortId: new DataLoader(async (cohortIds) => {
        const rows = await db.getRepository(SessionEntity).find({ where: { cohortId: In([...cohortIds]) }, order: { startsAt: 'ASC', id: 'ASC' } });
        return groupBy(cohortIds, rows, (r) => r.cohortId);
      }),
      attendanceBySessionId: new DataLoader(async (sessionIds) => {
        const rows = await db.getRepository(AttendanceEntity).findBy({ sessionId: In([...sessionIds]) });
        const withClients = await withClient(loaders, rows);
        return groupBy(sessionIds, withClients, (r) => r.sessionId);
      }),
      assignmentById: new DataLoader(async (ids) => byId(ids, await db.getRepository(HomeworkAssignmentEntity).findBy({ id: In([...ids]) }))),
      assignmentsByCohortId: new DataLoader(async (cohortIds) => {
        const rows = await db.getRepository(HomeworkAssignmentEntity).find({ where: { cohortId: In([...cohortIds]) }, order: { dueAt: 'ASC', id: 'ASC' } });
        return groupBy(cohortIds, rows, (r) => r.cohortId);
      }),
      submissionsByAssignmentId: new DataLoader(async (assignmentIds) => {
        const rows = await db.getRepository(SubmissionEntity).find({ where: { assignmentId: In([...assignmentIds]) }, order: { submittedAt: 'ASC' } });
        return groupBy(assignmentIds, await withClient(loaders, rows), (r) => r.assignmentId);
      }),
      submissionOf: new DataLoader(async (keys) => {
        const [assignmentIds, clientIds] = splitPairs(keys);
        // Both id sets at once; the map below keeps only the pairs asked for.
        const found = await db.getRepository(SubmissionEntity).find({ where: { assignmentId: In(assignmentIds), clientId: In(clientIds) } });
        const map = new Map(found.map((r) => [`${r.assignmentId}:${r.clientId}`, r]));
        return keys.map((k) => map.get(k));
      }),
    };
    return loaders;
  }
}
