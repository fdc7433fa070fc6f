import { randomInt } from 'node:crypto';
import IORedis from 'ioredis';
import { QueryFailedError } from 'typeorm';
import { Role } from '@anchored/domain';
import { PasswordService } from '../src/auth/password.service';
import { TAKEN_EMAIL_LIMIT } from '../src/auth/sign-up-limit.service';
import { UsersService } from '../src/users/users.service';
import { coachingCohort, createAdmin } from './coaching-fixtures';
import { GqlResult, PASSWORD, TestApp, codes, uniqueEmail } from './test-app';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken user { id } } }`;
const SUBMIT = `mutation($input: SubmitHomeworkInput!) { submitHomework(input: $input) { id } }`;
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

interface LogLine {
  level: number;
  msg?: string;
  err?: { stack?: string };
  [key: string]: unknown;
}

/** Everything the API's logger writes, as text and as parsed lines. */
class LogCapture {
  text = '';
  write(chunk: string) {
    this.text += chunk;
  }
  lines(): LogLine[] {
    return this.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);
  }
  /** Resolves once the logger has written anything containing `marker` (request logs come on response end). */
  async settle(ms = 150) {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
  clear() {
    this.text = '';
  }
}

async function post(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as GqlResult };
}

const ERROR = 50;

describe('abuse gets a clean answer, and the logs keep no secrets', () => {
  const logs = new LogCapture();
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ LOG_LEVEL: 'debug' }, { logStream: logs })));
  afterAll(() => t.close());
  beforeEach(() => logs.clear());

  /** No line at error level, and no stack anywhere: the request was refused, nothing broke. */
  async function expectQuietRefusal() {
    await logs.settle();
    expect(logs.lines().filter((l) => l.level >= ERROR)).toEqual([]);
    expect(logs.text).not.toMatch(/"stack"|\bat .*\.[jt]s:\d+/);
  }

  describe('central text checks', () => {
    it('refuses a NUL byte in a sign-up name with BAD_USER_INPUT naming the field, before it reaches the database', async () => {
      const email = uniqueEmail('nul');
      const result = await post(t, { query: SIGN_UP, variables: { input: { email, password: PASSWORD, name: 'Nul\u0000Byte' } } });
      expect(result.status).toBe(400);
      expect(codes(result.body)).toEqual(['BAD_USER_INPUT']);
      expect(result.body.errors?.[0].extensions?.fields).toEqual([{ field: 'input.name', message: expect.stringMatching(/control character/) }]);
      expect(await t.db.query(`SELECT id FROM users WHERE email = $1`, [email])).toEqual([]);
      await expectQuietRefusal();
    });

    it('refuses other control characters in variables and in literals, in any operation (logIn too)', async () => {
      const logIn = await post(t, { query: LOG_IN, variables: { input: { email: 'a\u0000@example.com', password: PASSWORD } } });
      expect(codes(logIn.body)).toEqual(['BAD_USER_INPUT']);
      const literal = await post(t, { query: `mutation { logIn(input: { email: "x\\u0007@example.com", password: "${PASSWORD}" }) { accessToken } }` });
      expect(codes(literal.body)).toEqual(['BAD_USER_INPUT']);
      expect(literal.body.errors?.[0].extensions?.fields?.[0].field).toBe('input.email');
      await expectQuietRefusal();
    });

    it('keeps tabs and line breaks (the control)', async () => {
      const result = await t.gql(SIGN_UP, { input: { email: uniqueEmail('tab'), password: PASSWORD, name: 'Robin\tExample' } });
      expect(result.errors).toBeUndefined();
    });

    it('refuses a name made only of invisible characters', async () => {
      for (const name of ['\u200B\u200B', '\u3164', '\u2800 \u200D', '\uFEFF']) {
        const result = await t.gql(SIGN_UP, { input: { email: uniqueEmail('blank'), password: PASSWORD, name } });
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors?.[0].extensions?.fields?.map((f) => f.field)).toContain('name');
      }
      expect((await t.gql(SIGN_UP, { input: { email: uniqueEmail('emoji'), password: PASSWORD, name: '\u200B🙂' } })).errors).toBeUndefined();
    });

    it('refuses dates outside 2000–2100 (a cohort starting 9999-12-31 produced an impossible end date)', async () => {
      const admin = await createAdmin(t);
      const create = (startsOn: string) =>
        t.gql(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id endsOn } }`, { input: { name: 'Far future', startsOn, timezone: 'UTC', capacity: 3 } }, admin.token);
      for (const startsOn of ['9999-12-31', '1899-01-01', '2101-01-01']) {
        const result = await create(startsOn);
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors?.[0].message).toMatch(/between 2000-01-01 and 2100-12-31/);
      }
      expect((await create('2099-12-28')).data?.createCohort.endsOn).toMatch(/^2100-/);
      await expectQuietRefusal();
    });
  });

  describe('oversized and nested operations', () => {
    it('answers thousands of nested brackets in an argument with a parse error, not a crashed parser', async () => {
      const deep = `{ curriculumWeek(week: ${'['.repeat(5000)}1${']'.repeat(5000)}) { key } }`;
      const result = await post(t, { query: deep });
      expect(result.status).toBe(400);
      expect(codes(result.body)).toEqual(['GRAPHQL_PARSE_FAILED']);
      expect(result.body.errors?.[0].message).toMatch(/1000 tokens/);
      await expectQuietRefusal();
    });

    it('refuses deeply nested JSON variables with BAD_USER_INPUT', async () => {
      // Written by hand: JSON.stringify itself runs out of stack at this depth.
      const nested = `${'{"a":'.repeat(5000)}"leaf"${'}'.repeat(5000)}`;
      const input = `{"assignmentId":"00000000-0000-4000-8000-000000000000","responses":${nested}}`;
      const result = await post(t, `{"query":${JSON.stringify(SUBMIT)},"variables":{"input":${input}}}`);
      expect(result.status).toBe(400);
      expect(codes(result.body)).toEqual(['BAD_USER_INPUT']);
      expect(result.body.errors?.[0].message).toMatch(/nested more than 16 levels/);
      expect(result.text.length).toBeLessThan(1000);
      await expectQuietRefusal();
    });

    it('answers 8,000 unknown homework answer keys with one short error', async () => {
      const admin = await createAdmin(t);
      const cohort = await coachingCohort(t, admin, { startsOn: '2030-01-07', timezone: 'UTC', clients: 1 });
      const assignment = (
        await t.ok(
          `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id } }`,
          { input: { cohortId: cohort.id, templateKey: 'boundary-practice-log', dueAt: '2030-02-01T12:00:00Z' } },
          cohort.coach.token,
        )
      ).assignHomework;
      const responses = Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`k${i}`, 1]));
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cohort.clients[0].token}` },
        body: JSON.stringify({ query: SUBMIT, variables: { input: { assignmentId: assignment.id, responses } } }),
      });
      const text = await res.text();
      const body = JSON.parse(text) as GqlResult;
      expect(codes(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0].message).toMatch(/8000 answers are not fields/);
      expect(text.length).toBeLessThan(2000);
      await expectQuietRefusal();
    });
  });

  describe('what is logged', () => {
    it('never logs a calendar feed token from the URL', async () => {
      const client = await t.user(Role.CLIENT);
      const { me } = await t.ok(`{ me { calendarUrl } }`, {}, client.token);
      const token = /\/calendar\/([^/.]+)\.ics$/.exec(me.calendarUrl)?.[1] as string;
      expect(token).toBeTruthy();
      const res = await fetch(`${t.url}/calendar/${token}.ics`);
      expect(res.status).toBe(200);
      await logs.settle();
      const requestLine = logs.lines().find((l) => (l['req'] as { url?: string } | undefined)?.url?.startsWith('/calendar/'));
      expect(requestLine?.['req']).toMatchObject({ url: '/calendar/[redacted]' });
      expect(logs.text).not.toContain(token);
    });

    it('never logs query-string values (one-time tickets, GET variables)', async () => {
      const secret = `secret-${randomInt(1e9)}`;
      await fetch(`${t.url}/graphql?query=${encodeURIComponent('query($p: String) { __typename }')}&variables=${encodeURIComponent(JSON.stringify({ p: secret }))}`);
      await logs.settle();
      expect(logs.text).toContain('/graphql?query=[redacted]&variables=[redacted]');
      expect(logs.text).not.toContain(secret);
    });

    it('logs an unexpected database failure once, at error with a stack, but never its parameters or the rejected value', async () => {
      const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
      const calendarToken = `cal${randomInt(1e9)}tokentokentoken`;
      const driverError = Object.assign(new Error('invalid input syntax for type uuid: "Private Name"'), { code: '22P02', detail: `Key (email)=(${calendarToken})` });
      const failure = new QueryFailedError('INSERT INTO "users"("email", "password_hash", "calendar_token") VALUES ($1, $2, $3)', ['a@b.c', hash, calendarToken], driverError);
      jest.spyOn(t.app.get(UsersService), 'create').mockRejectedValueOnce(failure);

      const result = await t.gql(SIGN_UP, { input: { email: uniqueEmail('broken'), password: PASSWORD, name: 'Private Name' } });
      expect(codes(result)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(result.errors?.[0].message).toBe('Something went wrong on our side. Please try again.');
      await logs.settle();
      const errors = logs.lines().filter((l) => l.level >= ERROR);
      expect(errors).toHaveLength(1);
      expect(errors[0].err?.stack).toMatch(/QueryFailedError/);
      expect(errors[0].err).toMatchObject({ code: '22P02' });
      for (const secret of [hash, calendarToken, 'Private Name', 'c2FsdHNhbHQ']) expect(logs.text).not.toContain(secret);
    });

    it('logs expected refusals once, at info or warn, on one line without a stack', async () => {
      const client = await t.user(Role.CLIENT);
      logs.clear();
      const results = [
        await t.gql(LOG_IN, { input: { email: client.user.email, password: 'not the right password' } }),
        await t.gql(`{ invitations { id } }`, {}, client.token),
        await t.gql(`query($id: ID!) { cohort(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' }, client.token),
        await t.gql(SIGN_UP, { input: { email: client.user.email, password: PASSWORD, name: 'Again' } }),
        await t.gql(SIGN_UP, { input: { email: 'not an email', password: PASSWORD, name: 'Bad' } }),
      ];
      expect(results.map((r) => codes(r)[0])).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT']);
      await logs.settle();
      const refusals = logs.lines().filter((l) => l.msg === 'GraphQL request refused');
      expect(refusals.map((l) => [l['code'], l.level])).toEqual([
        ['UNAUTHENTICATED', 40],
        ['FORBIDDEN', 40],
        ['NOT_FOUND', 30],
        ['CONFLICT', 30],
        ['BAD_USER_INPUT', 30],
      ]);
      expect(refusals.find((l) => l['code'] === 'BAD_USER_INPUT')).toMatchObject({ path: 'signUp', fields: ['email'] });
      expect(logs.text).not.toContain('not the right password');
      await expectQuietRefusal();
    });
  });
});

