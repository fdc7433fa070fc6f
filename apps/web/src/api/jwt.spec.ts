import { needsRefresh, secondsUntilExpiry } from './jwt';

const token = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

describe('access token expiry', () => {
  const now = 1_800_000_000_000;
  it('reads exp without verifying', () => {
    expect(secondsUntilExpiry(token({ exp: now / 1000 + 120 }), now)).toBe(120);
    expect(secondsUntilExpiry('garbage', now)).toBeNull();
  });
  it('refreshes shortly before expiry, not long before', () => {
    expect(needsRefresh(token({ exp: now / 1000 + 10 }), now)).toBe(true);
    expect(needsRefresh(token({ exp: now / 1000 - 10 }), now)).toBe(true);
    expect(needsRefresh(token({ exp: now / 1000 + 600 }), now)).toBe(false);
    expect(needsRefresh(token({}), now)).toBe(false);
  });
});
