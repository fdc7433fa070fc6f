import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { PHONE, checkScreen, launchBrowser, logInThroughForm, newPerson, overflowsHorizontally, pageErrors } from './support/browser';
import { coachedCohort } from './support/coached-cohort';
import { Platform } from './support/platform';

const PASSWORD = 'a password for the circle test';

/**
 * The circle, live: a client posts in their cohort's circle (keyboard only, at phone width) and the
 * coach, in another browser profile with the circle open, sees it appear without a reload; the
 * coach reacts and the client sees the count change.
 */
describe('Circle', () => {
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
      cohortName: `Harbour Circle ${stamp}`,
      coach: { email: `cleo.${stamp}@example.com`, name: 'Cleo Coach' },
      client: { email: `noor.${stamp}@example.com`, name: 'Noor Member' },
      activate: true,
    });
  }

  it('a client shares chosen answers of their submitted homework after seeing exactly what the circle will see', async () => {
    const { cohortId, client, coach } = await arrange();
    const coachToken = await platform.logIn(coach.email, PASSWORD);
    const clientToken = await platform.logIn(client.email, PASSWORD);
    const dueAt = DateTime.utc().plus({ days: 2 }).toISO();
    const { assignHomework } = await platform.gql<{ assignHomework: { id: string } }>(
      'mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { id } }',
      { i: { cohortId, templateKey: 'where-am-i-located', dueAt } },
      coachToken,
    );
    await platform.gql('mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }', {
      a: assignHomework.id,
      r: { location: 'I could not tell yet', bodySignals: 'Warm hands, slower breath', groundedness: 6, returnPractice: 'PRIVATE-RETURN-PRACTICE' },
    }, clientToken);

    const c = await newPerson(browser, platform.url, { viewport: PHONE });
    await c.page.goto('/login');
    await logInThroughForm(c.page, client.email, PASSWORD);
    await c.page.waitForURL('**/week');
    await c.page.goto(`/homework/${assignHomework.id}`);
    await c.page.getByRole('button', { name: 'Share with your circle…' }).click();
    const preview = c.page.getByText('Exactly what your circle will see:').locator('..');
    await c.page.getByRole('checkbox').first().check();
    await c.page.getByRole('radio', { name: /a member of your circle/ }).check();
    await preview.getByText('I could not tell yet').waitFor();
    await preview.getByText('A member of your circle').waitFor();
    expect(await preview.getByText('PRIVATE-RETURN-PRACTICE').count()).toBe(0);
    await checkScreen(c.page, 'circle-share-preview-phone');
    await c.page.getByRole('button', { name: 'Share these answers' }).click();
    await c.page.getByRole('link', { name: 'See it in the circle' }).click();
    await c.page.waitForURL(`**/circle/${cohortId}`);
    await c.page.getByRole('region', { name: 'Posts' }).getByText('I could not tell yet').waitFor();
    expect(await c.page.getByText('PRIVATE-RETURN-PRACTICE').count()).toBe(0);
    expect(pageErrors(c.page)).toEqual([]);
    await c.context.close();
  });

  it('a client posts; the coach sees it appear without reloading, and their reaction reaches the client', async () => {
    const { cohortId, client, coach } = await arrange();
    const c = await newPerson(browser, platform.url, { viewport: PHONE });
    const k = await newPerson(browser, platform.url);

    // The coach opens the circle first (desktop) and waits.
    await k.page.goto('/login');
    await logInThroughForm(k.page, coach.email, PASSWORD);
    await k.page.waitForURL('**/coach');
    await k.page.getByRole('link', { name: 'Circle' }).first().click();
    // The list of circles first (a lazily loaded screen): the cohort links on the page before it lead elsewhere.
    await k.page.waitForURL('**/circle');
    await k.page.getByRole('link', { name: /Harbour Circle/ }).click();
    await k.page.waitForURL(`**/circle/${cohortId}`);
    await k.page.getByRole('heading', { name: /Harbour Circle .* circle/, level: 1 }).waitFor();
    await k.page.waitForLoadState('networkidle');

    // The client writes with the keyboard only, at phone width.
    await c.page.goto('/login');
    await logInThroughForm(c.page, client.email, PASSWORD);
    await c.page.waitForURL('**/week');
    await c.page.goto(`/circle/${cohortId}`);
    const composer = c.page.getByRole('textbox', { name: 'Share with your circle' });
    await composer.waitFor();
    await checkScreen(c.page, 'circle-client-phone');
    expect(await overflowsHorizontally(c.page)).toBe(false);
    const text = 'Held a boundary with my brother today. Shaky, but I did it.';
    await composer.focus();
    await c.page.keyboard.type(text);
    await c.page.keyboard.press('Control+Enter');
    await c.page.getByRole('region', { name: 'Posts' }).getByText(text).waitFor();

    // The coach sees it live: same page, no reload.
    const before = await k.page.evaluate(() => performance.getEntriesByType('navigation').length);
    await k.page.getByRole('region', { name: 'Posts' }).getByText(text).waitFor({ timeout: 10_000 });
    expect(await k.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
    await checkScreen(k.page, 'circle-coach-desktop');

    // The coach answers with "With you"; the client's count follows live.
    await k.page.getByRole('button', { name: 'With you 0' }).first().click();
    await c.page.getByRole('button', { name: 'With you 1' }).first().waitFor({ timeout: 10_000 });

    expect(pageErrors(c.page)).toEqual([]);
    expect(pageErrors(k.page)).toEqual([]);
    await c.context.close();
    await k.context.close();
  });
});
