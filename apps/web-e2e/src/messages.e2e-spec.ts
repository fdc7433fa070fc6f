import type { Browser } from 'playwright-core';
import { PHONE, checkScreen, launchBrowser, logInThroughForm, newPerson, overflowsHorizontally, pageErrors } from './support/browser';
import { coachedCohort } from './support/coached-cohort';
import { Platform } from './support/platform';

const PASSWORD = 'a password for the messages test';

/**
 * Private messages, live: a client writes to their coach (keyboard only, at phone width) and the
 * coach, in another browser profile with the conversation open, sees it appear without a reload;
 * the unread badge and the notifications bell follow live too.
 */
describe('Messages', () => {
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

  function arrange() {
    const stamp = Date.now();
    return coachedCohort(platform, {
      password: PASSWORD,
      cohortName: `Messages Circle ${stamp}`,
      coach: { email: `cora.${stamp}@example.com`, name: 'Cora Coach' },
      client: { email: `milo.${stamp}@example.com`, name: 'Milo Member' },
      activate: false,
    });
  }

  it('a client messages their coach; the coach sees it arrive without reloading', async () => {
    const { cohortId, client, coach } = await arrange();
    const c = await newPerson(browser, platform.url, { viewport: PHONE });
    const k = await newPerson(browser, platform.url);

    // The client opens a conversation with their coach, keyboard only.
    await c.page.goto('/login');
    await logInThroughForm(c.page, client.email, PASSWORD);
    await c.page.waitForURL('**/week');
    await c.page.goto('/messages');
    await c.page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    const picker = c.page.getByRole('textbox', { name: 'Message your coach' });
    // The picker stays disabled until the coaches have loaded; typing before that goes nowhere.
    await picker.and(c.page.locator(':enabled')).waitFor();
    await picker.focus();
    await c.page.keyboard.type('Cora');
    await c.page.getByRole('option', { name: new RegExp(coach.name) }).waitFor();
    await c.page.keyboard.press('Enter');
    // The button is disabled (out of the tab order) until the choice has rendered.
    await c.page.locator('button:not([disabled])', { hasText: 'Open conversation' }).waitFor();
    await c.page.keyboard.press('Tab');
    await c.page.keyboard.press('Enter');
    await c.page.waitForURL('**/messages/*');
    const conversationUrl = new URL(c.page.url()).pathname;
    await c.page.getByRole('textbox', { name: 'Your message' }).waitFor();
    await checkScreen(c.page, 'messages-client-phone');
    expect(await overflowsHorizontally(c.page)).toBe(false);

    // The coach has the same conversation open in their own browser.
    await k.page.goto('/login');
    await logInThroughForm(k.page, coach.email, PASSWORD);
    await k.page.waitForURL('**/coach');
    await k.page.getByRole('link', { name: 'Messages' }).first().click();
    await k.page.getByRole('link', { name: client.name }).click();
    await k.page.waitForURL(`**${conversationUrl}`);
    await k.page.getByRole('list', { name: `Messages with ${client.name}` }).waitFor();
    await k.page.waitForLoadState('networkidle');

    // The client writes and sends with the keyboard (Ctrl+Enter).
    const text = 'Thank you for today, the exercise helped.';
    await c.page.getByRole('textbox', { name: 'Your message' }).fill(text);
    await c.page.getByRole('textbox', { name: 'Your message' }).press('Control+Enter');
    await c.page.getByRole('list', { name: `Messages with ${coach.name}` }).getByText(text).waitFor();

    // It appears for the coach live: same page, no reload.
    const before = await k.page.evaluate(() => performance.getEntriesByType('navigation').length);
    await k.page.getByRole('list', { name: `Messages with ${client.name}` }).getByText(text).waitFor({ timeout: 10_000 });
    expect(await k.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
    await checkScreen(k.page, 'messages-coach-desktop');

    // The coach answers; the client sees it live too.
    await k.page.getByRole('textbox', { name: 'Your message' }).fill('Glad to hear it. See you Thursday.');
    await k.page.getByRole('button', { name: 'Send' }).click();
    await c.page.getByText('Glad to hear it. See you Thursday.').waitFor({ timeout: 10_000 });

    // From the cohort's progress table, "Message" on the client's row opens the same conversation.
    await k.page.goto(`/coach/cohorts/${cohortId}?tab=progress`);
    await k.page.getByRole('button', { name: `Message ${client.name}` }).click();
    await k.page.waitForURL(`**${conversationUrl}`);

    expect(pageErrors(c.page)).toEqual([]);
    expect(pageErrors(k.page)).toEqual([]);
    await c.context.close();
    await k.context.close();
  });
});
