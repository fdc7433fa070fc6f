import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import ical, { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { AppConfig } from '@anchored/config';
import { DataSource } from 'typeorm';
import { findModule } from '@anchored/curriculum';
import { SessionEntity, UserEntity } from '@anchored/data';
import { Role, SessionStatus } from '@anchored/domain';
import { randomToken } from '../auth/tokens';
import { APP_CONFIG } from '../config.module';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../private-text/private-text-cipher';
import { calendarTokenHash, newCalendarToken } from '../private-text/sealed-columns';

/** How far back a feed reaches; calendars keep what they already have. */
const HISTORY_DAYS = 60;

/** How long a one-session link works; the page hands out a fresh one each time it loads. */
const EVENT_LINK_SECONDS = 7 * 24 * 3600;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQL: the session `s` is one of :userId's (a coach of its cohort, or a client with a seat in it). */
function membershipOf(role: Role): string {
  return role === Role.COACH
    ? `EXISTS (SELECT 1 FROM cohort_coaches cc WHERE cc.cohort_id = s.cohort_id AND cc.coach_id = :userId)`
    : `EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = s.cohort_id AND e.client_id = :userId AND e.status IN ('ENROLLED', 'GRADUATED'))`;
}

function newCalendar(name: string): ICalCalendar {
  return ical({
    name,
    prodId: { company: 'Anchored', product: 'Anchored', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
}

/** The one way a session becomes a calendar event, in the feed and as a single file alike. */
function addSessionEvent(calendar: ICalCalendar, session: SessionEntity, cohortName: string): void {
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

/** A file name from a title: letters, digits and dashes only. */
function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'session'
  );
}

@Injectable()
export class CalendarService {
  private readonly eventKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Its own key, derived from the JWT secret: a signature made for one purpose fits no other.
    this.eventKey = Buffer.from(hkdfSync('sha256', config.jwtSecret, 'anchored', 'calendar-event-links', 32));
  }

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
    const calendar = newCalendar('Anchored sessions');
    for (const { session, cohortName } of sessions) addSessionEvent(calendar, session, cohortName);
    return calendar.toString();
  }

  /**
   * A link to one session as an .ics file, for the caller (who must be one of the session's
   * people). Signed, not stored: it names the caller and an expiry, and the person is checked
   * again when it is followed, so a link handed on stops working for them once they leave.
   */
  eventLink(userId: string, sessionId: string, now = new Date()): string {
    const expires = Math.floor(now.getTime() / 1000) + EVENT_LINK_SECONDS;
    return `${this.config.publicUrl}/calendar/sessions/${sessionId}.ics?u=${userId}&exp=${expires}&sig=${this.sign(sessionId, userId, expires)}`;
  }

  /** The session as a one-event calendar, or null when the link is wrong, expired, or its person may no longer see it. */
  async eventFile(sessionId: string, query: { u?: unknown; exp?: unknown; sig?: unknown }, now = new Date()): Promise<{ body: string; filename: string } | null> {
    const { u, exp, sig } = query;
    if (typeof u !== 'string' || typeof exp !== 'string' || typeof sig !== 'string' || !UUID.test(u) || !UUID.test(sessionId) || !/^\d{1,12}$/.test(exp)) return null;
    const expected = Buffer.from(this.sign(sessionId, u, Number(exp)));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (Number(exp) * 1000 < now.getTime()) return null;
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: u });
    if (!user) return null;
    // Admins see every session; coaches their cohorts'; clients those of cohorts they have a seat in.
    const query$ = this.db
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoin('cohorts', 'c', 'c.id = s.cohort_id')
      .addSelect('c.name', 'cohort_name')
      .where('s.id = :sessionId', { sessionId });
    if (user.role !== Role.ADMIN) query$.andWhere(membershipOf(user.role), { userId: user.id });
    const rows = await query$.getRawAndEntities();
    const session = rows.entities[0];
    if (!session) return null;
    const calendar = newCalendar(session.title);
    addSessionEvent(calendar, session, rows.raw[0]['cohort_name'] as string);
    return { body: calendar.toString(), filename: `${slug(session.title)}.ics` };
  }

  private sign(sessionId: string, userId: string, expires: number): string {
    return createHmac('sha256', this.eventKey).update(`session-ics:${sessionId}:${userId}:${expires}`).digest('base64url');
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
    const membership = membershipOf(user.role);
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
