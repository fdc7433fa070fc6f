import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { Role } from '@anchored/domain';
import { JobsProducer } from '../jobs/jobs-producer.service';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'anchored_queues';
const COOKIE_AUDIENCE = 'anchored-queue-dashboard';
const COOKIE_SECONDS = 3600;

const hashOf = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

/**
 * A one-time ticket for an admin's login (refresh-token family): a random secret whose hash is
 * stored until it is used or two minutes have passed. Browsers cannot send Bearer headers on
 * navigation, so the link carries it once and it becomes a cookie.
 */
export async function issueDashboardTicket(db: DataSource, userId: string, familyId: string, ttlSeconds: number): Promise<string> {
  const ticket = randomBytes(32).toString('base64url');
  await db.query(`DELETE FROM queue_dashboard_tickets WHERE expires_at < now()`);
  await db.query(
    `INSERT INTO queue_dashboard_tickets (token_hash, user_id, family_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [hashOf(ticket), userId, familyId, ttlSeconds],
  );
  return ticket;
}

/** Uses up a ticket: one DELETE, so of two requests with the same ticket exactly one gets it. */
async function consumeTicket(db: DataSource, ticket: string): Promise<{ userId: string; familyId: string } | null> {
  // TypeORM returns [rows, affected count] for DELETE ... RETURNING.
  const [rows]: [{ user_id: string; family_id: string; live: boolean }[], number] = await db.query(
    `DELETE FROM queue_dashboard_tickets WHERE token_hash = $1 RETURNING user_id, family_id, expires_at > now() AS live`,
    [hashOf(ticket)],
  );
  const row = rows[0];
  return row?.live ? { userId: row.user_id, familyId: row.family_id } : null;
}

/** The login is still on: its refresh-token family is neither revoked (log-out, reuse) nor expired, and the user is still an admin. */
async function loginIsLive(db: DataSource, userId: string, familyId: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM refresh_tokens rt JOIN users u ON u.id = rt.user_id
     WHERE rt.family_id = $1 AND rt.user_id = $2 AND rt.revoked_at IS NULL AND rt.expires_at > now() AND u.role = $3 LIMIT 1`,
    [familyId, userId, Role.ADMIN],
  );
  return rows.length > 0;
}

function cookieOf(req: Request): string | undefined {
  const match = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
  return match?.slice(COOKIE.length + 1);
}

/**
 * bull-board, mounted in the API behind admin auth: an admin asks for `queueDashboardUrl`, opens
 * it, and the one-time ticket in the URL becomes an httpOnly cookie for an hour, valid only while
 * the admin's login lasts (logging out ends it). Without Redis there is nothing to show and
 * nothing is mounted.
 */
export function mountQueueDashboard(app: INestApplication, config: AppConfig): void {
  const producer = app.get(JobsProducer);
  if (!producer.enabled) return;
  const db = app.get(DataSource);
  const jwt = new JwtService({});
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: producer.queues().map((queue) => new BullMQAdapter(queue)), serverAdapter: board });

  const sessionOf = async (req: Request): Promise<{ sub: string; sid: string } | null> => {
    const token = cookieOf(req);
    if (!token) return null;
    try {
      const claims = await jwt.verifyAsync<{ sub?: string; sid?: string }>(token, {
        secret: config.jwtSecret,
        algorithms: ['HS256'],
        issuer: config.jwtIssuer,
        audience: COOKIE_AUDIENCE,
      });
      return claims.sub && claims.sid ? { sub: claims.sub, sid: claims.sid } : null;
    } catch {
      return null;
    }
  };

  const guard = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const ticket = typeof req.query['ticket'] === 'string' ? req.query['ticket'] : undefined;
      if (ticket) {
        const owner = await consumeTicket(db, ticket);
        if (owner && (await loginIsLive(db, owner.userId, owner.familyId))) {
          const session = await jwt.signAsync(
            { sub: owner.userId, sid: owner.familyId },
            { secret: config.jwtSecret, algorithm: 'HS256', issuer: config.jwtIssuer, audience: COOKIE_AUDIENCE, expiresIn: COOKIE_SECONDS },
          );
          res.cookie(COOKIE, session, { httpOnly: true, sameSite: 'strict', secure: config.isProduction, path: QUEUE_DASHBOARD_PATH, maxAge: COOKIE_SECONDS * 1000 });
          res.redirect(QUEUE_DASHBOARD_PATH);
          return;
        }
      } else {
        // Checked on every request, so a log-out (or a revoked login) closes the dashboard at once.
        const session = await sessionOf(req);
        if (session && (await loginIsLive(db, session.sub, session.sid))) return next();
      }
      res.status(401).type('text/plain').send('Admins only: open a fresh link from the queueDashboardUrl query (each link works once).');
    } catch (error) {
      next(error);
    }
  };
  app.use(QUEUE_DASHBOARD_PATH, guard, board.getRouter());
}
