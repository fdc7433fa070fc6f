import { newTotpSecret, rfc4648Base32, totpCode, totpStep, totpUri } from './totp';

/** RFC 6238 appendix B's SHA-1 key ("12345678901234567890"), in base32. */
const RFC_SECRET = rfc4648Base32.encode(new TextEncoder().encode('12345678901234567890'));

describe('totp (otplib 13 with Node crypto)', () => {
  it('computes the RFC 6238 test vectors (last six digits)', async () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(await totpCode(RFC_SECRET, 59)).toBe('287082');
    expect(await totpCode(RFC_SECRET, 1111111109)).toBe('081804');
    expect(await totpCode(RFC_SECRET, 2000000000)).toBe('279037');
  });

  it('accepts one step either side, nothing further, and only after the last used step', async () => {
    const now = 1_800_000_015;
    const step = Math.floor(now / 30);
    for (const offset of [-1, 0, 1]) expect(await totpStep(RFC_SECRET, await totpCode(RFC_SECRET, now + offset * 30), null, now)).toBe(step + offset);
    for (const offset of [-2, 2]) expect(await totpStep(RFC_SECRET, await totpCode(RFC_SECRET, now + offset * 30), null, now)).toBeNull();
    expect(await totpStep(RFC_SECRET, await totpCode(RFC_SECRET, now), step, now)).toBeNull();
    expect(await totpStep(RFC_SECRET, await totpCode(RFC_SECRET, now + 30), step, now)).toBe(step + 1);
    expect(await totpStep(RFC_SECRET, 'abcdef', null, now)).toBeNull();
  });

  it('makes 160-bit base32 secrets and the otpauth URI apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(rfc4648Base32.decode(secret)).toHaveLength(20);
    expect(totpUri('Anchored', 'ann@example.com', secret)).toBe(`otpauth://totp/Anchored:ann%40example.com?secret=${secret}&issuer=Anchored`);
  });
});
