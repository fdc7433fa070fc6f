import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { notificationDraft } from '@anchored/data';
import { BuddyPairingResult, CheckInLocation, ConversationKind, DomainError, EnrollmentStatus, ErrorCode, NervousSystemState, NotificationKind, Permission, pairBuddies as pairClients } from '@anchored/domain';
import { NotificationOutbox } from '@anchored/jobs';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG } from '../config.module';
import { ConversationsService } from '../conversations/conversations.service';
import type { Loaders } from '../loaders/loaders';
import { renderBuddyPaired } from './buddy-emails';
import type { BuddyPairRecord } from './models/buddy-pair.model';

interface CohortRow {
  id: string;
  name: string;
  timezone: string;
}

interface ClientRow {
  id: string;
  name: string;
  timezone: string;
}

export interface PairingPreview {
  cohort: CohortRow;
  clients: ClientRow[];
  result: BuddyPairingResult;
}

const NO_BUDDY = "You don't have a buddy in this cohort right now.";

/**
 * Buddies (docs/buddies.md): the coach pairs a cohort's ENROLLED clients (libs/domain pairBuddies:
 * shared waking hours, then no repeat of the last pairing); the previous pairing ends; everyone is
 * told (BUDDY_PAIRED). Each member may share their daily weather with their buddy.
 */
