import { composeLetter, type RenderedEmail } from '@anchored/notifications';

/*
 * Notifications about private messages. They name who and where and link there: never what
 * anyone wrote (no message text travels in a notification or an email).
 */

/** Paragraphs, then one link: the shared letter of every notice email. */
function compose(subject: string, recipientName: string, lines: string[], link: { label: string; url: string }): RenderedEmail {
  return composeLetter(subject, recipientName, [...lines.map((text) => ({ text })), link]);
}

/** NEW_MESSAGE: someone wrote to the recipient. */
export function renderNewMessage(input: { recipientName: string; authorName: string; cohortName: string; url: string }): RenderedEmail {
  return compose(`New message from ${input.authorName}`, input.recipientName, [
    `${input.authorName} sent you a private message (${input.cohortName}).`,
    'To keep it private, we never include what anyone wrote in notifications or emails.',
  ], { label: 'Read it in the app', url: input.url });
}

/** NEW_MESSAGE to a cohort's coach: a client's message read like a crisis (no text, no diagnosis). */
export function renderMessageFlag(input: { recipientName: string; authorName: string; cohortName: string; url: string; coachReads: boolean }): RenderedEmail {
  return compose(`A message from ${input.authorName} may need your attention`, input.recipientName, [
    `A private message ${input.authorName} just wrote (${input.cohortName}) contains words that can point to a crisis. They were shown the crisis resources.`,
    input.coachReads ? 'Please read it and reach out to them.' : 'It was written to someone else, so you cannot read it; please check in with them.',
  ], input.coachReads ? { label: 'Open the conversation', url: input.url } : { label: 'Open your messages', url: input.url });
}
