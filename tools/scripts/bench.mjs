#!/usr/bin/env node
// `npm run bench`: builds the API, the worker and the benchmarks, makes sure Postgres and Redis are
// there, and runs bench/src/main.ts. BENCH_SMOKE=true (or --smoke) runs tiny sizes, as CI does.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isListening, startEmbeddedPostgres } from './local-services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
if (process.argv.includes('--smoke')) env.BENCH_SMOKE = 'true';
// --only=dashboard,scale runs those scenarios (the same as BENCH_ONLY).
const only = process.argv.find((arg) => arg.startsWith('--only='));
if (only) env.BENCH_ONLY = only.slice('--only='.length);
const log = (line) => console.log(`[anchored:bench] ${line}`);
let stopPostgres;

async function main() {
  if (!env.BENCH_DATABASE_SERVER_URL && !env.TEST_DATABASE_SERVER_URL && !(await isListening('127.0.0.1', 5432))) {
    const pg = await startEmbeddedPostgres(root, { port: 54331, database: 'postgres', folder: 'postgres-bench', log });
    stopPostgres = pg.stop;
    env.BENCH_DATABASE_SERVER_URL = pg.url;
  }
  if (!env.BENCH_REDIS_URL && !env.REDIS_URL && !(await isListening('127.0.0.1', 6379))) {
    throw new Error('The benchmarks need Redis: start one on 127.0.0.1:6379 or set BENCH_REDIS_URL.');
  }
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'bench', '--outputStyle=static'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) throw new Error('Build failed');
  const run = spawnSync(process.execPath, ['--expose-gc', join(root, 'dist/bench/bench/src/main.js')], { cwd: root, stdio: 'inherit', env });
  if (run.status !== 0) throw new Error('The benchmarks failed');
}

main()
  .then(async () => {
    await stopPostgres?.();
  })
  .catch(async (error) => {
    console.error(`[anchored:bench] ${error.message ?? error}`);
    await stopPostgres?.();
    process.exit(1);
  });
