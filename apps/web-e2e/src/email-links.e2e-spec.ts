import type { Browser } from 'playwright-core';
import { TestMailbox } from '@anchored/mail/testing';
import { checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { Platform } from './support/platform';

const PASSWORD = 'a password for the email tests';

/** The one link in an email to `address` whose path is /verify-email. */
async function verifyLink(mailbox: TestMailbox, address: string, subject: RegExp): Promise<string> {
  const mail = await mailbox.next(address, /\/verify-email\?token=/);
  expect(mail.subject).toMatch(subject);
  return /(\S+\/verify-email\?token=\S+)/.exec(mail.text)?.[1] ?? '';
}

// The emailed links of issue 12, followed in the browser: the sign-up verification and an email change.
describe('email links in the browser', () => {
  let mailbox: TestMailbox;
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    mailbox = await TestMailbox.start();
    platform = await Platform.start({ smtpUrl: mailbox.url });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await mailbox?.close();
  });

  it('verifies the address of a new account: the banner asks, the emailed link confirms with one click, the banner goes', async () => {
    const email = `vera.${Date.now()}@example.com`;
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Vera Verify');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('textbox', { name: /^Password/ }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/week');
    const banner = page.getByRole('region', { name: 'Confirm your email address' });
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toContain(email);

    const link = await verifyLink(mailbox, email, /confirm your email address/i);
    expect(link.startsWith(`${platform.url}/verify-email?token=`)).toBe(true);
    await page.goto(link);
    await checkScreen(page, 'verify-email');
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.getByRole('status').filter({ hasText: 'Your email address is confirmed.' }).waitFor();
    await page.getByRole('link', { name: 'Continue to Anchored' }).click();
    await page.waitForURL('**/week');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(page.getByRole('region', { name: 'Confirm your email address' }).count()).resolves.toBe(0);
    const token = await platform.logIn(email, PASSWORD);
    await expect(platform.gql('{ me { emailVerified } }', {}, token)).resolves.toEqual({ me: { emailVerified: true } });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('changes the address: a link to the new one, a notice for the old one, and Settings shows the new address once it is followed', async () => {
    const oldEmail = `olga.${Date.now()}@example.com`;
    const newEmail = `olga.moved.${Date.now()}@example.com`;
    await platform.gql('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', { i: { email: oldEmail, password: PASSWORD, name: 'Olga Old', timezone: 'Europe/Berlin' } });

    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, oldEmail, PASSWORD);
    await page.waitForURL('**/week');
    await page.goto('/settings');
    const section = page.getByRole('form', { name: 'Email address' });
    await section.getByLabel('New email address').fill(newEmail);
    await section.getByRole('textbox', { name: /Current password/ }).fill(PASSWORD);
    await section.getByRole('button', { name: 'Send a link to the new address' }).click();
    await section.getByRole('status').filter({ hasText: `Link sent to ${newEmail}` }).waitFor();
    // Nothing changes until the link is followed.
    await expect(page.getByText(`Signed in as ${oldEmail}.`).count()).resolves.toBe(1);

    // The link goes to the new address only; the old one is told, as a SECURITY notice (in the
    // app at once, and by email through the worker, which these browser tests do not start).
    const link = await verifyLink(mailbox, newEmail, /confirm your new email address/i);
    // (The old address only ever got its own sign-up verification link.)
    await mailbox.next(oldEmail, /\/verify-email\?token=/);
    expect(mailbox.to(oldEmail).map((m) => m.subject)).toEqual(['Please confirm your email address']);
    const before = await platform.logIn(oldEmail, PASSWORD);
    const { myNotifications } = await platform.gql<{ myNotifications: { kind: string; subject: string; body: string }[] }>('{ myNotifications { kind subject body } }', {}, before);
    const notice = myNotifications.find((n) => n.kind === 'SECURITY');
    expect(notice?.subject).toBe('A new email address was requested for your account');
    expect(notice?.body).toContain(newEmail);
    expect(notice?.body).not.toContain('token=');

    await page.goto(link);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.getByRole('status').filter({ hasText: 'Your email address is confirmed.' }).waitFor();
    await page.goto('/settings');
    await page.getByText(`Signed in as ${newEmail}.`).waitFor();
    await checkScreen(page, 'settings-after-email-change');
    // The new address logs in; the old one no longer does.
    await expect(platform.logIn(newEmail, PASSWORD)).resolves.toBeTruthy();
    await expect(platform.logIn(oldEmail, PASSWORD)).rejects.toThrow(/UNAUTHENTICATED/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
