import { DateTime } from 'luxon';

/** "Where am I located right now?" Values match the GraphQL enum Location. */
export enum CheckInLocation {
  WITH_MYSELF = 'WITH_MYSELF',
  WITH_OTHERS = 'WITH_OTHERS',
  IN_THE_PAST = 'IN_THE_PAST',
  IN_THE_FUTURE = 'IN_THE_FUTURE',
}

/** The nervous system's state (calm; fight or flight; freeze; fawn). Values match the GraphQL enum NervousSystemState. */
export enum NervousSystemState {
  SETTLED = 'SETTLED',
  ACTIVATED = 'ACTIVATED',
  SHUT_DOWN = 'SHUT_DOWN',
  APPEASING = 'APPEASING',
}

export const CHECK_IN = {
  anchoredMin: 0,
  anchoredMax: 10,
  /** Characters of the private note. */
  noteMax: 2000,
  /** The cohort weather is shown only when at least this many distinct clients checked in. */
  weatherMinClients: 3,
  weatherDaysMax: 90,
} as const;

export const ALL_LOCATIONS: readonly CheckInLocation[] = Object.values(CheckInLocation);
export const ALL_STATES: readonly NervousSystemState[] = Object.values(NervousSystemState);

export interface CheckInProblem {
  field: string;
  message: string;
}

/** Every problem of a check-in's values (none: it may be stored). */
export function checkInProblems(input: { location: unknown; state: unknown; anchored: unknown; note?: unknown }): CheckInProblem[] {
  const problems: CheckInProblem[] = [];
  if (!ALL_LOCATIONS.includes(input.location as CheckInLocation)) {
    problems.push({ field: 'location', message: `location must be one of ${ALL_LOCATIONS.join(', ')}.` });
  }
  if (!ALL_STATES.includes(input.state as NervousSystemState)) {
    problems.push({ field: 'state', message: `state must be one of ${ALL_STATES.join(', ')}.` });
  }
  const a = input.anchored;
  if (typeof a !== 'number' || !Number.isInteger(a) || a < CHECK_IN.anchoredMin || a > CHECK_IN.anchoredMax) {
    problems.push({ field: 'anchored', message: `anchored must be a whole number from ${CHECK_IN.anchoredMin} to ${CHECK_IN.anchoredMax}.` });
  }
  if (input.note !== undefined && input.note !== null) {
    if (typeof input.note !== 'string') problems.push({ field: 'note', message: 'note must be text.' });
    else if (input.note.length > CHECK_IN.noteMax) problems.push({ field: 'note', message: `note must be at most ${CHECK_IN.noteMax} characters.` });
  }
  return problems;
}

/** The calendar day (YYYY-MM-DD) of an instant on the wall clock of `timezone`: the day a check-in counts for. */
export function localDateOf(at: Date, timezone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  if (!local.isValid) throw new RangeError(`Unknown timezone "${timezone}"`);
  return local.toFormat('yyyy-MM-dd');
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date (YYYY-MM-DD): plain arithmetic, calendar days have no zone. */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** 1-based program week of a local date (days 0–6 from the first day are week 1), 0 or less before the program. */
export function programWeekOfDate(date: string, startsOn: string): number {
  return Math.floor(daysBetween(startsOn, date) / 7) + 1;
}

/** What the trend and the weather need of one check-in. */
export interface CheckInFigures {
  localDate: string;
  location: CheckInLocation | `${CheckInLocation}`;
  state: NervousSystemState | `${NervousSystemState}`;
  anchored: number;
}

export interface LocationCount {
  location: CheckInLocation;
  count: number;
}
export interface StateCount {
  state: NervousSystemState;
  count: number;
}

/** Counts of every location and state (zeros included, in the enums' order). */
export function countLocationsAndStates(rows: readonly Pick<CheckInFigures, 'location' | 'state'>[]): { locations: LocationCount[]; states: StateCount[] } {
  // One pass: a 26-week cohort's weather counts thousands of rows.
  const locations = new Map<string, number>();
  const states = new Map<string, number>();
  for (const r of rows) {
    locations.set(r.location, (locations.get(r.location) ?? 0) + 1);
    states.set(r.state, (states.get(r.state) ?? 0) + 1);
  }
  return {
    locations: ALL_LOCATIONS.map((location) => ({ location, count: locations.get(location) ?? 0 })),
    states: ALL_STATES.map((state) => ({ state, count: states.get(state) ?? 0 })),
  };
}

const mean = (values: readonly number[]): number | null => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);
/** One decimal, so screens and tests agree on what "the mean" is. */
const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

