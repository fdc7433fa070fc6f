import { randomUUID } from 'node:crypto';
import { Role } from '@anchored/domain';
import { Mailer } from '@anchored/mail';
import { LIMITS } from '../src/account-links/account-links.service';
import { TestMailbox, tokenIn } from '@anchored/mail/testing';
import { PASSWORD, TestApp, codes, uniqueEmail } from './test-app';

const PUBLIC_URL = 'https://anchored.example';
const NEW_PASSWORD = 'a whole new passphrase, please';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
const CONFIRM = `mutation($t: String!) { confirmEmail(token: $t) }`;
const CHANGE = `mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, currentPassword: $p) }`;
const RESEND = `mutation { resendVerificationEmail }`;
const ME = `{ me { id email emailVerified } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id email } } }`;

/** Waits for every background email of the app to be handed to the SMTP server (no clock involved). */
const sent = (t: TestApp) => t.app.get(Mailer).idle();

describe('account links over a real SMTP server', () => {
  let smtp: TestMailbox;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await TestMailbox.start();
    t = await TestApp.start({ SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Anchored <no-reply@anchored.example>' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function resetLinkFor(email: string): Promise<string> {
    expect((await t.ok(REQUEST_RESET, { e: email })).requestPasswordReset).toBe(true);
    await sent(t);
    const mail = smtp.to(email).filter((m) => m.text.includes('/reset-password')).at(-1);
    expect(mail).toBeDefined();
    const token = tokenIn(mail!.text, PUBLIC_URL, '/reset-password');
    expect(token).toBeDefined();
    return decodeURIComponent(token!);
  }

  describe('forgot password', () => {
    it('emails a one-time link that resets the password once, ends every login and stores a SECURITY notice', async () => {
      const client = await t.user(Role.CLIENT);
      const other = await t.logIn(client.user.email);
      const token = await resetLinkFor(client.user.email);
      const mail = smtp.to(client.user.email).at(-1)!;
      expect(mail.html).toContain(`href="${PUBLIC_URL}/reset-password?token=`);

      expect((await t.ok(RESET, { t: token, p: NEW_PASSWORD })).resetPassword).toBe(true);

      const again = await t.gql(RESET, { t: token, p: 'yet another passphrase' });
      expect(codes(again)).toEqual(['BAD_USER_INPUT']);
      expect(again.errors![0].message).toMatch(/already used/);

      const [{ open }] = await t.db.query(`SELECT count(*)::int AS open FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [client.user.id]);
      expect(open).toBe(0);
      for (const refreshToken of [client.refreshToken, other.refreshToken]) {
        expect(codes(await t.gql(`mutation($r: String) { refreshSession(refreshToken: $r) { accessToken } }`, { r: refreshToken }))).toEqual(['UNAUTHENTICATED']);
      }
      expect(codes(await t.gql(`mutation($i: LogInInput!) { logIn(input: $i) { accessToken } }`, { i: { email: client.user.email, password: PASSWORD } }))).toEqual(['UNAUTHENTICATED']);
      await t.logIn(client.user.email, NEW_PASSWORD);

      const notices = await t.db.query(`SELECT subject, body FROM notifications WHERE user_id = $1 AND kind = 'SECURITY'`, [client.user.id]);
      expect(notices).toHaveLength(1);
      expect(notices[0].subject).toMatch(/password was changed/);
      expect(notices[0].body).not.toContain(token);
      expect(notices[0].body).not.toContain('token=');
    });

    it('answers true for an unknown address and sends nothing; a malformed address is BAD_USER_INPUT', async () => {
      const unknown = uniqueEmail('nobody');
      const before = smtp.received.length;
      expect((await t.ok(REQUEST_RESET, { e: unknown })).requestPasswordReset).toBe(true);
      await sent(t);
      expect(smtp.received.length).toBe(before);
      expect(smtp.to(unknown)).toEqual([]);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM account_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = $1`, [unknown]);
      expect(n).toBe(0);

      expect(codes(await t.gql(REQUEST_RESET, { e: 'not an address' }))).toEqual(['BAD_USER_INPUT']);
    });

    it('refuses an expired link and changes nothing', async () => {
      const client = await t.user(Role.CLIENT);
      const token = await resetLinkFor(client.user.email);
      await t.db.query(`UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1 AND purpose = 'RESET_PASSWORD'`, [client.user.id]);
      const result = await t.gql(RESET, { t: token, p: NEW_PASSWORD });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].message).toMatch(/expired/);
      await t.logIn(client.user.email, PASSWORD);
      const [{ used }] = await t.db.query(`SELECT count(*)::int AS used FROM account_tokens WHERE user_id = $1 AND used_at IS NOT NULL`, [client.user.id]);
      expect(used).toBe(0);
    });

    it('refuses a forged link; a too-short new password does not use the link up', async () => {
      expect(codes(await t.gql(RESET, { t: `forged-${randomUUID()}`, p: NEW_PASSWORD }))).toEqual(['BAD_USER_INPUT']);
      const client = await t.user(Role.CLIENT);
      const token = await resetLinkFor(client.user.email);
      expect(codes(await t.gql(RESET, { t: token, p: 'short' }))).toEqual(['BAD_USER_INPUT']);
      expect((await t.ok(RESET, { t: token, p: NEW_PASSWORD })).resetPassword).toBe(true);
    });
  });

  describe('verified email', () => {
    it('sign-up emails a verification link; confirmEmail flips emailVerified, once', async () => {
      const client = await t.user(Role.CLIENT);
      expect((await t.ok(ME, {}, client.token)).me.emailVerified).toBe(false);
      await sent(t);
      const mail = smtp.to(client.user.email).find((m) => m.text.includes('/verify-email'));
      expect(mail).toBeDefined();
      const token = decodeURIComponent(tokenIn(mail!.text, PUBLIC_URL, '/verify-email')!);
      expect((await t.ok(CONFIRM, { t: token })).confirmEmail).toBe(true);
      expect((await t.ok(ME, {}, client.token)).me.emailVerified).toBe(true);
      expect(codes(await t.gql(CONFIRM, { t: token }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(CONFIRM, { t: `forged-${randomUUID()}` }))).toEqual(['BAD_USER_INPUT']);

      // Verified: "send again" sends nothing.
      const before = smtp.to(client.user.email).length;
      expect((await t.ok(RESEND, {}, client.token)).resendVerificationEmail).toBe(true);
      await sent(t);
      expect(smtp.to(client.user.email).length).toBe(before);
    });

    it('"send again" emails a new link, a few times an hour', async () => {
      const client = await t.user(Role.CLIENT);
      await sent(t);
      for (let i = 0; i < LIMITS.resendPerUser; i++) expect((await t.ok(RESEND, {}, client.token)).resendVerificationEmail).toBe(true);
      expect(codes(await t.gql(RESEND, {}, client.token))).toEqual(['TOO_MANY_REQUESTS']);
      await sent(t);
      const links = smtp.to(client.user.email).filter((m) => m.text.includes('/verify-email?token='));
      expect(links).toHaveLength(1 + LIMITS.resendPerUser);
      // Any of them works.
      expect((await t.ok(CONFIRM, { t: decodeURIComponent(tokenIn(links[1].text, PUBLIC_URL, '/verify-email')!) })).confirmEmail).toBe(true);
      expect((await t.ok(ME, {}, client.token)).me.emailVerified).toBe(true);
    });

    it('an accepted invitation counts as a verified address', async () => {
      const admin = await t.user(Role.ADMIN);
      const email = uniqueEmail('invited');
      const { inviteUser } = await t.ok(`mutation($i: InviteInput!) { inviteUser(input: $i) { token } }`, { i: { email, role: 'CLIENT' } }, admin.token);
      const { acceptInvitation } = await t.ok(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { accessToken } }`, { i: { token: inviteUser.token, name: 'Invited', password: PASSWORD } });
      expect((await t.ok(ME, {}, acceptInvitation.accessToken)).me.emailVerified).toBe(true);
    });

    it('signUp with a taken address stays CONFLICT and tells the owner, once an hour', async () => {
      const owner = await t.user(Role.CLIENT);
      await sent(t);
      const before = smtp.to(owner.user.email).length;
      for (let i = 0; i < 2; i++) {
        const result = await t.gql(SIGN_UP, { input: { email: owner.user.email.toUpperCase(), password: PASSWORD, name: 'Someone else' } });
        expect(codes(result)).toEqual(['CONFLICT']);
      }
      await sent(t);
      const notices = smtp.to(owner.user.email).slice(before);
      expect(notices).toHaveLength(1);
      expect(notices[0].subject).toMatch(/tried to sign up/);
      expect(notices[0].text).toContain(`${PUBLIC_URL}/login`);
    });
  });

  describe('email change', () => {
    it('needs the current password, links the new address, tells the old one, and changes only on confirm', async () => {
      const client = await t.user(Role.CLIENT);
      const oldEmail = client.user.email;
      const newEmail = uniqueEmail('moved');

      const wrong = await t.gql(CHANGE, { e: newEmail, p: 'not my password at all' }, client.token);
      expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
      expect(wrong.errors![0].message).toMatch(/current password/);
      const taken = await t.user(Role.CLIENT);
      expect(codes(await t.gql(CHANGE, { e: taken.user.email, p: PASSWORD }, client.token))).toEqual(['CONFLICT']);
      expect(codes(await t.gql(CHANGE, { e: 'nope', p: PASSWORD }, client.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(CHANGE, { e: newEmail, p: PASSWORD }))).toEqual(['UNAUTHENTICATED']);

      expect((await t.ok(CHANGE, { e: newEmail, p: PASSWORD }, client.token)).requestEmailChange).toBe(true);
      await sent(t);
      const link = smtp.to(newEmail).at(-1);
      expect(link).toBeDefined();
      const token = decodeURIComponent(tokenIn(link!.text, PUBLIC_URL, '/verify-email')!);
      // The notice to the old address: a SECURITY notification of the account (emailed by the worker).
      const notices = await t.db.query(`SELECT subject, body FROM notifications WHERE user_id = $1 AND kind = 'SECURITY'`, [client.user.id]);
      expect(notices).toHaveLength(1);
      expect(notices[0].body).toContain(newEmail);
      expect(notices[0].body).not.toContain('token=');
      // Nothing changed yet.
      expect((await t.ok(ME, {}, client.token)).me.email).toBe(oldEmail);
      await t.logIn(oldEmail);

      expect((await t.ok(CONFIRM, { t: token })).confirmEmail).toBe(true);
      const me = (await t.ok(ME, {}, client.token)).me;
      expect(me).toEqual({ id: client.user.id, email: newEmail, emailVerified: true });
      await t.logIn(newEmail);
      expect(codes(await t.gql(CONFIRM, { t: token }))).toEqual(['BAD_USER_INPUT']);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'SECURITY'`, [client.user.id]);
      expect(n).toBe(2);
    });

    it('an address taken between request and confirm is a CONFLICT that changes nothing', async () => {
      const client = await t.user(Role.CLIENT);
      const newEmail = uniqueEmail('contested');
      await t.ok(CHANGE, { e: newEmail, p: PASSWORD }, client.token);
      await sent(t);
      const token = decodeURIComponent(tokenIn(smtp.to(newEmail).at(-1)!.text, PUBLIC_URL, '/verify-email')!);
      await t.ok(SIGN_UP, { input: { email: newEmail, password: PASSWORD, name: 'Quicker' } });
      expect(codes(await t.gql(CONFIRM, { t: token }))).toEqual(['CONFLICT']);
      expect((await t.ok(ME, {}, client.token)).me.email).toBe(client.user.email);
      const [{ used }] = await t.db.query(`SELECT count(*)::int AS used FROM account_tokens WHERE user_id = $1 AND purpose = 'CHANGE_EMAIL' AND used_at IS NOT NULL`, [client.user.id]);
      expect(used).toBe(0);
    });
  });
});

