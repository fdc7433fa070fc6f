import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { TestApp } from './test-app';

const BIG_BUNDLE = Array.from({ length: 400 }, (_, i) => `export const line${i} = "a repeated line of a bundle";`).join('\n');

// The API serves the built web app from its own origin, without shadowing any API path.
describe('serving the web app', () => {
  let dist: string;
  let t: TestApp;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'anchored-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Anchored test shell</title>');
    writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), 'console.log("bundle")');
    // What the web build writes beside each large text file (apps/web/build/precompress.ts).
    writeFileSync(join(dist, 'assets', 'big-4d5e6f.js'), BIG_BUNDLE);
    writeFileSync(join(dist, 'assets', 'big-4d5e6f.js.br'), brotliCompressSync(BIG_BUNDLE));
    writeFileSync(join(dist, 'assets', 'big-4d5e6f.js.gz'), gzipSync(BIG_BUNDLE));
    t = await TestApp.start({ WEB_DIST_DIR: dist });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers the app shell at / and at any client-side route, never cached', async () => {
    for (const path of ['/', '/coach/cohorts/123?tab=review', '/homework/abc']) {
      const res = await fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(await res.text()).toContain('Anchored test shell');
    }
  });

  it('serves hashed bundles with a year-long immutable cache', async () => {
    const res = await fetch(`${t.url}/assets/app-1a2b3c.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
  });

  it('serves the precompressed bundle the browser accepts, brotli first, with the same cache rule', async () => {
    const { request } = await import('node:http');
    // fetch would decode the body itself; a raw request shows what crosses the wire.
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) => {
        request(`${t.url}/assets/big-4d5e6f.js`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', fail)
          .end();
      });
    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(BIG_BUNDLE.length / 5);
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_BUNDLE);
    expect((await raw('gzip')).headers['content-encoding']).toBe('gzip');
    const identity = await raw('identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString()).toBe(BIG_BUNDLE);
  });

  it('leaves the API paths to the API', async () => {
    const health = await fetch(`${t.url}/health`, { headers: { accept: 'text/html' } });
    expect(health.headers.get('content-type')).toMatch(/json/);
    const feed = await fetch(`${t.url}/calendar/not-a-token.ics`, { headers: { accept: 'text/html' } });
    expect(feed.status).toBe(404);
    expect(await feed.text()).not.toContain('Anchored test shell');
    const malformed = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(malformed.status).toBe(400);
    const data = await t.ok('{ curriculum { key } }');
    expect(data.curriculum.length).toBeGreaterThan(0);
  });

  it('does not answer HTML for requests that do not ask for it', async () => {
    const res = await fetch(`${t.url}/some/missing.json`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
  });
});

describe('without a built web app', () => {
  it('serves the API alone', async () => {
    const t = await TestApp.start({ WEB_DIST_DIR: join(tmpdir(), 'anchored-no-web-here') });
    try {
      expect((await fetch(`${t.url}/`, { headers: { accept: 'text/html' } })).status).toBe(404);
      expect((await fetch(`${t.url}/health`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
