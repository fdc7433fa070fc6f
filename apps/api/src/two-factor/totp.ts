import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Base32Plugin, CryptoPlugin } from '@otplib/core';
import { generateSecret } from '@otplib/core';
import { generate, verify } from '@otplib/totp';
import { generateTOTP } from '@otplib/uri';
import { TOTP_PERIOD_SECONDS, TOTP_WINDOW_STEPS } from './two-factor-codes';

/*
 * otplib 13's functional TOTP (RFC 6238: SHA-1, 6 digits, 30 s, what authenticator apps use), with
 * Node's own crypto and an RFC 4648 base32 as its plugins. The `otplib` umbrella package would load
 * its default plugins (@noble/hashes, @scure/base), which are ES modules only and cannot be
 * required by the CommonJS build and its tests; these two plugins are all it needs here.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const nodeCrypto: CryptoPlugin = {
  name: 'node',
  hmac: (algorithm, key, data) => new Uint8Array(createHmac(algorithm.toLowerCase().replace(/[-_]/g, ''), key).update(data).digest()),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
  constantTimeEqual: (a, b) => {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  },
};

export const rfc4648Base32: Base32Plugin = {
  name: 'rfc4648',
  encode(data, options) {
    let bits = 0;
    let value = 0;
    let out = '';
    for (const byte of data) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 5) {
        out += ALPHABET[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
    return options?.padding ? out.padEnd(Math.ceil(out.length / 8) * 8, '=') : out;
  },
  decode(str) {
    const clean = str.replace(/=+$/, '').replace(/\s/g, '').toUpperCase();
    let bits = 0;
    let value = 0;
    const out: number[] = [];
    for (const char of clean) {
      const index = ALPHABET.indexOf(char);
      if (index < 0) throw new Error('Invalid base32 character');
      value = (value << 5) | index;
      bits += 5;
      if (bits >= 8) {
        out.push((value >>> (bits - 8)) & 255);
        bits -= 8;
      }
    }
    return new Uint8Array(out);
  },
};

const plugins = { crypto: nodeCrypto, base32: rfc4648Base32 };

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return generateSecret({ ...plugins, length: 20 });
}

/** otpauth://totp/<issuer>:<label>?secret=…&issuer=… (what the QR code holds). */
export function totpUri(issuer: string, label: string, secret: string): string {
  return generateTOTP({ issuer, label, secret });
}

/** The code an authenticator app shows at `epochSeconds`. */
export function totpCode(secret: string, epochSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return generate({ ...plugins, secret, epoch: epochSeconds, period: TOTP_PERIOD_SECONDS });
}

/**
 * The time step `token` belongs to, when it is the code of the previous, current or next step and
 * later than `afterStep`; null otherwise.
 */
export async function totpStep(secret: string, token: string, afterStep: number | null, epochSeconds = Math.floor(Date.now() / 1000)): Promise<number | null> {
  try {
    const result = await verify({
      ...plugins,
      secret,
      token,
      epoch: epochSeconds,
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOTP_WINDOW_STEPS * TOTP_PERIOD_SECONDS,
      ...(afterStep != null ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid ? result.timeStep : null;
  } catch {
    return null;
  }
}
