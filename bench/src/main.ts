import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '@anchored/data';
import { buddyPairingScenario } from './buddy-pairing';
import { checkInTrendScenario } from './check-in-trend';
import { communityFeedScenario } from './community-feed';
import { dashboardScenario } from './coach-dashboard';
import { fanOutScenario } from './fan-out';
import type { BenchContext, BenchResult, Scenario } from './context';
import { passwordResetScenario } from './password-reset';
import { scaleScenario } from './scale';
import { schedulingScenario } from './scheduling';
import { summariesScenario } from './summaries';

/**
 * `npm run bench`: each scenario gets a fresh database of its own on the server (never the demo
 * database) and a queue prefix of its own on Redis, seeds what it needs, and measures the project
 * against a baseline measured in the same run. BENCH_SMOKE=true runs tiny sizes (CI).
 */
const SCENARIOS: [string, Scenario][] = [
  ['dashboard', dashboardScenario],
  ['scheduling', schedulingScenario],
  ['summaries', summariesScenario],
  ['buddy-pairing', buddyPairingScenario],
  ['check-in-trend', checkInTrendScenario],
  ['fan-out', fanOutScenario],
  ['community-feed', communityFeedScenario],
  ['password-reset', passwordResetScenario],
  ['scale', scaleScenario],
];

// Compiled to dist/bench/bench/src/main.js: four levels below the repository root.
const root = resolve(__dirname, '../../../..');
const server = process.env['BENCH_DATABASE_SERVER_URL'] ?? process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env['BENCH_REDIS_URL'] ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const smoke = process.env['BENCH_SMOKE'] === 'true';
const only = process.env['BENCH_ONLY']?.split(',');
const log = (line: string) => console.log(`[bench] ${line}`);

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '';
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function table(results: BenchResult[]): string {
  const rows = [
    ['scenario', 'metric', 'value', 'baseline', 'ratio', 'target', 'met'],
    ...results.map((r) => [r.scenario, r.metric, fmt(r.value), fmt(r.baseline), r.ratio === undefined ? '' : `${fmt(r.ratio)}x`, r.target ?? '', r.met === undefined ? '' : r.met ? 'yes' : 'NO']),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  log(`machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}${smoke ? ' [smoke run]' : ''}`);
  const results: BenchResult[] = [];
  for (const [name, scenario] of SCENARIOS) {
    if (only && !only.includes(name)) continue;
    const database = `anchored_bench_${process.pid}_${name}`;
    await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await onServer(`CREATE DATABASE "${database}"`);
    const ctx: BenchContext = { root, databaseUrl: databaseUrl(database), redisUrl, smoke, queuePrefix: `anchored-bench-${randomUUID().slice(0, 8)}`, log };
    try {
      await runMigrations(ctx.databaseUrl);
      log(`-- ${name}`);
      results.push(...(await scenario(ctx)));
    } finally {
      if (process.env['KEEP_BENCH_DATABASE'] !== 'true') await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
  }
  console.log(`\n${table(results)}\n`);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${smoke ? 'smoke' : 'run'}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), smoke, machine, seconds: (Date.now() - started) / 1000, results }, null, 2));
  log(`results written to ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  // Smoke runs check that the code paths work; only full runs are judged against the targets.
  const broken = results.filter((r) => r.met === false && r.metric.startsWith('correctness'));
  if (broken.length) throw new Error(`Correctness checks failed: ${broken.map((r) => `${r.scenario} ${r.metric}`).join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
