#!/usr/bin/env node
// `npm run measure:first-load [-- --url http://localhost:3000 --path /login --runs 3 --uncompressed]`
//
// First load of the web app on a slow phone, as Lighthouse's mobile profile throttles it: Debian's
// Chromium (CHROMIUM_PATH), an empty cache, the network at 1.6 Mbps down / 750 kbps up / 150 ms
// round trip, and the CPU 4x slower, both through the DevTools protocol. Reports, per run and as
// the median: when the login form's button is visible, the Largest Contentful Paint, and the bytes
// that crossed the wire. Run against a production build the API serves (`npx nx run-many -t build
// -p web api` then `npm start`, or the e2e platform); numbers vary with the machine, so this is
// a measurement, never a test.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const url = new URL(option('path', '/login'), option('url', process.env.BASE_URL ?? 'http://localhost:3000')).toString();
const runs = Number(option('runs', '3'));
// --uncompressed: ask for every file as is (Accept-Encoding: identity), to see what compression saves.
const uncompressed = args.includes('--uncompressed');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Lighthouse's "slow 4G" mobile preset; throughput in bytes per second.
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

async function measureOnce(browser) {
  // A fresh profile each run: nothing cached, nobody logged in.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (uncompressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  // LCP entries as the page reports them, kept on window for reading afterwards.
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Log in' }).waitFor({ state: 'visible', timeout: 60_000 });
  const formVisibleMs = Date.now() - started;
  await page.waitForLoadState('networkidle');
  // LCP is final once the page is interacted with or hidden; read it after the load settled.
  const lcpMs = Math.round(await page.evaluate(() => window.__lcp));
  await context.close();
  return { formVisibleMs, lcpMs, kilobytes: Math.round(bytes / 1024), requests };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    console.log(`First load of ${url}: 1.6 Mbps down, 750 kbps up, 150 ms RTT, CPU x${CPU_SLOWDOWN}, empty cache${uncompressed ? ', uncompressed' : ''}, ${runs} run(s)`);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await measureOnce(browser);
      results.push(r);
      console.log(`  run ${i + 1}: login form visible ${r.formVisibleMs} ms, LCP ${r.lcpMs} ms, ${r.kilobytes} KiB in ${r.requests} requests`);
    }
    console.log(
      `median: login form visible ${median(results.map((r) => r.formVisibleMs))} ms, LCP ${median(results.map((r) => r.lcpMs))} ms, ${median(results.map((r) => r.kilobytes))} KiB transferred`,
    );
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
