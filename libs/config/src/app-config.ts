import { hkdfSync } from 'node:crypto';

/**
 * The platform's environment, validated once at boot. This module is the only place that reads
 * process.env; everything else receives a typed AppConfig.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  databaseUrl: string;
  redisUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  authRateLimitPerMinute: number;
  /**
   * Reverse-proxy hops in front of the API whose X-Forwarded-For is believed (TRUST_PROXY): 0 trusts
   * only a proxy on the same machine (loopback), n trusts exactly the n nearest hops. The client IP
   * that results is what the rate limits and the login backoff count.
   */
  trustProxyHops: number;
  /** Public base URL used to build links (calendar feeds, invitations). */
  publicUrl: string;
  logLevel: string;
  /** Load demo data into an empty database on start (never in production). */
  demoData: boolean;
  /**
   * Operation limits; maxListNesting counts list fields on one path (lists multiply).
   * responseCacheSeconds (RESPONSE_CACHE_SECONDS): how long a coach's cohort-screen answer may be
   * served again without executing (0 turns the cache off; off by default in tests).
   */
  graphql: { maxDepth: number; maxAliases: number; maxCost: number; maxListNesting: number; responseCacheSeconds: number };
  /**
   * AES-256-GCM keys for homework answers, newest first: the first encrypts, all decrypt, so a key
   * can be rotated by putting a new one in front (see docs/privacy.md).
   */
  homeworkKeys: { id: string; key: Buffer }[];
  /** Off by default: admins see that homework was submitted, never what it says. */
  adminsReadHomework: boolean;
  /** ADMIN_REQUIRE_2FA: an admin without two-factor sign-in can only set it up (off by default). */
  adminRequire2fa: boolean;
  notifications: NotificationsConfig;
  /** The built web app (`nx build web`), served by the API at `/`; not served when the folder is missing. */
  webDistDir: string;
  /**
   * What a person sees when something they wrote reads like a crisis (CRISIS_RESOURCES): where to get
   * help now. Set it to the numbers of the country the platform serves.
   */
  crisisResources: string;
}

/** CRISIS_RESOURCES when unset: general, so it is true in any country; deployments should name their lines. */
export const DEFAULT_CRISIS_RESOURCES =
  'If you are in danger or thinking about ending your life, please reach out now: call your local emergency number ' +
  '(for example 911, 112 or 999), or a suicide and crisis line in your country (in the US and Canada, call or text 988). ' +
  'You do not have to go through this alone. Your coach has been told that you may need support.';

export interface NotificationsConfig {
  /** Before each session, largest first (REMINDER_OFFSETS, e.g. "24h,1h,10m"). */
  reminderOffsetsSeconds: number[];
  /** How long before the due time clients who have not submitted hear about it (HOMEWORK_DUE_NOTICE). */
  homeworkDueNoticeSeconds: number;
  /** When coaches and clients get the weekly summary, in each cohort's own timezone. */
  weeklySummary: { isoWeekday: number; localTime: string };
  /** Jobs are kept in Redis only for this far ahead; the reconciler adds the rest as time moves on. */
  scheduleHorizonHours: number;
  reconcileEverySeconds: number;
  workerConcurrency: number;
  /** BullMQ key prefix: separates deployments (and test runs) sharing one Redis. */
  queuePrefix: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Without SMTP_URL, emails are written here as .eml files (and logged). */
  mailOutboxDir: string;
}

const DURATION_RE = /^(\d+)\s*(s|m|h|d)$/;
const DURATION_UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "90s", "10m", "1h", "2d" → seconds; null when not a positive duration. */
export function parseDurationSeconds(text: string): number | null {
  const m = DURATION_RE.exec(text.trim().toLowerCase());
  if (!m) return null;
  const seconds = Number(m[1]) * DURATION_UNIT_SECONDS[m[2]];
  return seconds > 0 ? seconds : null;
}

