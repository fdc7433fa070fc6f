import type { Location, NervousSystemState } from '../../gql/graphql';

/**
 * The words of the check-in form, written for this app (the ideas of the program, not its
 * sentences). Order is the enums' order, so the form, the trend and the weather read alike.
 */
export const LOCATIONS: { value: Location; label: string; hint: string }[] = [
  { value: 'WITH_MYSELF', label: 'With myself', hint: 'I can feel my own body, wants and limits right now.' },
  { value: 'WITH_OTHERS', label: 'With someone else', hint: 'My attention is on another person’s mood, needs or reactions.' },
  { value: 'IN_THE_PAST', label: 'In the past', hint: 'I am replaying something that already happened.' },
  { value: 'IN_THE_FUTURE', label: 'In the future', hint: 'I am rehearsing or worrying about what might come.' },
];

export const STATES: { value: NervousSystemState; label: string; hint: string }[] = [
  { value: 'SETTLED', label: 'Settled', hint: 'Calm enough: breathing easily, able to think and connect.' },
  { value: 'ACTIVATED', label: 'Activated', hint: 'Revved up: a racing heart, tension, an urge to fight or get away.' },
  { value: 'SHUT_DOWN', label: 'Shut down', hint: 'Gone flat or numb: heavy, foggy, hard to move or feel.' },
  { value: 'APPEASING', label: 'Appeasing', hint: 'Smoothing things over: saying yes, pleasing, to keep someone else okay.' },
];

export const locationLabel = (value: Location) => LOCATIONS.find((l) => l.value === value)?.label ?? value;
export const stateLabel = (value: NervousSystemState) => STATES.find((s) => s.value === value)?.label ?? value;

/** How anchored in myself I feel, in words for the slider's ends and middle. */
export function anchoredWords(value: number): string {
  if (value <= 2) return 'hardly anchored';
  if (value <= 4) return 'a little anchored';
  if (value <= 6) return 'somewhat anchored';
  if (value <= 8) return 'quite anchored';
  return 'deeply anchored';
}

/** A gentle sentence about the streak: what was done, never what was missed. */
export function streakSentence(streak: { current: number; daysInLastSeven: number; totalDays: number }): string {
  if (streak.totalDays === 0) return 'Your first check-in will start your trend. One minute is enough.';
  const week = `You checked in on ${streak.daysInLastSeven} of the last 7 days`;
  if (streak.current >= 2) return `${week}, ${streak.current} days in a row. Nice rhythm.`;
  return `${week}, ${streak.totalDays} ${streak.totalDays === 1 ? 'day' : 'days'} in all. Every check-in counts.`;
}
