import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { CohortEntity, ConversationEntity, MessageEntity, PrivateTextCipher, UserEntity, messageBodyAad, notificationDraft } from '@anchored/data';
import {
  ConversationFacts,
  ConversationKind,
  DomainError,
  ErrorCode,
  MESSAGES_PER_MINUTE,
  MESSAGE_PAGE_MAX,
  NotificationKind,
  Role,
  checkMessageBody,
  conversationKindFor,
  readsLikeCrisis,
} from '@anchored/domain';
import { NotificationOutbox } from '@anchored/jobs';
import { THROTTLER_STORAGE } from '../auth/throttler-storage.module';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG } from '../config.module';
import type { Loaders } from '../loaders/loaders';
import { PRIVATE_TEXT_CIPHER } from '../private-text/private-text-cipher';
import { LiveEventsPublisher } from '../realtime/live-events.publisher';
import { renderMessageFlag, renderNewMessage } from './conversation-notices';
import { conversationLoaders } from './conversation-loaders';

/**
 * Whether two clients are buddies in a cohort's current pairing. The buddies feature provides it
 * (ConversationsService.useBuddyCheck); until it does, nobody is anyone's buddy.
 */
export type BuddyCheck = (cohortId: string, userAId: string, userBId: string, manager?: EntityManager) => Promise<boolean>;

type RedisClient = ThrottlerStorageRedisService['redis'];

/** The other participant of a conversation (null: they deleted their account). */
export function otherParticipant(conversation: Pick<ConversationEntity, 'userAId' | 'userBId'>, userId: string): string | null {
  return conversation.userAId === userId ? conversation.userBId : conversation.userAId;
}

export function isParticipant(conversation: Pick<ConversationEntity, 'userAId' | 'userBId'>, userId: string): boolean {
  return conversation.userAId === userId || conversation.userBId === userId;
}

/**
 * Private conversations (docs/messages.md). Who may talk to whom is decided by libs/domain
 * conversations.ts on facts gathered here; a conversation is readable and writable by its two
 * participants while that rule still holds. Admins see that a conversation exists, never a message.
 */
@Injectable()
export class ConversationsService {
  private buddyCheck: BuddyCheck = async () => false;
  private readonly redis: RedisClient | null;
  private readonly localCounts = new Map<string, { count: number; resetAt: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
    @Inject(THROTTLER_STORAGE) storage: ThrottlerStorageRedisService | null,
    private readonly outbox: NotificationOutbox,
    private readonly live: LiveEventsPublisher,
  ) {
    this.redis = storage?.redis ?? null;
  }

  /** For the buddies feature: how to tell whether two clients are current buddies of a cohort. */
  useBuddyCheck(check: BuddyCheck): void {
    this.buddyCheck = check;
  }

  /**
   * The conversation of two people in a cohort, created if there is none (one per pair and cohort).
   * For trusted callers that have checked their own rule (the buddies feature opens one for each
   * new pair with kind BUDDIES); runs in `manager`'s transaction when given. No rule check here.
   */
  async openBetween(cohortId: string, userAId: string, userBId: string, kind: ConversationKind, manager: EntityManager = this.db.manager): Promise<ConversationEntity> {
    const [a, b] = userAId < userBId ? [userAId, userBId] : [userBId, userAId];
    await manager.query(
      `INSERT INTO conversations (cohort_id, kind, user_a_id, user_b_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (cohort_id, user_a_id, user_b_id) DO NOTHING`,
      [cohortId, kind, a, b],
    );
    return manager.getRepository(ConversationEntity).findOneByOrFail({ cohortId, userAId: a, userBId: b });
  }

