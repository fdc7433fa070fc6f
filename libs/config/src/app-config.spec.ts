import { ConfigError, isWeakSecret, loadConfig, parseDurationSeconds } from './app-config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/anchored' };
const strongSecret = 'k3J9x!Qm2Lz8Vw4Rt7Yp1Nb6Hc5Gd0Fs-Ea_Ou';
const prodKeys = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

describe('loadConfig', () => {
  it('gives development defaults', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    expect(config.isProduction).toBe(false);
    expect(config.accessTokenTtlSeconds).toBe(900);
    expect(config.authRateLimitPerMinute).toBe(10);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('gives default crisis resources naming emergency services and a crisis line, or the configured text', () => {
    expect(loadConfig(base).crisisResources).toMatch(/emergency number/);
    expect(loadConfig(base).crisisResources).toMatch(/crisis line/);
    expect(loadConfig({ ...base, CRISIS_RESOURCES: '  Call 116 123 (Samaritans).  ' }).crisisResources).toBe('Call 116 123 (Samaritans).');
    expect(loadConfig({ ...base, CRISIS_RESOURCES: '   ' }).crisisResources).toMatch(/emergency number/);
  });

  it('refuses to start in production without JWT_SECRET', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
  });

  it('refuses a weak JWT_SECRET in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', HOMEWORK_ENCRYPTION_KEYS: prodKeys, JWT_SECRET: 'secret' })).toThrow(/too weak/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', HOMEWORK_ENCRYPTION_KEYS: prodKeys, JWT_SECRET: 'a'.repeat(64) })).toThrow(/too weak/);
    expect(loadConfig({ ...base, NODE_ENV: 'production', HOMEWORK_ENCRYPTION_KEYS: prodKeys, JWT_SECRET: strongSecret }).jwtSecret).toBe(strongSecret);
  });

  it('never loads demo data in production', () => {
    const config = loadConfig({ ...base, NODE_ENV: 'production', HOMEWORK_ENCRYPTION_KEYS: prodKeys, JWT_SECRET: strongSecret, DEMO_DATA: 'true' });
    expect(config.demoData).toBe(false);
    expect(loadConfig({ ...base, DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', AUTH_RATE_LIMIT_PER_MINUTE: '0', ADMIN_EMAIL: 'a@b.co' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/AUTH_RATE_LIMIT_PER_MINUTE/);
      expect(problems).toMatch(/ADMIN_PASSWORD/);
    }
  });

  it('reads TRUST_PROXY as a number of proxy hops', () => {
    expect(loadConfig(base).trustProxyHops).toBe(0);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxyHops).toBe(0);
    expect(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxyHops).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxyHops).toBe(2);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY/);
  });

  it('judges secrets', () => {
    expect(isWeakSecret('short')).toBe(true);
    expect(isWeakSecret('ab'.repeat(20))).toBe(true);
    expect(isWeakSecret(strongSecret)).toBe(false);
  });
});

describe('homework encryption keys', () => {
  const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

  it('derives a key from JWT_SECRET when none is configured', () => {
    const a = loadConfig({ ...base, JWT_SECRET: strongSecret }).homeworkKeys;
    const b = loadConfig({ ...base, JWT_SECRET: strongSecret + 'x' }).homeworkKeys;
    expect(a.map((k) => [k.id, k.key.length])).toEqual([['jwt', 32]]);
    expect(a[0].key.equals(b[0].key)).toBe(false);
    expect(a[0].key.toString('utf8')).not.toContain(strongSecret.slice(0, 8));
  });

  it('parses several keys, newest first', () => {
    const config = loadConfig({ ...base, HOMEWORK_ENCRYPTION_KEYS: `k2:${key(2)}, k1:${key(1)}` });
    expect(config.homeworkKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(config.homeworkKeys[0].key.equals(Buffer.alloc(32, 2))).toBe(true);
  });

  it('rejects short keys, missing ids and duplicates', () => {
    expect(() => loadConfig({ ...base, HOMEWORK_ENCRYPTION_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` })).toThrow(/must be 32 bytes/);
    expect(() => loadConfig({ ...base, HOMEWORK_ENCRYPTION_KEYS: key(1) })).toThrow(/short id/);
    expect(() => loadConfig({ ...base, HOMEWORK_ENCRYPTION_KEYS: `a:${key(1)},a:${key(2)}` })).toThrow(/used twice/);
  });

  it('keeps homework answers from admins unless the setting says otherwise', () => {
    expect(loadConfig(base).adminsReadHomework).toBe(false);
    expect(loadConfig({ ...base, ADMINS_READ_HOMEWORK: 'true' }).adminsReadHomework).toBe(true);
  });
});

describe('notification settings', () => {
  const env = { DATABASE_URL: 'postgres://localhost/x', NODE_ENV: 'test' };

  it('defaults to reminders 24h and 1h before, a 24h due notice and a Monday 08:00 summary', () => {
    const { notifications } = loadConfig(env);
    expect(notifications.reminderOffsetsSeconds).toEqual([86400, 3600]);
    expect(notifications.homeworkDueNoticeSeconds).toBe(86400);
    expect(notifications.weeklySummary).toEqual({ isoWeekday: 1, localTime: '08:00' });
    expect(notifications.smtpUrl).toBeUndefined();
  });

  it('reads REMINDER_OFFSETS largest first without duplicates', () => {
    const { notifications } = loadConfig({ ...env, REMINDER_OFFSETS: '10m, 24h,1h,1h,90s' });
    expect(notifications.reminderOffsetsSeconds).toEqual([86400, 3600, 600, 90]);
  });

  it.each([
    ['REMINDER_OFFSETS', 'soon'],
    ['REMINDER_OFFSETS', '0m'],
    ['HOMEWORK_DUE_NOTICE', '1h,2h'],
    ['WEEKLY_SUMMARY_WEEKDAY', '8'],
    ['WEEKLY_SUMMARY_TIME', '25:00'],
    ['SMTP_URL', 'http://mail'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ ...env, [name]: value })).toThrow(name);
  });

  it('parses durations', () => {
    expect(parseDurationSeconds('2d')).toBe(172800);
    expect(parseDurationSeconds('15 m')).toBe(900);
    expect(parseDurationSeconds('1.5h')).toBeNull();
  });
});
