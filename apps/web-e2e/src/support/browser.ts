import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * Under the any-day runner (tools/scripts/test-any-day.mjs) this process, the API and Postgres run
 * on a clock shifted by libfaketime, under which Chromium hangs. Chromium then starts on the real
 * clock and each page gets Playwright's clock, set to this process's (shifted) time.
 */
const SHIFTED_CLOCK = Boolean(process.env['FAKETIME']);

function browserEnv(): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  if (SHIFTED_CLOCK) {
    delete env['LD_PRELOAD'];
    delete env['FAKETIME'];
  }
  return env;
}

/** Debian's Chromium, never a downloaded one; the flags keep it off this machine's closed network. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    env: browserEnv(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A separate browser profile per person, so each keeps their own login, as on their own device. */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  {
    viewport = DESKTOP,
    timezoneId = 'Europe/Berlin',
    colorScheme = 'light',
  }: { viewport?: { width: number; height: number }; timezoneId?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  // The browser's timezone becomes the person's profile timezone at sign-up.
  // Reduced motion: screenshots and axe see dialogs fully open, not halfway through a fade.
  // colorScheme: what the device asks for (prefers-color-scheme), which the app follows.
  const context = await browser.newContext({ baseURL, viewport, timezoneId, locale: 'en-GB', reducedMotion: 'reduce', colorScheme });
  context.setDefaultTimeout(15_000);
  // Time then flows on from the shifted instant, timers included.
  if (SHIFTED_CLOCK) await context.clock.install({ time: Date.now() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A Content-Security-Policy refusal is a broken feature too (a blocked style, script or request).
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  uncaught.set(page, errors);
  return { context, page };
}

const uncaught = new WeakMap<Page, string[]>();

/** Uncaught exceptions and CSP refusals so far: a screen that works has none. */
export function pageErrors(page: Page): string[] {
  return uncaught.get(page) ?? [];
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy rightly refuses those.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160), failureSummary: n.failureSummary })) }));
  });
}

/** A readable list for a failed expectation: which rule, where. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html}`).join(', ')}`);
}

/** Screenshot plus an accessibility check of one main screen, at the viewport the page has. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  // Let loading states settle: no spinner, no pending network.
  await page.waitForLoadState('networkidle');
  await page.locator('[role="status"]:has(.mantine-Loader-root)').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await screenshot(page, name);
  expect(describeViolations(await axeViolations(page))).toEqual([]);
}

/** True when the page is wider than the window (a phone user would have to scroll sideways). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

export async function logInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: /^Password/ }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}
