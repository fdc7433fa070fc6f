import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { coachedCohort } from './support/coached-cohort';
import { Platform } from './support/platform';

const PASSWORD = 'a password for the undo test';
const TEMPLATE = 'Where am I located right now?';

/**
 * A coach corrects mistakes on the cohort dashboard: a template assigned twice (warned first), an
 * assignment edited and deleted, a session's title and link fixed, holidays skipped in a weekly
 * series and the rest of it cancelled, and feedback edited after it was sent, which the client
 * then sees marked as edited. Every new dialog is checked with axe.
 */
describe('Mistakes can be undone', () => {
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

  it('the coach edits and deletes homework, fixes sessions, skips and cancels a series, and edits feedback the client sees as edited', async () => {
    const stamp = Date.now();
    const { cohortId, coach, client } = await coachedCohort(platform, {
      password: PASSWORD,
      cohortName: `Second Chances ${stamp}`,
      coach: { email: `uma.${stamp}@example.com`, name: 'Uma Coach' },
      client: { email: `rafa.${stamp}@example.com`, name: 'Rafa Member' },
      activate: true,
    });
    const coachToken = await platform.logIn(coach.email, PASSWORD);
    const clientToken = await platform.logIn(client.email, PASSWORD);
    // Arranged through the API: an answered and reviewed assignment, a single session and a weekly series.
    const { assignHomework } = await platform.gql<{ assignHomework: { id: string } }>(
      'mutation($i: AssignHomeworkInput!) { assignHomework(input: $i) { id } }',
      { i: { cohortId, templateKey: 'where-am-i-located', dueAt: DateTime.utc().plus({ days: 2 }).toISO() } },
      coachToken,
    );
    const { submitHomework } = await platform.gql<{ submitHomework: { id: string } }>(
      'mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id } }',
      { a: assignHomework.id, r: { location: 'I could not tell yet', groundedness: 6, returnPractice: 'Feet on the floor.' } },
      clientToken,
    );
    await platform.gql('mutation($s: ID!) { reviewSubmission(submissionId: $s, feedback: "Good noticing; try it twice a day.") { id } }', { s: submitHomework.id }, coachToken);
    await platform.gql('mutation($i: CreateSessionInput!) { createSession(input: $i) { id } }', {
      i: { cohortId, title: 'Intro cal', startsAt: DateTime.utc().plus({ days: 1 }).toISO(), durationMinutes: 60, meetingUrl: 'https://meet.example.com/wrong' },
    }, coachToken);
    const { scheduleSessionSeries } = await platform.gql<{ scheduleSessionSeries: { id: string; seriesId: string; startsAt: string }[] }>(
      'mutation($i: ScheduleSeriesInput!) { scheduleSessionSeries(input: $i) { id seriesId startsAt } }',
      { i: { cohortId, title: 'Tuesday circle', weekdays: [2], localTime: '19:00', durationMinutes: 90 } },
      coachToken,
    );
    const seriesId = scheduleSessionSeries[0].seriesId;
    const upcoming = scheduleSessionSeries.filter((s) => Date.parse(s.startsAt) > Date.now());

    const { context, page } = await newPerson(browser, platform.url, { timezoneId: 'Europe/Berlin' });
    await page.goto('/login');
    await logInThroughForm(page, coach.email, PASSWORD);
    await page.waitForURL('**/coach');

    // Homework: the same template again is flagged, and assigning it asks first.
    await page.goto(`/coach/cohorts/${cohortId}?tab=homework`);
    await page.getByRole('textbox', { name: 'Template' }).click();
    await page.getByRole('option', { name: TEMPLATE }).click();
    await page.getByText('This template is already assigned to this cohort').waitFor();
    await page.getByLabel('Title').fill('Where am I, second look');
    await page.getByLabel('Due').fill(DateTime.now().setZone('Europe/Berlin').plus({ days: 5 }).toFormat("yyyy-LL-dd'T'HH:mm"));
    await page.getByRole('button', { name: 'Assign homework' }).click();
    const again = page.getByRole('dialog', { name: 'Assign this template again?' });
    await again.waitFor();
    await checkScreen(page, 'undo-assign-again');
    await again.getByRole('button', { name: 'Assign again' }).click();
    const assigned = page.getByRole('region', { name: 'Assigned homework' });
    await assigned.getByText('Where am I, second look').waitFor();
    // Answered homework can be edited but not deleted.
    await expect(page.getByRole('button', { name: `Delete ${TEMPLATE}` }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Edit Where am I, second look' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit homework' });
    await edit.getByLabel('Title').fill('Where am I, revisited');
    await edit.getByLabel('Instructions').fill('Only on weekdays.');
    await checkScreen(page, 'undo-edit-homework');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await assigned.getByText('Where am I, revisited').waitFor();

    await page.getByRole('button', { name: 'Delete Where am I, revisited' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete this homework?' });
    await checkScreen(page, 'undo-delete-homework');
    await remove.getByRole('button', { name: 'Delete homework' }).click();
    await remove.waitFor({ state: 'detached' });
    await expect(assigned.getByText('Where am I, revisited').count()).resolves.toBe(0);

    // Sessions: a typo in a title and a wrong link.
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await page.getByRole('button', { name: /^Edit Intro cal,/ }).click();
    const editSession = page.getByRole('dialog', { name: 'Edit session' });
    await editSession.getByLabel('Title').fill('Intro call');
    await editSession.getByLabel('Meeting link').fill('https://meet.example.com/intro');
    await checkScreen(page, 'undo-edit-session');
    await editSession.getByRole('button', { name: 'Save changes' }).click();
    await editSession.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Edit Intro call,/ }).waitFor();

    // A weekly series: two holidays skipped, then the rest cancelled.
    const series = page.getByRole('region', { name: 'Weekly series' });
    await series.getByText(`${upcoming.length} still to come`).waitFor();
    await series.getByRole('button', { name: 'Skip dates of the series Tuesday circle' }).click();
    const skip = page.getByRole('dialog', { name: 'Skip dates: Tuesday circle' });
    const boxes = skip.getByRole('checkbox');
    await boxes.nth(1).check();
    await boxes.nth(2).check();
    await checkScreen(page, 'undo-skip-dates');
    await skip.getByRole('button', { name: 'Skip 2 dates' }).click();
    await skip.waitFor({ state: 'detached' });
    await series.getByText(`${upcoming.length - 2} still to come`).waitFor();
    const cancelledNow = async () =>
      (await platform.gql<{ cohort: { sessions: { seriesId: string | null; status: string }[] } }>('query($c: ID!) { cohort(id: $c) { sessions { seriesId status } } }', { c: cohortId }, coachToken)).cohort.sessions.filter(
        (s) => s.seriesId === seriesId && s.status === 'CANCELLED',
      ).length;
    expect(await cancelledNow()).toBe(2);

    await series.getByRole('button', { name: 'Cancel series Tuesday circle' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel the whole series?' });
    await checkScreen(page, 'undo-cancel-series');
    await cancel.getByRole('button', { name: 'Cancel series' }).click();
    await cancel.waitFor({ state: 'detached' });
    await series.waitFor({ state: 'detached' });
    expect(await cancelledNow()).toBe(upcoming.length);

    // Feedback already sent, corrected.
    await page.getByRole('tab', { name: 'Review' }).click();
    await page.getByRole('button', { name: `View answers of ${client.name}: ${TEMPLATE}` }).click();
    const detail = page.getByRole('dialog', { name: `${client.name}: ${TEMPLATE}` });
    await detail.getByRole('button', { name: 'Edit feedback' }).click();
    await detail.getByLabel('Feedback').fill('Good noticing; try it three times a day.');
    await checkScreen(page, 'undo-edit-feedback');
    await detail.getByRole('button', { name: 'Save edited feedback' }).click();
    await detail.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Reviewed' }).getByText('(edited)', { exact: false }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    // The client reads the new text, marked as edited.
    const c = await newPerson(browser, platform.url, { timezoneId: 'Europe/Berlin' });
    await c.page.goto('/login');
    await logInThroughForm(c.page, client.email, PASSWORD);
    await c.page.waitForURL('**/week');
    await c.page.goto(`/homework/${assignHomework.id}`);
    await c.page.getByText('Good noticing; try it three times a day.').waitFor();
    await c.page.getByText(/· edited /).waitFor();
    await checkScreen(c.page, 'undo-client-edited-feedback');
    expect(pageErrors(c.page)).toEqual([]);
    await c.context.close();
  });
});
