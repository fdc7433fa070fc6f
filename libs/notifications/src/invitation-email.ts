import { escapeHtml, type RenderedEmail } from './render';
import { formatLocalDate } from './time';

export interface InvitationEmailInput {
  role: 'ADMIN' | 'COACH' | 'CLIENT';
  /** The admin who sent it; null when their account is gone. */
  inviterName: string | null;
  /** PUBLIC_URL/invite?token=… */
  link: string;
  expiresAt: Date;
}

const ROLE_TEXT: Record<InvitationEmailInput['role'], string> = {
  CLIENT: 'join Anchored as a client, to take part in a group program',
  COACH: 'join Anchored as a coach, to run group programs',
  ADMIN: 'join Anchored as an administrator, to run the platform',
};

/** The invitation itself: who invites, to do what, the one-time link and until when it works. */
export function renderInvitation(input: InvitationEmailInput): RenderedEmail {
  const who = input.inviterName ? `${input.inviterName} has invited you` : 'You have been invited';
  const until = formatLocalDate(input.expiresAt, 'UTC');
  const subject = 'You are invited to Anchored';
  const paragraphs = [
    'Hello,',
    `${who} to ${ROLE_TEXT[input.role]}.`,
    `To accept, choose your name and a password here (the link works once, until ${until}):`,
  ];
  const after = ['If you were not expecting this, you can ignore this email: no account is created unless you follow the link.', 'Warmly,\nThe Anchored team'];
  const text = [...paragraphs, `Accept the invitation: ${input.link}`, ...after].join('\n\n');
  const p = (t: string) => `<p>${escapeHtml(t).replace(/\n/g, '<br>')}</p>`;
  const html =
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>' +
    escapeHtml(subject) +
    '</title></head>\n<body style="font-family:Georgia,serif;font-size:15px;line-height:1.6;color:#2b2b2b;max-width:560px;margin:0 auto;padding:16px">\n' +
    [...paragraphs.map(p), `<p><a href="${escapeHtml(input.link)}">Accept the invitation</a></p>`, ...after.map(p)].join('\n') +
    '\n</body></html>';
  return { subject, text, html };
}
