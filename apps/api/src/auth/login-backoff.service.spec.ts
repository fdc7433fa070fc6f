import { FREE_ACCOUNT_FAILURES, FREE_LOGIN_FAILURES, MAX_LOCK_SECONDS, lockSecondsAfter } from './login-backoff.service';

describe('lockSecondsAfter', () => {
  it('allows a few free failures, then doubles up to a ceiling', () => {
    for (let n = 0; n < FREE_LOGIN_FAILURES; n++) expect(lockSecondsAfter(n)).toBe(0);
    expect(lockSecondsAfter(FREE_LOGIN_FAILURES)).toBe(1);
    expect(lockSecondsAfter(FREE_LOGIN_FAILURES + 1)).toBe(2);
    expect(lockSecondsAfter(FREE_LOGIN_FAILURES + 3)).toBe(8);
    expect(lockSecondsAfter(FREE_LOGIN_FAILURES + 40)).toBe(MAX_LOCK_SECONDS);
  });

  it('gives the account-wide ceiling more room than one address', () => {
    expect(FREE_ACCOUNT_FAILURES).toBeGreaterThan(FREE_LOGIN_FAILURES * 3);
    expect(lockSecondsAfter(FREE_ACCOUNT_FAILURES - 1, FREE_ACCOUNT_FAILURES)).toBe(0);
    expect(lockSecondsAfter(FREE_ACCOUNT_FAILURES, FREE_ACCOUNT_FAILURES)).toBe(1);
  });
});