describe('password reset rate limits, in Redis across API instances', () => {
  let smtp: TestMailbox;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    smtp = await TestMailbox.start();
    // A fresh key prefix: the counters of earlier runs do not count.
    const env = { SMTP_URL: smtp.url, PUBLIC_URL, REDIS_URL, QUEUE_PREFIX: `reset-limits-${process.pid}-${randomUUID().slice(0, 8)}` };
    a = await TestApp.start(env);
    b = await TestApp.start(env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await smtp?.close();
  });

  it('limits requests per address, whether or not it has an account, and per IP', async () => {
    const client = await a.user(Role.CLIENT);
    for (const email of [client.user.email, uniqueEmail('nobody')]) {
      for (let i = 0; i < LIMITS.resetPerEmail; i++) expect((await (i % 2 ? b : a).ok(REQUEST_RESET, { e: email })).requestPasswordReset).toBe(true);
      expect(codes(await b.gql(REQUEST_RESET, { e: email }))).toEqual(['TOO_MANY_REQUESTS']);
    }
    await sent(a);
    await sent(b);
    expect(smtp.to(client.user.email).filter((m) => m.text.includes('/reset-password'))).toHaveLength(LIMITS.resetPerEmail);

    // Every request above counted against this IP (127.0.0.1), on both instances.
    const used = 2 * (LIMITS.resetPerEmail + 1);
    for (let i = used; i < LIMITS.resetPerIp; i++) expect((await a.ok(REQUEST_RESET, { e: uniqueEmail('ip') })).requestPasswordReset).toBe(true);
    const refused = await b.gql(REQUEST_RESET, { e: uniqueEmail('ip') });
    expect(codes(refused)).toEqual(['TOO_MANY_REQUESTS']);
    expect(refused.errors![0].message).toMatch(/Too many/);
  });
});
