import { randomUUID } from 'node:crypto';
import { totpCode } from '../src/two-factor/totp';
import { buildDataExport } from '@anchored/data';
import { Role } from '@anchored/domain';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from '../src/private-text/private-text-cipher';
import { UsersService } from '../src/users/users.service';
import { PASSWORD, Session, TestApp, codes, uniqueEmail } from './test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const START = `mutation { startTwoFactorSetup { secret otpauthUri qrCodeDataUrl } }`;
const CONFIRM = `mutation($code: String!) { confirmTwoFactorSetup(code: $code) }`;
const DISABLE = `mutation($p: String!, $code: String!) { disableTwoFactor(currentPassword: $p, code: $code) }`;
const REGENERATE = `mutation($code: String!) { regenerateRecoveryCodes(code: $code) }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken user { id } } }`;
const ME = `{ me { id twoFactorEnabled } }`;

/** The authenticator app's code `steps` periods from now (the API accepts one step either side). */
const codeAt = (secret: string, steps = 0) => totpCode(secret, Math.floor(Date.now() / 1000) + steps * 30);
const fieldsOf = (result: { errors?: { extensions?: { fields?: { field: string }[] } }[] }) => (result.errors ?? []).flatMap((e) => (e.extensions?.fields ?? []).map((f) => f.field));