function durationList(env: Env, name: string, fallback: string, problems: string[]): number[] {
  const raw = env[name]?.trim() || fallback;
  const parts = raw.split(',').map((p) => p.trim()).filter(Boolean);
  const values = parts.map(parseDurationSeconds);
  if (parts.length === 0 || values.some((v) => v === null || v > 30 * 86400)) {
    problems.push(`${name} must be a comma-separated list of durations such as "24h,1h,10m" (got "${raw}")`);
    return fallback.split(',').map((p) => parseDurationSeconds(p) as number);
  }
  return [...new Set(values as number[])].sort((a, b) => b - a);
}

function timeOfDay(env: Env, name: string, fallback: string, problems: string[]): string {
  const raw = env[name]?.trim() || fallback;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) {
    problems.push(`${name} must be a local time HH:mm (got "${raw}")`);
    return fallback;
  }
  return raw;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'anchored-development-secret-do-not-use-in-production';
export const MIN_JWT_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

function intFrom(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function boolFrom(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  problems.push(`${name} must be true or false (got "${env[name]}")`);
  return fallback;
}

/** A secret is weak when it is short or made of very few distinct characters. */
export function isWeakSecret(secret: string): boolean {
  return secret.length < MIN_JWT_SECRET_LENGTH || new Set(secret).size < 10 || secret === DEV_JWT_SECRET;
}

/** TRUST_PROXY: unset/false/0 → 0, true → 1, a whole number → that many hops (at most 10). */
function trustProxyFrom(env: Env, problems: string[]): number {
  const raw = env['TRUST_PROXY']?.trim().toLowerCase();
  if (raw === undefined || raw === '' || ['false', 'no', 'off'].includes(raw)) return 0;
  if (['true', 'yes', 'on'].includes(raw)) return 1;
  const hops = Number(raw);
  if (!/^\d+$/.test(raw) || hops > 10) {
    problems.push(`TRUST_PROXY must be true, false or the number of proxy hops in front of the API, 0 to 10 (got "${env['TRUST_PROXY']}")`);
    return 0;
  }
  return hops;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnvRaw = env['NODE_ENV'] ?? 'development';
  const nodeEnv = (['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development') as AppConfig['nodeEnv'];
  const isProduction = nodeEnv === 'production';

  const databaseUrl = env['DATABASE_URL'] ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is required (postgres://user:password@host:5432/database)');
  else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// or postgresql://');

  let jwtSecret = env['JWT_SECRET'] ?? '';
  if (isProduction) {
    if (!jwtSecret) problems.push('JWT_SECRET is required when NODE_ENV=production');
    else if (isWeakSecret(jwtSecret)) {
      problems.push(`JWT_SECRET is too weak: use at least ${MIN_JWT_SECRET_LENGTH} random characters (e.g. openssl rand -base64 48)`);
    }
  } else if (!jwtSecret) {
    jwtSecret = DEV_JWT_SECRET;
  }

  const adminEmail = env['ADMIN_EMAIL']?.trim() || undefined;
  const adminPassword = env['ADMIN_PASSWORD'] || undefined;
  if (adminEmail && !adminPassword) problems.push('ADMIN_PASSWORD is required when ADMIN_EMAIL is set');
  if (adminPassword && (adminPassword.length < 12 || adminPassword.length > 128)) {
    problems.push('ADMIN_PASSWORD must be 12 to 128 characters');
  }

  const port = intFrom(env, 'PORT', 3000, 0, 65535, problems);
  const dueNotice = durationList(env, 'HOMEWORK_DUE_NOTICE', '24h', problems);
  if (dueNotice.length !== 1) problems.push('HOMEWORK_DUE_NOTICE must be one duration, e.g. "24h"');
  const notifications: NotificationsConfig = {
    reminderOffsetsSeconds: durationList(env, 'REMINDER_OFFSETS', '24h,1h', problems),
    homeworkDueNoticeSeconds: dueNotice[0],
    weeklySummary: {
      isoWeekday: intFrom(env, 'WEEKLY_SUMMARY_WEEKDAY', 1, 1, 7, problems),
      localTime: timeOfDay(env, 'WEEKLY_SUMMARY_TIME', '08:00', problems),
    },
    scheduleHorizonHours: intFrom(env, 'SCHEDULE_HORIZON_HOURS', 48, 1, 24 * 60, problems),
    reconcileEverySeconds: intFrom(env, 'RECONCILE_EVERY_SECONDS', 60, 1, 3600, problems),
    workerConcurrency: intFrom(env, 'WORKER_CONCURRENCY', 5, 1, 100, problems),
    queuePrefix: env['QUEUE_PREFIX'] || 'anchored',
    smtpUrl: env['SMTP_URL'] || undefined,
    mailFrom: env['MAIL_FROM'] || 'Anchored <no-reply@anchored.local>',
    mailOutboxDir: env['MAIL_OUTBOX_DIR'] || '.data/outbox',
  };
  if (notifications.smtpUrl && !/^smtps?:\/\//.test(notifications.smtpUrl)) {
    problems.push('SMTP_URL must start with smtp:// or smtps://');
  }
  const config: AppConfig = {
    nodeEnv,
    isProduction,
    port,
    databaseUrl,
    redisUrl: env['REDIS_URL'] || undefined,
    adminEmail,
    adminPassword,
    jwtSecret,
    jwtIssuer: env['JWT_ISSUER'] || 'anchored',
    jwtAudience: env['JWT_AUDIENCE'] || 'anchored-api',
    accessTokenTtlSeconds: intFrom(env, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 30, 60 * 60, problems),
    refreshTokenTtlDays: intFrom(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365, problems),
    authRateLimitPerMinute: intFrom(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 10, 1, 1_000_000, problems),
    trustProxyHops: trustProxyFrom(env, problems),
    publicUrl: (env['PUBLIC_URL'] || `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: env['LOG_LEVEL'] || (nodeEnv === 'test' ? 'silent' : 'info'),
    demoData: !isProduction && boolFrom(env, 'DEMO_DATA', false, problems),
    homeworkKeys: [],
    adminsReadHomework: boolFrom(env, 'ADMINS_READ_HOMEWORK', false, problems),
    adminRequire2fa: boolFrom(env, 'ADMIN_REQUIRE_2FA', false, problems),
    notifications,
    webDistDir: env['WEB_DIST_DIR'] || 'dist/web',
    crisisResources: env['CRISIS_RESOURCES']?.trim() || DEFAULT_CRISIS_RESOURCES,
    graphql: {
      maxDepth: intFrom(env, 'GRAPHQL_MAX_DEPTH', 8, 2, 50, problems),
      maxAliases: intFrom(env, 'GRAPHQL_MAX_ALIASES', 15, 1, 200, problems),
      maxCost: intFrom(env, 'GRAPHQL_MAX_COST', 5000, 100, 1_000_000, problems),
      maxListNesting: intFrom(env, 'GRAPHQL_MAX_LIST_NESTING', 3, 1, 10, problems),
      responseCacheSeconds: intFrom(env, 'RESPONSE_CACHE_SECONDS', nodeEnv === 'test' ? 0 : 30, 0, 300, problems),
    },
  };
  config.homeworkKeys = parseHomeworkKeys(env['HOMEWORK_ENCRYPTION_KEYS'], jwtSecret, problems);
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/**
 * "id:base64key,id2:base64key2", each key exactly 32 bytes. Unset: one key derived from JWT_SECRET
 * (HKDF), which is also never stored in the database; a dedicated key is better in production.
 */
export function parseHomeworkKeys(raw: string | undefined, jwtSecret: string, problems: string[]): { id: string; key: Buffer }[] {
  const name = 'HOMEWORK_ENCRYPTION_KEYS';
  if (!raw) {
    return [{ id: 'jwt', key: Buffer.from(hkdfSync('sha256', jwtSecret, 'anchored', 'homework-responses', 32)) }];
  }
  const keys = raw.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const [id, b64] = entry.split(':');
    return { id, key: Buffer.from(b64 ?? '', 'base64') };
  });
  const ids = new Set<string>();
  for (const { id, key } of keys) {
    if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id)) problems.push(`${name}: each key needs a short id before the colon (letters, digits, - or _)`);
    else if (ids.has(id)) problems.push(`${name}: the key id "${id}" is used twice`);
    else if (key.length !== 32) problems.push(`${name}: the key "${id}" must be 32 bytes, base64-encoded`);
    ids.add(id);
  }
  return keys;
}
