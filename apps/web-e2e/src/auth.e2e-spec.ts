import type { Browser } from 'playwright-core';
import { checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { ADMIN, Platform } from './support/platform';

// Everyone: sign up, log in, keyboard-only use, lost sessions, log out.
describe('signing in and out in the browser', () => {
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

  it('signs a new client up, explaining a too-short password next to the field', async () => {
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/signup');
    await checkScreen(page, 'signup');
    await page.getByLabel('Your name').fill('Noa Newcomer');
    await page.getByLabel('Email').fill('noa@example.com');
    await page.getByRole('textbox', { name: /^Password/ }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The API refuses it; the form says why next to the password, nothing is created.
    await expect(page.getByText(/12 characters/).first().isVisible()).resolves.toBe(true);
    expect(page.url()).toContain('/signup');
    await page.getByRole('textbox', { name: /^Password/ }).fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/week');
    await expect(page.getByRole('button', { name: /Noa Newcomer\s*, account menu/ }).isVisible()).resolves.toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('says a wrong password in plain words, never raw JSON', async () => {
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await checkScreen(page, 'login');
    await logInThroughForm(page, ADMIN.email, 'not the password at all');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/email or password/i);
    expect(text).not.toMatch(/[{}]|extensions|UNAUTHENTICATED/);
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('can be used with the keyboard alone', async () => {
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await page.getByLabel('Email').focus();
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/admin');
    // The skip link is the first stop on every signed-in page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await context.close();
  });

  it('renews an expired access token silently with the refresh token', async () => {
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.waitForURL('**/admin');
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('anchored.session') ?? '{}'));
    // An access token the API no longer accepts (as after 15 minutes), with the real refresh token.
    await page.evaluate((s) => localStorage.setItem('anchored.session', JSON.stringify({ ...s, accessToken: 'expired.token.value' })), before);
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('anchored.session') ?? '{}'));
    expect(after.accessToken).not.toBe('expired.token.value');
    expect(after.refreshToken).not.toBe(before.refreshToken);
    await context.close();
  });

  it('sends a lost session to the login page and back to where the person was', async () => {
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.waitForURL('**/admin');
    // Both tokens dead (the login was revoked elsewhere, or the refresh token expired).
    await page.evaluate(() => localStorage.setItem('anchored.session', JSON.stringify({ accessToken: 'dead.access.token', refreshToken: 'dead.refresh' })));
    await page.goto('/settings');
    await page.waitForURL(/\/login\?expired=1&next=%2Fsettings/);
    await page.getByText(/session ended/i).waitFor();
    expect(page.url()).toMatch(/expired=1&next=%2Fsettings$/);
    await logInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.waitForURL('**/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await checkScreen(page, 'settings');
    await context.close();
  });

  it('logs out: the login is revoked and protected pages ask to log in again', async () => {
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.waitForURL('**/admin');
    const { refreshToken } = await page.evaluate(() => JSON.parse(localStorage.getItem('anchored.session') ?? '{}'));
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    // The login page, possibly remembering the page the person left (either is fine).
    await page.waitForURL(/\/login(\?next=[^&]+)?$/);
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('anchored.session'))).toBeNull();
    // The server forgot the refresh token too.
    const res = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($t: String) { refreshSession(refreshToken: $t) { accessToken } }', variables: { t: refreshToken } }),
    });
    expect(((await res.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    await page.goto('/admin');
    await page.waitForURL(/\/login\?next=%2Fadmin/);
    await context.close();
  });
});
