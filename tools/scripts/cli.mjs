#!/usr/bin/env node
// `npm run migrate` and `npm run admin:create -- --email a@b.c --password '...' [--name N]`:
// operator commands against DATABASE_URL (or the embedded Postgres when it is unset).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app-build.mjs';
import { startEmbeddedPostgres } from './local-services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env };
let stop;
try {
  if (!env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres(root, { port: Number(env.EMBEDDED_PG_PORT ?? 54329) });
    env.DATABASE_URL = pg.url;
    stop = pg.stop;
  }
  const cli = join(buildApp(root, 'api', env), 'cli.js');
  const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
  process.exitCode = result.status ?? 1;
} catch (error) {
  console.error(error.message ?? error);
  process.exitCode = 1;
} finally {
  await stop?.();
}
