import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { cohortWithClients } from './support/coached-cohort';
import { Platform } from './support/platform';

const PASSWORD = 'a password for the notifications test';

/**
 * Notifications read as one short line that leads to what they are about, and a session can be
 * added to a calendar on its own (an .ics file of that one event), by its client and its coach.
 */
describe('Notifications that lead somewhere', () => {
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

  it('a reply shows as one line that opens the post; the next session adds itself to a calendar', async () => {
    const stamp = Date.now();
    const cohortName = `Lines Circle ${stamp}`;
    const coach = { email: `coral.${stamp}@example.com`, name: 'Corin Coach' };
    const client = { email: `nell.${stamp}@example.com`, name: 'Nell Member' };
    const { cohortId, clientTokens } = await cohortWithClients(platform, {
      password: PASSWORD,
      cohortName,
      coach,
      clients: [client],
      startsOn: DateTime.utc().minus({ days: 3 }).toFormat('yyyy-MM-dd'),
      activate: true,
    });
    const coachToken = await platform.logIn(coach.email, PASSWORD);
    // The client posts in the circle and the coach replies: the client is told.
    const { createPost } = await platform.gql<{ createPost: { id: string } }>('mutation($c: ID!) { createPost(input: { cohortId: $c, body: "Trying the soft start-up" }) { id } }', { c: cohortId }, clientTokens[0]);
    await platform.gql('mutation($p: ID!) { replyToPost(postId: $p, body: "Lovely, keep going.") { id } }', { p: createPost.id }, coachToken);
    const startsAt = DateTime.utc().plus({ days: 2 }).set({ hour: 17, minute: 30, second: 0, millisecond: 0 }).toISO();
    const { createSession } = await platform.gql<{ createSession: { id: string } }>(
      'mutation($i: CreateSessionInput!) { createSession(input: $i) { id } }',
      { i: { cohortId, title: 'Thursday circle', startsAt, durationMinutes: 90 } },
      coachToken,
    );

    const c = await newPerson(browser, platform.url);
    await c.page.goto('/login');
    await logInThroughForm(c.page, client.email, PASSWORD);
    await c.page.waitForURL('**/week');
    await c.page.getByRole('link', { name: /^Notifications, \d+ unread/ }).click();
    const line = c.page.getByRole('link', { name: `${coach.name} replied to your post in ${cohortName}` });
    await line.waitFor();
    // A short line, not the email pasted in.
    await expect(c.page.getByText('To keep the circle private').count()).resolves.toBe(0);
    await checkScreen(c.page, 'notifications-lines');
    await line.click();
    await c.page.waitForURL(`**/circle/${cohortId}?post=${createPost.id}`);
    await c.page.getByText('Trying the soft start-up').first().waitFor();

    // This week: "Add to calendar" is that one session as an .ics file.
    await c.page.goto('/week');
    const add = c.page.getByRole('link', { name: 'Add to calendar' });
    const href = await add.getAttribute('href');
    expect(href).toMatch(new RegExp(`/calendar/sessions/${createSession.id}\\.ics\\?`));
    const file = await c.page.request.get(href as string);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toMatch(/^text\/calendar/);
    const ics = await file.text();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`UID:${createSession.id}@anchored`);
    expect(ics).toContain(`DTSTART:${DateTime.fromISO(startsAt as string).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
    await checkScreen(c.page, 'client-week-add-to-calendar');
    expect(pageErrors(c.page)).toEqual([]);

    // The coach has the same on the cohort's Sessions tab.
    const k = await newPerson(browser, platform.url);
    await k.page.goto('/login');
    await logInThroughForm(k.page, coach.email, PASSWORD);
    await k.page.waitForURL('**/coach');
    await k.page.goto(`/coach/cohorts/${cohortId}?tab=sessions`);
    const coachAdd = k.page.getByRole('link', { name: /^Add to calendar for Thursday circle on / });
    expect(await coachAdd.getAttribute('href')).toMatch(new RegExp(`/calendar/sessions/${createSession.id}\\.ics\\?`));
    await checkScreen(k.page, 'coach-sessions-add-to-calendar');
    expect(pageErrors(k.page)).toEqual([]);
  });
});
