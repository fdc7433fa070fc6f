/**
 * The browser's copy of the login. The access token (short-lived) lives in memory only; the
 * rotating refresh token is an httpOnly cookie that page scripts never see (the API sets it for
 * requests marked `X-Anchored-Client: web`). A reload or another tab gets its own access token by
 * renewing through the cookie (see auth-fetch.ts). `refreshToken` stays in the type for API
 * answers, and is null for the web app.
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
}

/** Not a secret: only "this browser was logged in", so a failed renewal on load can say the session ended. */
const MARKER = 'anchored.loggedIn';
/** The old storage of both tokens; removed wherever it is still found. */
const LEGACY_KEY = 'anchored.session';
type Listener = (tokens: Tokens | null) => void;
const listeners = new Set<Listener>();

let current: Tokens | null = null;

/** Tells the other tabs of this browser about logging in and out. */
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('anchored.session');

if (typeof window !== 'undefined') {
  try {
    window.localStorage.removeItem(LEGACY_KEY);
  } catch {
    // Storage may be unavailable (private mode); nothing to clean then.
  }
}

export function getTokens(): Tokens | null {
  return current;
}

/** Whether this browser was logged in when last seen (the cookie itself is out of reach). */
export function wasLoggedIn(): boolean {
  try {
    return window.localStorage.getItem(MARKER) === '1';
  } catch {
    return false;
  }
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

function apply(tokens: Tokens | null): void {
  current = tokens;
  lostByServer = false;
  listeners.forEach((l) => l(tokens));
}

/** Keeps the tokens of this tab; `announce` tells the other tabs (logging in or out there too). */
export function setTokens(tokens: Tokens | null, announce = false): void {
  try {
    if (tokens) window.localStorage.setItem(MARKER, '1');
    else window.localStorage.removeItem(MARKER);
  } catch {
    // Without storage a reload simply asks to log in again.
  }
  apply(tokens);
  if (announce) channel?.postMessage(tokens ? 'login' : 'logout');
}

export function onTokensChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Another tab logged in (`login`) or out (`logout`). */
export function onOtherTab(listener: (event: 'login' | 'logout') => void): () => void {
  const handler = (e: MessageEvent) => {
    if (e.data === 'login' || e.data === 'logout') listener(e.data);
  };
  channel?.addEventListener('message', handler);
  return () => channel?.removeEventListener('message', handler);
}

/** For the other tab's logout: forget the access token here too, without calling it a lost session. */
export function forgetTokens(): void {
  apply(null);
}
