/** Pure helpers of the Messages screens (unit-tested). */

export const MESSAGE_MAX_LENGTH = 4000;
export const MESSAGE_PAGE = 30;

export interface ChatMessage {
  id: string;
  body: string;
  createdAt: string;
  crisisResources?: string | null;
  author?: { id: string; name: string } | null;
}

/** Every message once, oldest first (the order a conversation is read in). */
export function mergeMessages(...lists: readonly (readonly ChatMessage[])[]): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const list of lists) for (const m of list) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The other person of a conversation, seen by `meId`. */
export function otherPerson<P extends { id: string }>(participants: readonly P[], meId: string): P | undefined {
  return participants.find((p) => p.id !== meId) ?? participants[0];
}

/** Why a draft cannot be sent yet, or null. */
export function draftProblem(draft: string): string | null {
  const length = draft.trim().length;
  if (length === 0) return 'Write something before sending.';
  if (length > MESSAGE_MAX_LENGTH) return `A message can be at most ${MESSAGE_MAX_LENGTH} characters (this one has ${length}).`;
  return null;
}
