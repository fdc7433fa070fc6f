import type { Browser } from 'playwright-core';
import { PHONE, checkScreen, launchBrowser, logInThroughForm, newPerson, overflowsHorizontally, pageErrors } from './support/browser';
import { Platform } from './support/platform';
import { TestMailbox } from '@anchored/mail/testing';

const PASSWORD = 'the password I had before';
const NEW_PASSWORD = 'a calmer new passphrase';

// Forgot password: the emailed link, followed in the browser.
describe('resetting a forgotten password in the browser', () => {
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

  it('asks for a link from the login page, follows the emailed link at phone width, and logs in with the new password', async () => {
    const email = `forgetful.${process.pid}@example.com`;
    await platform.gql('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', { i: { email, password: PASSWORD, name: 'Fran Forgetful' } });

    const { page, context } = await newPerson(browser, platform.url, { viewport: PHONE });
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/forgot-password');
    await checkScreen(page, 'forgot-password-phone');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await expect(page.getByRole('status').filter({ hasText: /If an account exists/ }).innerText()).resolves.toMatch(/we.ve sent a link/);

    const mail = await mailbox.next(email, /\/reset-password\?token=/);
    const link = /(\S+\/reset-password\?token=\S+)/.exec(mail.text)?.[1] ?? '';
    expect(link.startsWith(`${platform.url}/reset-password?token=`)).toBe(true);

    await page.goto(link);
    await checkScreen(page, 'reset-password-phone');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByLabel(/New password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('Your password is changed').waitFor();
    await page.getByRole('link', { name: 'Log in' }).click();
    await page.waitForURL('**/login');
    await logInThroughForm(page, email, NEW_PASSWORD);
    await page.waitForURL('**/week');
    expect(pageErrors(page)).toEqual([]);
    // Following a link sent to the address proved it, too.
    const token = await platform.logIn(email, NEW_PASSWORD);
    await expect(platform.gql('{ me { emailVerified } }', {}, token)).resolves.toEqual({ me: { emailVerified: true } });
    await context.close();

    // The link works once.
    const again = await newPerson(browser, platform.url);
    await again.page.goto(link);
    await again.page.getByLabel(/New password/).fill('one more different passphrase');
    await again.page.getByRole('button', { name: 'Save new password' }).click();
    await expect(again.page.getByRole('alert').innerText()).resolves.toMatch(/already used/);
    await again.context.close();
  });
});
