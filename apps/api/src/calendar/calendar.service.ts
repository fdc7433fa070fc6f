import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DataSource } from 'typeorm';
import { findModule } from '@anchored/curriculum';
import { SessionEntity, UserEntity } from '@anchored/data';
import { Role, SessionStatus } from '@anchored/domain';
import { randomToken } from '../auth/tokens';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../private-text/private-text-cipher';
import { calendarTokenHash, newCalendarToken } from '../private-text/sealed-columns';

/** How far back a feed reaches; calendars keep what they already have. */
const HISTORY_DAYS = 60;

@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
  ) {}

  /**
   * The feed of the user owning this secret token, or null when no one does. Found by the token's
   * hash: the database holds no usable token. (A row an older version or a direct insert left in
   * the clear is found by its plaintext until the API seals it at start.)
   */
  async feedFor(token: string): Promise<string | null> {
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.calendar_token_hash = :hash', { hash: calendarTokenHash(token) })
      .orWhere('(u.calendar_token_hash IS NULL AND u.calendar_token = :token)', { token })
      .getOne();
    if (!user) return null;
    const sessions = await this.sessionsOf(user);
    const calendar = ical({
      name: 'Anchored sessions',
      prodId: { company: 'Anchored', product: 'Anchored', language: 'EN' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 60 * 60,
    });
    for (const { session, cohortName } of sessions) {
      const module = session.moduleKey ? findModule(session.moduleKey) : undefined;
      calendar.createEvent({
        // Stable across reschedules, so calendars update the event instead of adding one.
        id: `${session.id}@anchored`,
        sequence: session.sequence,
        // Times are written in UTC: no calendar can shift them by an hour.
        start: session.startsAt,
        end: new Date(session.startsAt.getTime() + session.durationMinutes * 60_000),
        stamp: session.updatedAt,
        lastModified: session.updatedAt,
        summary: `${session.title} · ${cohortName}`,
        description: [module ? `This week: ${module.title}` : null, session.meetingUrl ? `Join: ${session.meetingUrl}` : null].filter(Boolean).join('\n') || null,
        location: session.meetingUrl ?? null,
        url: session.meetingUrl ?? null,
        status: session.status === SessionStatus.CANCELLED ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  }

  /** Issues a new secret URL; subscriptions to the old one stop working. */
  async rotateToken(userId: string): Promise<UserEntity> {
    const repo = this.db.getRepository(UserEntity);
    await repo.update({ id: userId }, newCalendarToken(this.cipher, userId, randomToken(24)).columns);
    return repo.findOneByOrFail({ id: userId });
  }

  private async sessionsOf(user: UserEntity): Promise<{ session: SessionEntity; cohortName: string }[]> {
    // Admins run no sessions themselves: their feed is empty.
    if (user.role === Role.ADMIN) return [];
    const membership =
      user.role === Role.COACH
        ? `EXISTS (SELECT 1 FROM cohort_coaches cc WHERE cc.cohort_id = s.cohort_id AND cc.coach_id = :userId)`
        : `EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = s.cohort_id AND e.client_id = :userId AND e.status IN ('ENROLLED', 'GRADUATED'))`;
    const rows = await this.db
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoin('cohorts', 'c', 'c.id = s.cohort_id')
      .addSelect('c.name', 'cohort_name')
      .where(membership, { userId: user.id })
      .andWhere(`s.starts_at > now() - make_interval(days => :days)`, { days: HISTORY_DAYS })
      .orderBy('s.starts_at', 'ASC')
      .getRawAndEntities();
    return rows.entities.map((session, i) => ({ session, cohortName: rows.raw[i]['cohort_name'] as string }));
  }
}
