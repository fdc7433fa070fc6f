import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { checkScreen, launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { coachedCohort } from './support/coached-cohort';
import { Platform } from './support/platform';

const PASSWORD = 'a password for the templates test';
const PDF = Buffer.from('%PDF-1.7\nmy filled-in worksheet\n');

// A coach writes a homework form of their own, previews it as the client will see it, assigns it,
// and the client answers it with a date and a file.
describe('coach homework templates in the browser', () => {
  let platform: Platform;
  let browser: Browser;
  let cohortId: string;
  const stamp = Date.now();
  const coach = { email: `tess.${stamp}@example.com`, name: 'Tess Templates' };
  const client = { email: `uma.${stamp}@example.com`, name: 'Uma Uploads' };

  beforeAll(async () => {
    platform = await Platform.start();
    browser = await launchBrowser();
    ({ cohortId } = await coachedCohort(platform, { password: PASSWORD, cohortName: `Template Circle ${stamp}`, coach, client, activate: true }));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('the coach writes a template, previews it and assigns it; the client answers with a date and a file', async () => {
    const { page, context } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, coach.email, PASSWORD);
    await page.waitForURL('**/coach');
    await page.getByRole('link', { name: 'My templates' }).first().click();
    await page.getByText('No templates of your own yet').waitFor();
    await page.getByRole('button', { name: 'New template' }).click();

    const editor = page.getByRole('form', { name: 'New template' });
    await editor.getByLabel('Title').fill('Weekend check');
    await editor.getByLabel('Instructions').fill('Look back on the weekend.');
    await editor.getByLabel(/^Question/).first().fill('When did you pause?');
    await editor.getByRole('textbox', { name: 'Kind of answer' }).first().click();
    await page.getByRole('option', { name: 'Date' }).click();
    await editor.getByRole('button', { name: 'Add question' }).click();
    await editor.getByLabel(/^Question/).nth(1).fill('Your worksheet');
    await editor.getByRole('textbox', { name: 'Kind of answer' }).nth(1).click();
    await page.getByRole('option', { name: 'File or voice note' }).click();
    await editor.getByLabel('Required').nth(1).uncheck();

    // The preview is the client's form, live.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: 'Weekend check' }).waitFor();
    await preview.getByLabel(/When did you pause\?/).waitFor();
    await preview.getByText('A PDF, PNG or JPEG file, up to 5 MB.').waitFor();
    await checkScreen(page, 'coach-template-editor');

    await editor.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Version 1', { exact: true }).waitFor();
    await checkScreen(page, 'coach-templates-list');

    // Editing saves a new version.
    await page.getByRole('button', { name: 'Edit Weekend check' }).click();
    const edit = page.getByRole('form', { name: 'Edit template' });
    await edit.getByLabel('Title').fill('Weekend check-in');
    await edit.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText('Version 2', { exact: true }).waitFor();

    // Assign it like a curriculum template.
    await page.goto(`/coach/cohorts/${cohortId}?tab=homework`);
    await page.getByRole('textbox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Weekend check-in' }).click();
    await page.getByLabel('Due').fill(DateTime.now().plus({ days: 3 }).toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByRole('button', { name: 'Assign homework' }).click();
    await page.getByText('“Weekend check-in” is assigned').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    // The client answers: a date and a file.
    const person = await newPerson(browser, platform.url);
    await person.page.goto('/login');
    await logInThroughForm(person.page, client.email, PASSWORD);
    await person.page.waitForURL('**/week');
    await person.page.goto('/homework');
    await person.page.getByRole('link', { name: /Weekend check/ }).first().click();
    await person.page.getByLabel(/When did you pause\?/).fill('2026-11-28');
    await person.page.locator('input[type="file"]').setInputFiles({ name: 'worksheet.pdf', mimeType: 'application/pdf', buffer: PDF });
    await person.page.getByText('Uploaded: worksheet.pdf').waitFor();
    await checkScreen(person.page, 'client-template-answer');
    await person.page.getByRole('button', { name: 'Send my answers' }).click();
    await person.page.getByText('A file is attached').waitFor();
    await checkScreen(person.page, 'client-template-sent');
    // The file comes back as a download, exactly as sent.
    const [download] = await Promise.all([person.page.waitForEvent('download'), person.page.getByRole('button', { name: 'Download: Your worksheet' }).click()]);
    expect(download.suggestedFilename()).toBe('homework-file.pdf');
    const path = await download.path();
    expect(readFileSync(path).equals(PDF)).toBe(true);
    expect(pageErrors(person.page)).toEqual([]);
    await person.context.close();

    // The coach reviews the answer and downloads the same file.
    const reviewer = await newPerson(browser, platform.url);
    await reviewer.page.goto('/login');
    await logInThroughForm(reviewer.page, coach.email, PASSWORD);
    await reviewer.page.waitForURL('**/coach');
    await reviewer.page.goto(`/coach/cohorts/${cohortId}?tab=review`);
    await reviewer.page.getByRole('button', { name: new RegExp(`^Review ${client.name}`) }).click();
    const dialog = reviewer.page.getByRole('dialog');
    await dialog.getByText('A file is attached').waitFor();
    const [coachCopy] = await Promise.all([reviewer.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download: Your worksheet' }).click()]);
    expect(readFileSync(await coachCopy.path()).equals(PDF)).toBe(true);
    await checkScreen(reviewer.page, 'coach-review-with-file');
    expect(pageErrors(reviewer.page)).toEqual([]);
    await reviewer.context.close();
  });
});
