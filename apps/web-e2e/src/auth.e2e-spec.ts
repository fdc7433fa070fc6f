import type { Browser, BrowserContext } from 'playwright-core';
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
    await page.getByRole('button', { name: /Noa Newcomer\s*, account menu/ }).waitFor();
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

  it('asks for what is missing on an empty form without sending it, and drops each message once fixed', async () => {
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('logIn')) sent.push(r.url());
    });
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Enter your email address.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    await expect(page.getByText(/email or password/i).count()).resolves.toBe(0);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByText('Enter your email address.').waitFor({ state: 'detached' });
    await expect(page.getByText('Enter your password.').isVisible()).resolves.toBe(true);
    await checkScreen(page, 'login-empty-password');
    expect(sent).toEqual([]);
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
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The skip link is the first stop on every signed-in page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await context.close();
  });

  /** The refresh cookie as the browser holds it (page scripts never can). */
  const refreshCookie = async (context: BrowserContext) => (await context.cookies(`${platform.url}/graphql`)).find((c) => c.name === 'anchored_refresh');

  it('keeps the refresh token in an httpOnly SameSite=Strict cookie and renews the access token silently, in every tab', async () => {
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.waitForURL('**/admin');
    const cookie = await refreshCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql', secure: false });
    // Out of reach of scripts: neither in storage nor in document.cookie.
    const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookies: document.cookie }));
    expect(storage).not.toContain(cookie?.value.split('.')[1]);
    expect(storage).not.toContain('anchored.session');

    // The API refuses the access token once (as after 15 minutes): the app renews through the cookie and retries.
    let refused = 0;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (refused === 0 && route.request().headers()['authorization'] && !body.includes('refreshSession')) {
        refused += 1;
        await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ data: null, errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }) });
      } else await route.continue();
    });
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    expect(refused).toBe(1);
    await page.unroute('**/graphql');
    const renewed = await refreshCookie(context);
    expect(renewed?.value).toBeTruthy();
    expect(renewed?.value).not.toBe(cookie?.value);

    // A second tab (its own access token, from the same cookie) and the first go on working.
    const second = await context.newPage();
    await second.goto('/settings');
    await second.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(page.url()).toMatch(/\/admin$/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('sends a lost session to the login page and back to where the person was', async () => {
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.waitForURL('**/admin');
    // The refresh cookie is dead (the login was revoked elsewhere, or it expired); the page reloads.
    const cookie = await refreshCookie(context);
    await context.addCookies([{ ...(cookie as NonNullable<typeof cookie>), value: '00000000-0000-4000-8000-000000000000.dead' }]);
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
    const refreshToken = (await refreshCookie(context))?.value;
    expect(refreshToken).toBeTruthy();
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    // The login page, possibly remembering the page the person left (either is fine).
    await page.waitForURL(/\/login(\?next=[^&]+)?$/);
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    expect(await refreshCookie(context)).toBeUndefined();
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

  it('lists the logins in Settings, marks this device, and logs another one out', async () => {
    const email = `logins.${Date.now().toString(36)}@example.com`;
    const laptop = await newPerson(browser, platform.url);
    await laptop.page.goto('/signup');
    await laptop.page.getByLabel('Your name').fill('Lee Logins');
    await laptop.page.getByLabel('Email').fill(email);
    await laptop.page.getByRole('textbox', { name: /^Password/ }).fill('a long enough password');
    await laptop.page.getByRole('button', { name: 'Create account' }).click();
    await laptop.page.waitForURL('**/week');
    const phone = await newPerson(browser, platform.url);
    await phone.page.goto('/login');
    await logInThroughForm(phone.page, email, 'a long enough password');
    await phone.page.waitForURL('**/week');

    await laptop.page.goto('/settings');
    const section = laptop.page.getByRole('list', { name: 'Active logins' });
    await section.getByRole('listitem').nth(1).waitFor();
    expect(await section.getByRole('listitem').count()).toBe(2);
    expect(await section.getByText('This device').count()).toBe(1);
    await expect(section.getByText(/Chrome on Linux/).first().isVisible()).resolves.toBe(true);
    await checkScreen(laptop.page, 'settings-logins');

    await section.getByRole('button', { name: /^Log out/ }).click();
    await section.getByRole('listitem').nth(1).waitFor({ state: 'detached' });
    expect(await section.getByRole('listitem').count()).toBe(1);
    // The phone's login has ended at once: its next request finds it gone.
    await phone.page.goto('/settings');
    await phone.page.waitForURL(/\/login\?expired=1&next=%2Fsettings/);
    expect(pageErrors(laptop.page)).toEqual([]);
    await laptop.context.close();
    await phone.context.close();
  });
});
