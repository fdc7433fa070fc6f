import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '@anchored/config';

/**
 * What the API logs, and what it must never log: people write their most private thoughts into
 * this platform, and several secrets travel in URLs. Every log line goes through these serializers.
 */

export const REDACTED = '[redacted]';

/**
 * A request path without its secrets: the calendar feed token is the credential in
 * /calendar/<token>.ics, and query strings carry one-time tickets (queue dashboard) or a GET
 * operation's variables (passwords). The names of query parameters stay, their values go.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return url;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  const safePath = path.replace(/^(\/calendar\/)[^/]+/i, `$1${REDACTED}`);
  if (!query) return safePath;
  const names = query.split('&').map((pair) => `${pair.split('=')[0].slice(0, 40)}=${REDACTED}`);
  return `${safePath}?${names.join('&')}`;
}

interface SerializedRequest {
  url?: string;
  query?: unknown;
  params?: unknown;
  [key: string]: unknown;
}

/** pino-http hands in its standard serialization of the request (wrapSerializers). */
export function serializeRequest(req: SerializedRequest): SerializedRequest {
  // query and params repeat what the URL holds (the calendar token is params.file).
  const { query: _query, params: _params, ...rest } = req;
  return { ...rest, url: redactUrl(req.url) };
}

/** Keys of a serialized error that are safe to keep; everything else (parameters, query, detail …) goes. */
const SAFE_ERROR_KEYS = ['type', 'message', 'stack', 'code', 'constraint', 'table', 'column', 'routine', 'path'] as const;

/**
 * An error without what it may carry of users' data. TypeORM's QueryFailedError keeps the SQL and
 * its `parameters` (a failed INSERT into users holds a password hash and a calendar token), the pg
 * driver adds `detail` ("Key (email)=(…) already exists"), and Postgres quotes a rejected value at
 * the end of some messages (`invalid input syntax for type uuid: "…"`). Only an allowlist survives.
 */
export function serializeError(err: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!err || typeof err !== 'object') return err;
  const out: Record<string, unknown> = {};
  for (const key of SAFE_ERROR_KEYS) if (err[key] !== undefined) out[key] = err[key];
  const driver = err['driverError'] as Record<string, unknown> | undefined;
  if (driver && typeof driver === 'object') {
    for (const key of ['code', 'constraint', 'table', 'column', 'routine'] as const) if (driver[key] !== undefined && out[key] === undefined) out[key] = driver[key];
  }
  const fromDatabase = 'parameters' in err || 'query' in err || 'driverError' in err || (typeof out['code'] === 'string' && /^[0-9A-Z]{5}$/.test(out['code'] as string));
  if (fromDatabase && typeof out['message'] === 'string') {
    const original = out['message'] as string;
    const message = original.replace(/: ".*$/s, `: "${REDACTED}"`);
    out['message'] = message;
    if (typeof out['stack'] === 'string') out['stack'] = (out['stack'] as string).split(original).join(message);
  }
  if (err['cause'] && typeof err['cause'] === 'object') out['cause'] = serializeError(err['cause'] as Record<string, unknown>);
  return out;
}

/** nestjs-pino's options; `stream` lets the tests read what would be written. */
export function loggerParams(config: AppConfig, stream?: DestinationStream): Params {
  const options = {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: { req: serializeRequest, err: serializeError },
    autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' },
  };
  return { pinoHttp: stream ? [options, stream] : options };
}
