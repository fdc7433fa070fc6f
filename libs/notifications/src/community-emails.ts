import { composeLetter, type LetterPart, type RenderedEmail } from './render';

/*
 * Emails about a cohort's community (docs/community.md). They name who and where and link there:
 * never what anyone wrote (no post, reply, reason or note travels by email or in a notification).
 */


export interface CommunityNoticeInput {
  recipientName: string;
  cohortName: string;
  /** Where the post is in the app (PUBLIC_URL/...). */
  url: string;
}

/** POST_REPLY: someone replied to the recipient's post. */
export function renderPostReply(input: CommunityNoticeInput & { replierName: string }): RenderedEmail {
  return composeLetter(`${input.replierName} replied to your post in ${input.cohortName}`, input.recipientName, [
    { text: `${input.replierName} replied to your post in the ${input.cohortName} circle.` },
    { text: 'To keep the circle private, we never include what anyone wrote in emails.' },
    { label: 'Read it in the app', url: input.url },
  ]);
}

/** POST_HIDDEN: a coach or admin hid the recipient's post (the reason is in the app). */
export function renderPostHidden(input: CommunityNoticeInput): RenderedEmail {
  return composeLetter(`Your post in ${input.cohortName} was hidden`, input.recipientName, [
    { text: `A moderator hid one of your posts in the ${input.cohortName} circle. You can still see it, and why it was hidden; others no longer can.` },
    { text: 'If you would like to talk about it, your coach is glad to hear from you.' },
    { label: 'See it in the app', url: input.url },
  ]);
}

/** POST_REPORTED to a cohort's coaches: a member reported a post (the reason is in the app). */
export function renderPostReported(input: CommunityNoticeInput & { reporterName: string }): RenderedEmail {
  return composeLetter(`A post in ${input.cohortName} was reported`, input.recipientName, [
    { text: `${input.reporterName} reported a post in the ${input.cohortName} circle. Please take a look.` },
    { label: 'Open the post', url: input.url },
  ]);
}

/** POST_REPORTED to a cohort's coaches: a post read like a crisis (a phrase list, not a diagnosis). */
export function renderPostFlagged(input: CommunityNoticeInput & { authorName: string }): RenderedEmail {
  return composeLetter(`${input.authorName} may need support (${input.cohortName})`, input.recipientName, [
    {
      text:
        `Something ${input.authorName} just posted in the ${input.cohortName} circle contains words that can mean someone is in crisis. ` +
        'They were shown the crisis resources. This is a simple phrase check, not a diagnosis: please read it and reach out if it feels right.',
    },
    { label: 'Open the post', url: input.url },
  ]);
}

export interface CommunityDigestCircle {
  cohortName: string;
  posts: number;
  replies: number;
  url: string;
}

const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** COMMUNITY_DIGEST: how much is new in each of the recipient's circles; counts only, no text. */
export function renderCommunityDigest(input: { recipientName: string; circles: CommunityDigestCircle[] }): RenderedEmail {
  const total = input.circles.reduce((sum, c) => sum + c.posts + c.replies, 0);
  return composeLetter(`New in your circle: ${count(total, 'update')}`, input.recipientName, [
    { text: 'Here is what is new since yesterday:' },
    ...input.circles.flatMap((c): LetterPart[] => [
      { text: `${c.cohortName}: ${count(c.posts, 'new post')} and ${count(c.replies, 'new reply').replace('replys', 'replies')}.` },
      { label: `Open the ${c.cohortName} circle`, url: c.url },
    ]),
    { text: 'You can turn this email off in your settings.' },
  ]);
}

/** Dedupe keys: one notification per occurrence. */
export const postReplyKey = (replyId: string) => `post-reply:${replyId}`;
export const postHiddenKey = (postId: string, hiddenAt: Date) => `post-hidden:${postId}:${hiddenAt.toISOString()}`;
export const postReportedKey = (reportId: string, coachId: string) => `post-reported:${reportId}:${coachId}`;
export const postFlaggedKey = (postId: string, coachId: string) => `post-flagged:${postId}:${coachId}`;
export const communityDigestKey = (userId: string, localDate: string) => `community-digest:${userId}:${localDate}`;
