import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { PostEntity, PostReplyEntity } from '@anchored/data';
import { ALL_REACTIONS, Reaction } from '@anchored/domain';
import type { Loaders } from '../loaders/loaders';

export interface ReactionCount {
  reaction: Reaction;
  count: number;
  mine: boolean;
}

/** Per-request loaders of the feed: a page of posts costs one statement per kind, not one per post. */
export interface CommunityLoaders {
  postById: DataLoader<string, PostEntity | undefined>;
  /** Every reply of a post, removed ones as placeholders, oldest first. */
  repliesByPostId: DataLoader<string, PostReplyEntity[]>;
  /** Replies not removed. */
  replyCountByPostId: DataLoader<string, number>;
  /** The three reactions with their counts and whether the caller gave each. */
  reactionsByPostId: DataLoader<string, ReactionCount[]>;
}

// Keyed by the request's core loaders, so they live exactly as long as the request.
const perRequest = new WeakMap<Loaders, Map<string, CommunityLoaders>>();

export function communityLoaders(db: DataSource, loaders: Loaders, callerId: string): CommunityLoaders {
  let byCaller = perRequest.get(loaders);
  if (!byCaller) perRequest.set(loaders, (byCaller = new Map()));
  let mine = byCaller.get(callerId);
  if (!mine) byCaller.set(callerId, (mine = create(db, callerId)));
  return mine;
}

function create(db: DataSource, callerId: string): CommunityLoaders {
  return {
    postById: new DataLoader(async (ids) => {
      const rows = await db.getRepository(PostEntity).findBy({ id: In([...ids]) });
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id));
    }),
    repliesByPostId: new DataLoader(async (postIds) => {
      const rows = await db.getRepository(PostReplyEntity).find({ where: { postId: In([...postIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
      return postIds.map((id) => rows.filter((r) => r.postId === id));
    }),
    replyCountByPostId: new DataLoader(async (postIds) => {
      const rows: { post_id: string; n: number }[] = await db.query(
        `SELECT post_id, count(*)::int AS n FROM post_replies WHERE post_id = ANY($1) AND removed_at IS NULL GROUP BY post_id`,
        [postIds],
      );
      const map = new Map(rows.map((r) => [r.post_id, r.n]));
      return postIds.map((id) => map.get(id) ?? 0);
    }),
    reactionsByPostId: new DataLoader(async (postIds) => {
      const rows: { post_id: string; reaction: Reaction; n: number; mine: boolean }[] = await db.query(
        `SELECT post_id, reaction, count(*)::int AS n, bool_or(user_id = $2) AS mine
         FROM post_reactions WHERE post_id = ANY($1) GROUP BY post_id, reaction`,
        [postIds, callerId],
      );
      return postIds.map((id) =>
        ALL_REACTIONS.map((reaction) => {
          const row = rows.find((r) => r.post_id === id && r.reaction === reaction);
          return { reaction, count: row?.n ?? 0, mine: row?.mine ?? false };
        }),
      );
    }),
  };
}
