import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { PHONE, checkScreen, launchBrowser, logInThroughForm, newPerson, overflowsHorizontally, pageErrors } from './support/browser';
import { cohortWithClients } from './support/coached-cohort';
import { Platform } from './support/platform';

/**
 * Daily check-ins in the browser (docs/check-ins.md): a client checks in on their phone from This
 * week, by keyboard, and sees their trend on My practice; the coach sees the last check-in date in
 * the progress table and the circle's weather (three other clients checked in through the API).
 */
describe('daily check-ins in the browser', () => {
  let platform: Platform;
  let browser: Browser;
  let client: Page;
  let coach: Page;
  let cohortId = '';
  const run = process.pid;
  const coachPerson = { name: 'Cass Coach', email: `cass.coach.${run}@example.com` };
  const password = 'a password for the check-in test';
  const people = ['Ana Anchored', 'Ben Breath', 'Cleo Calm', 'Dev Daily'].map((name, i) => ({ name, email: `checkin.${i}.${run}@example.com` }));

  beforeAll(async () => {
    platform = await Platform.start();
    browser = await launchBrowser();
    const startsOn = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const arranged = await cohortWithClients(platform, { password, cohortName: 'Check-in Circle', coach: coachPerson, clients: people, startsOn, activate: true });
    cohortId = arranged.cohortId;
    const tokens = arranged.clientTokens;
    // Three of the four check in through the API, so the circle has weather.
    const inputs = [
      { location: 'WITH_MYSELF', state: 'SETTLED', anchored: 8 },
      { location: 'IN_THE_FUTURE', state: 'ACTIVATED', anchored: 4 },
      { location: 'WITH_OTHERS', state: 'APPEASING', anchored: 6 },
    ];
    for (const [i, input] of inputs.entries()) {
      await platform.gql(`mutation($i: CheckInInput!) { checkIn(input: $i) { id } }`, { i: { ...input, note: `private note ${i}` } }, tokens[i + 1]);
    }
    client = (await newPerson(browser, platform.url, { viewport: PHONE })).page;
    coach = (await newPerson(browser, platform.url)).page;
  });

  afterAll(async () => {
    for (const page of [client, coach]) if (page) expect(pageErrors(page)).toEqual([]);
    await browser?.close();
    await platform?.stop();
  });

  it('a client checks in on their phone by keyboard, and sees it in My practice', async () => {
    await client.goto('/login');
    await logInThroughForm(client, people[0].email, password);
    await client.waitForURL('**/week');
    const card = client.getByRole('region', { name: 'Daily check-in' });
    await card.waitFor();
    await client.getByRole('region', { name: 'The circle’s weather' }).getByText('3 people checked in').waitFor();
    await checkScreen(client, 'check-in-card-phone');
    expect(await overflowsHorizontally(client)).toBe(false);

    await card.getByRole('radio', { name: /^With myself/ }).focus();
    await client.keyboard.press('Space');
    await card.getByRole('radio', { name: /^Shut down/ }).focus();
    await client.keyboard.press('Space');
    const slider = card.getByRole('slider');
    await slider.focus();
    for (let i = 0; i < 2; i++) await client.keyboard.press('ArrowRight');
    await expect(slider.getAttribute('aria-valuenow')).resolves.toBe('7');
    await card.getByLabel('A note for yourself (optional)').fill('Feet on the floor helped.');
    await card.getByRole('button', { name: 'Save check-in' }).focus();
    await client.keyboard.press('Enter');
    const done = client.getByRole('region', { name: 'Today’s check-in' });
    await done.getByText('You checked in today: with myself, shut down, anchored 7 of 10.').waitFor();

    await done.getByRole('link', { name: 'See my practice' }).click();
    await client.waitForURL('**/practice');
    await client.getByText(/You checked in on 1 of the last 7 days/).waitFor();
    await client.getByRole('img', { name: /Bar chart of how anchored you felt on your last 1 check-ins/ }).waitFor();
    const days = client.getByRole('table', { name: 'Your check-ins, one row per day' });
    await expect(days.innerText()).resolves.toMatch(/7\s+With myself\s+Shut down/);
    await client.getByRole('table', { name: /Program weeks with at least one check-in/ }).getByText('Week 2').waitFor();
    await checkScreen(client, 'my-practice-phone');
    expect(await overflowsHorizontally(client)).toBe(false);
  });

  it('the coach sees the last check-in date and the weather, never a note', async () => {
    await coach.goto('/login');
    await logInThroughForm(coach, coachPerson.email, password);
    await coach.waitForURL('**/coach');
    await coach.goto(`/coach/cohorts/${cohortId}`);
    const weather = coach.getByRole('region', { name: 'The circle’s weather' });
    await weather.getByText('4 people checked in').waitFor();
    const table = coach.getByRole('table', { name: /daily check-ins of each enrolled client/ });
    await table.waitFor();
    const row = table.getByRole('row', { name: /Ana Anchored/ });
    // Ana checked in today, on her (Berlin) calendar.
    await expect(row.innerText()).resolves.toContain(DateTime.now().setZone('Europe/Berlin').toFormat('d LLL yyyy'));
    await expect(coach.locator('body').innerText()).resolves.not.toMatch(/private note|Feet on the floor/);
    await checkScreen(coach, 'coach-progress-check-ins');
  });
});
