import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessSubject, CheckInEntity, checkInNoteAad } from '@anchored/data';
import {
  CHECK_IN,
  CheckInTrend,
  CohortWeather,
  DomainError,
  ErrorCode,
  Permission,
  checkInProblems,
  checkInTrend,
  cohortWeather,
  localDateOf,
  weatherWindowStart,
} from '@anchored/domain';
import { AccessService } from '../access/access.service';
import { AccessLogService } from '../access-log/access-log.service';
import type { AuthUser } from '../common/auth-user';
import type { Loaders } from '../loaders/loaders';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../private-text/private-text-cipher';
import type { CheckInInput } from './dto/check-in.input';

const SEATED = `('ENROLLED', 'GRADUATED')`;

function assertRange(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw DomainError.badInput('to', 'to must not be before from.');
}

/**
 * Daily check-ins (docs/check-ins.md). A check-in is the person's, not a cohort's: one per local
 * calendar day in their timezone, counted for every cohort where they hold an ENROLLED or
 * GRADUATED seat. The note is the client's alone: encrypted at rest, decrypted only for its writer.
 */
@Injectable()
export class CheckInsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
    private readonly access: AccessService,
    private readonly accessLog: AccessLogService,
  ) {}

  /** Stores today's check-in (in the client's timezone), replacing one made earlier the same day. */
  async checkIn(caller: AuthUser, input: CheckInInput, loaders: Loaders, now = new Date()): Promise<CheckInEntity> {
    await this.access.require(caller, Permission.CHECK_IN, null, loaders);
    const note = typeof input.note === 'string' && input.note.trim() ? input.note.trim() : null;
    const problems = checkInProblems({ ...input, note });
    if (problems.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `Please check your check-in: ${problems.map((p) => p.message).join(' ')}`, problems);
    }
    const user = await loaders.userById.load(caller.id);
    if (!user) throw DomainError.unauthenticated();
    const localDate = localDateOf(now, user.timezone);
    const noteEncrypted = note === null ? null : this.cipher.encrypt(note, checkInNoteAad({ clientId: caller.id, localDate }));
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO check_ins (client_id, local_date, location, state, anchored, note_encrypted, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (client_id, local_date) DO UPDATE
         SET location = EXCLUDED.location, state = EXCLUDED.state, anchored = EXCLUDED.anchored,
             note_encrypted = EXCLUDED.note_encrypted, created_at = EXCLUDED.created_at
       RETURNING id`,
      [caller.id, localDate, input.location, input.state, input.anchored, noteEncrypted, now],
    );
    return this.db.getRepository(CheckInEntity).findOneByOrFail({ id: row.id });
  }

  /** The caller's own check-ins between two local dates (inclusive), oldest first. */
  mine(caller: AuthUser, from?: string | null, to?: string | null): Promise<CheckInEntity[]> {
    assertRange(from, to);
    return this.between(caller.id, from ?? null, to ?? null);
  }

  /**
   * A client's check-ins for the cohort's coaches, from the cohort's first day on (never from before
   * they coached them), without notes. Every read goes into the client's access log first.
   */
  async ofClient(caller: AuthUser, cohortId: string, clientId: string, from: string | null | undefined, to: string | null | undefined, loaders: Loaders): Promise<CheckInEntity[]> {
    const cohort = await loaders.cohortById.load(cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.access.require(caller, Permission.READ_CHECK_INS, { cohort }, loaders);
    assertRange(from, to);
    if (!(await loaders.seatStatus.load(`${cohort.id}:${clientId}`))) throw DomainError.notFound('That client in this cohort');
    const since = from && from > cohort.startsOn ? from : cohort.startsOn;
    const rows = await this.between(clientId, since, to ?? null);
    await this.accessLog.recordMany(rows.map((r) => ({ readerId: caller.id, subject: AccessSubject.CHECK_IN, subjectId: r.id, ownerId: clientId })));
    return rows;
  }

  /** The cohort's weather over the last `days` local days (the cohort's calendar): community members. */
  async weather(caller: AuthUser, cohortId: string, days: number, loaders: Loaders, now = new Date()): Promise<CohortWeather> {
    const cohort = await loaders.cohortById.load(cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.access.require(caller, Permission.FOLLOW_PROGRAM, { cohort }, loaders);
    if (!Number.isInteger(days) || days < 1 || days > CHECK_IN.weatherDaysMax) {
      throw DomainError.badInput('days', `days must be a whole number from 1 to ${CHECK_IN.weatherDaysMax}.`);
    }
    const today = localDateOf(now, cohort.timezone);
    const rows: { client_id: string; location: string; state: string; anchored: number }[] = await this.db.query(
      `SELECT c.client_id, c.location, c.state, c.anchored FROM check_ins c
       JOIN enrollments e ON e.client_id = c.client_id AND e.cohort_id = $1 AND e.status IN ${SEATED}
       WHERE c.local_date >= $2 AND c.local_date <= $3`,
      [cohort.id, weatherWindowStart(today, days), today],
    );
    return cohortWeather(rows.map((r) => ({ clientId: r.client_id, location: r.location as never, state: r.state as never, anchored: r.anchored })));
  }

  /** The caller's trend over a cohort's program (its weeks), from their own check-ins. */
  async trend(caller: AuthUser, cohortId: string, loaders: Loaders, now = new Date()): Promise<CheckInTrend> {
    const cohort = await loaders.cohortById.load(cohortId);
    if (!cohort) throw DomainError.notFound('That cohort');
    await this.access.require(caller, Permission.FOLLOW_PROGRAM, { cohort }, loaders);
    const user = await loaders.userById.load(caller.id);
    const rows = await this.between(caller.id, cohort.startsOn, null);
    return checkInTrend(rows, cohort.startsOn, localDateOf(now, user?.timezone ?? cohort.timezone));
  }

  /** The note, for its writer only; null for everyone else. */
  readNote(caller: AuthUser, row: CheckInEntity): string | null {
    if (caller.id !== row.clientId || !row.noteEncrypted) return null;
    return this.cipher.decrypt<string>(row.noteEncrypted, checkInNoteAad(row));
  }

  private between(clientId: string, from: string | null, to: string | null): Promise<CheckInEntity[]> {
    const q = this.db.getRepository(CheckInEntity).createQueryBuilder('c').where('c.client_id = :clientId', { clientId });
    if (from) q.andWhere('c.local_date >= :from', { from });
    if (to) q.andWhere('c.local_date <= :to', { to });
    return q.orderBy('c.local_date', 'ASC').getMany();
  }
}
