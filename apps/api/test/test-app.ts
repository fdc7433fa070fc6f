import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@anchored/config';
import { Role } from '@anchored/domain';
import type { AppOptions } from '../src/app.module';
import { createApp } from '../src/create-app';
import { UsersService } from '../src/users/users.service';
import { testDatabaseUrl } from '@anchored/data';

export const PASSWORD = 'correct horse battery staple';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[];
}

export interface Session {
  token: string;
  refreshToken: string;
  user: { id: string; email: string; role: Role; name: string };
}

/**
 * A real API on a random port against the test database. Requests go over HTTP, exactly like a
 * browser's; only account creation for coaches and admins takes a shortcut through the service.
 */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly config: AppConfig,
  ) {}

  static async start(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...env,
    });
    const app = await createApp(config, options);
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return new TestApp(app, url, config);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResult<T>;
    return { ...body, status: res.status };
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const result = await this.gql<T>(query, variables, token);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async logIn(email: string, password = PASSWORD): Promise<Session> {
    const data = await this.ok(
      `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken user { id email role name } } }`,
      { input: { email, password } },
    );
    return { token: data.logIn.accessToken, refreshToken: data.logIn.refreshToken, user: data.logIn.user };
  }

  /** A fresh user of any role, logged in. */
  async user(role: Role, name = `${role.toLowerCase()} ${randomUUID().slice(0, 6)}`): Promise<Session> {
    const email = uniqueEmail(role.toLowerCase());
    if (role === Role.CLIENT) {
      const data = await this.ok(
        `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id email role name } } }`,
        { input: { email, password: PASSWORD, name, timezone: 'Europe/Berlin' } },
      );
      return { token: data.signUp.accessToken, refreshToken: data.signUp.refreshToken, user: data.signUp.user };
    }
    await this.app.get(UsersService).create({ email, name, role, password: PASSWORD });
    return this.logIn(email);
  }
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomUUID().slice(0, 8)}@example.com`;
}

export function codes(result: GqlResult): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}
