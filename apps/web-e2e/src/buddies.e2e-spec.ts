import type { Browser, Page } from 'playwright-core';
import { PHONE, checkScreen, launchBrowser, logInThroughForm, newPerson, overflowsHorizontally, pageErrors } from './support/browser';
import { cohortWithClients } from './support/coached-cohort';
import { Platform } from './support/platform';

/**
 * Buddies in the browser (docs/buddies.md): the coach previews the pairing of a cohort of three
 * (Berlin, Paris, Tokyo: one trio), confirms it by keyboard, and a client sees their buddy card at
 * phone width and turns on sharing their weather.
 */
describe('buddies in the browser', () => {
  let platform: Platform;
  let browser: Browser;
  let coach: Page;
  let client: Page;
  let cohortId = '';
  const run = process.pid;
  const coachPerson = { name: 'Bea Coach', email: `bea.coach.${run}@example.com` };
  const clients = [
    { name: 'Ada Berlin', email: `ada.${run}@example.com`, timezone: 'Europe/Berlin' },
    { name: 'Paul Paris', email: `paul.${run}@example.com`, timezone: 'Europe/Paris' },
    { name: 'Toko Tokyo', email: `toko.${run}@example.com`, timezone: 'Asia/Tokyo' },
  ];
  const password = 'a password for the buddies test';

  beforeAll(async () => {
    platform = await Platform.start();
    browser = await launchBrowser();
    const today = new Date().toISOString().slice(0, 10);
    ({ cohortId } = await cohortWithClients(platform, { password, cohortName: 'Buddy Circle', coach: coachPerson, clients, startsOn: today, activate: true }));
    coach = (await newPerson(browser, platform.url)).page;
    client = (await newPerson(browser, platform.url, { viewport: PHONE })).page;
  });

  afterAll(async () => {
    for (const page of [coach, client]) if (page) expect(pageErrors(page)).toEqual([]);
    await browser?.close();
    await platform?.stop();
  });

  it('the coach previews the pairing with each group’s shared waking hours, then confirms it by keyboard', async () => {
    await coach.goto('/login');
    await logInThroughForm(coach, coachPerson.email, password);
    await coach.waitForURL('**/coach');
    await coach.goto(`/coach/cohorts/${cohortId}`);
    await coach.getByRole('link', { name: 'Buddies' }).click();
    await coach.waitForURL(`**/coach/cohorts/${cohortId}/buddies`);
    await coach.getByText('This cohort has not been paired yet.').waitFor();
    await coach.getByRole('button', { name: 'Preview pairs' }).focus();
    await coach.keyboard.press('Enter');
    const proposed = coach.getByRole('table', { name: 'Proposed pairs' });
    await proposed.waitFor();
    // Three clients: one trio; Berlin, Paris and Tokyo are all awake for a few hours.
    await expect(proposed.getByRole('row').count()).resolves.toBe(2);
    await expect(proposed.innerText()).resolves.toMatch(/Ada Berlin.*Paul Paris.*Toko Tokyo[\s\S]*\d+ h/);
    await checkScreen(coach, 'buddies-preview');
    await coach.getByRole('button', { name: 'Confirm pairing' }).focus();
    await coach.keyboard.press('Enter');
    await coach.getByText('Buddies paired.').waitFor();
    const current = coach.getByRole('region', { name: 'Current pairing' });
    await current.getByText('Toko Tokyo', { exact: false }).waitFor();
  });

  it('a client sees their buddy card at phone width and shares their weather', async () => {
    await client.goto('/login');
    await logInThroughForm(client, clients[0].email, password);
    await client.waitForURL('**/week');
    await client.goto('/cohorts');
    await client.getByRole('link', { name: 'My buddy in Buddy Circle' }).click();
    await client.waitForURL(`**/cohorts/${cohortId}/buddy`);
    const card = client.getByRole('region', { name: 'Your buddy' });
    await card.getByText('Paul Paris and Toko Tokyo').waitFor();
    // The pairing opened a conversation with each buddy: the card links to it.
    await card.getByRole('link', { name: 'Message Paul Paris' }).waitFor();
    await card.getByRole('link', { name: 'Message Toko Tokyo' }).waitFor();
    await checkScreen(client, 'buddy-card-phone');
    expect(await overflowsHorizontally(client)).toBe(false);
    const share = client.getByRole('switch', { name: 'Share my daily weather with my buddy' });
    await share.focus();
    await client.keyboard.press('Space');
    // Saved: the switch follows the API's answer, and is still on after a reload.
    await client.getByRole('switch', { name: 'Share my daily weather with my buddy', checked: true }).waitFor();
    await client.reload();
    await client.getByRole('switch', { name: 'Share my daily weather with my buddy', checked: true }).waitFor();
  });
});
