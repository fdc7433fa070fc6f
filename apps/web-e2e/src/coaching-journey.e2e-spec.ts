import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkScreen, DESKTOP, launchBrowser, logInThroughForm, newPerson, overflowsHorizontally, pageErrors, PHONE } from './support/browser';
import { ADMIN, Platform } from './support/platform';

/**
 * The whole coaching loop, by three people in three browser profiles, each in their own timezone:
 * an admin opens a cohort and invites a coach; a client applies and is accepted; the coach assigns
 * homework; the client answers with one invalid field, fixes it and sends it; the coach reviews;
 * the client reads the feedback. The tests run in order and build on each other.
 */
describe('the coaching loop in the browser', () => {
  let platform: Platform;
  let browser: Browser;
  const people: BrowserContext[] = [];
  let admin: Page;
  let coach: Page;
  let client: Page;

  const cohortName = 'Winter Interdependence Circle';
  const coachPerson = { name: 'Casey Coach', email: 'casey.coach@example.com', password: 'a coach password for e2e' };
  const clientPerson = { name: 'Robin Client', email: 'robin.client@example.com', password: 'a client password for e2e' };
  // Due in a week at 19:00 in New York (the coach's zone) = 01:00 the next day in Berlin (the client's).
  const dueNewYork = DateTime.now().setZone('America/New_York').plus({ days: 7 }).set({ hour: 19, minute: 0, second: 0, millisecond: 0 });
  const dueInBerlin = dueNewYork.setZone('Europe/Berlin');
  // The cohort (in the admin's zone, UTC) began seven days ago, whatever the day the suite runs: its
  // Tuesday/Thursday series then always has sessions that were held (attendance can be taken) and
  // sessions to come, and the client is always in week 2. Never "today": that passed only on the
  // evenings of the series' weekdays.
  const startsOn = DateTime.utc().minus({ days: 7 }).toISODate() as string;

  beforeAll(async () => {
    platform = await Platform.start();
    browser = await launchBrowser();
    const a = await newPerson(browser, platform.url, { timezoneId: 'UTC' });
    const c = await newPerson(browser, platform.url, { timezoneId: 'America/New_York' });
    const cl = await newPerson(browser, platform.url, { timezoneId: 'Europe/Berlin' });
    people.push(a.context, c.context, cl.context);
    [admin, coach, client] = [a.page, c.page, cl.page];
  });

  afterAll(async () => {
    for (const context of people) await context.close();
    await browser?.close();
    await platform?.stop();
  });

  afterEach(() => {
    // No screen may throw, whatever it shows.
    for (const page of [admin, coach, client]) expect(pageErrors(page)).toEqual([]);
  });

  it('an admin creates a cohort and opens it for applications', async () => {
    await admin.goto('/login');
    await logInThroughForm(admin, ADMIN.email, ADMIN.password);
    await admin.waitForURL('**/admin');
    await admin.getByRole('heading', { name: 'Cohorts', level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'New cohort' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New cohort' });
    await dialog.getByLabel('Name').fill(cohortName);
    await dialog.getByRole('textbox', { name: 'Capacity' }).fill('8');
    await dialog.getByLabel('Start date').fill(startsOn);
    await dialog.getByRole('button', { name: 'Create cohort' }).click();
    await admin.getByRole('heading', { name: cohortName, level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'Open enrollment' }).click();
    await admin.getByRole('button', { name: 'Start the program' }).waitFor();
    await checkScreen(admin, 'admin-cohort');
  });

  it('the admin invites a coach, who accepts in their own browser', async () => {
    await admin.getByRole('link', { name: 'Invitations' }).click();
    await admin.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    await admin.getByRole('textbox', { name: 'Email' }).fill(coachPerson.email);
    await admin.getByRole('button', { name: 'Create invitation' }).click();
    const link = await admin.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    expect(link).toMatch(new RegExp(`^${platform.url}/invite\\?token=.+`));
    await checkScreen(admin, 'admin-invitations');

    await coach.goto(link);
    await coach.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
    await coach.getByLabel('Your name').fill(coachPerson.name);
    await coach.getByRole('textbox', { name: /^Choose a password/ }).fill(coachPerson.password);
    await coach.getByRole('button', { name: 'Accept and continue' }).click();
    await coach.waitForURL('**/coach');
    await checkScreen(coach, 'coach-cohorts-empty');

    // Back to the cohort: assign the new coach.
    await admin.getByRole('link', { name: 'Cohorts' }).first().click();
    await admin.getByRole('link', { name: cohortName }).click();
    await admin.getByRole('textbox', { name: 'Assign a coach' }).click();
    await admin.getByRole('option', { name: new RegExp(coachPerson.name) }).click();
    await admin.getByRole('button', { name: 'Assign', exact: true }).click();
    await admin.getByRole('list', { name: 'Assigned coaches' }).getByText(coachPerson.name).waitFor();
  });

  it('a client signs up and applies to the cohort', async () => {
    await client.goto('/signup');
    await client.getByLabel('Your name').fill(clientPerson.name);
    await client.getByLabel('Email').fill(clientPerson.email);
    await client.getByRole('textbox', { name: /^Password/ }).fill(clientPerson.password);
    await client.getByRole('button', { name: 'Create account' }).click();
    await client.waitForURL('**/week');
    await client.getByText('You are not in a cohort yet').waitFor();
    await checkScreen(client, 'client-week-not-enrolled');

    await client.getByRole('link', { name: 'Cohorts' }).click();
    await client.getByRole('button', { name: `Apply to ${cohortName}` }).click();
    const dialog = client.getByRole('dialog', { name: `Apply to ${cohortName}` });
    await dialog.getByLabel('Why do you want to join?').fill('I want to stop managing everyone else’s moods.');
    await dialog.getByRole('button', { name: 'Send application' }).click();
    await dialog.waitFor({ state: 'detached' });
    await client.getByRole('button', { name: `Withdraw from ${cohortName}` }).waitFor();
    await checkScreen(client, 'client-cohorts');
  });

  it('the admin accepts the application from the queue', async () => {
    await admin.getByRole('link', { name: 'Applications' }).click();
    await admin.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
    await checkScreen(admin, 'admin-applications');
    await admin.getByRole('button', { name: `Accept ${clientPerson.name}` }).click();
    await admin.getByText('No applications waiting').waitFor();

    await admin.getByRole('link', { name: 'Cohorts' }).first().click();
    await admin.getByRole('progressbar', { name: '1 of 8 seats filled' }).first().waitFor();
    await checkScreen(admin, 'admin-cohorts');
    await admin.getByRole('link', { name: cohortName }).click();
    await admin.getByRole('button', { name: 'Start the program' }).waitFor();
  });

  it('a second client is waitlisted, sees their place in line, and is seated from it', async () => {
    // Arranged through the API: signing up and applying were shown in the browser above.
    const second = { name: 'Sasha Second', email: 'sasha.second@example.com', password: 'another client password' };
    const signUp = await platform.gql<{ signUp: { accessToken: string } }>(
      'mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }',
      { i: { ...second, timezone: 'Europe/Berlin' } },
    );
    const cohortId = /\/admin\/cohorts\/([^/?]+)/.exec(admin.url())?.[1];
    await platform.gql('mutation($i: ApplyInput!) { applyToCohort(input: $i) { id } }', { i: { cohortId } }, signUp.signUp.accessToken);

    await admin.reload();
    await admin.getByRole('button', { name: `Waitlist ${second.name}` }).click();
    await admin.getByRole('button', { name: `Seat ${second.name}` }).waitFor();

    const { context, page } = await newPerson(browser, platform.url, { timezoneId: 'Europe/Berlin' });
    people.push(context);
    await page.goto('/cohorts');
    await logInThroughForm(page, second.email, second.password);
    await page.waitForURL('**/cohorts');
    await page.getByText('You are number 1 on the waitlist.').waitFor();
    await checkScreen(page, 'client-waitlisted');

    await admin.getByRole('button', { name: 'Seat next in line' }).click();
    await admin.getByRole('button', { name: `Withdraw ${second.name}` }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: `Withdraw from ${cohortName}` }).waitFor();
    await expect(page.getByText(/on the waitlist/).count()).resolves.toBe(0);
    expect(pageErrors(page)).toEqual([]);

    // Seats filled: the program starts, once the admin confirms.
    await admin.getByRole('button', { name: 'Start the program' }).click();
    await admin.getByRole('dialog', { name: 'Start the program?' }).getByRole('button', { name: 'Start the program' }).click();
    await admin.getByRole('button', { name: 'Complete the cohort' }).waitFor();
  });

  it('the coach assigns homework from the curriculum', async () => {
    await coach.reload();
    await coach.getByRole('link', { name: `Open dashboard of ${cohortName}` }).click();
    await coach.getByRole('heading', { name: cohortName, level: 1 }).waitFor();
    await checkScreen(coach, 'coach-progress');
    await coach.getByRole('tab', { name: 'Homework' }).click();
    await coach.getByRole('textbox', { name: 'Template' }).click();
    await coach.getByRole('option', { name: 'Soft start-up script' }).click();
    await coach.getByLabel('Due').fill(dueNewYork.toFormat("yyyy-LL-dd'T'HH:mm"));
    await coach.getByRole('button', { name: 'Assign homework' }).click();
    await coach.getByRole('region', { name: 'Assigned homework' }).getByText('Soft start-up script').waitFor();
    await checkScreen(coach, 'coach-homework');
  });

  it('the coach schedules a weekly series and takes attendance', async () => {
    await coach.getByRole('tab', { name: 'Sessions' }).click();
    await coach.getByRole('button', { name: 'Schedule a series' }).click();
    const dialog = coach.getByRole('dialog', { name: 'Schedule a weekly series' });
    await dialog.getByLabel('Title').fill('Winter circle');
    for (const day of ['Tuesday', 'Thursday']) await dialog.getByRole('checkbox', { name: day }).check();
    await dialog.getByLabel('Time of day').fill('19:00');
    await dialog.getByLabel('Length in minutes').fill('90');
    await dialog.getByLabel('Meeting link').fill('https://meet.example.com/winter');
    await dialog.getByRole('button', { name: 'Schedule series' }).click();
    const created = await dialog.getByText(/\d+ sessions were created/).innerText();
    // Two sessions a week over the 26-week program, the first week's included.
    expect(Number(/(\d+) sessions/.exec(created)?.[1])).toBe(52);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await coach.getByRole('button', { name: /^Take attendance for Winter circle/ }).first().click();
    const attendance = coach.getByRole('dialog', { name: 'Attendance: Winter circle' });
    await attendance.getByRole('radiogroup', { name: clientPerson.name }).getByRole('radio', { name: 'Present' }).check();
    await checkScreen(coach, 'coach-attendance');
    await attendance.getByRole('button', { name: 'Save attendance' }).click();
    await attendance.waitFor({ state: 'detached' });
    await checkScreen(coach, 'coach-sessions');
    await coach.getByRole('tab', { name: 'Charts' }).click();
    await coach.getByRole('heading', { name: 'Attendance by week' }).waitFor();
    await checkScreen(coach, 'coach-charts');
  });

  it('the client answers with one invalid field, sees why next to it, fixes it and sends', async () => {
    await client.getByRole('link', { name: 'Homework' }).click();
    await client.getByRole('link', { name: 'Soft start-up script' }).click();
    await client.getByRole('heading', { name: 'Soft start-up script', level: 1 }).waitFor();
    // The due time is shown in the client's own timezone (Berlin), not the coach's (New York).
    await client.getByText(dueInBerlin.toFormat('ccc d LLL yyyy, HH:mm')).first().waitFor();
    await checkScreen(client, 'client-homework-form');

    await client.getByLabel('The situation, in neutral words').fill('My partner came home late without calling.');
    await client.getByLabel('I feel…').fill('worried');
    await client.getByLabel('I am … to care for myself').fill('taking a walk before we talk');
    // "…because…" is required and left empty: the one invalid field.
    await client.getByLabel('I would appreciate…').fill('a text when plans change');
    await client.getByRole('button', { name: 'Send my answers' }).click();
    await client.getByText('Some answers need another look').waitFor();
    // Exactly one field is marked, the one left empty.
    await expect(client.locator('[aria-invalid="true"]').count()).resolves.toBe(1);
    const because = client.getByLabel('…because…');
    expect(await because.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await because.getAttribute('aria-describedby')) ?? '';
    expect(await client.locator(describedBy.split(' ').map((id) => `#${id}`).join(', ')).allInnerTexts()).toContain('This answer is required.');
    // What was typed is still there.
    expect(await client.getByLabel('I feel…').inputValue()).toBe('worried');
    await checkScreen(client, 'client-homework-errors');

    await because.fill('I did not know whether you were safe');
    await client.getByRole('button', { name: 'Send my answers' }).click();
    await client.getByText('Sent to your coach').waitFor();
    await client.getByRole('heading', { name: 'Your answers' }).waitFor();
  });

  it('the coach reviews the submission with feedback', async () => {
    await coach.getByRole('tab', { name: 'Review' }).click();
    await coach.getByRole('button', { name: `Review ${clientPerson.name}: Soft start-up script` }).click();
    await coach.getByText('I did not know whether you were safe').waitFor();
    await coach.getByLabel('Feedback').fill('Beautifully clear request. Notice how naming the feeling first slowed you down.');
    await checkScreen(coach, 'coach-review');
    await coach.getByRole('button', { name: 'Send feedback' }).click();
    await coach.getByRole('region', { name: 'Reviewed' }).getByText(clientPerson.name).waitFor();
  });

  it('the client reads the feedback and is told about it', async () => {
    await client.reload();
    await client.getByRole('heading', { name: 'Feedback from your coach' }).waitFor();
    await client.getByText('Beautifully clear request.', { exact: false }).waitFor();
    await expect(client.getByRole('button', { name: 'Change my answers' }).count()).resolves.toBe(0);
    await checkScreen(client, 'client-feedback');
    await client.getByRole('link', { name: /Notifications, \d+ unread/ }).click();
    await client.getByText(/feedback/i).first().waitFor();
    await checkScreen(client, 'client-notifications');
    await client.getByRole('link', { name: 'Homework' }).click();
    await client.getByRole('table').getByText('Reviewed').waitFor();
    await checkScreen(client, 'client-homework-list');
    // A client who types a coach's or admin's address lands back on their own home.
    await client.goto('/admin/applications');
    await client.waitForURL('**/week');
    await client.goto('/coach');
    await client.waitForURL('**/week');
    await client.getByRole('link', { name: 'My progress' }).click();
    await client.getByRole('heading', { name: 'What you have sent' }).waitFor();
    await client.getByText('Beautifully clear request.', { exact: false }).first().waitFor();
    await checkScreen(client, 'client-progress');
    await client.getByRole('link', { name: 'This week' }).click();
    await client.getByText(/Week 2 of 26/).first().waitFor();
    // The coach's series, in the client's own timezone, with a way in and a calendar link.
    expect(await client.getByRole('link', { name: /Join session/ }).getAttribute('href')).toBe('https://meet.example.com/winter');
    expect(await client.getByRole('link', { name: 'Add to calendar' }).getAttribute('href')).toMatch(/\/calendar\/sessions\/[0-9a-f-]{36}\.ics\?u=/);
    expect(await client.getByRole('link', { name: /Subscribe in your calendar app/ }).getAttribute('href')).toMatch(/^webcal:\/\/.+\/calendar\/.+\.ics$/);
    await checkScreen(client, 'client-week');
  });

  it('the client sees that their coach read their answers, and nobody else did', async () => {
    await client.getByRole('link', { name: 'Privacy' }).click();
    await client.getByRole('heading', { name: 'Who has read my writing', level: 1 }).waitFor();
    const reads = client.getByRole('table', { name: /opened your writing/ });
    const coachRead = reads.getByRole('row').filter({ hasText: coachPerson.name }).first();
    await coachRead.waitFor();
    // Who (and as what), which homework (a link to it), and when, in the client's own format.
    await coachRead.getByText('Coach', { exact: true }).waitFor();
    expect(await coachRead.getByRole('link', { name: 'Soft start-up script' }).getAttribute('href')).toMatch(/^\/homework\/.+/);
    expect(await coachRead.locator('time').innerText()).toMatch(/^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} /);
    // Admins may not read homework here (ADMINS_READ_HOMEWORK is off): the coach is the only reader.
    const readers = await reads.locator('tbody tr').allInnerTexts();
    expect(readers.length).toBeGreaterThan(0);
    for (const row of readers) expect(row).toContain(coachPerson.name);
    await checkScreen(client, 'client-privacy');

    // At a phone's width, laid out afresh (as in the phone test below, not mid-way through a resize).
    await client.setViewportSize(PHONE);
    await client.reload();
    await reads.locator('tbody tr').first().waitFor();
    expect(await overflowsHorizontally(client)).toBe(false);
    await checkScreen(client, 'phone-client-privacy');
    await client.setViewportSize(DESKTOP);
  });

  it('the admin sees every coach change, and the enrolled client is told of a coach who joins', async () => {
    await admin.getByRole('link', { name: 'Cohorts' }).first().click();
    await admin.getByRole('link', { name: cohortName }).click();
    await admin.getByRole('heading', { name: 'Coach changes', level: 2 }).waitFor();
    const changes = admin.getByRole('table', { name: /Coaches added to and removed from this cohort/ });
    const rows = changes.locator('tbody tr');
    await rows.filter({ hasText: `Added ${coachPerson.name}` }).waitFor();
    // The one change so far, made by this admin ("You").
    expect(await rows.allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`Added ${coachPerson.name}[\\s\\S]*\\bYou\\s*$`))]);
    await checkScreen(admin, 'admin-coach-changes');

    // Removing the coach and adding them again: both are recorded, newest first.
    await admin.getByRole('button', { name: `Remove ${coachPerson.name}` }).click();
    await rows.filter({ hasText: `Removed ${coachPerson.name}` }).waitFor();
    await admin.getByRole('textbox', { name: 'Assign a coach' }).click();
    await admin.getByRole('option', { name: new RegExp(coachPerson.name) }).click();
    await admin.getByRole('button', { name: 'Assign', exact: true }).click();
    await admin.getByRole('list', { name: 'Assigned coaches' }).getByText(coachPerson.name).waitFor();
    await rows.nth(2).waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts.map((t) => /(Added|Removed) /.exec(t)?.[1])).toEqual(['Added', 'Removed', 'Added']);

    await admin.setViewportSize(PHONE);
    await admin.reload();
    await rows.nth(2).waitFor();
    expect(await overflowsHorizontally(admin)).toBe(false);
    await checkScreen(admin, 'phone-admin-coach-changes');
    await admin.setViewportSize(DESKTOP);

    // The client (enrolled now, unlike at the first assignment) hears of the coach who joined,
    // in one line that leads to the list of who read their answers.
    await client.getByRole('link', { name: /^Notifications/ }).click();
    const notice = client.getByRole('listitem').filter({ hasText: `${coachPerson.name} joined ${cohortName} as a coach` });
    await notice.getByText(/^New coach in your cohort ·/).waitFor();
    await checkScreen(client, 'client-notifications-new-coach');
    await notice.getByRole('link', { name: `${coachPerson.name} joined ${cohortName} as a coach` }).click();
    await client.getByRole('heading', { name: 'Who has read my writing', level: 1 }).waitFor();
  });

  it('the coach browses the curriculum', async () => {
    await coach.getByRole('link', { name: 'Curriculum' }).click();
    await coach.getByRole('heading', { name: 'Curriculum', level: 1 }).waitFor();
    await coach.getByRole('button', { name: /The soft start-up/ }).click();
    await coach.getByText('Soft start-up script').first().waitFor();
    await checkScreen(coach, 'coach-curriculum');
  });

  it('works on a phone: no sideways scrolling, navigation behind the menu button', async () => {
    for (const [page, name, path] of [
      [client, 'client', '/week'],
      [coach, 'coach', '/coach'],
      [admin, 'admin', '/admin'],
    ] as const) {
      await page.setViewportSize(PHONE);
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await checkScreen(page, `phone-${name}`);
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').first().waitFor();
      await checkScreen(page, `phone-${name}-menu`);
    }
  });
});
