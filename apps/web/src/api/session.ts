/**
 * The browser's copy of the login: a short-lived access token and the rotating refresh token.
 * Kept in localStorage so a reload or a second tab stays logged in; every tab hears changes
 * through the storage event, so a token rotated in one tab is not replayed by another (the API
 * treats a replayed refresh token as theft and ends the whole login).
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
}

const KEY = 'anchored.session';
type Listener = (tokens: Tokens | null) => void;
const listeners = new Set<Listener>();

function read(): Tokens | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Tokens>;
    return typeof parsed.accessToken === 'string' ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken ?? null } : null;
  } catch {
    return null;
  }
}

let current: Tokens | null = typeof window === 'undefined' ? null : read();

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY) return;
    current = read();
    listeners.forEach((l) => l(current));
  });
}

export function getTokens(): Tokens | null {
  return current;
}

let lostByServer = false;

/** True when the last login ended because the API refused to renew it (not by logging out). */
export function sessionWasLost(): boolean {
  return lostByServer;
}

/** Forgets the login because the API refused it; the login page then says so. */
export function loseSession(): void {
  setTokens(null);
  lostByServer = true;
}

export function setTokens(tokens: Tokens | null): void {
  current = tokens;
  lostByServer = false;
  if (tokens) window.localStorage.setItem(KEY, JSON.stringify(tokens));
  else window.localStorage.removeItem(KEY);
  listeners.forEach((l) => l(tokens));
}

export function onTokensChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