@Injectable()
export class BuddiesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly outbox: NotificationOutbox,
    private readonly conversations: ConversationsService,
  ) {}

  /** The conversation rule asks this service who are current buddies (docs/messages.md). */
  onModuleInit(): void {
    this.conversations.useBuddyCheck((cohortId, a, b, manager) => this.areCurrentBuddies(cohortId, a, b, manager));
  }

  /** Whether two people are current buddies in a cohort (the conversation rule asks this). */
  async areCurrentBuddies(cohortId: string, a: string, b: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    if (a === b) return false;
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM buddy_pairs p
         JOIN buddy_pair_members x ON x.pair_id = p.id AND x.user_id = $2
         JOIN buddy_pair_members y ON y.pair_id = p.id AND y.user_id = $3
        WHERE p.cohort_id = $1 AND p.ends_on IS NULL
        LIMIT 1`,
      [cohortId, a, b],
    );
    return rows.length > 0;
  }

  /** The coach's preview: what pairBuddies would store now. Writes nothing. */
  async preview(caller: AuthUser, cohortId: string, loaders: Loaders, now = new Date()): Promise<PairingPreview> {
    await this.access.require(caller, Permission.PAIR_BUDDIES, { cohortId }, loaders);
    return this.plan(this.db.manager, cohortId, now);
  }

  /** Pairs the cohort: ends the current pairing, stores the new one, tells everyone. */
  async pair(caller: AuthUser, cohortId: string, loaders: Loaders, now = new Date()): Promise<BuddyPairRecord[]> {
    await this.access.require(caller, Permission.PAIR_BUDDIES, { cohortId }, loaders);
    return this.outbox.transaction(async (manager, outbox) => {
      // One pairing at a time per cohort: a second coach's click waits, then replaces this one.
      await manager.query(`SELECT id FROM cohorts WHERE id = $1 FOR UPDATE`, [cohortId]);
      const { cohort, clients, result } = await this.plan(manager, cohortId, now);
      const today = DateTime.fromJSDate(now, { zone: cohort.timezone }).toISODate() as string;
      await manager.query(`UPDATE buddy_pairs SET ends_on = GREATEST($2::date, starts_on) WHERE cohort_id = $1 AND ends_on IS NULL`, [cohortId, today]);
      const records: BuddyPairRecord[] = [];
      for (const group of result.groups) {
        const [{ id }]: { id: string }[] = await manager.query(`INSERT INTO buddy_pairs (cohort_id, starts_on) VALUES ($1, $2) RETURNING id`, [cohortId, today]);
        await manager.query(`INSERT INTO buddy_pair_members (pair_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, group.memberIds]);
        records.push({ id, cohortId, startsOn: today, endsOn: null, members: group.memberIds.map((userId) => ({ userId, sharesWeather: false })) });
        // Buddies can write to each other at once: one conversation per two of them (kept if they had one).
        for (let i = 0; i < group.memberIds.length; i++) {
          for (let j = i + 1; j < group.memberIds.length; j++) {
            await this.conversations.openBetween(cohortId, group.memberIds[i], group.memberIds[j], ConversationKind.BUDDIES, manager);
          }
        }
      }
      const names = new Map(clients.map((c) => [c.id, c.name]));
      const url = `${this.config.publicUrl}/cohorts/${cohortId}/buddy`;
      await outbox.notify(
        records.flatMap((record) =>
          record.members.map(({ userId }) => {
            const buddyNames = record.members
              .filter((m) => m.userId !== userId)
              .map((m) => names.get(m.userId) ?? '')
              .sort((a, b) => a.localeCompare(b));
            return notificationDraft(
              userId,
              NotificationKind.BUDDY_PAIRED,
              `buddy-paired:${record.id}:${userId}`,
              renderBuddyPaired({ recipientName: names.get(userId) ?? '', cohortName: cohort.name, buddyNames, url }),
              undefined,
              { kind: 'BUDDY_PAIRED', cohortId, cohortName: cohort.name, buddyNames },
            );
          }),
        ),
        now,
      );
      return records;
    });
  }

  /** The caller's current pair in the cohort, or null. */
  async myBuddy(caller: AuthUser, cohortId: string, loaders: Loaders): Promise<BuddyPairRecord | null> {
    await this.access.require(caller, Permission.HAVE_BUDDY, { cohortId }, loaders);
    return (await this.currentPairs(cohortId, caller.id))[0] ?? null;
  }

  /** The cohort's current pairing, for its coaches and admins. */
  async pairsOf(caller: AuthUser, cohortId: string, loaders: Loaders): Promise<BuddyPairRecord[]> {
    await this.access.require(caller, Permission.MANAGE_COHORT, { cohortId }, loaders);
    return this.currentPairs(cohortId);
  }

  /** Turns the caller's sharing of their daily weather with their current buddy on or off. */
  async shareWeather(caller: AuthUser, cohortId: string, share: boolean, loaders: Loaders): Promise<BuddyPairRecord> {
    await this.access.require(caller, Permission.HAVE_BUDDY, { cohortId }, loaders);
    const updated: unknown[] = await this.db.query(
      `WITH updated AS (
         UPDATE buddy_pair_members m SET shares_weather = $3
           FROM buddy_pairs p
          WHERE p.id = m.pair_id AND p.cohort_id = $1 AND p.ends_on IS NULL AND m.user_id = $2
         RETURNING m.pair_id)
       SELECT pair_id FROM updated`,
      [cohortId, caller.id, share],
    );
    if (updated.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, NO_BUDDY);
    const [pair] = await this.currentPairs(cohortId, caller.id);
    return pair;
  }

  /**
   * For a member viewing their pair: the latest check-in (local day, location, state) of each other
   * member who shares it; nothing for anyone else. Never the note or the score.
   */
  async buddyWeather(
    caller: AuthUser,
    pair: BuddyPairRecord,
  ): Promise<{ userId: string; localDate: string | null; location: CheckInLocation | null; state: NervousSystemState | null }[]> {
    if (!pair.members.some((m) => m.userId === caller.id)) return [];
    const sharing = pair.members.filter((m) => m.userId !== caller.id && m.sharesWeather).map((m) => m.userId);
    if (sharing.length === 0) return [];
    const rows: { client_id: string; local_date: string; location: CheckInLocation; state: NervousSystemState }[] = await this.db.query(
      `SELECT DISTINCT ON (client_id) client_id, to_char(local_date, 'YYYY-MM-DD') AS local_date, location::text AS location, state::text AS state
         FROM check_ins WHERE client_id = ANY($1::uuid[])
        ORDER BY client_id, local_date DESC`,
      [sharing],
    );
    const latest = new Map(rows.map((r) => [r.client_id, r]));
    return sharing.map((userId) => {
      const row = latest.get(userId);
      return { userId, localDate: row?.local_date ?? null, location: row?.location ?? null, state: row?.state ?? null };
    });
  }

  /** Current pairs of a cohort (only the one holding `memberId` when given), members in one query. */
  private async currentPairs(cohortId: string, memberId?: string): Promise<BuddyPairRecord[]> {
    const rows: { id: string; starts_on: string; ends_on: string | null; user_id: string; shares_weather: boolean }[] = await this.db.query(
      `SELECT p.id, to_char(p.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on, m.user_id, m.shares_weather
         FROM buddy_pairs p JOIN buddy_pair_members m ON m.pair_id = p.id
        WHERE p.cohort_id = $1 AND p.ends_on IS NULL
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM buddy_pair_members me WHERE me.pair_id = p.id AND me.user_id = $2))
        ORDER BY p.created_at, p.id, m.user_id`,
      [cohortId, memberId ?? null],
    );
    const byId = new Map<string, BuddyPairRecord>();
    for (const row of rows) {
      let pair = byId.get(row.id);
      if (!pair) {
        pair = { id: row.id, cohortId, startsOn: row.starts_on, endsOn: row.ends_on, members: [] };
        byId.set(row.id, pair);
      }
      pair.members.push({ userId: row.user_id, sharesWeather: row.shares_weather });
    }
    return [...byId.values()];
  }

  /** The cohort, its ENROLLED clients and the pairing the algorithm makes of them; refuses fewer than two. */
  private async plan(manager: EntityManager, cohortId: string, now: Date): Promise<PairingPreview> {
    const [cohort]: CohortRow[] = await manager.query(`SELECT id, name, timezone FROM cohorts WHERE id = $1`, [cohortId]);
    if (!cohort) throw DomainError.notFound('That cohort');
    const clients: ClientRow[] = await manager.query(
      `SELECT u.id, u.name, u.timezone FROM enrollments e JOIN users u ON u.id = e.client_id
        WHERE e.cohort_id = $1 AND e.status = $2 ORDER BY u.id`,
      [cohortId, EnrollmentStatus.ENROLLED],
    );
    if (clients.length < 2) {
      throw DomainError.badInput('cohortId', `Buddies need at least two enrolled clients; ${cohort.name} has ${clients.length === 0 ? 'none' : 'one'}.`);
    }
    const previous = (await this.currentPairsWith(manager, cohortId)).map((p) => p.members.map((m) => m.userId));
    return { cohort, clients, result: pairClients(clients, previous, now) };
  }

  private async currentPairsWith(manager: EntityManager, cohortId: string): Promise<BuddyPairRecord[]> {
    if (manager === this.db.manager) return this.currentPairs(cohortId);
    const rows: { id: string; user_id: string }[] = await manager.query(
      `SELECT p.id, m.user_id FROM buddy_pairs p JOIN buddy_pair_members m ON m.pair_id = p.id WHERE p.cohort_id = $1 AND p.ends_on IS NULL`,
      [cohortId],
    );
    const byId = new Map<string, BuddyPairRecord>();
    for (const row of rows) {
      const pair = byId.get(row.id) ?? { id: row.id, cohortId, startsOn: '', endsOn: null, members: [] };
      pair.members.push({ userId: row.user_id, sharesWeather: false });
      byId.set(row.id, pair);
    }
    return [...byId.values()];
  }
}
