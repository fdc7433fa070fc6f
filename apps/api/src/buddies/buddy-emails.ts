import { escapeHtml, type RenderedEmail } from '@anchored/notifications';

export interface BuddyPairedInput {
  recipientName: string;
  cohortName: string;
  /** The other one or two members' names. */
  buddyNames: string[];
  /** The buddy card in the app. */
  url: string;
}

const joinNames = (names: string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** BUDDY_PAIRED: who the recipient's buddy is, and a link to the card. Nothing private travels. */
export function renderBuddyPaired(input: BuddyPairedInput): RenderedEmail {
  const buddies = joinNames(input.buddyNames);
  const subject = `Your buddy in ${input.cohortName}: ${buddies}`.replace(/\s+/g, ' ').trim();
  const lines = [
    `Hi ${input.recipientName},`,
    `Your coach paired the ${input.cohortName} circle: your buddy ${input.buddyNames.length > 1 ? 'group is you and' : 'is'} ${buddies}.`,
    'A buddy is someone to practise co-regulation with between sessions. You can write to each other in the app, and choose whether to share your daily weather (where you are and how your nervous system is, never your notes or scores).',
  ];
  const text = [...lines, `See your buddy: ${input.url}`, 'Warmly,\nThe Anchored team'].join('\n\n');
  const html =
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>' +
    escapeHtml(subject) +
    '</title></head>\n<body style="font-family:Georgia,serif;font-size:15px;line-height:1.6;color:#2b2b2b;max-width:560px;margin:0 auto;padding:16px">\n' +
    lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n') +
    `\n<p><a href="${escapeHtml(input.url)}">See your buddy</a></p>\n<p>Warmly,<br>The Anchored team</p>\n</body></html>`;
  return { subject, text, html };
}
