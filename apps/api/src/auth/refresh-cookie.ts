import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '@anchored/config';

/**
 * The web app keeps its refresh token in an httpOnly cookie, out of reach of page scripts; API
 * clients keep getting it in the response body. The cookie is only set and only read for requests
 * that carry `X-Anchored-Client: web`: browsers cannot add a custom header to a cross-site request
 * without a CORS preflight, which this API never grants, so together with SameSite=Strict a
 * forged cross-site request can neither use nor receive the cookie (CSRF).
 */
export const REFRESH_COOKIE = 'anchored_refresh';
export const WEB_CLIENT_HEADER = 'x-anchored-client';
export const WEB_CLIENT_VALUE = 'web';
/** Only the GraphQL endpoint ever needs the cookie. */
export const REFRESH_COOKIE_PATH = '/graphql';

export function isWebClient(req: Request): boolean {
  return req.headers[WEB_CLIENT_HEADER] === WEB_CLIENT_VALUE;
}

/** The refresh token from the cookie, if any. */
export function refreshTokenFromCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Secure whenever the app is served over https (PUBLIC_URL); plain http://localhost would drop a Secure cookie. */
function cookieOptions(config: AppConfig): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.publicUrl.startsWith('https:'),
    path: REFRESH_COOKIE_PATH,
  };
}

export function setRefreshCookie(res: Response, config: AppConfig, refreshToken: string): void {
  res.cookie(REFRESH_COOKIE, refreshToken, { ...cookieOptions(config), maxAge: config.refreshTokenTtlDays * 86_400_000 });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, cookieOptions(config));
}
