import { createHash, randomInt } from 'node:crypto';

/** Time step of authenticator codes (RFC 6238 default, what every app uses). */
export const TOTP_PERIOD_SECONDS = 30;
/** Codes from one step before or after now are accepted too (clocks drift, people type slowly). */
export const TOTP_WINDOW_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;

/** No 0/O, 1/I/L: a code read off paper is typed right. 31 symbols, 16 per code: about 79 bits. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 16;

export type SecondFactor = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string };

/**
 * What someone typed in the code field: six digits (spaces allowed, as apps show "123 456") are an
 * authenticator code; anything else of the right shape a recovery code (case, spaces and dashes
 * ignored). Null when it can be neither.
 */
export function readSecondFactor(input: string | null | undefined): SecondFactor | null {
  const compact = (input ?? '').replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact };
  if (compact.length === RECOVERY_LENGTH && [...compact].every((c) => RECOVERY_ALPHABET.includes(c))) return { kind: 'recovery', code: compact };
  return null;
}

/** A fresh recovery code as shown to the person: four groups of four, e.g. "k7rm-x2qa-9fhe-wtcp". */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: RECOVERY_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join('')).join('-');
}

/**
 * What is stored of a recovery code: sha256 over the user and the normalized code. A fast hash is
 * enough (unlike passwords, the codes are random with ~79 bits, far beyond brute force) and lets the
 * code be found and spent in one atomic UPDATE; the user id keeps one person's code from matching
 * another's row.
 */
export function recoveryCodeHash(userId: string, code: string): string {
  const normalized = code.replace(/[\s-]/g, '').toLowerCase();
  return createHash('sha256').update(`two-factor-recovery:${userId}:${normalized}`).digest('hex');
}

/** The time step a moment falls in. */
export function timeStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}
