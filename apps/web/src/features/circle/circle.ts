import { COMMUNITY_LIMITS } from '@anchored/domain';

/** The three supportive reactions, with what they say (there are no "likes" to count). */
export const REACTIONS = [
  { reaction: 'HEART', label: 'Heart', symbol: '♥' },
  { reaction: 'WITH_YOU', label: 'With you', symbol: '🤝' },
  { reaction: 'THANK_YOU', label: 'Thank you', symbol: '🙏' },
] as const;

export const POST_MAX_LENGTH = COMMUNITY_LIMITS.postBody;
export const REPLY_MAX_LENGTH = COMMUNITY_LIMITS.replyBody;
export const FEED_PAGE = 20;

/** Why a draft cannot be sent yet, or null (the API says the same: one rule). */
export function draftProblem(draft: string, max: number): string | null {
  const text = draft.trim();
  if (!text) return 'Write something first.';
  if (text.length > max) return `At most ${max} characters (this has ${text.length}).`;
  return null;
}

interface Sortable {
  id: string;
  pinned: boolean;
  createdAt: string;
}

/** Pinned first, then newest first; a post seen twice (a page and a live event) keeps its newest copy. */
export function mergeFeed<T extends Sortable>(...lists: T[][]): T[] {
  const byId = new Map<string, T>();
  for (const list of lists) for (const post of list) byId.set(post.id, post);
  return [...byId.values()].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
