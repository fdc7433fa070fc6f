import { composeLetter, type RenderedEmail } from '@anchored/notifications';

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
  return composeLetter(`Your buddy in ${input.cohortName}: ${buddies}`, input.recipientName, [
    { text: `Your coach paired the ${input.cohortName} circle: your buddy ${input.buddyNames.length > 1 ? 'group is you and' : 'is'} ${buddies}.` },
    {
      text: 'A buddy is someone to practise co-regulation with between sessions. You can write to each other in the app, and choose whether to share your daily weather (where you are and how your nervous system is, never your notes or scores).',
    },
    { label: 'See your buddy', url: input.url },
  ]);
}
