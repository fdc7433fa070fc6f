/** Seconds until a JWT's `exp`, or null when it carries none (or is not a JWT). Reads, never verifies. */
export function secondsUntilExpiry(token: string, nowMs = Date.now()): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp - nowMs / 1000 : null;
  } catch {
    return null;
  }
}

/** True when the token should be refreshed before use: expired, or about to expire in transit. */
export function needsRefresh(token: string, nowMs = Date.now(), marginSeconds = 30): boolean {
  const left = secondsUntilExpiry(token, nowMs);
  return left !== null && left < marginSeconds;
}
