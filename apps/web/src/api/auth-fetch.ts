import { needsRefresh } from './jwt';
import { getTokens, loseSession, setTokens, type Tokens } from './session';

const REFRESH = `mutation RefreshSession($refreshToken: String) {
  refreshSession(refreshToken: $refreshToken) { accessToken refreshToken }
}`;

let inFlight: Promise<Tokens | null> | null = null;

/** Rotates the refresh token once, however many requests ask at the same moment. */
export function refreshTokens(): Promise<Tokens | null> {
  const refreshToken = getTokens()?.refreshToken;
  if (!refreshToken) return Promise.resolve(null);
  inFlight ??= (async () => {
    try {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REFRESH, variables: { refreshToken } }),
      });
      const body = (await res.json()) as { data?: { refreshSession?: Tokens } };
      const next = body.data?.refreshSession;
      if (!next) return null;
      const tokens = { accessToken: next.accessToken, refreshToken: next.refreshToken ?? null };
      setTokens(tokens);
      return tokens;
    } catch {
      return null;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
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
    if (t) headers.set('authorization', `Bearer ${t.accessToken}`);
    return fetch(input, { ...init, headers });
  };
  const res = await send(tokens);
  if (!tokens) return res;
  const text = await res.text();
  if (!isUnauthenticated(text)) return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  const renewed = await refreshTokens();
  if (!renewed) {
    // RequireAuth sees the login gone and sends the person to log in, then back here.
    loseSession();
    return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  }
  return send(renewed);
}
