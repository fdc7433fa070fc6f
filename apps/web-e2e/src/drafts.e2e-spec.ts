import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { ADMIN, Platform } from './support/platform';

const PASSWORD = 'a password for the drafts test';

// Nothing typed is lost: a client's half-written answer and a coach's unsent feedback survive
// leaving the page, closing the dialog, and moving to another device.
describe('drafts in the browser', () => {
  let platform: Platform;
  let browser: Browser;
  let assignmentId: string;
  let cohortId: string;
  const client = { email: `dana.${Date.now()}@example.com`, name: 'Dana Drafts' };
  const coach = { email: `cass.${Date.now()}@example.com`, name: 'Cass Coach' };

  beforeAll(async () => {
    platform = await Platform.start();
    browser = await launchBrowser();
    const admin = await platform.logIn(ADMIN.email, ADMIN.password);
    const { inviteUser } = await platform.gql<{ inviteUser: { token: string } }>('mutation($i: InviteInput!) { inviteUser(input: $i) { token } }', { i: { email: coach.email, role: 'COACH' } }, admin);
    const { acceptInvitation } = await platform.gql<{ acceptInvitation: { accessToken: string; user: { id: string } } }>(
      'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { accessToken user { id } } }',
      { i: { token: inviteUser.token, name: coach.name, password: PASSWORD } },
    );
    const { signUp } = await platform.gql<{ signUp: { accessToken: string } }>('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
      i: { email: client.email, password: PASSWORD, name: client.name, timezone: 'Europe/Berlin' },
    });
    const startsOn = DateTime.utc().minus({ days: 7 }).toISODate();
    const { createCohort } = await platform.gql<{ createCohort: { id: string } }>(
      'mutation($i: CreateCohortInput!) { createCohort(input: $i) { id } }',
      { i: { name: `Draft Circle ${Date.now()}`, startsOn, timezone: 'UTC', capacity: 4 } },
      admin,
    );
    cohortId = createCohort.id;
    await platform.gql('mutation($c: ID!, $u: ID!) { assignCoach(cohortId: $c, coachId: $u) { id } }', { c: cohortId, u: acceptInvitation.user.id }, admin);
    await platform.gql('mutation($c: ID!) { setCohortStatus(cohortId: $c, status: ENROLLING) { id } }', { c: cohortId }, admin);
    const { applyToCohort } = await platform.gql<{ applyToCohort: { id: string } }>('mutation($c: ID!) { applyToCohort(input: { cohortId: $c }) { id } }', { c: cohortId }, signUp.accessToken);
    await platform.gql('mutation($e: ID!) { decideApplication(enrollmentId: $e, decision: ACCEPT) { id } }', { e: applyToCohort.id }, admin);
    await platform.gql('mutation($c: ID!) { setCohortStatus(cohortId: $c, status: ACTIVE) { id } }', { c: cohortId }, admin);
    const { assignHomework } = await platform.gql<{ assignHomework: { id: string } }>(
      'mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { id } }',
      { i: { cohortId, templateKey: 'where-am-i-located', dueAt: DateTime.utc().plus({ days: 5 }).toISO() } },
      acceptInvitation.accessToken,
    );
    assignmentId = assignHomework.id;
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('keeps a half-written answer when the client leaves, and gives it back on another device until they discard it', async () => {
    const laptop = await newPerson(browser, platform.url);
    await laptop.page.goto('/login');
    await logInThroughForm(laptop.page, client.email, PASSWORD);
    await laptop.page.waitForURL('**/week');
    await laptop.page.goto(`/homework/${assignmentId}`);
    await laptop.page.getByLabel('What I noticed in my body').fill('A tight jaw, then a long breath out');
    await laptop.page.getByText(/^Draft saved at \d\d:\d\d$/).waitFor();
    // Leave mid-answer.
    await laptop.page.goto('/week');
    await laptop.context.close();

    const phone = await newPerson(browser, platform.url, { viewport: { width: 390, height: 844 } });
    await phone.page.goto('/login');
    await logInThroughForm(phone.page, client.email, PASSWORD);
    await phone.page.waitForURL('**/week');
    await phone.page.goto(`/homework/${assignmentId}`);
    await phone.page.getByText('Your unsent answers are back').waitFor();
    await expect(phone.page.getByLabel('What I noticed in my body').inputValue()).resolves.toBe('A tight jaw, then a long breath out');
    await checkScreen(phone.page, 'homework-draft-restored-phone');

    // Discarding asks first; keeping changes nothing.
    await phone.page.getByRole('button', { name: 'Discard draft' }).click();
    const confirm = phone.page.getByRole('dialog', { name: 'Discard your unsent answers?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(phone.page.getByLabel('What I noticed in my body').inputValue()).resolves.toBe('A tight jaw, then a long breath out');
    await phone.page.getByRole('button', { name: 'Discard draft' }).click();
    await confirm.getByRole('button', { name: 'Discard draft' }).click();
    await phone.page.getByText('Your unsent answers are back').waitFor({ state: 'detached' });
    await expect(phone.page.getByLabel('What I noticed in my body').inputValue()).resolves.toBe('');
    expect(pageErrors(phone.page)).toEqual([]);
    await phone.context.close();
  });

  it('keeps a coach’s unsent feedback through Escape, and shows which answers have one', async () => {
    const token = await platform.logIn(client.email, PASSWORD);
    await platform.gql('mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }', {
      a: assignmentId,
      r: { location: 'I could not tell yet', groundedness: 4, returnPractice: 'Feet on the floor.' },
    }, token);

    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, coach.email, PASSWORD);
    await page.waitForURL('**/coach');
    await page.goto(`/coach/cohorts/${cohortId}?tab=review`);
    await page.getByRole('button', { name: new RegExp(`^Review ${client.name}`) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Feedback').fill('You caught the jaw before the story started. That is the practice.');
    await dialog.getByText(/^Draft saved at \d\d:\d\d$/).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Draft feedback').waitFor();

    await page.reload();
    await page.getByRole('button', { name: new RegExp(`^Review ${client.name}`) }).click();
    await expect(page.getByRole('dialog').getByLabel('Feedback').inputValue()).resolves.toBe('You caught the jaw before the story started. That is the practice.');
    await checkScreen(page, 'coach-feedback-draft');
    await page.getByRole('dialog').getByRole('button', { name: 'Send feedback' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect(page.getByText('Draft feedback').count()).resolves.toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
