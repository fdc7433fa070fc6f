import { Logger, type INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '@anchored/config';
import { QUEUE_DASHBOARD_PATH } from '../queue-dashboard/queue-dashboard';

/** Paths that belong to the API; everything else a browser GETs is the web app's. */
const API_PATHS = ['/graphql', '/health', '/calendar', QUEUE_DASHBOARD_PATH];

function isApiPath(path: string): boolean {
  return API_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Serves the built web app (apps/web) from the API's own origin, so the browser needs no CORS.
 * Hashed bundles are cached for a year, index.html never; any other GET that is not an API path
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
  app.use(
    express.static(root, {
      index: false,
      setHeaders: (res, path) => res.setHeader('Cache-Control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