describe('two-factor sign-in for staff', () => {
  let t: TestApp;
  const prefix = `two-factor-${process.pid}-${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    t = await TestApp.start({ REDIS_URL, QUEUE_PREFIX: prefix });
  });
  afterAll(async () => {
    await t.close();
  });

  const logIn = (email: string, code?: string, password = PASSWORD) => t.gql(LOG_IN, { input: { email, password, ...(code !== undefined ? { totpCode: code } : {}) } });
  const twoFactorOn = async (s: Session) => (await t.ok(ME, {}, s.token)).me.twoFactorEnabled as boolean;
  const securityNotices = async (userId: string) =>
    ((await t.db.query(`SELECT subject FROM notifications WHERE user_id = $1 AND kind = 'SECURITY' ORDER BY created_at, id`, [userId])) as { subject: string }[]).map((r) => r.subject);
  const failuresOf = async (email: string) =>
    (await t.db.query(`SELECT coalesce(max(failures), 0)::int AS n FROM login_attempts WHERE email_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') AND ip_hash <> '*'`, [`login:${email}`]))[0].n as number;
  const forgetFailures = (email: string) => t.db.query(`DELETE FROM login_attempts WHERE email_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [`login:${email}`]);
  const credentialRow = async (userId: string) => (await t.db.query(`SELECT * FROM two_factor_credentials WHERE user_id = $1`, [userId]))[0];

  /** A staff member with two-factor sign-in on: their secret and recovery codes. */
  async function enabled(role: Role.COACH | Role.ADMIN = Role.COACH): Promise<{ s: Session; secret: string; recovery: string[] }> {
    const s = await t.user(role);
    const { secret } = (await t.ok(START, {}, s.token)).startTwoFactorSetup;
    const recovery = (await t.ok(CONFIRM, { code: await codeAt(secret) }, s.token)).confirmTwoFactorSetup as string[];
    return { s, secret, recovery };
  }

  describe('setup', () => {
    let coach: Session;
    let secret: string;
    let recovery: string[];
    let otherLogin: Session;
    let confirmCode: string;

    beforeAll(async () => {
      coach = await t.user(Role.COACH, 'Corin Coach');
      otherLogin = await t.logIn(coach.user.email);
    });

    it('starts with a secret, its otpauth URI and a QR code, and changes nothing for logging in yet', async () => {
      expect(await twoFactorOn(coach)).toBe(false);
      const setup = (await t.ok(START, {}, coach.token)).startTwoFactorSetup;
      secret = setup.secret;
      expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
      expect(setup.otpauthUri).toBe(`otpauth://totp/Anchored:${encodeURIComponent(coach.user.email)}?secret=${secret}&issuer=Anchored`);
      expect(setup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      // Encrypted at rest: the secret is nowhere in the row.
      const row = await credentialRow(coach.user.id);
      expect(row.confirmed_at).toBeNull();
      expect(JSON.stringify(row)).not.toContain(secret);
      expect(row.secret_encrypted).toMatch(/^v1:/);
      expect(await twoFactorOn(coach)).toBe(false);
      expect((await logIn(coach.user.email)).data?.logIn.accessToken).toBeTruthy();
    });

    it('refuses a wrong code and changes nothing', async () => {
      const before = await credentialRow(coach.user.id);
      for (const code of ['000000', 'not a code', '']) {
        const result = await t.gql(CONFIRM, { code: code === '000000' && (await codeAt(secret)) === '000000' ? '111111' : code }, coach.token);
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(fieldsOf(result)).toEqual(['code']);
      }
      expect(await credentialRow(coach.user.id)).toEqual(before);
      expect(await twoFactorOn(coach)).toBe(false);
    });

    it('confirms with a current code: ten recovery codes, stored hashed; other logins end; a SECURITY notice', async () => {
      confirmCode = await codeAt(secret);
      const data = await t.ok(CONFIRM, { code: confirmCode }, coach.token);
      recovery = data.confirmTwoFactorSetup;
      expect(recovery).toHaveLength(10);
      expect(new Set(recovery).size).toBe(10);
      for (const code of recovery) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(await twoFactorOn(coach)).toBe(true);
      const stored: { code_hash: string }[] = await t.db.query(`SELECT code_hash FROM two_factor_recovery_codes WHERE user_id = $1`, [coach.user.id]);
      expect(stored).toHaveLength(10);
      expect(JSON.stringify(stored)).not.toContain(recovery[0]);
      expect(JSON.stringify(stored)).not.toContain(recovery[0].replace(/-/g, ''));
      // The caller's login stays; the one opened with the password alone ends.
      expect(codes(await t.gql(ME, {}, otherLogin.token))).toEqual(['UNAUTHENTICATED']);
      expect(await securityNotices(coach.user.id)).toEqual(['Two-factor sign-in is now on']);
      // Setting up again while on is a conflict.
      expect(codes(await t.gql(START, {}, coach.token))).toEqual(['CONFLICT']);
    });

    it('asks for the code at login: refused without it (typed, no tokens, counted like a wrong password)', async () => {
      const before = await failuresOf(coach.user.email);
      const result = await logIn(coach.user.email);
      expect(codes(result)).toEqual(['TWO_FACTOR_REQUIRED']);
      expect(result.errors?.[0].message).toMatch(/authenticator app/);
      expect(result.data?.logIn ?? null).toBeNull();
      expect(await failuresOf(coach.user.email)).toBe(before + 1);
      // A wrong password still says only that, never whether 2FA is on.
      expect(codes(await logIn(coach.user.email, await codeAt(secret, 1), 'not the password at all'))).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses the code already used to confirm (replay), accepts the next one once, then refuses it again', async () => {
      // The code that confirmed the setup (and any earlier one) no longer works.
      expect(codes(await logIn(coach.user.email, confirmCode))).toEqual(['TWO_FACTOR_INVALID']);
      const next = await codeAt(secret, 1);
      const ok = await logIn(coach.user.email, next);
      expect(ok.errors).toBeUndefined();
      expect(ok.data?.logIn.accessToken).toBeTruthy();
      // A successful login clears the backoff, as for a password-only login.
      expect(await failuresOf(coach.user.email)).toBe(0);
      expect(codes(await logIn(coach.user.email, next))).toEqual(['TWO_FACTOR_INVALID']);
    });

    it('refuses wrong codes with a typed error that changes nothing', async () => {
      const before = await credentialRow(coach.user.id);
      for (const code of ['123456', '12345', 'aaaa-bbbb-cccc-dddd', 'x'.repeat(40)]) {
        const result = await logIn(coach.user.email, code);
        expect({ code, codes: codes(result) }).toEqual({ code, codes: ['TWO_FACTOR_INVALID'] });
      }
      expect(await credentialRow(coach.user.id)).toEqual(before);
      await forgetFailures(coach.user.email);
    });

    it('takes a recovery code (any case, with or without dashes) once', async () => {
      const code = recovery[0];
      const first = await logIn(coach.user.email, code.toUpperCase().replace(/-/g, ' '));
      expect(first.errors).toBeUndefined();
      expect(first.data?.logIn.accessToken).toBeTruthy();
      expect(codes(await logIn(coach.user.email, code))).toEqual(['TWO_FACTOR_INVALID']);
      const [{ left }] = await t.db.query(`SELECT count(*)::int AS left FROM two_factor_recovery_codes WHERE user_id = $1 AND used_at IS NULL`, [coach.user.id]);
      expect(left).toBe(9);
      // The person hears of it (SECURITY notice, emailed by the worker), with the count left.
      const [notice] = await t.db.query(`SELECT subject, body FROM notifications WHERE user_id = $1 AND kind = 'SECURITY' ORDER BY created_at DESC, id DESC LIMIT 1`, [coach.user.id]);
      expect(notice.subject).toBe('A recovery code was used to log in');
      expect(notice.body).toContain('9 codes are left');
      expect(notice.body).not.toContain(code);
    });

    it('regenerates the recovery codes with a code: the old ones stop working; a SECURITY notice', async () => {
      const wrong = await t.gql(REGENERATE, { code: recovery[0] }, coach.token);
      expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
      const fresh = (await t.ok(REGENERATE, { code: recovery[1] }, coach.token)).regenerateRecoveryCodes as string[];
      expect(fresh).toHaveLength(10);
      expect(fresh.filter((c) => recovery.includes(c))).toEqual([]);
      expect(codes(await logIn(coach.user.email, recovery[2]))).toEqual(['TWO_FACTOR_INVALID']);
      expect((await logIn(coach.user.email, fresh[0])).data?.logIn.accessToken).toBeTruthy();
      expect(await securityNotices(coach.user.id)).toEqual(['Two-factor sign-in is now on', 'A recovery code was used to log in', 'New recovery codes for your Anchored account', 'A recovery code was used to log in']);
      recovery = fresh;
      await forgetFailures(coach.user.email);
    });

    it('turns off only with the current password and a code; then the password alone logs in', async () => {
      const wrongPassword = await t.gql(DISABLE, { p: 'not my password at all', code: recovery[1] }, coach.token);
      expect(codes(wrongPassword)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(wrongPassword)).toEqual(['currentPassword']);
      const wrongCode = await t.gql(DISABLE, { p: PASSWORD, code: '999999' === (await codeAt(secret)) ? '888888' : '999999' }, coach.token);
      expect(codes(wrongCode)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(wrongCode)).toEqual(['code']);
      expect(await twoFactorOn(coach)).toBe(true);

      expect((await t.ok(DISABLE, { p: PASSWORD, code: recovery[1] }, coach.token)).disableTwoFactor).toBe(true);
      expect(await twoFactorOn(coach)).toBe(false);
      expect(await credentialRow(coach.user.id)).toBeUndefined();
      expect((await t.db.query(`SELECT 1 FROM two_factor_recovery_codes WHERE user_id = $1`, [coach.user.id])).length).toBe(0);
      expect((await logIn(coach.user.email)).data?.logIn.accessToken).toBeTruthy();
      expect((await securityNotices(coach.user.id)).at(-1)).toBe('Two-factor sign-in was turned off');
      expect(codes(await t.gql(DISABLE, { p: PASSWORD, code: recovery[2] }, coach.token))).toEqual(['CONFLICT']);
    });
  });

  it('refuses clients (FORBIDDEN) and changes nothing', async () => {
    const client = await t.user(Role.CLIENT);
    for (const [op, vars] of [[START, {}], [CONFIRM, { code: '123456' }], [REGENERATE, { code: '123456' }], [DISABLE, { p: PASSWORD, code: '123456' }]] as const) {
      const result = await t.gql(op, vars, client.token);
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0].message).toBe('Only coaches and admins may do that.');
    }
    expect(await credentialRow(client.user.id)).toBeUndefined();
    expect(await twoFactorOn(client)).toBe(false);
  });

  it('counts missing and wrong codes against the login backoff, so codes cannot be guessed fast', async () => {
    const { s, secret } = await enabled();
    for (let i = 0; i < 5; i++) expect(codes(await logIn(s.user.email, i % 2 ? undefined : '000001'))).toEqual([i % 2 ? 'TWO_FACTOR_REQUIRED' : 'TWO_FACTOR_INVALID']);
    // Locked now: even the right code waits (and is not used up).
    expect(codes(await logIn(s.user.email, await codeAt(secret, 1)))).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('shows admins whether a person has it on (one query for a whole list), and nobody else', async () => {
    const { s } = await enabled();
    const admin = await t.user(Role.ADMIN);
    // Searched by address: the whole run's users share this database, more than one page of them.
    const list = `query($q: String) { users(search: $q) { id twoFactorEnabled } }`;
    const withIt = (await t.ok(list, { q: s.user.email }, admin.token)).users as { id: string; twoFactorEnabled: boolean }[];
    const without = (await t.ok(list, { q: admin.user.email }, admin.token)).users as { id: string; twoFactorEnabled: boolean }[];
    expect(withIt).toEqual([{ id: s.user.id, twoFactorEnabled: true }]);
    expect(without).toEqual([{ id: admin.user.id, twoFactorEnabled: false }]);
  });

  it('is erased with the account, and the data export says it was on (never the secret)', async () => {
    const { s, secret, recovery } = await enabled();
    const cipher = t.app.get<PrivateTextCipher>(PRIVATE_TEXT_CIPHER);
    const exported = await buildDataExport(t.db.manager, cipher, s.user.id);
    expect(exported.profile.twoFactorEnabled).toBe(true);
    const text = JSON.stringify(exported);
    expect(text).not.toContain(secret);
    for (const code of recovery) expect(text).not.toContain(code);

    expect((await t.ok(`mutation($p: String!) { deleteMyAccount(currentPassword: $p) }`, { p: PASSWORD }, s.token)).deleteMyAccount).toBe(true);
    expect(await credentialRow(s.user.id)).toBeUndefined();
    expect((await t.db.query(`SELECT 1 FROM two_factor_recovery_codes WHERE user_id = $1`, [s.user.id])).length).toBe(0);
  });

  describe('ADMIN_REQUIRE_2FA=true', () => {
    let strict: TestApp;
    beforeAll(async () => {
      strict = await TestApp.start({ REDIS_URL, QUEUE_PREFIX: `${prefix}-strict`, ADMIN_REQUIRE_2FA: 'true' });
    });
    afterAll(async () => {
      await strict.close();
    });

    it('is off by default: an admin without it does everything with the password alone', async () => {
      expect(t.config.adminRequire2fa).toBe(false);
      const admin = await t.user(Role.ADMIN);
      expect((await t.ok(`{ users { id } }`, {}, admin.token)).users.length).toBeGreaterThan(0);
    });

    it('lets an admin without it log in, but only to set it up; afterwards everything works', async () => {
      const email = uniqueEmail('strict-admin');
      await strict.app.get(UsersService).create({ email, name: 'Strict Admin', role: Role.ADMIN, password: PASSWORD });
      const admin = await strict.logIn(email);
      expect(admin.token).toBeTruthy();

      const refused = await strict.gql(`{ users { id } }`, {}, admin.token);
      expect(codes(refused)).toEqual(['TWO_FACTOR_SETUP_REQUIRED']);
      expect(refused.errors?.[0].message).toMatch(/two-factor/i);
      expect(codes(await strict.gql(`mutation { requestDataExport { id } }`, {}, admin.token))).toEqual(['TWO_FACTOR_SETUP_REQUIRED']);
      expect((await strict.ok(ME, {}, admin.token)).me).toEqual({ id: admin.user.id, twoFactorEnabled: false });
      expect((await strict.ok(`mutation($r: String) { refreshSession(refreshToken: $r) { accessToken } }`, { r: admin.refreshToken }, undefined)).refreshSession.accessToken).toBeTruthy();

      const { secret } = (await strict.ok(START, {}, admin.token)).startTwoFactorSetup;
      await strict.ok(CONFIRM, { code: await codeAt(secret) }, admin.token);
      expect((await strict.ok(`{ users { id } }`, {}, admin.token)).users.length).toBeGreaterThan(0);
      // And logging in now asks for the code.
      expect(codes(await strict.gql(LOG_IN, { input: { email, password: PASSWORD } }))).toEqual(['TWO_FACTOR_REQUIRED']);
    });

    it('does not touch coaches and clients', async () => {
      const coach = await strict.user(Role.COACH);
      const client = await strict.user(Role.CLIENT);
      expect((await strict.gql(`{ cohorts { id } }`, {}, coach.token)).errors).toBeUndefined();
      expect((await strict.gql(`{ myEnrollments { id } }`, {}, client.token)).errors).toBeUndefined();
    });
  });
});
