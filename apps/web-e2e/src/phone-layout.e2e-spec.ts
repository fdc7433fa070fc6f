import { DateTime } from 'luxon';
import type { Browser, Locator, Page } from 'playwright-core';
import { PHONE, checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { coachedCohort, type Person } from './support/coached-cohort';
import { ADMIN, Platform } from './support/platform';

const PASSWORD = 'a password for the phone layout test';

/**
 * On a 390 px phone, every list screen shows its statuses and actions on screen, whole, without
 * scrolling sideways: the client's homework, the coach's progress (reach-out flags) and sessions,
 * the admin's waitlist and enrolled clients, and the notifications.
 */
describe('Phone layout', () => {
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

  /**
   * What is wrong with how a control or status shows on the phone: not visible, (partly) outside the
   * 390 px without scrolling sideways, or cut off inside ("WITHD…", "Mar"). Empty when it is whole.
   */
  async function problemsOf(locator: Locator, what: string): Promise<string[]> {
    await locator.waitFor({ state: 'visible' });
    const box = await locator.boundingBox();
    const problems: string[] = [];
    if (!box || box.x < 0 || box.x + box.width > PHONE.width + 0.5) problems.push(`${what}: outside the screen (${box ? `x ${Math.round(box.x)}–${Math.round(box.x + box.width)}` : 'no box'})`);
    const clipped = await locator.evaluate((el) =>
      [el, ...Array.from(el.querySelectorAll('*'))]
        .filter((e) => getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1)
        .map((e) => `"${(e.textContent ?? '').trim()}" shown in ${e.clientWidth} of ${e.scrollWidth} px`),
    );
    for (const c of clipped) problems.push(`${what}: cut off, ${c}`);
    return problems;
  }

  /** Every named control or status whole, and the document no wider than the phone. */
  async function expectPhoneScreen(page: Page, screen: string, controls: [Locator, string][]): Promise<void> {
    const problems: string[] = [];
    for (const [locator, what] of controls) problems.push(...(await problemsOf(locator, what)));
    // The header keeps the bell and the account menu on its one row.
    const header = await page.locator('header').first().boundingBox();
    for (const [locator, what] of [
      [page.getByRole('link', { name: /^Notifications/ }), 'notifications bell'],
      [page.getByRole('button', { name: /account menu$/ }), 'account menu'],
    ] as const) {
      // (A long name may end in "…" here: the menu says who it is.)
      const box = await locator.boundingBox();
      if (!box || box.x < 0 || box.x + box.width > PHONE.width + 0.5) problems.push(`${what}: outside the screen`);
      if (!header || !box || box.y + box.height > header.y + header.height + 0.5) problems.push(`${what}: below the header`);
    }
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    if (widths.scroll > widths.client) problems.push(`the page scrolls sideways (${widths.scroll} px wide in ${widths.client})`);
    expect({ screen, problems }).toEqual({ screen, problems: [] });
  }

  async function phoneOf(person: Person | { email: string; password: string }, home: string): Promise<Page> {
    const { page } = await newPerson(browser, platform.url, { viewport: PHONE });
    await page.goto('/login');
    await logInThroughForm(page, person.email, 'password' in person ? person.password : PASSWORD);
    await page.waitForURL(`**${home}`);
    return page;
  }

  it('shows statuses and actions whole on every list screen at 390 px', async () => {
    const stamp = Date.now();
    const { cohortId, coach, client } = await coachedCohort(platform, {
      password: PASSWORD,
      cohortName: `Phone Circle ${stamp}`,
      coach: { email: `pia.${stamp}@example.com`, name: 'Pia Coach' },
      client: { email: `oskar.${stamp}@example.com`, name: 'Oskar Member' },
    });
    const admin = await platform.logIn(ADMIN.email, ADMIN.password);
    // Three more clients: one waits for a seat, one was enrolled and then withdrawn, one has just applied.
    const others: Record<string, string> = {};
    for (const name of ['Wanda Waiting', 'Walter Withdrawn', 'Ada Applying']) {
      const email = `${name.split(' ')[0]?.toLowerCase()}.${stamp}@example.com`;
      const { signUp } = await platform.gql<{ signUp: { accessToken: string } }>('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
        i: { email, password: PASSWORD, name, timezone: 'Europe/Berlin' },
      });
      const { applyToCohort } = await platform.gql<{ applyToCohort: { id: string } }>('mutation($c: ID!) { applyToCohort(input: { cohortId: $c }) { id } }', { c: cohortId }, signUp.accessToken);
      others[name] = applyToCohort.id;
    }
    await platform.gql('mutation($e: ID!) { decideApplication(enrollmentId: $e, decision: WAITLIST) { id } }', { e: others['Wanda Waiting'] }, admin);
    await platform.gql('mutation($e: ID!) { decideApplication(enrollmentId: $e, decision: ACCEPT) { id } }', { e: others['Walter Withdrawn'] }, admin);
    await platform.gql('mutation($e: ID!) { withdrawEnrollment(enrollmentId: $e) { id } }', { e: others['Walter Withdrawn'] }, admin);
    await platform.gql('mutation($c: ID!) { setCohortStatus(cohortId: $c, status: ACTIVE) { id } }', { c: cohortId }, admin);
    const invited = `nadia.${stamp}@example.com`;
    await platform.gql('mutation($i: InviteInput!) { inviteUser(input: $i) { token } }', { i: { email: invited, role: 'COACH' } }, admin);

    // The coach: homework to do, two held sessions the client missed (reach-out flags), one to come.
    const coachToken = await platform.logIn(coach.email, PASSWORD);
    await platform.gql(
      'mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { id } }',
      { i: { cohortId, templateKey: 'where-am-i-located', dueAt: DateTime.utc().plus({ days: 4 }).toISO() } },
      coachToken,
    );
    const session = (title: string, startsAt: DateTime) =>
      platform.gql<{ createSession: { id: string } }>(
        'mutation($i: CreateSessionInput!) { createSession(input: $i) { id } }',
        { i: { cohortId, title, startsAt: startsAt.toISO(), durationMinutes: 90 } },
        coachToken,
      );
    const { clientId } = await platform
      .gql<{ cohort: { enrollments: { status: string; client: { id: string; name: string } }[] } }>('query($c: ID!) { cohort(id: $c) { enrollments { status client { id name } } } }', { c: cohortId }, coachToken)
      .then((d) => ({ clientId: d.cohort.enrollments.find((e) => e.client.name === client.name)?.client.id }));
    for (const daysAgo of [2, 1]) {
      const { createSession } = await session(`Held circle ${daysAgo}`, DateTime.utc().minus({ days: daysAgo }));
      await platform.gql('mutation($s: ID!, $c: ID!) { recordAttendance(sessionId: $s, clientId: $c, status: ABSENT) { status } }', { s: createSession.id, c: clientId }, coachToken);
    }
    await session('Coming circle', DateTime.utc().plus({ days: 2 }));

    // The client's homework list: the status next to each homework.
    const c = await phoneOf(client, '/week');
    await c.goto('/homework');
    await c.getByRole('link', { name: 'Where am I located right now?' }).waitFor();
    await checkScreen(c, 'phone-client-homework');
    await expectPhoneScreen(c, 'client homework', [
      [c.getByRole('link', { name: 'Where am I located right now?' }), 'homework title'],
      [c.getByText('To do', { exact: true }), 'homework status'],
    ]);

    // The client's notifications: "Mark read" whole.
    await c.goto('/notifications');
    await c.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await checkScreen(c, 'phone-notifications');
    await expectPhoneScreen(c, 'notifications', [[c.getByRole('button', { name: /^Mark read/ }).first(), 'Mark read']]);
    expect(pageErrors(c)).toEqual([]);

    // The coach's progress: the reach-out flags.
    const k = await phoneOf(coach, '/coach');
    await k.goto(`/coach/cohorts/${cohortId}`);
    await k.getByText('Reach out: Missed the last 2 sessions').waitFor();
    await checkScreen(k, 'phone-coach-progress');
    await expectPhoneScreen(k, 'coach progress', [
      [k.getByText('Reach out: Missed the last 2 sessions'), 'reach-out: missed sessions'],
      [k.getByText(/^Reach out: Attendance/), 'reach-out: attendance'],
    ]);

    // The coach's sessions: attendance for the held ones, reschedule and cancel for the coming one.
    await k.getByRole('tab', { name: 'Sessions' }).click();
    await k.getByRole('button', { name: /^Reschedule Coming circle/ }).waitFor();
    await checkScreen(k, 'phone-coach-sessions');
    await expectPhoneScreen(k, 'coach sessions', [
      [k.getByRole('button', { name: /^Reschedule Coming circle/ }), 'Reschedule'],
      [k.getByRole('button', { name: /^Cancel Coming circle/ }), 'Cancel'],
      [k.getByRole('button', { name: /^Edit Coming circle/ }), 'Edit session'],
      [k.getByRole('button', { name: /^Take attendance for Held circle 1/ }), 'Take attendance'],
      [k.getByText('Scheduled', { exact: true }).first(), 'session status'],
    ]);

    // The coach's homework: how many sent each one in.
    await k.getByRole('tab', { name: 'Homework' }).click();
    await k.getByText('0 of 1 submitted').waitFor();
    await checkScreen(k, 'phone-coach-homework');
    await expectPhoneScreen(k, 'coach homework', [
      [k.getByText('0 of 1 submitted'), 'submitted count'],
      [k.getByRole('button', { name: 'Edit Where am I located right now?' }), 'Edit homework'],
      [k.getByRole('button', { name: 'Delete Where am I located right now?' }), 'Delete homework'],
    ]);
    expect(pageErrors(k)).toEqual([]);

    // The admin's cohort: seat from the waitlist, withdraw an enrolled client, past decisions' statuses.
    const a = await phoneOf(ADMIN, '/admin');
    await a.goto(`/admin/cohorts/${cohortId}`);
    await a.getByRole('button', { name: 'Seat Wanda Waiting' }).waitFor();
    await checkScreen(a, 'phone-admin-cohort');
    await expectPhoneScreen(a, 'admin cohort', [
      [a.getByRole('button', { name: 'Seat Wanda Waiting' }), 'Seat'],
      [a.getByRole('button', { name: `Withdraw ${client.name}` }), 'Withdraw'],
      [a.getByText('Withdrawn', { exact: true }), 'withdrawn status'],
      [a.getByText('Active', { exact: true }), 'cohort status'],
      [a.getByRole('button', { name: 'Accept Ada Applying' }), 'Accept'],
      [a.getByRole('button', { name: 'Waitlist Ada Applying' }), 'Waitlist'],
      [a.getByRole('button', { name: 'Reject Ada Applying' }), 'Reject'],
    ]);

    // The admin's applications: the decisions for each.
    await a.goto('/admin/applications');
    await a.getByRole('button', { name: 'Accept Ada Applying' }).waitFor();
    await checkScreen(a, 'phone-admin-applications');
    await expectPhoneScreen(a, 'admin applications', [
      [a.getByRole('checkbox', { name: 'Select Ada Applying' }), 'Select'],
      [a.getByRole('button', { name: 'Accept Ada Applying' }), 'Accept'],
      [a.getByRole('button', { name: 'Waitlist Ada Applying' }), 'Waitlist'],
      [a.getByRole('button', { name: 'Reject Ada Applying' }), 'Reject'],
    ]);

    // The admin's pending invitations: resend and revoke.
    await a.goto('/admin/invitations');
    await a.getByRole('button', { name: `Revoke the invitation for ${invited}` }).waitFor();
    await checkScreen(a, 'phone-admin-invitations');
    await expectPhoneScreen(a, 'admin invitations', [
      [a.getByRole('button', { name: `Resend the invitation for ${invited}` }), 'Resend'],
      [a.getByRole('button', { name: `Revoke the invitation for ${invited}` }), 'Revoke'],
      [a.getByText('Waiting', { exact: true }), 'invitation status'],
    ]);
    expect(pageErrors(a)).toEqual([]);
  });
});
