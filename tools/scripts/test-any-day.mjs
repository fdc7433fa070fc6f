#!/usr/bin/env node
// Runs the test suites with the clock moved to other days, hours and timezones, to prove that no
// test depends on when it runs (docs/testing.md). Each scenario runs `tools/scripts/test.mjs
// --tests-only` under libfaketime (Debian package `faketime`) with a fixed offset from the real
// clock, so the test processes, the API and worker they start, Chromium and an embedded Postgres
// (started inside the shifted process tree) all agree on the shifted time. Redis keeps the real
// clock: BullMQ and the rate limits only use the time their clients send or relative TTLs.
//
//   node tools/scripts/test-any-day.mjs                      seven days, a DST change, two timezones
//   node tools/scripts/test-any-day.mjs --only 8,9,10                 some of the default scenarios (1-based)
//   node tools/scripts/test-any-day.mjs --at 2027-03-14T06:30:00Z [--tz Pacific/Auckland] [--projects=api,web-e2e]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { isListening, startLocalRedis } from './local-services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (line) => console.log(`[anchored:any-day] ${line}`);
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const passThrough = args.filter((a) => a.startsWith('--projects='));

/** Seven consecutive days from tomorrow, each at a different hour (UTC), so every weekday and most
 * hours of the day are covered; then an hour before New York's spring DST change, and the next
 * weekday in the two timezones furthest from UTC in opposite directions. */
function defaultScenarios() {
  const tomorrow = DateTime.utc().plus({ days: 1 }).startOf('day');
  const week = Array.from({ length: 7 }, (_, i) => ({ at: tomorrow.plus({ days: i, hours: (2 + i * 7) % 24, minutes: 30 }) }));
  // The second Sunday of March, 01:30 in New York: the clocks jump from 02:00 to 03:00 half an hour later.
  const secondSunday = secondSundayOfMarch(DateTime.utc().year + 1).set({ hour: 1, minute: 30 });
  return [
    ...week,
    { at: secondSunday.toUTC() },
    { at: tomorrow.plus({ hours: 11 }), tz: 'Pacific/Auckland' },
    { at: tomorrow.plus({ hours: 7 }), tz: 'America/Los_Angeles' },
  ];
}

function secondSundayOfMarch(year) {
  let day = DateTime.fromObject({ year, month: 3, day: 1 }, { zone: 'America/New_York' });
  while (day.weekday !== 7) day = day.plus({ days: 1 });
  return day.plus({ weeks: 1 });
}

async function main() {
  if (!existsSync('/usr/bin/faketime')) throw new Error('Needs libfaketime: apt-get install -y faketime');
  let redisUrl = process.env.TEST_REDIS_URL;
  let stopRedis;
  if (!redisUrl && !(await isListening('127.0.0.1', 6379))) {
    // Started here, outside the shifted clock: redis-server hangs under libfaketime.
    const redis = await startLocalRedis(root, { port: 6392, log });
    if (!redis) throw new Error('The tests need Redis.');
    ({ url: redisUrl, stop: stopRedis } = redis);
  }
  const at = option('--at');
  const only = option('--only')?.split(',').map(Number);
  const all = at ? [{ at: DateTime.fromISO(at, { zone: 'utc' }), tz: option('--tz') }] : defaultScenarios();
  const scenarios = only ? only.map((n) => all[n - 1]).filter(Boolean) : all;
  const results = [];
  for (const scenario of scenarios) {
    const offsetSeconds = Math.round((scenario.at.toMillis() - Date.now()) / 1000);
    const label = `${scenario.at.toUTC().toFormat("ccc yyyy-LL-dd HH:mm 'UTC'")}${scenario.tz ? ` with TZ=${scenario.tz}` : ''}`;
    log(`${label} (clock offset ${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds} s)`);
    const env = {
      ...process.env,
      ...(redisUrl ? { TEST_REDIS_URL: redisUrl } : {}),
      TEST_POSTGRES: 'embedded',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      ...(scenario.tz ? { TZ: scenario.tz } : {}),
    };
    const started = Date.now();
    const run = spawnSync('faketime', ['-f', `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`, process.execPath, join(root, 'tools/scripts/test.mjs'), '--tests-only', ...passThrough], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    const result = { label, passed: run.status === 0, minutes: ((Date.now() - started) / 60_000).toFixed(1) };
    log(`${result.passed ? 'passed' : 'FAILED'}  ${result.label}  (${result.minutes} min)`);
    results.push(result);
  }
  await stopRedis?.();
  log('Summary:');
  for (const r of results) log(`${r.passed ? 'passed' : 'FAILED'}  ${r.label}  (${r.minutes} min)`);
  if (results.some((r) => !r.passed)) process.exit(1);
}

main().catch((error) => {
  console.error(`[anchored:any-day] ${error.message ?? error}`);
  process.exit(1);
});