export interface TrendWeek {
  /** 1-based program week. */
  week: number;
  /** Its first and last local day. */
  startsOn: string;
  endsOn: string;
  checkIns: number;
  /** Mean anchored of the week's check-ins, one decimal; null for a week without any. */
  meanAnchored: number | null;
  locations: LocationCount[];
  states: StateCount[];
}

/**
 * A gentle streak: what the client did, never what they missed. `current` counts consecutive days
 * up to today, or up to yesterday while today is still open (today not yet checked in breaks nothing).
 */
export interface GentleStreak {
  current: number;
  longest: number;
  /** Days with a check-in among the last 7 (today included). */
  daysInLastSeven: number;
  totalDays: number;
}

export interface CheckInTrend {
  /** One entry per day with a check-in, oldest first. */
  days: { localDate: string; anchored: number; location: CheckInLocation; state: NervousSystemState; week: number }[];
  /** Program weeks 1 .. the week of `today` (at least week 1), each with its figures. */
  weeks: TrendWeek[];
  streak: GentleStreak;
}

/** Consecutive-day streaks of a set of local dates, as of `today`. */
export function gentleStreak(dates: readonly string[], today: string): GentleStreak {
  const days = [...new Set(dates)].filter((d) => d <= today).sort();
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const day of days) {
    run = previous !== null && daysBetween(previous, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const set = new Set(days);
  let current = 0;
  let cursor = set.has(today) ? today : addDays(today, -1);
  while (set.has(cursor)) {
    current += 1;
    cursor = addDays(cursor, -1);
  }
  const weekAgo = addDays(today, -6);
  return { current, longest, daysInLastSeven: days.filter((d) => d >= weekAgo).length, totalDays: days.length };
}

/**
 * A client's trend over a program: anchored by day, and per program week the mean anchored and how
 * often each location and state came up. `today` is the client's local date.
 */
export function checkInTrend(rows: readonly CheckInFigures[], startsOn: string, today: string): CheckInTrend {
  const sorted = [...rows].sort((a, b) => a.localDate.localeCompare(b.localDate));
  const days = sorted.map((r) => ({
    localDate: r.localDate,
    anchored: r.anchored,
    location: r.location as CheckInLocation,
    state: r.state as NervousSystemState,
    week: programWeekOfDate(r.localDate, startsOn),
  }));
  const lastWeek = Math.max(1, programWeekOfDate(today, startsOn), ...days.map((d) => d.week));
  const weeks: TrendWeek[] = [];
  for (let week = 1; week <= lastWeek; week += 1) {
    const inWeek = days.filter((d) => d.week === week);
    weeks.push({
      week,
      startsOn: addDays(startsOn, (week - 1) * 7),
      endsOn: addDays(startsOn, week * 7 - 1),
      checkIns: inWeek.length,
      meanAnchored: round1(mean(inWeek.map((d) => d.anchored))),
      ...countLocationsAndStates(inWeek),
    });
  }
  return { days, weeks, streak: gentleStreak(days.map((d) => d.localDate), today) };
}

export interface WeatherRow extends Pick<CheckInFigures, 'location' | 'state' | 'anchored'> {
  clientId: string;
}

export interface CohortWeather {
  clientsCheckedIn: number;
  /** Null (with states and averageAnchored) while fewer than 3 distinct clients checked in. */
  locations: LocationCount[] | null;
  states: StateCount[] | null;
  averageAnchored: number | null;
}

/**
 * How a circle is doing: the check-ins of its clients over a window, counted. Never shown while
 * fewer than CHECK_IN.weatherMinClients distinct clients checked in, so no one can be singled out.
 */
export function cohortWeather(rows: readonly WeatherRow[]): CohortWeather {
  const clientsCheckedIn = new Set(rows.map((r) => r.clientId)).size;
  if (clientsCheckedIn < CHECK_IN.weatherMinClients) return { clientsCheckedIn, locations: null, states: null, averageAnchored: null };
  return { clientsCheckedIn, ...countLocationsAndStates(rows), averageAnchored: round1(mean(rows.map((r) => r.anchored))) };
}

/** The first local day of a weather window of `days` days ending on `today`. */
export function weatherWindowStart(today: string, days: number): string {
  return addDays(today, -(days - 1));
}