  /** The facts the rules need about these people in this cohort (batched through the loaders). */
  async facts(cohortId: string, userIds: string[], loaders: Loaders): Promise<ConversationFacts> {
    const [seats, coachIds] = await Promise.all([
      Promise.all(userIds.map((id) => loaders.seatStatus.load(`${cohortId}:${id}`))),
      loaders.coachIdsByCohortId.load(cohortId),
    ]);
    const seatById = new Map(userIds.map((id, i) => [id, seats[i]]));
    const currentBuddies = userIds.length === 2 ? await this.buddyCheck(cohortId, userIds[0], userIds[1]) : false;
    return { seatOf: (id) => seatById.get(id) ?? null, coachOf: (id) => coachIds.includes(id), currentBuddies };
  }

  /** Whether the rule that allowed the conversation still holds (both participants still there). */
  async isOpen(conversation: ConversationEntity, loaders: Loaders): Promise<boolean> {
    if (!conversation.userAId || !conversation.userBId) return false;
    const [a, b] = await Promise.all([loaders.userById.load(conversation.userAId), loaders.userById.load(conversation.userBId)]);
    if (!a || !b) return false;
    if (conversation.kind === ConversationKind.COACHING) {
      // No buddy lookup needed for a coaching conversation.
      const [seats, coachIds] = await Promise.all([
        Promise.all([a, b].map((u) => loaders.seatStatus.load(`${conversation.cohortId}:${u.id}`))),
        loaders.coachIdsByCohortId.load(conversation.cohortId),
      ]);
      const seatOf = (id: string) => (id === a.id ? seats[0] : seats[1]) ?? null;
      return conversationKindFor(a, b, { seatOf, coachOf: (id) => coachIds.includes(id) }) === ConversationKind.COACHING;
    }
    return conversationKindFor(a, b, await this.facts(conversation.cohortId, [a.id, b.id], loaders)) === conversation.kind;
  }

  private async load(id: string, loaders: Loaders): Promise<ConversationEntity> {
    const conversation = await conversationLoaders(loaders, this.db).conversationById.load(id);
    if (!conversation) throw DomainError.notFound('That conversation');
    return conversation;
  }

  /** A participant of an open conversation (reading messages, sending, marking read); FORBIDDEN otherwise. */
  async requireParticipant(caller: AuthUser, id: string, loaders: Loaders): Promise<ConversationEntity> {
    const conversation = await this.load(id, loaders);
    if (!isParticipant(conversation, caller.id)) {
      throw DomainError.forbidden(caller.role === Role.ADMIN ? 'Admins can see that a conversation exists, never its messages.' : 'Only its two participants can read a conversation.');
    }
    if (!(await this.isOpen(conversation, loaders))) throw DomainError.forbidden('This conversation is closed: one of you is no longer part of the cohort.');
    return conversation;
  }

  /** conversation(id): its participants while open, and admins (who never get its messages). */
  async get(caller: AuthUser, id: string, loaders: Loaders): Promise<ConversationEntity> {
    if (caller.role === Role.ADMIN) return this.load(id, loaders);
    return this.requireParticipant(caller, id, loaders);
  }

