import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Base32Plugin, CryptoPlugin } from '@otplib/core';
import { generate } from '@otplib/totp';

/*
 * What an authenticator app computes: otplib 13's TOTP with Node's crypto and an RFC 4648 base32
 * decoder as its plugins (the `otplib` umbrella package loads ES-module-only defaults that jest
 * cannot require).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const crypto: CryptoPlugin = {
  name: 'node',
  hmac: (algorithm, key, data) => new Uint8Array(createHmac(algorithm.toLowerCase().replace(/[-_]/g, ''), key).update(data).digest()),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
  constantTimeEqual: (a, b) => Buffer.from(a).length === Buffer.from(b).length && timingSafeEqual(Buffer.from(a), Buffer.from(b)),
};

const base32: Base32Plugin = {
  name: 'rfc4648',
  encode: () => {
    throw new Error('not needed here');
  },
  decode(str) {
    let bits = 0;
    let value = 0;
    const out: number[] = [];
    for (const char of str.replace(/=+$/, '').toUpperCase()) {
      value = (value << 5) | ALPHABET.indexOf(char);
      bits += 5;
      if (bits >= 8) {
        out.push((value >>> (bits - 8)) & 255);
        bits -= 8;
      }
    }
    return new Uint8Array(out);
  },
};

/** The six digits an authenticator app shows `steps` periods (of 30 s) from now. */
export function authenticatorCode(secret: string, steps = 0): Promise<string> {
  return generate({ secret, crypto, base32, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}
