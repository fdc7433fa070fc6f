import { needsRefresh } from './jwt';
import { getTokens, loseSession, setTokens, wasLoggedIn, type Tokens } from './session';

/** Marks the web app: the API then keeps the refresh token in an httpOnly cookie and reads it from there. */
export const CLIENT_HEADER = { 'x-anchored-client': 'web' } as const;

const REFRESH = `mutation RefreshSession {
  refreshSession { accessToken }
}`;

let inFlight: Promise<Tokens | null> | null = null;

/** One renewal at a time across every tab: two tabs presenting the same cookie would look like theft. */
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request('anchored.refresh', work) : work();
}

/**
 * Rotates the refresh cookie once, however many requests of this tab ask at the same moment, and
 * never at the same time as another tab (the browser then sends the cookie that tab just got).
 */
export function refreshTokens(): Promise<Tokens | null> {
  inFlight ??= (async () => {
    try {
      return await exclusively(async () => {
        const res = await fetch('/graphql', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', ...CLIENT_HEADER },
          body: JSON.stringify({ query: REFRESH }),
        });
        const body = (await res.json()) as { data?: { refreshSession?: { accessToken: string } } };
        const next = body.data?.refreshSession;
        if (!next) return null;
        const tokens = { accessToken: next.accessToken, refreshToken: null };
        setTokens(tokens);
        return tokens;
      });
    } catch {
      return null;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/**
 * On page load: the access token was in the memory of the page before; get a new one through the
 * cookie. When the browser was logged in but the API refuses, the session was lost.
 */
export async function restoreSession(): Promise<void> {
  if (getTokens() || !wasLoggedIn()) return;
  if (!(await refreshTokens())) loseSession();
}

/** Said (as a window event) when the API keeps this admin to the two-factor setup (ADMIN_REQUIRE_2FA); RequireAuth goes there. */
export const TWO_FACTOR_SETUP_REQUIRED_EVENT = 'anchored:two-factor-setup-required';

function announceTwoFactorSetupRequired(): void {
  window.dispatchEvent(new Event(TWO_FACTOR_SETUP_REQUIRED_EVENT));
}

function isUnauthenticated(text: string): boolean {
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    return !!body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  } catch {
    return false;
  }
}

/**
 * `fetch` for Apollo's HttpLink: adds the access token, renews it shortly before it expires, and
 * when the API still answers UNAUTHENTICATED, renews once and retries. If renewing fails, the
 * login is gone: the tokens are cleared, and the app goes to the login page (and back after).
 */
export async function authFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  let tokens = getTokens();
  if (tokens && needsRefresh(tokens.accessToken)) tokens = (await refreshTokens()) ?? tokens;
  const send = (t: Tokens | null) => {
    const headers = new Headers(init.headers);
    headers.set('x-anchored-client', CLIENT_HEADER['x-anchored-client']);
    if (t) headers.set('authorization', `Bearer ${t.accessToken}`);
    return fetch(input, { ...init, headers, credentials: 'same-origin' });
  };
  const res = await send(tokens);
  if (!tokens) return res;
  const text = await res.text();
  if (text.includes('"TWO_FACTOR_SETUP_REQUIRED"')) announceTwoFactorSetupRequired();
  if (!isUnauthenticated(text)) return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  const renewed = await refreshTokens();
  if (!renewed) {
    // RequireAuth sees the login gone and sends the person to log in, then back here.
    loseSession();
    return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  }
  return send(renewed);
}
