import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { TestMailbox } from '@anchored/mail/testing';
import { checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { ADMIN, Platform } from './support/platform';

const PASSWORD = 'a client password for the admin lists';

// The admin's lists at scale: applications filtered by cohort and searched, several accepted at
// once until the cohort is full (the rest reported, Accept then disabled with the reason), a
// rejection with a personal note that reaches the client's email, confirmations before the
// cohort's irreversible steps, and the people and invitation lists filtered.
describe('the admin lists, decisions and confirmations', () => {
  let platform: Platform;
  let browser: Browser;
  let mailbox: TestMailbox;
  let adminToken: string;
  const key = Date.now().toString(36);
  const cohortName = `Harbour Circle ${key}`;
  const otherName = `Lighthouse Circle ${key}`;
  const clients = { ada: `Ada Field ${key}`, bram: `Bram Stone ${key}`, cleo: `Cleo Marsh ${key}`, dov: `Dov Reed ${key}` };
  const emails: Record<string, string> = {};
  let cohortId: string;

  async function cohort(name: string, capacity: number): Promise<string> {
    // Starts in three weeks: starting it today is early, and the page must say so.
    const startsOn = DateTime.now().setZone('Europe/Lisbon').plus({ weeks: 3 }).toISODate();
    const { createCohort } = await platform.gql<{ createCohort: { id: string } }>(
      'mutation($i: CreateCohortInput!) { createCohort(input: $i) { id } }',
      { i: { name, startsOn, timezone: 'Europe/Lisbon', capacity } },
      adminToken,
    );
    await platform.gql('mutation($c: ID!) { setCohortStatus(cohortId: $c, status: ENROLLING) { id } }', { c: createCohort.id }, adminToken);
    return createCohort.id;
  }

  async function apply(who: keyof typeof clients, to: string): Promise<void> {
    const email = `${who}.${key}@example.com`;
    emails[who] = email;
    const { signUp } = await platform.gql<{ signUp: { accessToken: string } }>('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', {
      i: { email, password: PASSWORD, name: clients[who] },
    });
    await platform.gql('mutation($c: ID!) { applyToCohort(input: { cohortId: $c }) { id } }', { c: to }, signUp.accessToken);
  }

  async function adminPage(): Promise<Page> {
    const { page } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.waitForURL('**/admin');
    return page;
  }

  beforeAll(async () => {
    mailbox = await TestMailbox.start();
    platform = await Platform.start({ smtpUrl: mailbox.url });
    browser = await launchBrowser();
    adminToken = await platform.logIn(ADMIN.email, ADMIN.password);
    cohortId = await cohort(cohortName, 1);
    const otherId = await cohort(otherName, 5);
    for (const who of ['ada', 'bram', 'cleo'] as const) await apply(who, cohortId);
    await apply('dov', otherId);
    await platform.gql('mutation($i: InviteInput!) { inviteUser(input: $i) { id } }', { i: { email: `invitee.${key}@example.com`, role: 'COACH' } }, adminToken);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await mailbox?.close();
  });

  it('filters applications, accepts several until the cohort is full, and rejects with a personal note that is emailed', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Applications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Applications' }).waitFor();
    const list = page.getByRole('list', { name: 'Applications' });
    await list.getByText(clients.dov).waitFor();

    // One cohort only, then a search by a piece of the name, any case.
    await page.getByRole('textbox', { name: 'Cohort' }).click();
    await page.getByRole('option', { name: cohortName }).click();
    await list.getByText(clients.dov).waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Search' }).fill(`BRAM STONE ${key}`.toUpperCase());
    await list.getByText(clients.ada).waitFor({ state: 'detached' });
    await list.getByText(clients.bram).waitFor();
    await page.getByRole('textbox', { name: 'Search' }).fill('');
    await list.getByText(clients.cleo).waitFor();
    await checkScreen(page, 'admin-applications-filtered');

    // Ada and Bram together: the one seat goes to Ada, Bram is reported as not fitting.
    await page.getByRole('checkbox', { name: `Select ${clients.ada}` }).check();
    await page.getByRole('checkbox', { name: `Select ${clients.bram}` }).check();
    await page.getByRole('button', { name: 'Accept selected' }).click();
    const accept = page.getByRole('dialog', { name: 'Accept 2 applications?' });
    await accept.waitFor();
    await checkScreen(page, 'admin-applications-bulk-confirm');
    await accept.getByRole('button', { name: 'Accept selected' }).click();
    await accept.waitFor({ state: 'hidden' });
    const report = page.getByRole('status').filter({ hasText: '1 could not be decided' });
    await report.waitFor();
    await report.getByText(new RegExp(`${clients.bram}: .*full`)).waitFor();
    await list.getByText(clients.ada).waitFor({ state: 'detached' });

    // The cohort is full now: Accept is disabled, and says why before anyone clicks.
    const acceptBram = page.getByRole('button', { name: `Accept ${clients.bram}` });
    expect(await acceptBram.isDisabled()).toBe(true);
    await page.getByText(`${cohortName} is full (1 of 1 seats). Waitlist instead, or free a seat first.`).first().waitFor();
    await checkScreen(page, 'admin-applications-full');

    // Rejecting asks first, and carries a note into the email.
    await page.getByRole('button', { name: `Reject ${clients.cleo}` }).click();
    const reject = page.getByRole('dialog', { name: `Reject ${clients.cleo}?` });
    await reject.getByLabel('Personal note (optional)').fill('Thank you for applying. The autumn circle may fit your evenings better.');
    await checkScreen(page, 'admin-reject-with-note');
    await reject.getByRole('button', { name: 'Reject application' }).click();
    await reject.waitFor({ state: 'hidden' });
    await list.getByText(clients.cleo).waitFor({ state: 'detached' });
    const mail = await mailbox.next(emails['cleo'], /A note from the program team/);
    expect(mail.text).toContain('The autumn circle may fit your evenings better.');
    expect(pageErrors(page)).toEqual([]);
  });

  it('asks before each irreversible step of the cohort, and warns when the program would start early', async () => {
    const page = await adminPage();
    await page.goto(`/admin/cohorts/${cohortId}`);
    await page.getByRole('heading', { level: 1, name: cohortName }).waitFor();

    await page.getByRole('button', { name: 'Start the program' }).click();
    const start = page.getByRole('dialog', { name: 'Start the program?' });
    await start.getByText('before its start date').waitFor();
    await checkScreen(page, 'admin-start-early-confirm');
    // Cancel changes nothing.
    await start.getByRole('button', { name: 'Cancel' }).click();
    await start.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Start the program' }).click();
    await start.getByRole('button', { name: 'Start the program' }).click();
    await start.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Complete the cohort' }).click();
    const complete = page.getByRole('dialog', { name: 'Complete the cohort?' });
    await complete.getByRole('button', { name: 'Complete the cohort' }).click();
    await complete.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Archive' }).click();
    const archive = page.getByRole('dialog', { name: 'Archive?' });
    await archive.getByText('This cannot be undone.').waitFor();
    await archive.getByRole('button', { name: 'Archive' }).click();
    await archive.waitFor({ state: 'hidden' });
    await page.getByText('This cohort is archived.').waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('lists people and invitations, filtered and searched', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByRole('textbox', { name: 'Cohort' }).click();
    await page.getByRole('option', { name: otherName }).click();
    await page.getByRole('rowheader', { name: clients.dov }).waitFor();
    await page.getByRole('rowheader', { name: clients.ada }).waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Cohort' }).click();
    await page.getByRole('option', { name: cohortName }).click();
    await page.getByRole('rowheader', { name: clients.bram }).waitFor();
    // The cohort was completed above: Ada, its one seat, graduated.
    await page.getByRole('textbox', { name: 'Enrollment' }).click();
    await page.getByRole('option', { name: 'Graduated' }).click();
    await page.getByRole('rowheader', { name: clients.bram }).waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: clients.ada }).waitFor();
    await page.getByRole('textbox', { name: 'Search' }).fill('ADA FIELD');
    await page.getByText('That is the only one.').waitFor();
    await page.getByRole('rowheader', { name: clients.ada }).waitFor();
    await checkScreen(page, 'admin-people');

    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    await page.getByRole('rowheader', { name: `invitee.${key}@example.com`, exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Revoked' }).click();
    await page.getByText('No invitations here').waitFor();
    await checkScreen(page, 'admin-invitations-filtered');
    expect(pageErrors(page)).toEqual([]);
  });
});
