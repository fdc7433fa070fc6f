import { CheckInFigures, WeatherRow, addDays, checkInTrend, cohortWeather } from '@anchored/domain';
import type { Scenario } from './context';

const LOCATIONS = ['WITH_MYSELF', 'WITH_OTHERS', 'IN_THE_PAST', 'IN_THE_FUTURE'] as const;
const STATES = ['SETTLED', 'ACTIVATED', 'SHUT_DOWN', 'APPEASING'] as const;

/** A fixed pseudo-random sequence, so every run times the same check-ins. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

/**
 * Check-in trend and weather (libs/domain check-ins.ts, docs/check-ins.md): the pure functions
 * behind myCheckInTrend and cohortWeather, for a 26-week cohort of 20 clients who checked in on
 * most of its 182 days (the longest trend a client can have). No database: CPU only.
 */
export const checkInTrendScenario: Scenario = async (ctx) => {
  const clients = ctx.smoke ? 4 : 20;
  const repeats = ctx.smoke ? 5 : 50;
  const random = seeded(14);
  const startsOn = '2027-01-04';
  const today = addDays(startsOn, 26 * 7 - 1);
  const byClient: CheckInFigures[][] = [];
  for (let c = 0; c < clients; c++) {
    const rows: CheckInFigures[] = [];
    for (let day = 0; day < 26 * 7; day++) {
      if (random() < 0.15) continue;
      rows.push({ localDate: addDays(startsOn, day), location: LOCATIONS[Math.floor(random() * 4)], state: STATES[Math.floor(random() * 4)], anchored: Math.floor(random() * 11) });
    }
    byClient.push(rows);
  }
  const trendMs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const rows of byClient) {
      const started = process.hrtime.bigint();
      const trend = checkInTrend(rows, startsOn, today);
      trendMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (trend.weeks.length !== 26) throw new Error(`Expected 26 weeks, got ${trend.weeks.length}`);
    }
  }
  // The weather over the whole program (the widest window the API allows is 90 days; this is twice that).
  const all: WeatherRow[] = byClient.flatMap((rows, c) => rows.map((row) => ({ ...row, clientId: `c${c}` })));
  const weatherMs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const started = process.hrtime.bigint();
    cohortWeather(all);
    weatherMs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  ctx.log(`check-in trend: ${clients} clients x ${byClient[0].length}+ days, median ${median(trendMs).toFixed(2)} ms; weather over ${all.length} check-ins, median ${median(weatherMs).toFixed(2)} ms`);
  return [
    { scenario: 'check-in-trend', metric: 'ms per 26-week trend (median)', value: median(trendMs), target: '<= 5 ms', met: median(trendMs) <= 5 },
    { scenario: 'check-in-trend', metric: 'ms per 26-week trend (p95)', value: p95(trendMs), target: '<= 20 ms', met: p95(trendMs) <= 20 },
    { scenario: 'check-in-trend', metric: `ms per weather of ${all.length} check-ins (median)`, value: median(weatherMs), target: '<= 10 ms', met: median(weatherMs) <= 10 },
  ];
};
