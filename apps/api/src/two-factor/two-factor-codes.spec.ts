import { RECOVERY_CODE_COUNT, newRecoveryCode, readSecondFactor, recoveryCodeHash, timeStepAt } from './two-factor-codes';

describe('two-factor codes', () => {
  it('reads six digits (with the space apps show) as an authenticator code', () => {
    expect(readSecondFactor('123456')).toEqual({ kind: 'totp', code: '123456' });
    expect(readSecondFactor(' 123 456 ')).toEqual({ kind: 'totp', code: '123456' });
  });

  it('reads a recovery code whatever the case, spaces and dashes', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const compact = code.replace(/-/g, '');
    expect(readSecondFactor(code)).toEqual({ kind: 'recovery', code: compact });
    expect(readSecondFactor(code.toUpperCase().replace(/-/g, ' '))).toEqual({ kind: 'recovery', code: compact });
  });

  it('refuses what can be neither', () => {
    for (const input of ['', null, undefined, '12345', '1234567', 'abcdef', 'k7rm-x2qa-9fhe-wtc0', 'k7rm-x2qa-9fhe-wtcpq']) expect(readSecondFactor(input)).toBeNull();
  });

  it('makes different codes, hashed per user', () => {
    const codes = new Set(Array.from({ length: RECOVERY_CODE_COUNT * 10 }, newRecoveryCode));
    expect(codes.size).toBe(RECOVERY_CODE_COUNT * 10);
    expect(recoveryCodeHash('a', 'x')).not.toBe(recoveryCodeHash('b', 'x'));
    expect(recoveryCodeHash('a', 'x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts 30-second steps from the epoch', () => {
    expect(timeStepAt(new Date('1970-01-01T00:00:59Z'))).toBe(1);
    expect(timeStepAt(new Date('2026-12-02T10:00:00Z'))).toBe(Math.floor(Date.parse('2026-12-02T10:00:00Z') / 30_000));
  });
});
