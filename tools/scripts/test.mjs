#!/usr/bin/env node
// `npm test`: lint, type-check and every test suite (unit and integration) of every project.
// Integration tests need Postgres: TEST_DATABASE_SERVER_URL, else the server on 127.0.0.1:5432,
// else an embedded Postgres started here for the run (always, with TEST_POSTGRES=embedded: the
// any-day runner needs Postgres to share the tests' shifted clock). `--tests-only` skips lint and
// type-check, which do not depend on the clock; `--projects=a,b` tests only those projects.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isListening, startEmbeddedPostgres, startLocalRedis } from './local-services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const log = (line) => console.log(`[anchored:test] ${line}`);
let stopPostgres;
let stopRedis;

function run(args) {
  log(`nx ${args.join(' ')}`);
  const result = spawnSync('npx', ['nx', ...args, '--outputStyle=static'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`nx ${args[0]} ${args[2] ?? ''} failed`);
}

async function main() {
  const embedded = env.TEST_POSTGRES === 'embedded';
  if (embedded) delete env.TEST_DATABASE_SERVER_URL;
  if (!env.TEST_DATABASE_SERVER_URL && (embedded || !(await isListening('127.0.0.1', 5432)))) {
    // TEST_POSTGRES_PORT lets two runs (e.g. two any-day runners in two checkouts) sit side by side.
    const pg = await startEmbeddedPostgres(root, { port: Number(env.TEST_POSTGRES_PORT ?? 54330), database: 'postgres', folder: 'postgres-test', log });
    stopPostgres = pg.stop;
    env.TEST_DATABASE_SERVER_URL = pg.url;
    log(embedded ? 'Using an embedded Postgres for this run.' : 'No Postgres on 127.0.0.1:5432: using an embedded one for this run.');
  }
  if (!env.TEST_REDIS_URL && !(await isListening('127.0.0.1', 6379))) {
    const redis = await startLocalRedis(root, { port: 6391, log });
    if (!redis) throw new Error('The tests need Redis: install redis-server, run one on 127.0.0.1:6379, or set TEST_REDIS_URL.');
    stopRedis = redis.stop;
    env.TEST_REDIS_URL = redis.url;
  }
  if (!process.argv.includes('--tests-only')) run(['run-many', '-t', 'lint', 'typecheck']);
  const only = process.argv.find((a) => a.startsWith('--projects='));
  run(['run-many', '-t', 'test', '--parallel=1', ...(only ? ['-p', only.slice('--projects='.length)] : [])]);
}

main()
  .then(async () => {
    await stopPostgres?.();
    await stopRedis?.();
  })
  .catch(async (error) => {
    console.error(`[anchored:test] ${error.message ?? error}`);
    await stopPostgres?.();
    await stopRedis?.();
    process.exit(1);
  });