describe('failed-login backoff per account and address', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.close());

  const logIn = (email: string, password: string, ip: string) => post(t, { query: LOG_IN, variables: { input: { email, password } } }, { 'x-forwarded-for': ip });

  it("locks one attacker's address without locking the owner out of theirs", async () => {
    const victim = await t.user(Role.ADMIN);
    const attacker = someIp();
    for (let i = 0; i < 5; i++) expect(codes((await logIn(victim.user.email, `guess ${i}`, attacker)).body)).toEqual(['UNAUTHENTICATED']);
    expect(codes((await logIn(victim.user.email, PASSWORD, attacker)).body)).toEqual(['TOO_MANY_REQUESTS']);
    // The owner, from their own address, is not affected.
    const owner = await logIn(victim.user.email, PASSWORD, someIp());
    expect(owner.body.data?.logIn.user.id).toBe(victim.user.id);
  });

  it('still slows an attack spread over many addresses (a looser account-wide ceiling)', async () => {
    const victim = await t.user(Role.CLIENT);
    const results: string[] = [];
    // 25 free attempts from all addresses together; two wrong guesses from each of 13 addresses.
    for (let i = 0; i < 13; i++) {
      const ip = someIp();
      for (let j = 0; j < 2; j++) results.push(codes((await logIn(victim.user.email, `guess ${i}.${j}`, ip)).body).join());
    }
    expect(results.slice(0, 25).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(results[25]).toBe('TOO_MANY_REQUESTS');
    expect(codes((await logIn(victim.user.email, PASSWORD, someIp())).body)).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('checks at most 5 of 12 parallel wrong passwords: the attempt is counted before the password check', async () => {
    const victim = await t.user(Role.CLIENT);
    const verify = jest.spyOn(t.app.get(PasswordService), 'verify');
    verify.mockClear();
    const ip = someIp();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => logIn(victim.user.email, `parallel guess ${i}`, ip)));
    const got = results.map((r) => codes(r.body)[0]);
    expect(got.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(got.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(7);
    expect(verify).toHaveBeenCalledTimes(5);
    verify.mockRestore();
  });
});

describe('TRUST_PROXY', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ TRUST_PROXY: '1' })));
  afterAll(() => t.close());

  it('believes only the nearest proxy hop: what a client writes into X-Forwarded-For does not give it a new address', async () => {
    expect(t.config.trustProxyHops).toBe(1);
    const victim = await t.user(Role.CLIENT);
    const client = someIp();
    const attempt = (spoofed: string) =>
      post(t, { query: LOG_IN, variables: { input: { email: victim.user.email, password: 'wrong guess!' } } }, { 'x-forwarded-for': `${spoofed}, ${client}` });
    for (let i = 0; i < 5; i++) expect(codes((await attempt(someIp())).body)).toEqual(['UNAUTHENTICATED']);
    // A sixth "address" made up by the client is still the same client to the backoff.
    expect(codes((await attempt(someIp())).body)).toEqual(['TOO_MANY_REQUESTS']);
  });
});

