import { readFileSync } from 'node:fs';
import { randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { serverAudits } from 'graphql-http';
import { QueryFailedError } from 'typeorm';
import { Role } from '@anchored/domain';
import { UsersService } from '../src/users/users.service';
import { GqlResult, PASSWORD, Session, TestApp, codes, uniqueEmail } from './test-app';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken user { id } } }`;
const GENERIC_INTERNAL = 'Something went wrong on our side. Please try again.';

/** A POST to /graphql with any body and headers, returning the raw status, headers and parsed body. */
async function post(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, body: JSON.parse(text) as GqlResult };
}

/** A fresh address for X-Forwarded-For (trusted from loopback), so each test has a rate-limit bucket of its own. */
const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** The next sign-up fails inside the database driver, as a NUL byte in a name once made it. */
function failNextUserInsert(t: TestApp) {
  const driverError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
  jest.spyOn(t.app.get(UsersService), 'create').mockRejectedValueOnce(new QueryFailedError('INSERT INTO "users" … VALUES ($1, $2)', ['x', 'y'], driverError));
}

/** Nothing in an error may reveal how the server is built: no stack, no SQL, no class or driver names. */
function expectNoLeaks(result: unknown) {
  const errors = ((result as { errors?: unknown[] }).errors ?? []) as { message: string; extensions?: Record<string, unknown> }[];
  for (const error of errors) {
    // Only a code and, for bad input, the fields: never extensions.stacktrace or extensions.exception.
    expect(Object.keys(error.extensions ?? {}).filter((k) => !['code', 'fields'].includes(k))).toEqual([]);
    const text = JSON.stringify(error);
    expect(text).not.toMatch(/stacktrace|exception|\.[jt]s:\d+|node_modules|QueryFailedError|TypeError|DomainError|HttpException|ThrottlerException|violates|constraint|relation "|postgres|typeorm/i);
    expect(text).not.toMatch(/\bSELECT\b|\bINSERT INTO\b|\bUPDATE\b .*\bSET\b|\bDELETE FROM\b/);
  }
}

describe('hardening', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.close());

  describe('operation limits', () => {
    let admin: Session;
    let cohortId: string;
    // The controls run against one cohort with one session of their own: the shared test database
    // fills up with other tests' cohorts, and nested lists multiply with every row.
    beforeAll(async () => {
      admin = await t.user(Role.ADMIN);
      cohortId = (
        await t.ok(`mutation { createCohort(input: { name: "Limits", startsOn: "2030-01-07", timezone: "Europe/Berlin", capacity: 5 }) { id } }`, {}, admin.token)
      ).createCohort.id;
      await t.ok(
        `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
        { input: { cohortId, title: 'Only session', startsAt: '2030-01-08T17:00:00.000Z', durationMinutes: 60 } },
        admin.token,
      );
    });
    const COHORT = `query($id: ID!) { cohort(id: $id)`;

    /** Depth without cycles (those are refused on their own): 6 nested object fields below a Cohort, then id. */
    const DEPTH_8_BELOW_COHORT = `sessions { cohort { enrollments { cohort { assignments { cohort { id } } } } } }`;
    /** 7 nested object fields below a Cohort, then id: one level too deep below a root field. */
    const DEPTH_9_BELOW_ROOT = `assignments { mySubmission { assignment { cohort { enrollments { cohort { sessions { id } } } } } } }`;

    it('has the documented defaults', () => {
      expect(t.config.graphql).toMatchObject({ maxDepth: 8, maxAliases: 15 });
    });

    it('runs a query exactly as deep as the limit (the control)', async () => {
      // cohort + 6 nested fields + id = 8 levels.
      const data = await t.ok(`${COHORT} { ${DEPTH_8_BELOW_COHORT} } }`, { id: cohortId }, admin.token);
      expect(data.cohort.sessions[0].cohort.enrollments).toEqual([]);
    });

    it('rejects a query deeper than the limit before executing it', async () => {
      const name = `Deep ${randomBytes(6).toString('hex')}`;
      const deep = `mutation { createCohort(input: { name: "${name}", startsOn: "2030-01-07", timezone: "Europe/Berlin", capacity: 5 }) { ${DEPTH_9_BELOW_ROOT} } }`;
      const result = await post(t, { query: deep }, { authorization: `Bearer ${admin.token}` });
      expect(result.status).toBe(400);
      expect(result.body.data).toBeUndefined();
      expect(codes(result.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(result.body.errors?.[0].message).toMatch(/depth limit of 8 exceeded, found 9/i);
      expect(await t.db.query(`SELECT id FROM cohorts WHERE name = $1`, [name])).toEqual([]);
      expectNoLeaks(result.body);
    });

    it('counts depth through fragments too', async () => {
      const query = `${COHORT} { ...A } } fragment A on Cohort { assignments { mySubmission { assignment { cohort { enrollments { cohort { sessions { cohort { id } } } } } } } } }`;
      const result = await post(t, { query, variables: { id: cohortId } }, { authorization: `Bearer ${admin.token}` });
      expect(codes(result.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(result.body.errors?.[0].message).toMatch(/depth limit of 8 exceeded/i);
    });

    it('runs 15 aliases (the control)', async () => {
      const query = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
      const data = await t.ok(query, {}, admin.token);
      expect(Object.keys(data)).toHaveLength(15);
    });

    it('rejects more than 15 aliases before executing anything', async () => {
      const emails = Array.from({ length: 16 }, (_, i) => uniqueEmail(`alias${i}`));
      const signUps = emails.map((email, i) => `s${i}: signUp(input: { email: "${email}", password: "${PASSWORD}", name: "Alias ${i}" }) { accessToken }`);
      const result = await post(t, { query: `mutation { ${signUps.join(' ')} }` });
      expect(result.status).toBe(400);
      expect(result.body.data).toBeUndefined();
      expect(codes(result.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(result.body.errors?.[0].message).toMatch(/aliases limit of 15 exceeded, found 16/i);
      expect(await t.db.query(`SELECT id FROM users WHERE email = ANY($1)`, [emails])).toEqual([]);
    });

    it('counts aliases hidden in fragments', async () => {
      const fields = Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' ');
      const result = await post(t, { query: `{ me { ...F } } fragment F on User { ${fields} }` }, { authorization: `Bearer ${admin.token}` });
      expect(codes(result.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(result.body.errors?.[0].message).toMatch(/aliases/i);
    });

    /** A bushy Cohort selection without cycles: every order of the three lists, back through the cohort each time. */
    function bushy(lists = ['sessions', 'enrollments', 'assignments']): string {
      const scalars = 'id name status startsOn endsOn capacity timezone programWeeks enrolledCount waitlistCount';
      return `${scalars} ${lists.map((list) => `${list} { id cohort { ${bushy(lists.filter((l) => l !== list))} } }`).join(' ')}`;
    }
    it('runs a wide query within the cost limit (the control)', async () => {
      const data = await t.ok(`${COHORT} { ${bushy()} } }`, { id: cohortId }, admin.token);
      expect(data.cohort.sessions[0].cohort.id).toBe(cohortId);
    });

    it('rejects a query within the depth and alias limits whose cost is too high, before executing it', async () => {
      // The same selection twice, through two fragments: twice the cost.
      const query = `${COHORT} { ...A ...B } } fragment A on Cohort { ${bushy()} } fragment B on Cohort { ${bushy()} }`;
      const result = await post(t, { query, variables: { id: cohortId } }, { authorization: `Bearer ${admin.token}` });
      expect(result.status).toBe(400);
      expect(result.body.data).toBeUndefined();
      expect(codes(result.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(result.body.errors?.[0].message).toMatch(/cost limit of 5000 exceeded/i);
    });
  });

  describe('nested lists', () => {
    let admin: Session;
    beforeAll(async () => (admin = await t.user(Role.ADMIN)));

    it('refuses a path that comes back to a list it went through (lists multiply), before executing it', async () => {
      const query = `{ cohorts { sessions { cohort { sessions { id } } } } }`;
      const result = await post(t, { query }, { authorization: `Bearer ${admin.token}` });
      expect(result.status).toBe(400);
      expect(codes(result.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(result.body.errors?.[0].message).toMatch(/Cohort\.sessions twice/);
      const viaFragment = await post(t, { query: `{ cohorts { ...F } } fragment F on Cohort { enrollments { cohort { enrollments { id } } } }` }, { authorization: `Bearer ${admin.token}` });
      expect(viaFragment.body.errors?.[0].message).toMatch(/Cohort\.enrollments twice/);
    });

    it('allows three nested lists and refuses a fourth', async () => {
      const three = await t.gql(`{ cohorts { sessions { attendance { status } } } }`, {}, admin.token);
      expect(three.errors).toBeUndefined();
      const four = await post(t, { query: `{ cohorts { enrollments { cohort { sessions { attendance { status } } } } } }` }, { authorization: `Bearer ${admin.token}` });
      expect(four.status).toBe(400);
      expect(four.body.errors?.[0].message).toMatch(/at most 3 deep/);
    });
  });

  describe('HTTP', () => {
    it('refuses batched requests: an array body gets an error, not an array of results', async () => {
      const result = await post(t, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expect(result.status).toBe(400);
      expect(Array.isArray(result.body)).toBe(false);
      expect(result.body.errors?.length).toBeGreaterThan(0);
      expect(result.text).toMatch(/batch/i);
      expect(result.text).not.toContain('"__typename"');
    });

    it('refuses a single operation wrapped in an array too', async () => {
      const result = await post(t, [{ query: '{ __typename }' }]);
      expect(result.status).toBe(400);
      expect(Array.isArray(result.body)).toBe(false);
    });

    it('answers malformed JSON with 400 and no internals', async () => {
      const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toMatch(/at .*\(|node_modules|SyntaxError: Unexpected|\.js:\d+/);
    });

    it('does not announce the framework', async () => {
      const res = await fetch(`${t.url}/health`);
      expect(res.headers.get('x-powered-by')).toBeNull();
    });

    it('GET /health returns 200 with the database up', async () => {
      const res = await fetch(`${t.url}/health`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    });

    it('serves the landing page outside production (the control for the production check)', async () => {
      const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    });

    it('passes every MUST audit of the GraphQL-over-HTTP spec (graphql-http)', async () => {
      const audits = serverAudits({ url: `${t.url}/graphql`, fetchFn: fetch });
      expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
      const failed: string[] = [];
      for (const audit of audits) {
        const result = await audit.fn();
        if (audit.name.startsWith('MUST') && result.status === 'error') failed.push(`${audit.id} ${audit.name}: ${result.reason}`);
      }
      expect(failed).toEqual([]);
    });
  });

  describe('errors', () => {
    it('gives a malformed id BAD_USER_INPUT naming the argument', async () => {
      const admin = await t.user(Role.ADMIN);
      const result = await t.gql(`query($id: ID!) { cohort(id: $id) { id } }`, { id: 'not-a-uuid' }, admin.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toBe('id is not a valid id.');
      expect(result.errors?.[0].extensions?.fields).toEqual([{ field: 'id', message: 'id is not a valid id.' }]);
      expectNoLeaks(result);
    });

    it('validates every ID argument of the schema: BAD_USER_INPUT, never a server error', async () => {
      const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
      const sessions = { ADMIN: await t.user(Role.ADMIN), COACH: await t.user(Role.COACH), CLIENT: await t.user(Role.CLIENT) };
      const BAD_ID = "1'; DROP TABLE users; --";

      const valueFor = (type: GraphQLInputType, required: boolean): unknown => {
        const inner = getNullableType(type) as GraphQLInputType;
        if (isListType(inner)) return [valueFor(inner.ofType, true)];
        if (isEnumType(inner)) return inner.getValues()[0].value;
        if (isInputObjectType(inner)) {
          const out: Record<string, unknown> = {};
          for (const field of Object.values(inner.getFields())) {
            if (isNonNullType(field.type) || getNamedType(field.type).name === 'ID') out[field.name] = valueFor(field.type, true);
          }
          return out;
        }
        const scalars: Record<string, unknown> = { ID: BAD_ID, String: 'x', Int: 1, Float: 1, Boolean: true, DateTime: '2030-01-07T10:00:00.000Z', Date: '2030-01-07', JSON: {} };
        return required || (inner as GraphQLNamedType).name === 'ID' ? scalars[(inner as GraphQLNamedType).name] : undefined;
      };
      const idNames = (arg: GraphQLArgument): string[] => {
        const named = getNamedType(arg.type);
        if (named.name === 'ID') return [arg.name];
        if (isInputObjectType(named)) return Object.values(named.getFields()).filter((f) => getNamedType(f.type).name === 'ID').map((f) => f.name);
        return [];
      };

      const checked: string[] = [];
      const problems: string[] = [];
      for (const [kind, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
        for (const field of Object.values(root?.getFields() ?? {}) as GraphQLField<unknown, unknown>[]) {
          const ids = field.args.flatMap(idNames);
          if (ids.length === 0) continue;
          const variables = Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, isNonNullType(a.type) || idNames(a).length > 0)]));
          const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
          const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
          const query = `${kind}(${defs}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`;

          // Every role tries; roles may be refused first, but at least one must reach the id check.
          const results = await Promise.all(Object.values(sessions).map((s) => t.gql(query, variables, s.token)));
          results.forEach(expectNoLeaks);
          const got = results.map((r) => codes(r).join(','));
          if (got.some((c) => c === '' || c.includes('INTERNAL_SERVER_ERROR'))) problems.push(`${field.name}: ${got.join(' | ')}`);
          const namesAnId = (r: GqlResult) =>
            codes(r)[0] === 'BAD_USER_INPUT' && (r.errors?.[0].extensions?.fields ?? []).some((f) => ids.some((id) => f.field === id || f.field.endsWith(`.${id}`)));
          if (!results.some(namesAnId)) problems.push(`${field.name}: no role got BAD_USER_INPUT naming ${ids.join('/')} (${got.join(' | ')})`);
          checked.push(field.name);
        }
      }
      expect(problems).toEqual([]);
      expect(checked).toEqual(expect.arrayContaining(['cohort', 'assignment', 'withdrawEnrollment', 'reviewSubmission', 'recordAttendance', 'submitHomework', 'applyToCohort']));
    });

    it('hides an unexpected server error behind a generic message', async () => {
      // NUL characters are refused before anything runs now (abuse.integration-spec), so the
      // database failure they used to cause is simulated.
      failNextUserInsert(t);
      const result = await t.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
        input: { email: uniqueEmail('nul'), password: PASSWORD, name: 'Broken' },
      });
      expect(codes(result)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(result.errors?.[0].message).toBe(GENERIC_INTERNAL);
      expect(result.errors?.[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expectNoLeaks(result);
    });

    it('keeps syntax, validation and variable errors free of internals', async () => {
      for (const [query, variables, code] of [
        ['{ me { id ', {}, 'GRAPHQL_PARSE_FAILED'],
        ['{ nope }', {}, 'GRAPHQL_VALIDATION_FAILED'],
        ['query($w: Int!) { curriculumWeek(week: $w) { key } }', { w: 'seven' }, 'BAD_USER_INPUT'],
      ] as const) {
        const result = await post(t, { query, variables });
        expect(codes(result.body)).toEqual([code]);
        expectNoLeaks(result.body);
      }
    });

    it('never includes a stack trace, even for auth and permission errors', async () => {
      const client = await t.user(Role.CLIENT);
      const results = [
        await t.gql(`{ me { id } }`, {}, 'garbage'),
        await t.gql(`{ invitations { id } }`, {}, client.token),
        await t.gql(LOG_IN, { input: { email: uniqueEmail(), password: 'wrong password!' } }),
        await t.gql(`query($id: ID!) { cohort(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' }, client.token),
      ];
      expect(results.map((r) => codes(r)[0])).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);
      results.forEach(expectNoLeaks);
    });
  });
});

describe('auth rate limit', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ AUTH_RATE_LIMIT_PER_MINUTE: '3' })));
  afterAll(() => t.close());

  /** Users made through the service, so no throttled mutation is spent on them. */
  async function account(): Promise<string> {
    const email = uniqueEmail('limited');
    await t.app.get(UsersService).create({ email, name: 'Limited', role: Role.CLIENT, password: PASSWORD });
    return email;
  }

  it('refuses the 4th logIn from one IP within a minute with TOO_MANY_REQUESTS; other operations still work', async () => {
    const ip = someIp();
    const emails = [await account(), await account(), await account(), await account()];
    const results = [];
    for (const email of emails) results.push(await post(t, { query: LOG_IN, variables: { input: { email, password: PASSWORD } } }, { 'x-forwarded-for': ip }));
    expect(results.map((r) => codes(r.body))).toEqual([[], [], [], ['TOO_MANY_REQUESTS']]);
    expect(results[3].body.data).toBeNull();
    expect(results[3].body.errors?.[0].message).toBe('Too many attempts. Please wait a minute and try again.');
    expectNoLeaks(results[3].body);

    // Not-throttled operations from the same IP still work.
    const token = results[0].body.data.logIn.accessToken;
    const me = await post(t, { query: '{ me { id } }' }, { 'x-forwarded-for': ip, authorization: `Bearer ${token}` });
    expect(me.body.data.me.id).toBe(results[0].body.data.logIn.user.id);
    expect((await post(t, { query: '{ curriculumWeek(week: 1) { key } }' }, { 'x-forwarded-for': ip, authorization: `Bearer ${token}` })).body.errors).toBeUndefined();

    // Another IP is not affected.
    const other = await post(t, { query: LOG_IN, variables: { input: { email: emails[3], password: PASSWORD } } }, { 'x-forwarded-for': someIp() });
    expect(codes(other.body)).toEqual([]);
  });

  it('limits one account across IPs too', async () => {
    const email = await account();
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await post(t, { query: LOG_IN, variables: { input: { email, password: PASSWORD } } }, { 'x-forwarded-for': someIp() }));
    }
    expect(results.map((r) => codes(r.body))).toEqual([[], [], [], ['TOO_MANY_REQUESTS']]);
  });

  it('throttles signUp from one IP as well', async () => {
    const ip = someIp();
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(
        await post(
          t,
          { query: `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, variables: { input: { email: uniqueEmail('flood'), password: PASSWORD, name: 'Flood' } } },
          { 'x-forwarded-for': ip },
        ),
      );
    }
    expect(results.map((r) => codes(r.body))).toEqual([[], [], [], ['TOO_MANY_REQUESTS']]);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ NODE_ENV: 'production', JWT_SECRET: randomBytes(48).toString('base64url') })));
  afterAll(() => t.close());

  it('runs in production mode with the given secret', async () => {
    expect(t.config.isProduction).toBe(true);
    expect(t.config.jwtSecret).toHaveLength(64);
    const s = await t.user(Role.CLIENT);
    expect((await t.ok(`{ me { id } }`, {}, s.token)).me.id).toBe(s.user.id);
  });

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "User") { fields { name } } }', 'query IntrospectionQuery { __schema { queryType { name } } }']) {
      const result = await post(t, { query });
      expect(result.body.data).toBeUndefined();
      expect(codes(result.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(result.body.errors?.[0].message).toMatch(/introspection/i);
      expect(result.text).not.toContain('"types"');
    }
    // __typename is not introspection of the schema and keeps working.
    expect((await post(t, { query: '{ __typename }' })).body.data).toEqual({ __typename: 'Query' });
  });

  it('does not serve a landing page on GET /graphql', async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    const text = await res.text();
    expect(res.status).not.toBe(200);
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(text).not.toMatch(/<html|<!doctype|apollo-server-landing-page|embeddable-sandbox/i);
  });

  it('still hides internal errors and stack traces', async () => {
    failNextUserInsert(t);
    const result = await t.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
      input: { email: uniqueEmail('nul'), password: PASSWORD, name: 'Broken' },
    });
    expect(result.errors?.[0]).toMatchObject({ message: GENERIC_INTERNAL, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expectNoLeaks(result);
  });
});
