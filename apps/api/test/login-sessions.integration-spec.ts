import * as jwt from 'jsonwebtoken';
import { Role } from '@anchored/domain';
import { LoginSessionsService } from '../src/auth/login-sessions.service';
import { Session, TestApp, codes } from './test-app';

const REFRESH = `mutation($token: String) { refreshSession(refreshToken: $token) { accessToken refreshToken user { id } } }`;

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
});