describe('sign-up and account discovery', () => {
  const prefix = `abuse-${process.pid}-${randomInt(1e6)}`;
  const env = { REDIS_URL, QUEUE_PREFIX: prefix };
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await TestApp.start(env);
    b = await TestApp.start(env);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    const redis = new IORedis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const signUp = (t: TestApp, email: string, ip: string) => post(t, { query: SIGN_UP, variables: { input: { email, password: PASSWORD, name: 'Harvest' } } }, { 'x-forwarded-for': ip });

  it('answers a taken address with CONFLICT, but only a few times per address before refusing every sign-up from it, on every API instance', async () => {
    const taken = await Promise.all(Array.from({ length: TAKEN_EMAIL_LIMIT + 1 }, () => a.user(Role.CLIENT)));
    const ip = someIp();
    for (let i = 0; i < TAKEN_EMAIL_LIMIT; i++) expect(codes((await signUp(i % 2 ? a : b, taken[i].user.email, ip)).body)).toEqual(['CONFLICT']);

    // Now even a free address is refused from that IP (else the refusal itself would say "taken"), on both instances.
    const free = uniqueEmail('free');
    for (const t of [a, b]) {
      const refused = await signUp(t, free, ip);
      expect(codes(refused.body)).toEqual(['TOO_MANY_REQUESTS']);
      expect(refused.body.errors?.[0].message).toMatch(/try again in \d+ minutes/);
    }
    expect(codes((await signUp(a, taken[TAKEN_EMAIL_LIMIT].user.email, ip)).body)).toEqual(['TOO_MANY_REQUESTS']);
    // Other addresses are not affected.
    expect((await signUp(b, free, someIp())).body.data?.signUp.user.id).toBeTruthy();
  });
});
