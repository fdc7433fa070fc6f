import { randomBytes } from 'node:crypto';
import { PrivateTextCipher as ResponseCipher, feedbackAad, responsesAad } from './private-text-cipher';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const answers = { feeling: 'I feel tense in my shoulders', safety: 4, needs: ['rest', 'water'] };

describe('PrivateTextCipher', () => {
  it('round-trips answers and never stores them in the clear', () => {
    const cipher = new ResponseCipher([k1]);
    const stored = cipher.encrypt(answers, 'submission:a:b');
    expect(stored).toMatch(/^v1:k1:/);
    expect(stored).not.toContain('shoulders');
    expect(Buffer.from(stored.split(':')[4], 'base64url').toString('utf8')).not.toContain('shoulders');
    expect(cipher.decrypt(stored, 'submission:a:b')).toEqual(answers);
  });

  it('round-trips files as bytes, bound to their owner, with an older key still reading', () => {
    const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2048)]);
    const stored = new ResponseCipher([k1]).encryptBytes(file, 'homework-upload:u:c');
    expect(stored.subarray(0, 6).toString()).toBe('v1:k1\n');
    expect(stored.includes(file.subarray(0, 64))).toBe(false);
    expect(new ResponseCipher([k2, k1]).decryptBytes(stored, 'homework-upload:u:c').equals(file)).toBe(true);
    expect(() => new ResponseCipher([k1]).decryptBytes(stored, 'homework-upload:u:other')).toThrow();
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] ^= 1;
    expect(() => new ResponseCipher([k1]).decryptBytes(tampered, 'homework-upload:u:c')).toThrow();
    expect(() => new ResponseCipher([k1]).decryptBytes(file, 'homework-upload:u:c')).toThrow();
  });

  it('uses a fresh IV each time', () => {
    const cipher = new ResponseCipher([k1]);
    expect(cipher.encrypt(answers, 'x')).not.toBe(cipher.encrypt(answers, 'x'));
  });

  it('refuses tampered ciphertext and ciphertext moved to another owner', () => {
    const cipher = new ResponseCipher([k1]);
    const stored = cipher.encrypt(answers, 'submission:a:b');
    expect(() => cipher.decrypt(stored, 'submission:a:c')).toThrow();
    const parts = stored.split(':');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'), 'submission:a:b')).toThrow();
  });

  it('rotates: a new key encrypts, old keys still decrypt, unknown keys are refused', () => {
    const old = new ResponseCipher([k1]).encrypt(answers, 'ad');
    const rotated = new ResponseCipher([k2, k1]);
    expect(rotated.decrypt(old, 'ad')).toEqual(answers);
    expect(rotated.needsRotation(old)).toBe(true);
    const fresh = rotated.encrypt(answers, 'ad');
    expect(fresh).toMatch(/^v1:k2:/);
    expect(rotated.needsRotation(fresh)).toBe(false);
    expect(() => new ResponseCipher([k1]).decrypt(fresh, 'ad')).toThrow(/No key "k2"/);
  });

  it('refuses a truncated authentication tag (GCM would otherwise accept 4 to 16 bytes)', () => {
    const cipher = new ResponseCipher([k1]);
    const stored = cipher.encrypt(answers, 'ad');
    const parts = stored.split(':');
    expect(Buffer.from(parts[3], 'base64url')).toHaveLength(16);
    for (const bytes of [12, 8, 4]) {
      const truncated = [...parts];
      truncated[3] = Buffer.from(parts[3], 'base64url').subarray(0, bytes).toString('base64url');
      expect(() => cipher.decrypt(truncated.join(':'), 'ad')).toThrow(/16 bytes/);
    }
  });

  it('binds feedback and answers to different associated data, so one cannot stand in for the other', () => {
    const owner = { assignmentId: 'a', clientId: 'c' };
    expect(feedbackAad(owner)).not.toBe(responsesAad(owner));
    const cipher = new ResponseCipher([k1]);
    expect(() => cipher.decrypt(cipher.encrypt('Well done', feedbackAad(owner)), responsesAad(owner))).toThrow();
    expect(cipher.decryptText(cipher.encrypt('Well done', feedbackAad(owner)), feedbackAad(owner))).toBe('Well done');
    expect(cipher.decryptText(null, feedbackAad(owner))).toBeNull();
  });
});
