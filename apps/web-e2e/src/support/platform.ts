import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import { testDatabaseUrl } from '@anchored/data';

const ROOT = join(__dirname, '..', '..', '..', '..');
const API_MAIN = join(ROOT, 'dist/api/apps/api/src/main.js');
const WEB_INDEX = join(ROOT, 'dist/web/index.html');

export const ADMIN = { email: 'e2e-admin@anchored.test', password: 'an admin password for e2e' };

function pick(env: NodeJS.ProcessEnv, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name] as string]])));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The platform as an operator runs it: the compiled API in production mode, serving the built web
 * app, configured only through the documented environment variables, on a database of this run.
 */
export class Platform {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly queuePrefix: string,
    private readonly redisUrl: string,
    readonly output: () => string,
  ) {}

  /**
   * `smtpUrl`: where the API sends its emails (e.g. a test SMTP server); unset: .eml files, as documented.
   * `env`: further documented variables for this platform (e.g. ADMIN_REQUIRE_2FA).
   */
  static async start(options: { smtpUrl?: string; env?: Record<string, string> } = {}): Promise<Platform> {
    if (!existsSync(API_MAIN) || !existsSync(WEB_INDEX)) {
      throw new Error('Build the API and the web app first: npx nx run-many -t build -p api web');
    }
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const queuePrefix = `e2e-${process.pid}`;
    const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
    const child = spawn(process.execPath, [API_MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'],
        // The any-day runner's shifted clock (libfaketime) and timezone reach the API too.
        ...pick(process.env, ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC', 'TZ']),
        NODE_ENV: 'production',
        PORT: String(port),
        PUBLIC_URL: url,
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: queuePrefix,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        JWT_SECRET: 'e2e-Secret-for-the-browser-tests-only-9f8e7d6c5b4a',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
        WEB_DIST_DIR: join(ROOT, 'dist/web'),
        LOG_LEVEL: 'warn',
        ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl, MAIL_FROM: 'Anchored <no-reply@anchored.test>' } : {}),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const platform = new Platform(url, child, queuePrefix, redisUrl, () => output);
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}):\n${output}`);
      try {
        if ((await fetch(`${url}/health`)).ok) return platform;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await platform.stop();
    throw new Error(`The API did not become healthy:\n${output}`);
  }

  /** A GraphQL call outside the browser, for arranging data a test is not about. */
  async gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }

  async logIn(email: string, password: string): Promise<string> {
    const data = await this.gql<{ logIn: { accessToken: string } }>('mutation($i: LogInInput!) { logIn(input: $i) { accessToken } }', { i: { email, password } });
    return data.logIn.accessToken;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    // Leave nothing behind in the shared Redis.
    const redis = new Redis(this.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.queuePrefix}:*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