  /** The caller's open conversations, most recent first. */
  async mine(caller: AuthUser, loaders: Loaders): Promise<ConversationEntity[]> {
    if (caller.role === Role.ADMIN) return [];
    const rows = await this.db
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.user_a_id = :id OR c.user_b_id = :id', { id: caller.id })
      .orderBy('COALESCE(c.last_message_at, c.created_at)', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    const cache = conversationLoaders(loaders, this.db).conversationById;
    rows.forEach((r) => cache.prime(r.id, r));
    const open = await Promise.all(rows.map((r) => this.isOpen(r, loaders)));
    return rows.filter((_, i) => open[i]);
  }

  /** startConversation: the caller and someone they may talk to in a cohort; the existing conversation if any. */
  async start(caller: AuthUser, cohortId: string, withUserId: string, loaders: Loaders): Promise<ConversationEntity> {
    const [cohort, other] = await Promise.all([loaders.cohortById.load(cohortId), loaders.userById.load(withUserId)]);
    if (!cohort) throw DomainError.notFound('That cohort');
    if (!other) throw DomainError.notFound('That person');
    if (caller.role === Role.ADMIN) throw DomainError.forbidden('Admins do not have private conversations.');
    if (other.id === caller.id) throw DomainError.badInput('withUserId', 'You cannot start a conversation with yourself.');
    const kind = conversationKindFor(caller, other, await this.facts(cohortId, [caller.id, other.id], loaders));
    if (!kind) {
      throw DomainError.forbidden(
        "You can message only within a cohort: a client with that cohort's coaches, a coach with its enrolled and graduated clients, and buddies with each other.",
      );
    }
    return this.openBetween(cohortId, caller.id, other.id, kind);
  }

  /** Messages newest first, before `before` (exclusive), at most `limit`. Participants only. */
  async messages(caller: AuthUser, conversation: ConversationEntity, before: Date | null | undefined, limit: number, loaders: Loaders): Promise<MessageEntity[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MESSAGE_PAGE_MAX) throw DomainError.badInput('limit', `limit must be from 1 to ${MESSAGE_PAGE_MAX}.`);
    await this.requireParticipant(caller, conversation.id, loaders);
    const query = this.db
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .where('m.conversation_id = :id', { id: conversation.id })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(limit);
    if (before) query.andWhere('m.created_at < :before', { before });
    return query.getMany();
  }

  /** The text of a message, for whoever was handed the message (participants only ever are). */
  body(message: MessageEntity): string {
    return this.cipher.decrypt<string>(message.bodyEncrypted, messageBodyAad(message));
  }

  /** Shown to the author of a message that read like a crisis (CRISIS_RESOURCES), null otherwise. */
  crisisResources(message: MessageEntity, caller: AuthUser | undefined): string | null {
    return message.crisis && caller?.id === message.authorId ? this.config.crisisResources : null;
  }

  /** sendMessage: a participant of an open conversation; NEW_MESSAGE to the other; live to both. */
  async send(caller: AuthUser, conversationId: string, rawBody: string, loaders: Loaders): Promise<MessageEntity> {
    const checked = checkMessageBody(rawBody);
    if (!checked.ok) throw DomainError.badInput('body', checked.reason);
    const conversation = await this.requireParticipant(caller, conversationId, loaders);
    await this.countAgainstLimit(caller.id);
    const recipientId = otherParticipant(conversation, caller.id) as string;
    const [author, recipient, cohort] = await Promise.all([
      loaders.userById.load(caller.id),
      loaders.userById.load(recipientId),
      loaders.cohortById.load(conversation.cohortId),
    ]);
    if (!author || !recipient || !cohort) throw DomainError.notFound('That conversation');
    const crisis = author.role === Role.CLIENT && readsLikeCrisis(checked.body);
    const id = randomUUID();
    const now = new Date();
    const message = await this.outbox.transaction(async (manager, outbox) => {
      const row = manager.getRepository(MessageEntity).create({
        id,
        conversationId,
        authorId: caller.id,
        bodyEncrypted: this.cipher.encrypt(checked.body, messageBodyAad({ id, conversationId })),
        crisis,
        createdAt: now,
      });
      await manager.getRepository(MessageEntity).insert(row);
      // The author has read their own conversation up to what they just sent.
      const mark = conversation.userAId === caller.id ? 'user_a_read_at' : 'user_b_read_at';
      await manager.query(`UPDATE conversations SET last_message_at = $2, ${mark} = $2 WHERE id = $1`, [conversationId, now]);
      const url = this.link(conversationId);
      const drafts = [
        notificationDraft(
          recipientId,
          NotificationKind.NEW_MESSAGE,
          `new-message:${id}:${recipientId}`,
          renderNewMessage({ recipientName: recipient.name, authorName: author.name, cohortName: cohort.name, url }),
          undefined,
          { kind: 'NEW_MESSAGE', conversationId, authorName: author.name, cohortName: cohort.name, flagged: false, recipientReads: true },
        ),
      ];
      if (crisis) drafts.push(...(await this.crisisDrafts(manager, conversation, author, cohort, id)));
      await outbox.notify(drafts, now);
      return row;
    });
    await this.live.publish({ type: 'message', conversationId, messageId: id });
    return message;
  }

