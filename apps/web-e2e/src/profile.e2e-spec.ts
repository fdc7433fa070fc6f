import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { ADMIN, Platform } from './support/platform';

const PASSWORD = 'a password for the profile test';
const NEW_PASSWORD = 'my new and longer passphrase';

/** A time as the web app shows it, in a given zone (the zone's abbreviation aside). */
const shownAt = (iso: string, zone: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm');

// A person edits their own profile in Settings: the header and every time on screen follow at once.
describe('profile and password in Settings', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await Platform.start();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  /** A client in Berlin with one notification (their application accepted), at a time we know. */
  async function clientWithANotification(): Promise<{ email: string; createdAt: string }> {
    const email = `noa.${Date.now()}@example.com`;
    const { signUp } = await platform.gql<{ signUp: { accessToken: string } }>(
      'mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }',
      { i: { email, password: PASSWORD, name: 'Noa Newcomer', timezone: 'Europe/Berlin' } },
    );
    const admin = await platform.logIn(ADMIN.email, ADMIN.password);
    const startsOn = DateTime.utc().plus({ days: 30 }).toFormat('yyyy-MM-dd');
    const { createCohort } = await platform.gql<{ createCohort: { id: string } }>(
      'mutation($i: CreateCohortInput!) { createCohort(input: $i) { id } }',
      { i: { name: `Profile Circle ${Date.now()}`, startsOn, timezone: 'Europe/Berlin', capacity: 5 } },
      admin,
    );
    await platform.gql('mutation($c: ID!) { setCohortStatus(cohortId: $c, status: ENROLLING) { id } }', { c: createCohort.id }, admin);
    const { applyToCohort } = await platform.gql<{ applyToCohort: { id: string } }>(
      'mutation($c: ID!) { applyToCohort(input: { cohortId: $c }) { id } }',
      { c: createCohort.id },
      signUp.accessToken,
    );
    await platform.gql('mutation($e: ID!) { decideApplication(enrollmentId: $e, decision: ACCEPT) { id } }', { e: applyToCohort.id }, admin);
    const { myNotifications } = await platform.gql<{ myNotifications: { createdAt: string }[] }>('{ myNotifications { createdAt } }', {}, signUp.accessToken);
    return { email, createdAt: myNotifications[0].createdAt };
  }

  it('changes name and timezone: the header and the times on screen follow without a reload', async () => {
    const { email, createdAt } = await clientWithANotification();
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, email, PASSWORD);
    await page.waitForURL('**/week');

    await page.getByRole('link', { name: /^Notifications/ }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.getByText(shownAt(createdAt, 'Europe/Berlin')).first().waitFor();

    // The header's account menu names the person, their role and their zone.
    await page.getByRole('button', { name: /Noa Newcomer\s*, account menu/ }).click();
    await page.getByText('Client · Europe/Berlin').waitFor();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    await checkScreen(page, 'settings-profile');

    // An invisible-only name is refused next to the field, and nothing changes.
    await page.getByLabel('Your name').fill('\u200B\u3164');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Must contain visible characters').waitFor();
    await expect(page.getByRole('button', { name: /Noa Newcomer\s*, account menu/ }).isVisible()).resolves.toBe(true);

    await page.getByLabel('Your name').fill('Noa Tanaka');
    await page.getByLabel('Your timezone').selectOption('Asia/Tokyo');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    // The header (and the Settings page itself) show the new name and zone at once.
    await page.getByText(/Times are shown in Asia\/Tokyo/).waitFor();
    await page.getByRole('button', { name: /Noa Tanaka\s*, account menu/ }).click();
    await page.getByText('Client · Asia/Tokyo').waitFor();
    await page.keyboard.press('Escape');

    // Times elsewhere are now read on the Tokyo clock (eight hours ahead of Berlin in any season).
    await page.getByRole('link', { name: /^Notifications/ }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.getByText(shownAt(createdAt, 'Asia/Tokyo')).first().waitFor();
    await expect(page.getByText(shownAt(createdAt, 'Europe/Berlin')).count()).resolves.toBe(0);

    // And it was saved: a fresh load says the same.
    await page.reload();
    await page.getByRole('button', { name: /Noa Tanaka\s*, account menu/ }).click();
    await page.getByText('Client · Asia/Tokyo').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('changes the password with the current one; a wrong current one is explained next to the field', async () => {
    const { email } = await clientWithANotification();
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, email, PASSWORD);
    await page.waitForURL('**/week');
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Change password' }).waitFor();
    // Settings has other forms asking for the current password (email change, account deletion).
    const form = page.getByRole('form', { name: 'Change password' });

    await form.getByLabel('Current password').fill('this is not my password');
    await form.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your current password is not correct.').waitFor();

    await form.getByLabel('Current password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Other logins were ended.').waitFor();
    await checkScreen(page, 'settings-password');
    await context.close();

    // Only the new password logs in now.
    const other = await newPerson(browser, platform.url);
    await other.page.goto('/login');
    await logInThroughForm(other.page, email, PASSWORD);
    await other.page.getByRole('alert').waitFor();
    await logInThroughForm(other.page, email, NEW_PASSWORD);
    await other.page.waitForURL('**/week');
    await other.context.close();
  });
});
