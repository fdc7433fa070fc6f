import { Logger, type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '@anchored/config';
import { QUEUE_DASHBOARD_PATH } from '../queue-dashboard/queue-dashboard';

/**
 * The app keeps its login in localStorage, so script injection must have nowhere to come from:
 * only our own bundles run, and the page talks only to its own origin. Mantine sets inline
 * styles, hence 'unsafe-inline' for styles (never for scripts).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function setShellHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  // Invitation links carry their token in the path: never pass it on as a referrer.
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
}

/** Paths that belong to the API; everything else a browser GETs is the web app's. */
const API_PATHS = ['/graphql', '/health', '/calendar', '/exports', '/homework-uploads', QUEUE_DASHBOARD_PATH];

function isApiPath(path: string): boolean {
  return API_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Serves the built web app (apps/web) from the API's own origin, so the browser needs no CORS.
 * Hashed bundles are cached for a year (compressed when the browser accepts it), index.html never (and carries the security headers); any other GET that is not an API path
 * and asks for HTML answers index.html, for the app's router. Plain express.static rather than
 * @nestjs/serve-static: the latter turns every error on excluded paths (a malformed JSON body on
 * /graphql, say) into a 404.
 */
export function mountWebApp(app: INestApplication, config: AppConfig): void {
  const root = resolve(config.webDistDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebApp').warn(`No web app at ${root} (run \`npx nx build web\`); serving the API only.`);
    return;
  }
  // The build writes .br and .gz beside each text file (apps/web/build/precompress.ts); the
  // browser gets the smallest it accepts, with Vary: Accept-Encoding, and never a compression cost.
  app.use(
    expressStaticGzip(root, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (res, path) => {
          res.setHeader('X-Content-Type-Options', 'nosniff');
          if (path.startsWith(join(root, 'assets'))) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          else setShellHeaders(res as Response);
        },
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || !req.accepts('html')) return next();
    setShellHeaders(res);
    res.sendFile(index);
  });
}
