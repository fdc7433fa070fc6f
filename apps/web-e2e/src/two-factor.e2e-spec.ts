import type { Browser } from 'playwright-core';
import { checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { ADMIN, Platform } from './support/platform';
import { authenticatorCode } from './support/totp';

const PASSWORD = 'a coach password for two-factor';

// A coach turns on two-factor sign-in in Settings (keyboard only for the code), keeps the recovery
// codes, and the next login asks for the authenticator code.
describe('two-factor sign-in in the browser', () => {
  let platform: Platform;
  /** The same database, served with ADMIN_REQUIRE_2FA=true. */
  let strict: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await Platform.start();
    strict = await Platform.start({ env: { ADMIN_REQUIRE_2FA: 'true' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await strict?.stop();
    await platform?.stop();
  });

  /** A coach or admin, invited by the bootstrap admin (on the platform without the requirement), with a password. */
  async function staff(role: 'COACH' | 'ADMIN' = 'COACH'): Promise<string> {
    const email = `${role.toLowerCase()}.${Date.now()}@example.com`;
    const admin = await platform.logIn(ADMIN.email, ADMIN.password);
    const { inviteUser } = await platform.gql<{ inviteUser: { token: string } }>(`mutation($i: InviteInput!) { inviteUser(input: $i) { token } }`, { i: { email, role } }, admin);
    await platform.gql(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { accessToken } }`, {
      i: { token: inviteUser.token, name: role === 'COACH' ? 'Corin Coach' : 'Ada Admin', password: PASSWORD, timezone: 'Europe/Berlin' },
    });
    return email;
  }

  it('sets it up in Settings with a real authenticator code, shows the recovery codes once, and the next login asks for a code', async () => {
    const email = await staff();
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, email, PASSWORD);
    await page.waitForURL('**/coach**');
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Two-factor sign-in' });
    await section.getByText(/^Off\./).waitFor();

    await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await section.getByRole('img', { name: /QR code to add your Anchored account/ }).waitFor();
    const secret = (await section.getByTestId('two-factor-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await checkScreen(page, 'two-factor-setup');

    // A wrong code is explained at the field, and nothing changes.
    const codeField = section.getByRole('textbox', { name: /Code from your app/ });
    await expect(codeField.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type((await authenticatorCode(secret)) === '000000' ? '111111' : '000000');
    await page.keyboard.press('Enter');
    await section.getByText(/That code is not correct/).waitFor();

    // Keyboard only: the code field, then Enter.
    await codeField.fill('');
    await codeField.focus();
    await page.keyboard.type(await authenticatorCode(secret));
    await page.keyboard.press('Enter');
    const list = section.getByTestId('recovery-codes');
    await list.waitFor();
    const codes = (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expect(section.getByRole('heading', { name: 'Your recovery codes' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await checkScreen(page, 'two-factor-recovery-codes');
    const download = page.waitForEvent('download');
    await section.getByRole('button', { name: 'Download codes' }).click();
    expect((await download).suggestedFilename()).toBe('anchored-recovery-codes.txt');
    await section.getByRole('button', { name: 'I have saved them' }).click();
    await section.getByText(/^On\./).waitFor();
    await expect(section.getByTestId('recovery-codes').count()).resolves.toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    // Another device: the password, then the code.
    const other = await newPerson(browser, platform.url);
    await other.page.goto('/login');
    await logInThroughForm(other.page, email, PASSWORD);
    await other.page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    const otherCode = other.page.getByRole('textbox', { name: /Authentication code/ });
    await expect(otherCode.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await checkScreen(other.page, 'two-factor-login-code');
    await otherCode.fill('123 45');
    await other.page.getByRole('button', { name: 'Log in' }).click();
    await expect(other.page.getByRole('alert').innerText()).resolves.toMatch(/not correct or was already used/);
    // The setup used this period's code: the app's next one is what a person types a moment later.
    await otherCode.fill(await authenticatorCode(secret, 1));
    await other.page.keyboard.press('Enter');
    await other.page.waitForURL('**/coach**');
    expect(pageErrors(other.page)).toEqual([]);
    await other.context.close();

    // A recovery code works (once) in the same field.
    const third = await newPerson(browser, platform.url);
    await third.page.goto('/login');
    await logInThroughForm(third.page, email, PASSWORD);
    await third.page.getByRole('textbox', { name: /Authentication code/ }).fill(codes[0]);
    await third.page.getByRole('button', { name: 'Log in' }).click();
    await third.page.waitForURL('**/coach**');
    await third.context.close();
  });

  it('with ADMIN_REQUIRE_2FA, sends an admin without it to the setup in Settings, and opens the rest once it is on', async () => {
    const email = await staff('ADMIN');
    const { page, context } = await newPerson(browser, strict.url);
    await page.goto('/login');
    await logInThroughForm(page, email, PASSWORD);
    await page.waitForURL('**/settings?two-factor=required');
    const section = page.getByRole('region', { name: 'Two-factor sign-in' });
    await section.getByRole('alert').filter({ hasText: 'Admins must use two-factor sign-in here' }).waitFor();
    await expect(section.getByRole('heading', { name: 'Two-factor sign-in' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await checkScreen(page, 'two-factor-required-admin');

    await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = (await section.getByTestId('two-factor-secret').innerText()).trim();
    await section.getByRole('textbox', { name: /Code from your app/ }).fill(await authenticatorCode(secret));
    await section.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await section.getByTestId('recovery-codes').waitFor();
    await section.getByRole('button', { name: 'I have saved them' }).click();
    // Now the admin screens answer.
    await page.goto('/admin');
    await page.waitForURL('**/admin**');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(page.url()).not.toContain('two-factor=required');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
