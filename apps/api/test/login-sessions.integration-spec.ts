import * as jwt from 'jsonwebtoken';
import { Role } from '@anchored/domain';
import { LoginSessionsService } from '../src/auth/login-sessions.service';
import { GqlResult, PASSWORD, Session, TestApp, codes, uniqueEmail } from './test-app';

const REFRESH = `mutation($token: String) { refreshSession(refreshToken: $token) { accessToken refreshToken user { id } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken user { id } } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken } }`;
const LIST = `{ myLoginSessions { id createdAt lastUsedAt userAgent current } }`;
const REVOKE = `mutation($id: ID!) { revokeLoginSession(id: $id) }`;
const ME = `{ me { id } }`;
const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

const familyOf = (s: Session): string => (jwt.decode(s.token) as jwt.JwtPayload)['sid'];

describe('logins (refresh-token families)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.close());

  const refreshWorks = async (s: Session) => !(await t.gql(REFRESH, { token: s.refreshToken })).errors;

  describe('LoginSessionsService', () => {
    it('revokeOtherFamilies ends every login of the user but the one kept, and nobody else’s', async () => {
      const a = await t.user(Role.CLIENT);
      const a2 = await t.logIn(a.user.email);
      const a3 = await t.logIn(a.user.email);
      const b = await t.user(Role.CLIENT);
      await t.app.get(LoginSessionsService).revokeOtherFamilies(a.user.id, familyOf(a2));
      expect([await refreshWorks(a), await refreshWorks(a2), await refreshWorks(a3), await refreshWorks(b)]).toEqual([
        false,
        true,
        false,
        true,
      ]);
    });

    it('revokeAllFamilies ends every login of the user', async () => {
      const a = await t.user(Role.CLIENT);
      const a2 = await t.logIn(a.user.email);
      const b = await t.user(Role.CLIENT);
      await t.app.get(LoginSessionsService).revokeAllFamilies(a.user.id);
      expect(codes(await t.gql(REFRESH, { token: a.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(REFRESH, { token: a2.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      expect(await refreshWorks(b)).toBe(true);
    });
  });

  /** One GraphQL request over HTTP with any headers; the response's Set-Cookie lines too. */
  async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}, app = t) {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { body: (await res.json()) as GqlResult, cookies: res.headers.getSetCookie() };
  }
  const logInAs = async (email: string, userAgent: string): Promise<Session> => {
    const { body } = await post(LOG_IN, { input: { email, password: PASSWORD } }, { 'user-agent': userAgent });
    return { token: body.data.logIn.accessToken, refreshToken: body.data.logIn.refreshToken, user: { ...body.data.logIn.user, email } };
  };

  describe('myLoginSessions', () => {
    it('lists each login once, with its browser, and marks the one asking as current', async () => {
      const first = await t.user(Role.CLIENT);
      const other = await t.user(Role.CLIENT); // someone else's login is never listed
      const chrome = await logInAs(first.user.email, CHROME_LINUX);
      const firefox = await logInAs(first.user.email, FIREFOX_WINDOWS);
      await t.ok(REFRESH, { token: chrome.refreshToken }); // a rotation stays the same login

      const list = (await t.ok(LIST, {}, firefox.token)).myLoginSessions;
      expect(list.map((l: { id: string }) => l.id).sort()).toEqual([familyOf(first), familyOf(chrome), familyOf(firefox)].sort());
      expect(list.filter((l: { current: boolean }) => l.current).map((l: { id: string }) => l.id)).toEqual([familyOf(firefox)]);
      const byId = new Map(list.map((l: { id: string }) => [l.id, l]));
      expect(byId.get(familyOf(chrome))).toMatchObject({ userAgent: 'Chrome on Linux', current: false });
      expect(byId.get(familyOf(firefox))).toMatchObject({ userAgent: 'Firefox on Windows', current: true });
      for (const l of list) expect(Date.parse(l.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(l.createdAt));
      expect(list.map((l: { id: string }) => l.id)).not.toContain(familyOf(other));

      // Asked from the other login, that one is current instead.
      const fromChrome = (await t.ok(LIST, {}, first.token)).myLoginSessions;
      expect(fromChrome.filter((l: { current: boolean }) => l.current).map((l: { id: string }) => l.id)).toEqual([familyOf(first)]);
    });

    it('stores at most 200 characters of the User-Agent', async () => {
      const s = await t.user(Role.CLIENT);
      const long = await logInAs(s.user.email, `Bot/${'x'.repeat(500)}`);
      const [row] = await t.db.query(`SELECT user_agent FROM refresh_tokens WHERE family_id = $1`, [familyOf(long)]);
      expect(row.user_agent).toHaveLength(200);
    });
  });

  describe('revokeLoginSession', () => {
    it('ends one login: its refresh token and its access token stop working, the other login goes on', async () => {
      const a = await t.user(Role.CLIENT);
      const phone = await t.logIn(a.user.email);
      expect((await t.ok(ME, {}, phone.token)).me.id).toBe(a.user.id); // the control

      expect((await t.ok(REVOKE, { id: familyOf(phone) }, a.token)).revokeLoginSession).toBe(true);

      expect(codes(await t.gql(ME, {}, phone.token))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(REFRESH, { token: phone.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      expect((await t.ok(ME, {}, a.token)).me.id).toBe(a.user.id);
      expect((await t.ok(LIST, {}, a.token)).myLoginSessions.map((l: { id: string }) => l.id)).toEqual([familyOf(a)]);
      expect(await refreshWorks(a)).toBe(true);
    });

    it("refuses someone else's login and changes nothing", async () => {
      const a = await t.user(Role.CLIENT);
      const b = await t.user(Role.CLIENT);
      expect(codes(await t.gql(REVOKE, { id: familyOf(a) }, b.token))).toEqual(['NOT_FOUND']);
      expect((await t.ok(ME, {}, a.token)).me.id).toBe(a.user.id);
      expect((await t.ok(LIST, {}, a.token)).myLoginSessions).toHaveLength(1);
      expect(await refreshWorks(a)).toBe(true);
    });

    it('refuses an id that is no login, or one already ended', async () => {
      const a = await t.user(Role.CLIENT);
      const other = await t.logIn(a.user.email);
      expect(codes(await t.gql(REVOKE, { id: '00000000-0000-4000-8000-000000000000' }, a.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(REVOKE, { id: 'not-an-id' }, a.token))).toEqual(['BAD_USER_INPUT']);
      await t.ok(REVOKE, { id: familyOf(other) }, a.token);
      expect(codes(await t.gql(REVOKE, { id: familyOf(other) }, a.token))).toEqual(['NOT_FOUND']);
    });
  });

  describe('the web app’s refresh cookie', () => {
    const WEB = { 'x-anchored-client': 'web' };
    const cookieOf = (lines: string[]) => lines.find((l) => l.startsWith('anchored_refresh='));
    const valueOf = (line: string | undefined) => (line ?? '').split(';')[0];

    it('is set only for the web app, httpOnly, SameSite=Strict, on /graphql, not Secure on http; the body then has no refresh token', async () => {
      const s = await t.user(Role.CLIENT);
      const api = await post(LOG_IN, { input: { email: s.user.email, password: PASSWORD } });
      expect(cookieOf(api.cookies)).toBeUndefined();
      expect(api.body.data.logIn.refreshToken).toMatch(/\./);

      const web = await post(LOG_IN, { input: { email: s.user.email, password: PASSWORD } }, WEB);
      expect(web.body.data.logIn.refreshToken).toBeNull();
      const cookie = cookieOf(web.cookies);
      expect(cookie).toBeDefined();
      const attributes = (cookie as string).split(';').slice(1).map((a) => a.trim().toLowerCase());
      expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/graphql']));
      expect(attributes).not.toContain('secure');
      expect(attributes.some((a) => a.startsWith('max-age='))).toBe(true);
    });

    it('renews only with the X-Anchored-Client header (the CSRF defence), rotating the cookie', async () => {
      const s = await t.user(Role.CLIENT);
      const login = await post(LOG_IN, { input: { email: s.user.email, password: PASSWORD } }, WEB);
      const cookie = valueOf(cookieOf(login.cookies));

      // What a forged cross-site request could send: the cookie, without the custom header.
      const forged = await post(REFRESH, {}, { cookie });
      expect(codes(forged.body)).toEqual(['UNAUTHENTICATED']);

      const renewed = await post(REFRESH, {}, { ...WEB, cookie });
      expect(renewed.body.errors).toBeUndefined();
      expect(renewed.body.data.refreshSession.refreshToken).toBeNull();
      expect((await t.ok(ME, {}, renewed.body.data.refreshSession.accessToken)).me.id).toBe(s.user.id);
      const next = valueOf(cookieOf(renewed.cookies));
      expect(next).toMatch(/^anchored_refresh=./);
      expect(next).not.toBe(cookie);
      // The rotated cookie works once more; the old one is spent.
      expect((await post(REFRESH, {}, { ...WEB, cookie: next })).body.errors).toBeUndefined();
    });

    it('logOut clears the cookie and ends the login on the server', async () => {
      const s = await t.user(Role.CLIENT);
      const login = await post(LOG_IN, { input: { email: s.user.email, password: PASSWORD } }, WEB);
      const cookie = valueOf(cookieOf(login.cookies));
      const out = await post(`mutation { logOut }`, {}, { ...WEB, cookie, authorization: `Bearer ${login.body.data.logIn.accessToken}` });
      expect(out.body.data).toEqual({ logOut: true });
      const cleared = cookieOf(out.cookies) as string;
      expect(cleared).toMatch(/^anchored_refresh=;/);
      expect(cleared.toLowerCase()).toContain('expires=thu, 01 jan 1970');
      expect(codes((await post(REFRESH, {}, { ...WEB, cookie })).body)).toEqual(['UNAUTHENTICATED']);
    });
  });
});

// Its own app, started after the one above has closed: passport keeps one strategy per name for
// the whole process, so two apps cannot be open in one test file at the same time.
describe('the refresh cookie behind https', () => {
  it('is Secure when PUBLIC_URL is https', async () => {
    const https = await TestApp.start({ PUBLIC_URL: 'https://anchored.example' });
    try {
      const email = uniqueEmail('secure');
      const res = await fetch(`${https.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-anchored-client': 'web' },
        body: JSON.stringify({ query: SIGN_UP, variables: { input: { email, password: PASSWORD, name: 'Secure Cookie' } } }),
      });
      expect(((await res.json()) as GqlResult).errors).toBeUndefined();
      const cookie = res.headers.getSetCookie().find((l) => l.startsWith('anchored_refresh='));
      expect(cookie?.split(';').map((a) => a.trim().toLowerCase())).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict']));
    } finally {
      await https.close();
    }
  });
});
