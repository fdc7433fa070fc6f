import type { Browser, Page } from 'playwright-core';
import { PHONE, checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { coachedCohort } from './support/coached-cohort';
import { ADMIN, Platform } from './support/platform';

const PASSWORD = 'a password for the dark mode test';
const SCHEMES = ['dark', 'light'] as const;

/** The scheme Mantine applied to the page (an attribute on <html>). */
function appliedScheme(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
}

/** The page's own background, so "dark" means dark pixels and not just an attribute. */
async function backgroundIsDark(page: Page): Promise<boolean> {
  const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
  return (r + g + b) / 3 < 80;
}

/** Axe must judge the screen's content, not its loading state (checkScreen waits 10 s at most). */
async function check(page: Page, name: string): Promise<void> {
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 30_000 });
  await checkScreen(page, name);
}

async function expectScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  expect(await appliedScheme(page)).toBe(scheme);
  expect(await backgroundIsDark(page)).toBe(scheme === 'dark');
}

// The app follows the device's light or dark setting, and every main screen keeps WCAG AA contrast
// in both (axe's color-contrast rule is among those checkScreen runs).
describe('light and dark, as the device asks', () => {
  let platform: Platform;
  let browser: Browser;
  let cohortId: string;
  const stamp = Date.now();
  const coach = { email: `dara.${stamp}@example.com`, name: 'Dara Night' };
  const client = { email: `lumi.${stamp}@example.com`, name: 'Lumi Day' };

  beforeAll(async () => {
    platform = await Platform.start();
    browser = await launchBrowser();
    ({ cohortId } = await coachedCohort(platform, { password: PASSWORD, cohortName: `Evening Circle ${stamp}`, coach, client, activate: true }));
    // Weekly sessions, so the session rows and the client's next-session card are on screen too.
    await platform.gql(
      'mutation($i: ScheduleSeriesInput!) { scheduleSessionSeries(input: $i) { id } }',
      { i: { cohortId, title: 'Evening circle', weekdays: [1, 4], localTime: '18:30', durationMinutes: 90 } },
      await platform.logIn(coach.email, PASSWORD),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it.each(SCHEMES)('shows the public page and the login form in %s', async (scheme) => {
    const { page, context } = await newPerson(browser, platform.url, { colorScheme: scheme });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expectScheme(page, scheme);
    await check(page, `scheme-${scheme}-public`);
    await page.goto('/login');
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await expectScheme(page, scheme);
    await check(page, `scheme-${scheme}-login`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it.each(SCHEMES)("shows a client's main screens in %s", async (scheme) => {
    const { page, context } = await newPerson(browser, platform.url, { colorScheme: scheme });
    await page.goto('/login');
    await logInThroughForm(page, client.email, PASSWORD);
    await page.waitForURL('**/week');
    await expectScheme(page, scheme);
    await check(page, `scheme-${scheme}-client-week`);
    for (const path of ['/homework', '/practice', '/history', '/cohorts', '/notifications', '/settings']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(page, `scheme-${scheme}-client${path.replace('/', '-')}`);
    }
    // On a phone, with the navigation unfolded.
    await page.setViewportSize(PHONE);
    await page.goto('/week');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await check(page, `scheme-${scheme}-client-week-phone-nav`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it.each(SCHEMES)("shows a coach's main screens in %s", async (scheme) => {
    const { page, context } = await newPerson(browser, platform.url, { colorScheme: scheme });
    await page.goto('/login');
    await logInThroughForm(page, coach.email, PASSWORD);
    await page.waitForURL('**/coach');
    await expectScheme(page, scheme);
    await check(page, `scheme-${scheme}-coach-home`);
    for (const path of [`/coach/cohorts/${cohortId}`, '/coach/curriculum', '/messages']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(page, `scheme-${scheme}-coach${path.replace(/\/[0-9a-f-]{36}/, '').replaceAll('/', '-')}`);
    }
    await page.goto(`/coach/cohorts/${cohortId}`);
    for (const tab of ['Review', 'Sessions', 'Homework', 'Charts']) {
      await page.getByRole('tab', { name: tab }).click();
      await check(page, `scheme-${scheme}-coach-cohort-${tab.toLowerCase()}`);
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it.each(SCHEMES)("shows an admin's main screens in %s", async (scheme) => {
    const { page, context } = await newPerson(browser, platform.url, { colorScheme: scheme });
    await page.goto('/login');
    await logInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.waitForURL('**/admin');
    await expectScheme(page, scheme);
    await check(page, `scheme-${scheme}-admin-home`);
    for (const path of [`/admin/cohorts/${cohortId}`, '/admin/applications', '/admin/people', '/admin/invitations']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(page, `scheme-${scheme}-admin${path.replace(/\/[0-9a-f-]{36}/, '').replaceAll('/', '-')}`);
    }
    // A dialog over the page.
    await page.goto(`/admin/cohorts/${cohortId}`);
    await page.getByRole('button', { name: 'Edit cohort' }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, `scheme-${scheme}-admin-edit-cohort`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('lets a person choose light on a dark device under Settings → Appearance, kept for the next visit', async () => {
    const { page, context } = await newPerson(browser, platform.url, { colorScheme: 'dark' });
    await page.goto('/login');
    await logInThroughForm(page, client.email, PASSWORD);
    await page.waitForURL('**/week');
    await page.goto('/settings');
    const appearance = page.getByRole('radiogroup', { name: 'Appearance' });
    await appearance.waitFor();
    await appearance.getByText('Light', { exact: true }).click();
    await expectScheme(page, 'light');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expectScheme(page, 'light');
    await page.getByRole('radiogroup', { name: 'Appearance' }).getByText('Like this device').click();
    await expectScheme(page, 'dark');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
