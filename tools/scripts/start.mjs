#!/usr/bin/env node
// `npm start`: everything the platform has, with demo data, on one machine.
// `npm run start:api`: one API process only, for operators running several.
//
// DATABASE_URL set   -> that Postgres is used.
// DATABASE_URL unset -> an embedded Postgres in .data/postgres (no server needed).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApi } from './api-build.mjs';
import { startEmbeddedPostgres } from './local-services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const apiOnly = process.argv.includes('--api-only');
const env = { ...process.env };
const log = (line) => console.log(`[anchored] ${line}`);
const stops = [];

async function main() {
  if (!env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres(root, { port: Number(env.EMBEDDED_PG_PORT ?? 54329), log });
    env.DATABASE_URL = pg.url;
    stops.push(pg.stop);
    log(`Embedded Postgres is running (${pg.url.replace(/:[^:@/]+@/, ':***@')}); data in .data/postgres`);
  }
  // `npm start` is the demo command; start:api is for operators and loads no demo data unless asked.
  if (!apiOnly && env.NODE_ENV !== 'production' && env.DEMO_DATA === undefined) env.DEMO_DATA = 'true';

  log('Building the API ...');
  const main = join(buildApi(root, env), 'main.js');

  const api = spawn(process.execPath, [main], { cwd: root, stdio: 'inherit', env });
  const shutdown = (signal) => api.kill(signal);
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const code = await new Promise((resolve) => api.on('exit', (c) => resolve(c ?? 0)));
  await stopAll();
  process.exit(code);
}

async function stopAll() {
  for (const stop of stops.reverse()) await stop().catch(() => {});
}

main().catch(async (error) => {
  console.error(`[anchored] ${error.message ?? error}`);
  await stopAll();
  process.exit(1);
});