  /** The cohort's coaches are told a client's message read like a crisis: who and where, no text. */
  private async crisisDrafts(manager: EntityManager, conversation: ConversationEntity, author: UserEntity, cohort: CohortEntity, messageId: string) {
    const coaches: { id: string; name: string }[] = await manager.query(
      `SELECT u.id, u.name FROM cohort_coaches cc JOIN users u ON u.id = cc.coach_id WHERE cc.cohort_id = $1`,
      [cohort.id],
    );
    return coaches.map((coach) => {
      const coachReads = isParticipant(conversation, coach.id);
      const url = coachReads ? this.link(conversation.id) : `${this.config.publicUrl}/messages`;
      return notificationDraft(
        coach.id,
        NotificationKind.NEW_MESSAGE,
        `message-flag:${messageId}:${coach.id}`,
        renderMessageFlag({ recipientName: coach.name, authorName: author.name, cohortName: cohort.name, url, coachReads }),
        undefined,
        { kind: 'NEW_MESSAGE', conversationId: conversation.id, authorName: author.name, cohortName: cohort.name, flagged: true, recipientReads: coachReads },
      );
    });
  }

  /** markConversationRead: everything in it so far is read by the caller. */
  async markRead(caller: AuthUser, conversationId: string, loaders: Loaders): Promise<ConversationEntity> {
    const conversation = await this.requireParticipant(caller, conversationId, loaders);
    const mark = conversation.userAId === caller.id ? 'user_a_read_at' : 'user_b_read_at';
    await this.db.query(`UPDATE conversations SET ${mark} = GREATEST(COALESCE(${mark}, '-infinity'), now(), COALESCE(last_message_at, '-infinity')) WHERE id = $1`, [conversationId]);
    const fresh = await this.db.getRepository(ConversationEntity).findOneByOrFail({ id: conversationId });
    const mine = conversationLoaders(loaders, this.db);
    mine.conversationById.clear(conversationId).prime(conversationId, fresh);
    mine.unreadCount.clear(`${conversationId}:${caller.id}`);
    return fresh;
  }

  /** For messageAdded: the message if the subscriber is a participant of its conversation, open now. */
  async deliverable(caller: AuthUser, messageId: string, conversationId: string, loaders: Loaders): Promise<MessageEntity | null> {
    const conversation = await conversationLoaders(loaders, this.db).conversationById.load(conversationId);
    if (!conversation || !isParticipant(conversation, caller.id) || !(await this.isOpen(conversation, loaders))) return null;
    return this.db.getRepository(MessageEntity).findOneBy({ id: messageId, conversationId });
  }

  link(conversationId: string): string {
    return `${this.config.publicUrl}/messages/${conversationId}`;
  }

  /** MESSAGES_PER_MINUTE per person over all conversations, counted in Redis (shared by every API instance). */
  private async countAgainstLimit(userId: string): Promise<void> {
    const key = `messages:${userId}`;
    let count: number;
    if (this.redis) {
      const result = await this.redis.multi().set(key, 0, 'PX', 60_000, 'NX').incr(key).exec();
      count = Number(result?.[1]?.[1] ?? 0);
    } else {
      const now = Date.now();
      const entry = this.localCounts.get(key);
      const current = entry && entry.resetAt > now ? entry : { count: 0, resetAt: now + 60_000 };
      current.count += 1;
      this.localCounts.set(key, current);
      count = current.count;
    }
    if (count > MESSAGES_PER_MINUTE) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `You can send at most ${MESSAGES_PER_MINUTE} messages a minute. Please wait a moment and try again.`);
    }
  }
}
