import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { ConversationEntity } from '@anchored/data';
import type { Loaders } from '../loaders/loaders';

/** Per-request loaders of the conversations feature, kept beside the request's shared Loaders. */
export interface ConversationLoaders {
  conversationById: DataLoader<string, ConversationEntity | undefined>;
  /** `${conversationId}:${userId}` -> messages by the other participant after the user's read mark. */
  unreadCount: DataLoader<string, number>;
}

const byLoaders = new WeakMap<Loaders, ConversationLoaders>();

export function conversationLoaders(loaders: Loaders, db: DataSource): ConversationLoaders {
  let mine = byLoaders.get(loaders);
  if (!mine) {
    mine = {
      conversationById: new DataLoader(async (ids) => {
        const rows = await db.getRepository(ConversationEntity).findBy({ id: In([...ids]) });
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id));
      }),
      unreadCount: new DataLoader(async (keys) => {
        const pairs = keys.map((k) => k.split(':'));
        const rows: { conversation_id: string; user_id: string; unread: number }[] = await db.query(
          `SELECT k.conversation_id, k.user_id, count(m.id)::int AS unread
             FROM unnest($1::uuid[], $2::uuid[]) AS k(conversation_id, user_id)
             JOIN conversations c ON c.id = k.conversation_id
             LEFT JOIN messages m ON m.conversation_id = c.id AND m.author_id <> k.user_id
                  AND m.created_at > COALESCE(CASE WHEN c.user_a_id = k.user_id THEN c.user_a_read_at ELSE c.user_b_read_at END, '-infinity')
            GROUP BY k.conversation_id, k.user_id`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        );
        const map = new Map(rows.map((r) => [`${r.conversation_id}:${r.user_id}`, r.unread]));
        return keys.map((k) => map.get(k) ?? 0);
      }),
    };
    byLoaders.set(loaders, mine);
  }
  return mine;
}
