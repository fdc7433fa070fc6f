import { escapeHtml } from '@anchored/notifications';

/*
 * Notifications about private messages. They name who and where and link there: never what
 * anyone wrote (no message text travels in a notification or an email).
 */

interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const SIGN_OFF = 'Warmly,\nThe Anchored team';

function compose(subject: string, recipientName: string, lines: string[], link: { label: string; url: string }): Rendered {
  const clean = subject.replace(/\s+/g, ' ').trim();
  const paragraphs = [`Hi ${recipientName},`, ...lines];
  const text = [...paragraphs, `${link.label}: ${link.url}`, SIGN_OFF].join('\n\n');
  const html =
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>' +
    escapeHtml(clean) +
    '</title></head>\n<body style="font-family:Georgia,serif;font-size:15px;line-height:1.6;color:#2b2b2b;max-width:560px;margin:0 auto;padding:16px">\n' +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') +
    `\n<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>\n<p>${escapeHtml(SIGN_OFF).replace(/\n/g, '<br>')}</p>\n</body></html>`;
  return { subject: clean, text, html };
}

/** NEW_MESSAGE: someone wrote to the recipient. */
export function renderNewMessage(input: { recipientName: string; authorName: string; cohortName: string; url: string }): Rendered {
  return compose(`New message from ${input.authorName}`, input.recipientName, [
    `${input.authorName} sent you a private message (${input.cohortName}).`,
    'To keep it private, we never include what anyone wrote in notifications or emails.',
  ], { label: 'Read it in the app', url: input.url });
}

/** NEW_MESSAGE to a cohort's coach: a client's message read like a crisis (no text, no diagnosis). */
export function renderMessageFlag(input: { recipientName: string; authorName: string; cohortName: string; url: string; coachReads: boolean }): Rendered {
  return compose(`A message from ${input.authorName} may need your attention`, input.recipientName, [
    `A private message ${input.authorName} just wrote (${input.cohortName}) contains words that can point to a crisis. They were shown the crisis resources.`,
    input.coachReads ? 'Please read it and reach out to them.' : 'It was written to someone else, so you cannot read it; please check in with them.',
  ], input.coachReads ? { label: 'Open the conversation', url: input.url } : { label: 'Open your messages', url: input.url });
}
