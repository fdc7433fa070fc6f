import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { parseHomeworkKeys } from '@anchored/config';
import { PrivateTextCipher, dataSourceOptions, testDatabaseUrl } from '@anchored/data';
import { NotificationOutbox, completeDataExport } from '@anchored/jobs';
import { launchBrowser, logInThroughForm, newPerson, pageErrors } from './support/browser';
import { Platform } from './support/platform';

const PASSWORD = 'a password for the export test';
/** The Platform's JWT_SECRET: with HOMEWORK_ENCRYPTION_KEYS unset, the private-text key is derived from it, in the worker as in the API. */
const PLATFORM_JWT_SECRET = 'e2e-Secret-for-the-browser-tests-only-9f8e7d6c5b4a';

// A client asks for their data in Settings; the worker's job (run here, as the browser tests start no worker) builds it; the link downloads the JSON.
describe('Download my data', () => {
  let platform: Platform;
  let browser: Browser;
  let db: DataSource;

  beforeAll(async () => {
    platform = await Platform.start();
    browser = await launchBrowser();
    db = await new DataSource(dataSourceOptions(testDatabaseUrl())).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await browser?.close();
    await platform?.stop();
  });

  it('requests an export, shows it being prepared, then a link that downloads the JSON file', async () => {
    const email = `ines.${Date.now()}@example.com`;
    await platform.gql('mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }', { i: { email, password: PASSWORD, name: 'Ines Export', timezone: 'Europe/Berlin' } });
    const { page } = await newPerson(browser, platform.url);
    await page.goto('/login');
    await logInThroughForm(page, email, PASSWORD);
    await page.waitForURL('**/week');
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Download my data' }).waitFor();
    await page.getByRole('button', { name: 'Prepare my file' }).click();
    await page.getByText(/Preparing your file/).waitFor();

    // What the worker's build-data-export job runs.
    const [row] = await db.query(`SELECT d.id FROM data_exports d JOIN users u ON u.id = d.user_id WHERE u.email = $1 AND d.status = 'PENDING'`, [email]);
    const cipher = new PrivateTextCipher(parseHomeworkKeys(undefined, PLATFORM_JWT_SECRET, []));
    expect(await completeDataExport(new NotificationOutbox(db, undefined, () => undefined), cipher, row.id, `${platform.url}/settings`)).toBe('built');

    const link = page.getByRole('link', { name: 'download my data (JSON)' });
    await link.waitFor({ timeout: 15_000 });
    const href = (await link.getAttribute('href')) as string;
    expect(href).toMatch(new RegExp(`^${platform.url}/exports/${row.id}\\?token=[A-Za-z0-9_-]{43}$`));
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^anchored-data-\d{4}-\d{2}-\d{2}\.json$/);
    const res = await fetch(href);
    expect(res.status).toBe(200);
    const file = (await res.json()) as { about: { format: string }; profile: { email: string; name: string } };
    expect(file.about.format).toBe('anchored-data-export/1');
    expect(file.profile).toMatchObject({ email, name: 'Ines Export' });
    expect(pageErrors(page)).toEqual([]);
  });
});
