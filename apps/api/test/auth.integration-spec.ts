import * as jwt from 'jsonwebtoken';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '@anchored/config';
import { testDatabaseUrl } from '@anchored/data';
import { Role } from '@anchored/domain';
import { sha256 } from '../src/auth/tokens';
import { GqlResult, PASSWORD, Session, TestApp, codes, uniqueEmail } from './test-app';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken user { id email role } } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id email role name timezone } } }`;
const REFRESH = `mutation($token: String) { refreshSession(refreshToken: $token) { accessToken refreshToken user { id } } }`;
const LOG_OUT = `mutation { logOut }`;
const ME = `{ me { id role } }`;
const INVITE = `mutation($input: InviteInput!) { inviteUser(input: $input) { id email role token expiresAt acceptedAt } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken refreshToken user { id email role name timezone } } }`;

/** A strong production secret: 64 random characters. */
const strongSecret = () => randomBytes(48).toString('base64url');

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.close());

  // Counted per email: other test files write to the same database at the same time.
  const countUsers = async (email: string) =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email.trim().toLowerCase()]))[0].n);

  describe('passwords', () => {
    it('stores an argon2id hash with at least 19 MiB of memory and 2 iterations, never the password', async () => {
      const s = await t.user(Role.CLIENT);
      const [row] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [s.user.id]);
      const hash: string = row.password_hash;
      // PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash (this argon2 build prints m, p, t in that order).
      const match = /^\$argon2id\$v=19\$([a-z]=\d+(?:,[a-z]=\d+)*)\$[A-Za-z0-9+/]{16,}\$[A-Za-z0-9+/]{32,}$/.exec(hash);
      expect(match).not.toBeNull();
      const params = Object.fromEntries((match as RegExpExecArray)[1].split(',').map((kv) => [kv[0], Number(kv.slice(2))]));
      expect(params['m']).toBeGreaterThanOrEqual(19456);
      expect(params['t']).toBeGreaterThanOrEqual(2);
      expect(params['p']).toBeGreaterThanOrEqual(1);
      expect(hash).not.toContain(PASSWORD);
      // Two accounts with the same password get different salts.
      const other = await t.user(Role.CLIENT);
      const [otherRow] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [other.user.id]);
      expect(otherRow.password_hash).not.toBe(hash);
    });

    it('logs in with the right password, case-insensitively on the email', async () => {
      const s = await t.user(Role.CLIENT);
      const session = await t.logIn(`  ${s.user.email.toUpperCase()} `);
      expect(session.user.id).toBe(s.user.id);
      expect((await t.ok(ME, {}, session.token)).me.id).toBe(s.user.id);
    });

    it('gives a wrong password and an unknown email the identical error', async () => {
      const s = await t.user(Role.CLIENT);
      const wrongPassword = await t.gql(LOG_IN, { input: { email: s.user.email, password: 'not the right password' } });
      const unknownEmail = await t.gql(LOG_IN, { input: { email: uniqueEmail('nobody'), password: PASSWORD } });
      expect(codes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
      expect(wrongPassword.data).toBeNull();
      expect(unknownEmail.errors).toEqual(wrongPassword.errors);
      expect(unknownEmail.status).toBe(wrongPassword.status);
      expect(wrongPassword.errors?.[0].message).not.toMatch(/email.*(exist|unknown|found)|user/i);
    });

    it('asks for what is missing on an empty form, naming the fields, without counting an attempt', async () => {
      const s = await t.user(Role.CLIENT);
      const cases: [Record<string, string>, string[]][] = [
        [{ email: s.user.email, password: '' }, ['input.password']],
        [{ email: '', password: PASSWORD }, ['input.email']],
        [{ email: '   ', password: '' }, ['input.email', 'input.password']],
      ];
      const attempts = async () => Number((await t.db.query(`SELECT coalesce(sum(failures), 0)::int AS n FROM login_attempts`))[0].n);
      const before = await attempts();
      for (const [input, fields] of cases) {
        // Repeated: an empty form never counts as a failed attempt.
        for (let i = 0; i < 3; i++) {
          const result = await t.gql(LOG_IN, { input });
          expect(codes(result)).toEqual(['BAD_USER_INPUT']);
          expect((result.errors?.[0].extensions?.['fields'] as { field: string }[]).map((f) => f.field)).toEqual(fields);
        }
      }
      expect(await attempts()).toBe(before);
      // The real password still works at once: no backoff was started by the empty forms.
      expect((await t.ok(LOG_IN, { input: { email: s.user.email, password: PASSWORD } })).logIn.accessToken).toBeTruthy();
    });
  });

  describe('failed-login backoff', () => {
    /** The backoff row of an email from this test's one address (keyed by hashes of the normalised email and the IP). */
    const attempts = (email: string): Promise<{ failures: number; locked_until: Date | null; secs: string | null }[]> =>
      t.db.query(
        `SELECT failures, locked_until, extract(epoch FROM locked_until - last_failure_at) AS secs FROM login_attempts WHERE email_hash = $1 AND ip_hash <> '*'`,
        [sha256(`login:${email.trim().toLowerCase()}`)],
      );

    it('locks an email after 5 failures, refusing even the right password until the lock ends', async () => {
      const s = await t.user(Role.CLIENT);
      for (let i = 0; i < 4; i++) {
        expect(codes(await t.gql(LOG_IN, { input: { email: s.user.email, password: `wrong password ${i}` } }))).toEqual(['UNAUTHENTICATED']);
      }
      // Four failures are free: the right password still works and clears the counter.
      await t.logIn(s.user.email);
      for (let i = 0; i < 4; i++) {
        expect(codes(await t.gql(LOG_IN, { input: { email: s.user.email, password: `wrong password ${i}` } }))).toEqual(['UNAUTHENTICATED']);
      }
      // The fifth consecutive failure starts the backoff (1 second, doubling with each further failure).
      expect(codes(await t.gql(LOG_IN, { input: { email: s.user.email, password: 'wrong password 5' } }))).toEqual(['UNAUTHENTICATED']);

      const locked = await t.gql(LOG_IN, { input: { email: s.user.email, password: PASSWORD } });
      expect(codes(locked)).toEqual(['TOO_MANY_REQUESTS']);
      expect(locked.errors?.[0].message).toMatch(/try again in \d+ seconds?/i);
      expect(locked.data).toBeNull();

      // Other accounts are not affected.
      const other = await t.user(Role.CLIENT);
      await t.logIn(other.user.email);

      // Once the lock has passed, the right password works again and the counter is cleared.
      const [{ locked_until: lockedUntil, failures }] = await attempts(s.user.email);
      expect(failures).toBe(5);
      expect(lockedUntil).toBeInstanceOf(Date);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, (lockedUntil as Date).getTime() - Date.now()) + 200));
      const session = await t.logIn(s.user.email);
      expect(session.user.id).toBe(s.user.id);
      expect(await attempts(s.user.email)).toEqual([]);
      const failuresAfter = await t.gql(LOG_IN, { input: { email: s.user.email, password: 'wrong again' } });
      expect(codes(failuresAfter)).toEqual(['UNAUTHENTICATED']);
      expect(await attempts(s.user.email)).toMatchObject([{ failures: 1, locked_until: null }]);
    });

    it('backs off unknown emails exactly like real ones', async () => {
      const email = uniqueEmail('ghost');
      for (let i = 0; i < 5; i++) {
        expect(codes(await t.gql(LOG_IN, { input: { email, password: `guess ${i}` } }))).toEqual(['UNAUTHENTICATED']);
      }
      expect(codes(await t.gql(LOG_IN, { input: { email, password: 'guess 6' } }))).toEqual(['TOO_MANY_REQUESTS']);
    });

    it('doubles the lock with every further failure', async () => {
      const email = uniqueEmail('doubling');
      for (let i = 0; i < 4; i++) await t.gql(LOG_IN, { input: { email, password: `guess ${i}` } });
      expect(await attempts(email)).toMatchObject([{ failures: 4, locked_until: null }]);
      await t.gql(LOG_IN, { input: { email, password: 'guess 5' } });
      let [row] = await attempts(email);
      expect([row.failures, Number(row.secs)]).toEqual([5, 1]);
      await new Promise((resolve) => setTimeout(resolve, (row.locked_until as Date).getTime() - Date.now() + 200));
      await t.gql(LOG_IN, { input: { email, password: 'guess 6' } });
      [row] = await attempts(email);
      expect([row.failures, Number(row.secs)]).toEqual([6, 2]);
      // While locked, attempts are refused without being counted.
      expect(codes(await t.gql(LOG_IN, { input: { email, password: 'guess 7' } }))).toEqual(['TOO_MANY_REQUESTS']);
      expect((await attempts(email))[0].failures).toBe(6);
    });
  });

  describe('access tokens', () => {
    let s: Session;
    let familyId: string;
    beforeAll(async () => {
      s = await t.user(Role.CLIENT);
      familyId = (jwt.decode(s.token) as jwt.JwtPayload)['sid'];
    });

    const claims = () => ({ sub: s.user.id, role: s.user.role, sid: familyId });
    const sign = (options: jwt.SignOptions = {}, secret = t.config.jwtSecret, payload: object = claims()) =>
      jwt.sign(payload, secret, {
        algorithm: 'HS256',
        issuer: t.config.jwtIssuer,
        audience: t.config.jwtAudience,
        ...('exp' in payload ? {} : { expiresIn: 60 }),
        ...options,
      });

    async function expectRejected(token: string) {
      const result = await t.gql(ME, {}, token);
      expect(codes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.data).toBeNull();
    }

    it('issues HS256 tokens with subject, role, issuer, audience and a short expiry', () => {
      const header = JSON.parse(Buffer.from(s.token.split('.')[0], 'base64url').toString());
      expect(header.alg).toBe('HS256');
      const payload = jwt.verify(s.token, t.config.jwtSecret, {
        algorithms: ['HS256'],
        issuer: t.config.jwtIssuer,
        audience: t.config.jwtAudience,
      }) as jwt.JwtPayload;
      expect(payload).toMatchObject({ sub: s.user.id, role: 'CLIENT' });
      expect((payload.exp as number) - (payload.iat as number)).toBe(t.config.accessTokenTtlSeconds);
      expect(t.config.accessTokenTtlSeconds).toBeLessThanOrEqual(3600);
    });

    it('accepts a correctly crafted token (the control for the cases below)', async () => {
      expect((await t.ok(ME, {}, sign())).me).toEqual({ id: s.user.id, role: 'CLIENT' });
    });

    it('rejects a request without a token', async () => {
      expect(codes(await t.gql(ME))).toEqual(['UNAUTHENTICATED']);
    });

    it('rejects a token signed with another secret', async () => {
      await expectRejected(sign({}, strongSecret()));
    });

    it('rejects an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = sign({}, t.config.jwtSecret, { ...claims(), iat: now - 120, exp: now - 60 });
      await expectRejected(expired);
      // The same token with a future expiry is accepted, so only the expiry is what is refused.
      expect((await t.ok(ME, {}, sign({}, t.config.jwtSecret, { ...claims(), iat: now - 120, exp: now + 60 }))).me.id).toBe(s.user.id);
    });

    it('rejects a token with the wrong issuer', async () => {
      await expectRejected(sign({ issuer: 'someone-else' }));
    });

    it('rejects a token with the wrong audience', async () => {
      await expectRejected(sign({ audience: 'another-api' }));
    });

    it('rejects a token without issuer and audience', async () => {
      await expectRejected(jwt.sign(claims(), t.config.jwtSecret, { algorithm: 'HS256', expiresIn: 60 }));
    });

    it('rejects alg "none"', async () => {
      const now = Math.floor(Date.now() / 1000);
      const payload = { ...claims(), iss: t.config.jwtIssuer, aud: t.config.jwtAudience, iat: now, exp: now + 60 };
      await expectRejected(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`);
      await expectRejected(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}`);
    });

    it('rejects another algorithm even with the right secret', async () => {
      await expectRejected(sign({ algorithm: 'HS512' }));
    });

    it('rejects a tampered payload', async () => {
      const [header, , signature] = sign().split('.');
      await expectRejected(`${header}.${base64url({ ...claims(), role: 'ADMIN', iss: t.config.jwtIssuer, aud: t.config.jwtAudience, exp: 9999999999 })}.${signature}`);
    });

    it('rejects garbage and non-bearer authorization headers', async () => {
      await expectRejected('not-a-jwt');
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Basic ${s.token}` },
        body: JSON.stringify({ query: ME }),
      });
      expect(codes((await res.json()) as GqlResult)).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('refresh tokens', () => {
    it('rotates: the new refresh token works, the old one fails and revokes the whole family', async () => {
      const s = await t.user(Role.CLIENT);
      const first = (await t.ok(REFRESH, { token: s.refreshToken })).refreshSession;
      expect(first.user.id).toBe(s.user.id);
      expect(first.refreshToken).not.toBe(s.refreshToken);
      expect((await t.ok(ME, {}, first.accessToken)).me.id).toBe(s.user.id);

      const second = (await t.ok(REFRESH, { token: first.refreshToken })).refreshSession;
      expect(second.refreshToken).not.toBe(first.refreshToken);

      // Replaying a rotated token: refused, and every token of this login is revoked.
      const replay = await t.gql(REFRESH, { token: s.refreshToken });
      expect(codes(replay)).toEqual(['UNAUTHENTICATED']);
      const afterReplay = await t.gql(REFRESH, { token: second.refreshToken });
      expect(codes(afterReplay)).toEqual(['UNAUTHENTICATED']);

      const rows = await t.db.query(`SELECT revoked_at FROM refresh_tokens WHERE user_id = $1`, [s.user.id]);
      expect(rows).toHaveLength(3);
      expect(rows.every((r: { revoked_at: Date | null }) => r.revoked_at !== null)).toBe(true);
    });

    it('revokes only the family of the replayed token, not other logins of the same person', async () => {
      const s = await t.user(Role.CLIENT);
      const otherDevice = await t.logIn(s.user.email);
      await t.ok(REFRESH, { token: s.refreshToken });
      expect(codes(await t.gql(REFRESH, { token: s.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      expect((await t.ok(REFRESH, { token: otherDevice.refreshToken })).refreshSession.user.id).toBe(s.user.id);
    });

    it('refuses malformed, unknown and forged refresh tokens', async () => {
      const s = await t.user(Role.CLIENT);
      const [id] = s.refreshToken.split('.');
      for (const token of [null, '', 'garbage', `${id}.wrong-secret`, `00000000-0000-0000-0000-000000000000.${s.refreshToken.split('.')[1]}`]) {
        expect(codes(await t.gql(REFRESH, { token }))).toEqual(['UNAUTHENTICATED']);
      }
      // A wrong secret for a real id is not a replay: the genuine token still works.
      expect((await t.ok(REFRESH, { token: s.refreshToken })).refreshSession.user.id).toBe(s.user.id);
    });

    it('stores refresh tokens only as hashes', async () => {
      const s = await t.user(Role.CLIENT);
      const [id, secret] = s.refreshToken.split('.');
      const [row] = await t.db.query(`SELECT token_hash FROM refresh_tokens WHERE id = $1`, [id]);
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.token_hash).not.toContain(secret);
    });

    it('refuses an expired refresh token', async () => {
      const s = await t.user(Role.CLIENT);
      await t.db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [s.refreshToken.split('.')[0]]);
      expect(codes(await t.gql(REFRESH, { token: s.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    });

    it('logOut revokes the refresh token of this login', async () => {
      const s = await t.user(Role.CLIENT);
      const rotated = (await t.ok(REFRESH, { token: s.refreshToken })).refreshSession;
      expect(codes(await t.gql(LOG_OUT))).toEqual(['UNAUTHENTICATED']);
      expect((await t.ok(LOG_OUT, {}, rotated.accessToken)).logOut).toBe(true);
      expect(codes(await t.gql(REFRESH, { token: rotated.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('signUp validation', () => {
    const valid = () => ({ email: uniqueEmail('signup'), password: PASSWORD, name: 'Robin Example', timezone: 'America/New_York' });

    it('creates a CLIENT with the given timezone, lower-casing the email', async () => {
      const input = { ...valid(), email: uniqueEmail('Mixed.Case').replace('mixed.case', 'Mixed.Case') };
      const { signUp } = await t.ok(SIGN_UP, { input });
      expect(signUp.user).toMatchObject({ email: input.email.toLowerCase(), role: 'CLIENT', name: 'Robin Example', timezone: 'America/New_York' });
      expect(signUp.refreshToken).toBeTruthy();
    });

    it.each([
      ['email', { email: 'not-an-email' }],
      ['email', { email: '' }],
      ['name', { name: '' }],
      ['name', { name: '    ' }],
      ['timezone', { timezone: 'Mars/Olympus_Mons' }],
      ['timezone', { timezone: '+02:00' }],
      ['password', { password: 'short' }],
      ['password', { password: 'x'.repeat(129) }],
    ])('rejects a bad %s with BAD_USER_INPUT naming it, and creates no user (%j)', async (field, bad) => {
      const input = { ...valid(), ...bad };
      const result = await t.gql(SIGN_UP, { input });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toContain(field);
      expect(result.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual([field]);
      expect(result.data).toBeNull();
      expect(await countUsers(input.email)).toBe(0);
    });

    it('does not let a client choose its role', async () => {
      const input = { ...valid(), role: 'ADMIN' };
      const result = await t.gql(SIGN_UP, { input });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await countUsers(input.email)).toBe(0);
    });

    it('refuses a second account with the same email (any case) with CONFLICT', async () => {
      const input = valid();
      await t.ok(SIGN_UP, { input });
      const again = await t.gql(SIGN_UP, { input: { ...input, email: input.email.toUpperCase() } });
      expect(codes(again)).toEqual(['CONFLICT']);
      expect(await countUsers(input.email)).toBe(1);
    });
  });

  describe('invitations', () => {
    let admin: Session;
    beforeAll(async () => (admin = await t.user(Role.ADMIN)));

    it('lets an admin invite a coach who accepts with the token and can log in', async () => {
      const email = uniqueEmail('coach');
      const { inviteUser } = await t.ok(INVITE, { input: { email, role: 'COACH' } }, admin.token);
      expect(inviteUser).toMatchObject({ email, role: 'COACH', acceptedAt: null });
      expect(typeof inviteUser.token).toBe('string');
      expect(inviteUser.token.length).toBeGreaterThanOrEqual(32);
      expect(new Date(inviteUser.expiresAt).getTime()).toBeGreaterThan(Date.now());

      // Only the token's hash is stored, and the token is not shown again.
      const [row] = await t.db.query(`SELECT token_hash FROM invitations WHERE id = $1`, [inviteUser.id]);
      expect(row.token_hash).not.toContain(inviteUser.token);
      const open = (await t.ok(`{ invitations { id token } }`, {}, admin.token)).invitations;
      expect(open.find((i: { id: string }) => i.id === inviteUser.id)).toEqual({ id: inviteUser.id, token: null });

      expect(await countUsers(email)).toBe(0);
      const { acceptInvitation } = await t.ok(ACCEPT, {
        input: { token: inviteUser.token, name: 'Casey Coach', password: PASSWORD, timezone: 'Europe/Berlin' },
      });
      expect(acceptInvitation.user).toMatchObject({ email, role: 'COACH', name: 'Casey Coach', timezone: 'Europe/Berlin' });
      expect((await t.ok(ME, {}, acceptInvitation.accessToken)).me).toEqual({ id: acceptInvitation.user.id, role: 'COACH' });
      expect((await t.logIn(email)).user.role).toBe('COACH');
      expect(await countUsers(email)).toBe(1);

      // Accepted invitations leave the open list.
      const stillOpen = (await t.ok(`{ invitations { id } }`, {}, admin.token)).invitations;
      expect(stillOpen.map((i: { id: string }) => i.id)).not.toContain(inviteUser.id);
    });

    it('does not accept a used token again', async () => {
      const email = uniqueEmail('coach');
      const { inviteUser } = await t.ok(INVITE, { input: { email, role: 'COACH' } }, admin.token);
      await t.ok(ACCEPT, { input: { token: inviteUser.token, name: 'First Use', password: PASSWORD } });
      const again = await t.gql(ACCEPT, { input: { token: inviteUser.token, name: 'Second Use', password: 'another password 123' } });
      expect(codes(again)).toEqual(['BAD_USER_INPUT']);
      expect(again.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['token']);
      expect(await countUsers(email)).toBe(1);
      expect((await t.db.query(`SELECT name FROM users WHERE email = $1`, [email]))[0].name).toBe('First Use');
      // The first password still works; the second attempt changed nothing.
      await t.logIn(email);
      expect(codes(await t.gql(LOG_IN, { input: { email, password: 'another password 123' } }))).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses unknown and expired tokens', async () => {
      const unknown = await t.gql(ACCEPT, { input: { token: randomBytes(32).toString('base64url'), name: 'Nobody', password: PASSWORD } });
      expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);

      const email = uniqueEmail('late');
      const { inviteUser } = await t.ok(INVITE, { input: { email, role: 'COACH' } }, admin.token);
      await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [inviteUser.id]);
      const expired = await t.gql(ACCEPT, { input: { token: inviteUser.token, name: 'Too Late', password: PASSWORD } });
      expect(codes(expired)).toEqual(['BAD_USER_INPUT']);
      expect(expired.errors?.[0].message).toMatch(/expired/);
      expect(await countUsers(email)).toBe(0);
    });

    it('validates the new account while accepting', async () => {
      const email = uniqueEmail('coach');
      const { inviteUser } = await t.ok(INVITE, { input: { email, role: 'COACH' } }, admin.token);
      const short = await t.gql(ACCEPT, { input: { token: inviteUser.token, name: 'Casey', password: 'short' } });
      expect(codes(short)).toEqual(['BAD_USER_INPUT']);
      expect(short.errors?.[0].message).toContain('password');
      expect(await countUsers(email)).toBe(0);
      // A refused attempt does not use the invitation up.
      expect((await t.ok(ACCEPT, { input: { token: inviteUser.token, name: 'Casey', password: PASSWORD } })).acceptInvitation.user.role).toBe('COACH');
    });

    it('refuses to invite an email that already has an account', async () => {
      const existing = await t.user(Role.CLIENT);
      expect(codes(await t.gql(INVITE, { input: { email: existing.user.email, role: 'COACH' } }, admin.token))).toEqual(['CONFLICT']);
    });

    it('only lets admins invite (FORBIDDEN for coaches and clients, UNAUTHENTICATED without a token)', async () => {
      const emails: string[] = [];
      for (const role of [Role.COACH, Role.CLIENT]) {
        const caller = await t.user(role);
        emails.push(uniqueEmail('escalate'));
        const result = await t.gql(INVITE, { input: { email: emails.at(-1), role: 'ADMIN' } }, caller.token);
        expect(codes(result)).toEqual(['FORBIDDEN']);
        expect(result.data).toBeNull();
        expect(codes(await t.gql(`{ invitations { id } }`, {}, caller.token))).toEqual(['FORBIDDEN']);
      }
      emails.push(uniqueEmail('escalate'));
      expect(codes(await t.gql(INVITE, { input: { email: emails.at(-1), role: 'ADMIN' } }))).toEqual(['UNAUTHENTICATED']);
      expect(Number((await t.db.query(`SELECT count(*)::int AS n FROM invitations WHERE email = ANY($1)`, [emails]))[0].n)).toBe(0);
    });
  });
});

// Its own app with a strict limit; one app at a time (passport's strategies are process-wide).
describe('an empty log-in form and the rate limit', () => {
  it('does not spend the rate limit on empty forms', async () => {
    const strict = await TestApp.start({ AUTH_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const s = await strict.user(Role.CLIENT);
      for (let i = 0; i < 5; i++) expect(codes(await strict.gql(LOG_IN, { input: { email: s.user.email, password: '' } }))).toEqual(['BAD_USER_INPUT']);
      expect((await strict.ok(LOG_IN, { input: { email: s.user.email, password: PASSWORD } })).logIn.accessToken).toBeTruthy();
    } finally {
      await strict.close();
    }
  });
});

describe('admin bootstrap', () => {
  it('creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD once, and never duplicates or resets it', async () => {
    const email = uniqueEmail('root');
    const password = 'bootstrap admin password 1';
    const first = await TestApp.start({ ADMIN_EMAIL: email, ADMIN_PASSWORD: password });
    let originalHash: string;
    try {
      const session = await first.logIn(email, password);
      expect(session.user.role).toBe('ADMIN');
      expect((await first.ok(`{ me { email role name } }`, {}, session.token)).me).toEqual({ email, role: 'ADMIN', name: 'Administrator' });
      [{ password_hash: originalHash }] = await first.db.query(`SELECT password_hash FROM users WHERE email = $1`, [email]);
    } finally {
      await first.close();
    }

    const second = await TestApp.start({ ADMIN_EMAIL: email.toUpperCase(), ADMIN_PASSWORD: 'a different password 2' });
    try {
      const rows = await second.db.query(`SELECT role, password_hash FROM users WHERE lower(email) = $1`, [email]);
      expect(rows).toEqual([{ role: 'ADMIN', password_hash: originalHash }]);
      expect((await second.logIn(email, password)).user.role).toBe('ADMIN');
      expect(codes(await second.gql(LOG_IN, { input: { email, password: 'a different password 2' } }))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await second.close();
    }
  });
});

describe('production configuration', () => {
  const base = { NODE_ENV: 'production', DATABASE_URL: testDatabaseUrl() };

  it('accepts a strong JWT_SECRET (the control)', () => {
    const config = loadConfig({ ...base, JWT_SECRET: strongSecret() });
    expect(config.isProduction).toBe(true);
  });

  it.each([
    ['missing', undefined, /JWT_SECRET is required/],
    ['empty', '', /JWT_SECRET is required/],
    ['short', 'Sh0rt-but-varied!', /JWT_SECRET is too weak/],
    ['long but repetitive', 'ab'.repeat(40), /JWT_SECRET is too weak/],
    ['the development default', 'anchored-development-secret-do-not-use-in-production', /JWT_SECRET is too weak/],
  ])('refuses a JWT_SECRET that is %s', async (_label, secret, message) => {
    const env = { ...base, JWT_SECRET: secret };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    const start = TestApp.start(secret === undefined ? { NODE_ENV: 'production' } : { NODE_ENV: 'production', JWT_SECRET: secret });
    await expect(start).rejects.toThrow(message);
  });
});
