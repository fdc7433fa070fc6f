import { PrivateTextCipher, dataExportAad, dataExportTokenAad, dataExportTokenHash, motivationAad, responsesAad } from '@anchored/data';
import { dataExportJob, enqueuePlanned } from '@anchored/jobs';
import { DataExportService } from '../src/exports/data-export.service';
import { WorkerHarness, waitFor } from './worker-harness';

const SECRET_ANSWER = 'I keep checking whether my sister is angry with me';
const OTHER_ANSWER = 'Someone else entirely wrote this';

describe('worker: data exports', () => {
  let h: WorkerHarness;
  let cipher: PrivateTextCipher;
  let exports: DataExportService;

  beforeAll(async () => {
    h = await WorkerHarness.create();
    cipher = new PrivateTextCipher(h.config.homeworkKeys);
    exports = (await h.startWorker()).get(DataExportService);
  });
  afterAll(() => h.close());

  /** A cohort whose first client wrote an answer, a motivation, was marked present and had their answer read by the coach. */
  async function clientWithHistory() {
    const cohort = await h.cohort({ clients: 2 });
    const [ada, ben] = cohort.clients;
    await h.db.query(`UPDATE enrollments SET motivation_encrypted = $3 WHERE cohort_id = $1 AND client_id = $2`, [
      cohort.id,
      ada.id,
      cipher.encrypt('I want to stop outsourcing my worth', motivationAad({ cohortId: cohort.id, clientId: ada.id })),
    ]);
    const [assignment] = await h.db.query(
      `INSERT INTO homework_assignments (cohort_id, template_key, title, due_at) VALUES ($1, 'where-am-i-located', 'Where am I located?', '2026-11-20T20:00:00Z') RETURNING id`,
      [cohort.id],
    );
    const submit = async (clientId: string, text: string) => {
      const [row] = await h.db.query(
        `INSERT INTO submissions (assignment_id, client_id, responses_encrypted, submitted_at, late, status) VALUES ($1, $2, $3, '2026-11-19T10:00:00Z', false, 'SUBMITTED') RETURNING id`,
        [assignment.id, clientId, cipher.encrypt({ reflection: text }, responsesAad({ assignmentId: assignment.id, clientId }))],
      );
      return row.id as string;
    };
    const adaSubmission = await submit(ada.id, SECRET_ANSWER);
    await submit(ben.id, OTHER_ANSWER);
    const session = await h.session(cohort.id, new Date('2026-11-17T18:00:00Z'), 'Tuesday circle');
    await h.db.query(`INSERT INTO attendance (session_id, client_id, status) VALUES ($1, $2, 'PRESENT')`, [session.id, ada.id]);
    await h.db.query(`INSERT INTO attendance (session_id, client_id, status) VALUES ($1, $2, 'ABSENT')`, [session.id, ben.id]);
    await h.db.query(
      `INSERT INTO access_log (owner_id, reader_id, subject, subject_id, hour, at) VALUES ($1, $2, 'SUBMISSION', $3, '2026-11-19T11:00:00Z', '2026-11-19T11:05:00Z')`,
      [ada.id, cohort.coach.id, adaSubmission],
    );
    return { cohort, ada, ben, adaSubmission };
  }

  async function requestExport(userId: string): Promise<string> {
    const [row] = await h.db.query(`INSERT INTO data_exports (user_id) VALUES ($1) RETURNING id`, [userId]);
    // What the API does after the request commits.
    await enqueuePlanned(h.queues.reminders, [dataExportJob(row.id)]);
    return row.id;
  }

  const exportRow = async (id: string) =>
    (await h.db.query(`SELECT id, user_id, status, ready_at, expires_at, token_hash, token_encrypted, content_encrypted FROM data_exports WHERE id = $1`, [id]))[0];

  it('builds the JSON file of everything about the person, answers decrypted, nobody else in it, and tells them without private text', async () => {
    const { cohort, ada, adaSubmission } = await clientWithHistory();
    const id = await requestExport(ada.id);

    const row = await waitFor(() => exportRow(id), (r) => r.status === 'READY');
    expect(new Date(row.expires_at).getTime() - new Date(row.ready_at).getTime()).toBe(24 * 3_600_000);
    const token = cipher.decrypt<string>(row.token_encrypted, dataExportTokenAad({ id, userId: ada.id }));
    expect(row.token_hash).toBe(dataExportTokenHash(token));
    expect(row.content_encrypted).not.toContain(SECRET_ANSWER);

    const file = cipher.decrypt<any>(row.content_encrypted, dataExportAad({ id, userId: ada.id }));
    expect(Object.keys(file)).toEqual(['about', 'profile', 'enrollments', 'homework', 'attendance', 'coaching', 'notifications', 'checkIns', 'messages', 'community', 'buddies', 'accessLog']);
    expect(file.checkIns).toEqual([]);
    expect(file.about.format).toBe('anchored-data-export/1');
    expect(file.profile).toMatchObject({ id: ada.id, name: ada.name, role: 'CLIENT' });
    expect(file.enrollments).toEqual([expect.objectContaining({ cohort: cohort.name, status: 'ENROLLED', motivation: 'I want to stop outsourcing my worth' })]);
    expect(file.homework).toEqual([expect.objectContaining({ assignment: 'Where am I located?', submittedAt: '2026-11-19T10:00:00.000Z', answers: { reflection: SECRET_ANSWER } })]);
    expect(file.attendance).toEqual([{ cohort: cohort.name, session: 'Tuesday circle', startsAt: '2026-11-17T18:00:00.000Z', status: 'PRESENT', recordedAt: expect.any(String) }]);
    expect(file.accessLog).toEqual([{ reader: cohort.coach.name, readerRole: 'COACH', subject: 'SUBMISSION', subjectId: adaSubmission, at: '2026-11-19T11:05:00.000Z' }]);
    const text = JSON.stringify(file);
    expect(text).not.toContain(OTHER_ANSWER);
    expect(text).not.toContain('Client B');

    const [notice] = await h.notifications(`kind = 'DATA_EXPORT_READY' AND user_id = $1`, [ada.id]);
    expect(notice.dedupe_key).toBe(`data-export-ready:${id}`);
    expect(notice.subject).toBe('Your Anchored data is ready to download');
    expect(`${notice.subject} ${notice.body}`).not.toContain(SECRET_ANSWER);
    expect(notice.body).not.toContain(token);

    // A duplicated job finds it built and changes nothing.
    expect(await exports.build(id)).toBe('nothing to do');
    expect((await exportRow(id)).token_hash).toBe(row.token_hash);
  });

  it('deletes the file and the link once its 24 hours are over, and not before', async () => {
    const { ada } = await clientWithHistory();
    const id = await requestExport(ada.id);
    const ready = await waitFor(() => exportRow(id), (r) => r.status === 'READY');

    const justBefore = new Date(new Date(ready.expires_at).getTime() - 1000);
    await exports.expire(justBefore);
    expect((await exportRow(id)).status).toBe('READY');

    // Move the export a day back in the database instead of waiting for the clock.
    await h.db.query(`UPDATE data_exports SET ready_at = ready_at - interval '25 hours', expires_at = expires_at - interval '25 hours' WHERE id = $1`, [id]);
    expect((await exports.expire()).expired).toBeGreaterThanOrEqual(1);
    expect(await exportRow(id)).toMatchObject({ status: 'EXPIRED', token_hash: null, token_encrypted: null, content_encrypted: null });
  });

  it('queues again a request whose job was lost, and gives up on one never built within a day', async () => {
    const { ada, ben } = await clientWithHistory();
    const [lost] = await h.db.query(`INSERT INTO data_exports (user_id, requested_at) VALUES ($1, now() - interval '5 minutes') RETURNING id`, [ada.id]);
    const [stale] = await h.db.query(`INSERT INTO data_exports (user_id, requested_at) VALUES ($1, now() - interval '25 hours') RETURNING id`, [ben.id]);
    const result = await exports.expire();
    expect(result.requeued).toBeGreaterThanOrEqual(1);
    expect((await exportRow(stale.id)).status).toBe('EXPIRED');
    await waitFor(() => exportRow(lost.id), (r) => r.status === 'READY');
  });
});
