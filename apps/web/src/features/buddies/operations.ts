import { gql, type TypedDocumentNode } from '@apollo/client';

/*
 * Buddies (docs/buddies.md). Written as typed documents here rather than through the generated
 * `graphql()` so this feature's types live with it.
 */

export interface BuddyPerson {
  id: string;
  name: string;
  timezone: string;
}
export interface BuddyWeather {
  buddy: { id: string };
  localDate: string | null;
  location: string | null;
  state: string | null;
}
export interface BuddyPair {
  id: string;
  startsOn: string;
  endsOn: string | null;
  members: BuddyPerson[];
  sharingMyWeather: boolean | null;
  buddyWeather: BuddyWeather[];
}
export interface PreviewGroup {
  members: BuddyPerson[];
  overlapMinutes: number;
  repeatsPrevious: boolean;
}

export const MY_BUDDY: TypedDocumentNode<{ myBuddy: BuddyPair | null }, { cohortId: string }> = gql`
  query MyBuddy($cohortId: ID!) { myBuddy(cohortId: $cohortId) { id startsOn endsOn members { id name timezone } sharingMyWeather buddyWeather { buddy { id } localDate location state } } }
`;

export const SHARE_WEATHER: TypedDocumentNode<{ shareWeatherWithBuddy: BuddyPair }, { cohortId: string; share: boolean }> = gql`
  mutation ShareWeatherWithBuddy($cohortId: ID!, $share: Boolean!) { shareWeatherWithBuddy(cohortId: $cohortId, share: $share) { id startsOn endsOn members { id name timezone } sharingMyWeather buddyWeather { buddy { id } localDate location state } } }
`;

export const BUDDY_PAIRS: TypedDocumentNode<{ buddyPairs: BuddyPair[]; cohort: { id: string; name: string; timezone: string } }, { cohortId: string }> = gql`
  query BuddyPairs($cohortId: ID!) { cohort(id: $cohortId) { id name timezone } buddyPairs(cohortId: $cohortId) { id startsOn endsOn members { id name timezone } sharingMyWeather buddyWeather { buddy { id } localDate location state } } }
`;

export const PREVIEW_BUDDY_PAIRS: TypedDocumentNode<{ previewBuddyPairs: PreviewGroup[] }, { cohortId: string }> = gql`
  query PreviewBuddyPairs($cohortId: ID!) { previewBuddyPairs(cohortId: $cohortId) { members { id name timezone } overlapMinutes repeatsPrevious } }
`;

export const PAIR_BUDDIES: TypedDocumentNode<{ pairBuddies: BuddyPair[] }, { cohortId: string }> = gql`
  mutation PairBuddies($cohortId: ID!) { pairBuddies(cohortId: $cohortId) { id startsOn endsOn members { id name timezone } sharingMyWeather buddyWeather { buddy { id } localDate location state } } }
`;

/** The caller's conversations, to link each buddy to the one the pairing opened (docs/messages.md). */
export const MY_CONVERSATIONS: TypedDocumentNode<{ myConversations: { id: string; cohort: { id: string }; participants: { id: string }[] }[] }, Record<string, never>> = gql`
  query BuddyConversations {
    myConversations {
      id
      cohort {
        id
      }
      participants {
        id
      }
    }
  }
`;

/** Plain words for the check-in values a buddy shares. */
export const LOCATION_WORDS: Record<string, string> = {
  WITH_MYSELF: 'with themself',
  WITH_OTHERS: "out in someone else's feelings",
  IN_THE_PAST: 'in the past',
  IN_THE_FUTURE: 'in the future',
};
export const STATE_WORDS: Record<string, string> = {
  SETTLED: 'settled',
  ACTIVATED: 'activated',
  SHUT_DOWN: 'shut down',
  APPEASING: 'appeasing',
};

/** "9 h 30 min" of shared waking hours. */
export function formatOverlap(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
