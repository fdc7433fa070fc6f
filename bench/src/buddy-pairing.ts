import { PairingClient, pairBuddies } from '@anchored/domain';
import type { BenchResult, Scenario } from './context';

const ZONES = [
  'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata',
  'Australia/Sydney', 'Pacific/Auckland', 'America/Sao_Paulo', 'Asia/Kathmandu', 'UTC',
];

/** A fixed pseudo-random sequence, so every run times the same cohorts. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Buddy pairing (libs/domain buddy-pairing.ts, docs/buddies.md): the pure function the coach's
 * preview and pairBuddies run, for cohorts of 20 clients across the world's zones, each paired a
 * second time against its first pairing (the repeat-avoiding case). No database: CPU only.
 */
export const buddyPairingScenario: Scenario = async (ctx) => {
  const cohorts = ctx.smoke ? 20 : 500;
  const random = seeded(2026);
  const times: number[] = [];
  for (let c = 0; c < cohorts; c++) {
    const clients: PairingClient[] = Array.from({ length: 20 }, (_, i) => ({ id: `c${c}-${String(i).padStart(2, '0')}`, timezone: ZONES[Math.floor(random() * ZONES.length)] }));
    const now = new Date(Date.UTC(2026, Math.floor(random() * 12), 1 + Math.floor(random() * 28), 12));
    const first = pairBuddies(clients, [], now).groups.map((g) => g.memberIds);
    const started = process.hrtime.bigint();
    pairBuddies(clients, first, now);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  ctx.log(`buddy pairing: ${cohorts} cohorts of 20, median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
  const results: BenchResult[] = [
    { scenario: 'buddy-pairing', metric: 'ms per pairing of 20 (median)', value: median, target: '<= 10 ms', met: median <= 10 },
    { scenario: 'buddy-pairing', metric: 'ms per pairing of 20 (p95)', value: p95, target: '<= 50 ms', met: p95 <= 50 },
  ];
  return results;
};
