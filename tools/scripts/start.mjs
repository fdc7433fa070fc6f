#!/usr/bin/env node
// `npm start`: everything the platform has (API and worker), with demo data, on one machine.
// `npm run start:api`: one API process only; `npm run start:worker`: one worker process only.
// Operators run as many of each as they like against the same DATABASE_URL and REDIS_URL.
//
// DATABASE_URL unset -> an embedded Postgres in .data/postgres (no server needed).
// REDIS_URL unset    -> Redis on 127.0.0.1:6379 if one is running, else a redis-server started
//                       here (data in memory only), else a message saying how to get one.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app-build.mjs';
import { isListening, startEmbeddedPostgres, startLocalRedis } from './local-services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mode = process.argv.includes('--api-only') ? 'api' : process.argv.includes('--worker-only') ? 'worker' : 'all';
const env = { ...process.env };
const log = (line) => console.log(`[anchored] ${line}`);
const stops = [];
const children = [];

const NO_REDIS = [
  'No Redis found: reminders, summaries and emails need one.',
  '  Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) and run `npm start` again,',
  '  or point REDIS_URL at one (e.g. REDIS_URL=redis://127.0.0.1:6379 npm start),',
  '  or run everything with Docker: docker compose up.',
].join('\n');

async function localRedis() {
  if (await isListening('127.0.0.1', 6379)) return 'redis://127.0.0.1:6379';
  const redis = await startLocalRedis(root, { port: Number(env.EMBEDDED_REDIS_PORT ?? 6390), log });
  if (redis) stops.push(redis.stop);
  return redis?.url;
}

function run(app) {
  const main = join(buildApp(root, app, env), 'main.js');
  const child = spawn(process.execPath, [main], { cwd: root, stdio: 'inherit', env });
  children.push(child);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

async function main() {
  const pgPort = Number(env.EMBEDDED_PG_PORT ?? 54329);
  if (!env.DATABASE_URL && (await isListening('127.0.0.1', pgPort))) {
    // Another `npm run start:*` of this checkout already runs the embedded Postgres: share it.
    env.DATABASE_URL = `postgres://anchored:anchored@127.0.0.1:${pgPort}/anchored`;
  }
  if (!env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres(root, { port: pgPort, log });
    env.DATABASE_URL = pg.url;
    stops.push(pg.stop);
    log(`Embedded Postgres is running (${pg.url.replace(/:[^:@/]+@/, ':***@')}); data in .data/postgres`);
  }
  if (!env.REDIS_URL) {
    env.REDIS_URL = await localRedis();
    if (!env.REDIS_URL) {
      delete env.REDIS_URL;
      if (mode === 'worker') throw new Error(NO_REDIS);
      log(`${NO_REDIS}\n  Starting the API alone for now; nothing is lost: the worker catches up once it runs.`);
    }
  }
  // `npm start` is the demo command; the single-process commands load no demo data unless asked.
  if (mode === 'all' && env.NODE_ENV !== 'production' && env.DEMO_DATA === undefined) env.DEMO_DATA = 'true';

  const apps = mode === 'all' ? (env.REDIS_URL ? ['api', 'worker'] : ['api']) : [mode];
  // The API serves the web app, so build it wherever the API runs.
  const builds = apps.includes('api') ? ['web', ...apps] : apps;
  log(`Building ${builds.join(', ')} ...`);
  for (const app of builds) buildApp(root, app, env);
  env.SKIP_BUILD = 'true';

  const shutdown = (signal) => children.forEach((child) => child.kill(signal));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // The API first: it applies migrations and loads the demo data before the worker looks at them.
  const exits = [run(apps[0])];
  if (apps[1]) {
    await waitForApi();
    exits.push(run(apps[1]));
  }
  // One process ending ends the others: the platform runs whole or not at all.
  const code = await Promise.race(exits);
  shutdown('SIGTERM');
  await Promise.all(exits);
  await stopAll();
  process.exit(code);
}

async function waitForApi() {
  const port = Number(env.PORT ?? 3000);
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopAll() {
  for (const stop of stops.reverse()) await stop().catch(() => {});
}

main().catch(async (error) => {
  console.error(`[anchored] ${error.message ?? error}`);
  shutdownChildren();
  await stopAll();
  process.exit(1);
});

function shutdownChildren() {
  children.forEach((child) => child.kill('SIGTERM'));
}
