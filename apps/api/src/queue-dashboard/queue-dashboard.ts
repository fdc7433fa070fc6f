import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@anchored/config';
import { Role } from '@anchored/domain';
import { JobsProducer } from '../jobs/jobs-producer.service';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'anchored_queues';
const TICKET_AUDIENCE = 'anchored-queue-dashboard';

/** A short-lived ticket an admin exchanges for a dashboard cookie (browsers cannot send Bearer headers on navigation). */
export function signDashboardTicket(jwt: JwtService, config: AppConfig, userId: string, expiresIn: number): Promise<string> {
  return jwt.signAsync(
    { sub: userId, role: Role.ADMIN },
    { secret: config.jwtSecret, algorithm: 'HS256', issuer: config.jwtIssuer, audience: TICKET_AUDIENCE, expiresIn },
  );
}

async function isAdminTicket(jwt: JwtService, config: AppConfig, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  try {
    const claims = await jwt.verifyAsync<{ role?: string }>(token, {
      secret: config.jwtSecret,
      algorithms: ['HS256'],
      issuer: config.jwtIssuer,
      audience: TICKET_AUDIENCE,
    });
    return claims.role === Role.ADMIN;
  } catch {
    return false;
  }
}

function cookieOf(req: Request): string | undefined {
  const match = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
  return match?.slice(COOKIE.length + 1);
}

/**
 * bull-board, mounted in the API behind admin auth: an admin asks for `queueDashboardUrl`, opens
 * it, and the one-time ticket in the URL becomes an httpOnly cookie for an hour. Without Redis
 * there is nothing to show and nothing is mounted.
 */
export function mountQueueDashboard(app: INestApplication, config: AppConfig): void {
  const producer = app.get(JobsProducer);
  if (!producer.enabled) return;
  const jwt = new JwtService({});
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: producer.queues().map((queue) => new BullMQAdapter(queue)), serverAdapter: board });

  const guard = async (req: Request, res: Response, next: NextFunction) => {
    const ticket = typeof req.query['ticket'] === 'string' ? req.query['ticket'] : undefined;
    if (ticket && (await isAdminTicket(jwt, config, ticket))) {
      const session = await signDashboardTicket(jwt, config, 'dashboard', 3600);
      res.cookie(COOKIE, session, { httpOnly: true, sameSite: 'strict', secure: config.isProduction, path: QUEUE_DASHBOARD_PATH, maxAge: 3_600_000 });
      res.redirect(QUEUE_DASHBOARD_PATH);
      return;
    }
    if (await isAdminTicket(jwt, config, cookieOf(req))) return next();
    res.status(401).type('text/plain').send('Admins only: open the link from the queueDashboardUrl query.');
  };
  app.use(QUEUE_DASHBOARD_PATH, guard, board.getRouter());
}
