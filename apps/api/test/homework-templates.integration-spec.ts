import { randomBytes, randomUUID } from 'node:crypto';
import { PrivateTextCipher, homeworkUploadAad } from '@anchored/data';
import { PRIVATE_TEXT_CIPHER } from '../src/private-text/private-text-cipher';
import { rekeyHomeworkUploads } from '../src/private-text/sealed-columns';
import { DateTime } from 'luxon';
import { MAX_UPLOAD_BYTES, Role } from '@anchored/domain';
import { ASSIGN_COACH, CoachingCohort, coachingCohort } from './coaching-fixtures';
import { Session, TestApp, codes } from './test-app';

const TZ = 'Europe/Berlin';
const FIELDS = `key kind required label min max options help uploadKind`;
const CREATE = `mutation($input: HomeworkTemplateInput!) { createHomeworkTemplate(input: $input) { key title source version fields { ${FIELDS} } } }`;
const UPDATE = `mutation($k: String!, $input: HomeworkTemplateInput!) { updateHomeworkTemplate(key: $k, input: $input) { key title source version fields { key } } }`;
const MINE = `{ myHomeworkTemplates { key title version source } }`;
const ASSIGN = `mutation($input: AssignHomeworkInput!) { assignHomework(input: $input) { id title template { key source version fields { key kind } } } }`;
const ASSIGNMENT = `query($id: ID!) { assignment(id: $id) { id template { key version fields { key kind uploadKind } } } }`;
const SUBMIT = `mutation($a: ID!, $r: JSON!) { submitHomework(input: { assignmentId: $a, responses: $r }) { id status responses } }`;

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('a worksheet, filled in')]);
const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.alloc(64, 7)]);

/** Every kind of field, a date and two uploads among them. */
const V1 = {
  title: 'Weekend reflection',
  instructions: 'Look back on one moment of the weekend.',
  fields: [
    { key: 'moment', label: 'The moment', kind: 'TEXT', required: true },
    { key: 'story', label: 'What happened', kind: 'LONG_TEXT', required: false, help: 'As much as you like.' },
    { key: 'calm', label: 'How calm I was', kind: 'SCALE', required: true, min: 1, max: 5 },
    { key: 'where', label: 'Where my attention was', kind: 'CHOICE', required: true, options: ['With me', 'With them'] },
    { key: 'tools', label: 'What I tried', kind: 'CHECKLIST', required: false, options: ['Breath', 'Walk'] },
    { key: 'when', label: 'When it happened', kind: 'DATE', required: true },
    { key: 'worksheet', label: 'The worksheet', kind: 'UPLOAD', required: false, uploadKind: 'FILE' },
    { key: 'voice', label: 'Say it aloud', kind: 'UPLOAD', required: false, uploadKind: 'VOICE_NOTE' },
  ],
};
const V1_ANSWER = { moment: 'Saturday dinner', calm: 3, where: 'With me', when: '2026-11-28' };
const daysAgo = (days: number) => DateTime.now().setZone(TZ).minus({ days }).toFormat('yyyy-MM-dd');
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('coach homework templates', () => {
  let t: TestApp;
  let admin: Session;
  let cohort: CoachingCohort;
  let second: CoachingCohort;
  let other: CoachingCohort;
  let templateKey: string;
  let assignmentV1: string;

  const count = async (table: string) => Number((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  async function upload(assignmentId: string, fieldKey: string, body: Buffer, type: string, token?: string) {
    const res = await fetch(`${t.url}/homework-uploads?assignmentId=${assignmentId}&fieldKey=${fieldKey}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: res.status, body: (await res.json()) as { id: string; code: string; message: string; contentType: string; sizeBytes: number } };
  }
  const download = (id: string, token?: string) => fetch(`${t.url}/homework-uploads/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user(Role.ADMIN);
    cohort = await coachingCohort(t, admin, { name: 'Templates Circle', startsOn: daysAgo(14), timezone: TZ, clients: 2 });
    second = await coachingCohort(t, admin, { name: 'Second Circle', startsOn: daysAgo(7), timezone: TZ, clients: 1 });
    // The first coach runs the second circle too: their templates travel with them.
    await t.ok(ASSIGN_COACH, { c: second.id, u: cohort.coach.user.id }, admin.token);
    other = await coachingCohort(t, admin, { name: 'Other Circle', startsOn: daysAgo(14), timezone: TZ, clients: 1 });
  });
  afterAll(() => t.close());

  describe('writing templates', () => {
    it('a coach creates a template with every kind of field, listed as their own only', async () => {
      const created = (await t.ok(CREATE, { input: V1 }, cohort.coach.token)).createHomeworkTemplate;
      templateKey = created.key;
      expect(created).toMatchObject({ title: 'Weekend reflection', source: 'COACH', version: 1 });
      expect(created.fields.map((f: { kind: string }) => f.kind)).toEqual(['TEXT', 'LONG_TEXT', 'SCALE', 'CHOICE', 'CHECKLIST', 'DATE', 'UPLOAD', 'UPLOAD']);
      expect(created.fields[7]).toMatchObject({ key: 'voice', uploadKind: 'VOICE_NOTE' });
      expect((await t.ok(MINE, {}, cohort.coach.token)).myHomeworkTemplates).toEqual([{ key: templateKey, title: 'Weekend reflection', version: 1, source: 'COACH' }]);
      expect((await t.ok(MINE, {}, other.coach.token)).myHomeworkTemplates).toEqual([]);
      // The curriculum's list is unchanged: coaches' templates are not public.
      const curriculum = (await t.ok(`{ homeworkTemplates { key source version } }`)).homeworkTemplates as { key: string; source: string; version: null }[];
      expect(curriculum.every((c) => c.source === 'CURRICULUM' && c.version === null)).toBe(true);
      expect(curriculum.map((c) => c.key)).not.toContain(templateKey);
    });

    it('refuses a broken template with every problem named, storing nothing', async () => {
      const before = await count('homework_template_versions');
      const bad = { title: ' ', instructions: '', fields: [{ key: 'Bad key', label: 'x', kind: 'SCALE', required: true, min: 5, max: 1 }, { key: 'pick', label: 'Pick', kind: 'CHOICE', required: true, options: ['only'] }] };
      const result = await t.gql(CREATE, { input: bad }, cohort.coach.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.fields?.map((f: { field: string }) => f.field)).toEqual(['input.title', 'input.fields.0.key', 'input.fields.0.min', 'input.fields.1.options']);
      expect(await count('homework_template_versions')).toBe(before);
    });

    it('only coaches (and for editing, admins) write templates; the curriculum stays read-only', async () => {
      const before = await count('homework_template_versions');
      expect(codes(await t.gql(CREATE, { input: V1 }, cohort.clients[0].token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(CREATE, { input: V1 }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(UPDATE, { k: templateKey, input: V1 }, other.coach.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(UPDATE, { k: templateKey, input: V1 }, cohort.clients[0].token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(UPDATE, { k: templateKey, input: V1 }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await t.gql(UPDATE, { k: 'boundary-practice-log', input: V1 }, cohort.coach.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(UPDATE, { k: randomUUID(), input: V1 }, cohort.coach.token))).toEqual(['NOT_FOUND']);
      expect(await count('homework_template_versions')).toBe(before);
    });

    it("an admin may edit a coach's template (a new version), the coach keeps it", async () => {
      const key = (await t.ok(CREATE, { input: V1 }, other.coach.token)).createHomeworkTemplate.key;
      const edited = (await t.ok(UPDATE, { k: key, input: { ...V1, title: 'Corrected' } }, admin.token)).updateHomeworkTemplate;
      expect(edited).toMatchObject({ key, version: 2, title: 'Corrected' });
      expect((await t.ok(MINE, {}, other.coach.token)).myHomeworkTemplates).toEqual([{ key, title: 'Corrected', version: 2, source: 'COACH' }]);
    });
  });

  describe('assigning, versions and answers', () => {
    it('assigns like a curriculum template and pins the version', async () => {
      const assigned = (await t.ok(ASSIGN, { input: { cohortId: cohort.id, templateKey, dueAt: inHours(48) } }, cohort.coach.token)).assignHomework;
      assignmentV1 = assigned.id;
      expect(assigned).toMatchObject({ title: 'Weekend reflection', template: { key: templateKey, source: 'COACH', version: 1 } });

      // The edit is version 2: a renamed title and a new required field.
      const v2 = { ...V1, title: 'Weekend reflection, revised', fields: [...V1.fields, { key: 'learned', label: 'What I learned', kind: 'TEXT', required: true }] };
      const updated = (await t.ok(UPDATE, { k: templateKey, input: v2 }, cohort.coach.token)).updateHomeworkTemplate;
      expect(updated).toMatchObject({ key: templateKey, version: 2, title: 'Weekend reflection, revised' });
      expect((await t.ok(MINE, {}, cohort.coach.token)).myHomeworkTemplates).toEqual([{ key: templateKey, title: 'Weekend reflection, revised', version: 2, source: 'COACH' }]);

      // The earlier assignment still shows (and checks answers against) version 1.
      const pinned = (await t.ok(ASSIGNMENT, { id: assignmentV1 }, cohort.clients[0].token)).assignment.template;
      expect(pinned.version).toBe(1);
      expect(pinned.fields.map((f: { key: string }) => f.key)).not.toContain('learned');

      // Reused in the coach's other circle: the current version.
      const again = (await t.ok(ASSIGN, { input: { cohortId: second.id, templateKey, dueAt: inHours(48) } }, cohort.coach.token)).assignHomework;
      expect(again.template).toMatchObject({ version: 2 });
      expect(again.template.fields.map((f: { key: string }) => f.key)).toContain('learned');
      const answerV2 = await t.gql(SUBMIT, { a: again.id, r: V1_ANSWER }, second.clients[0].token);
      expect(answerV2.errors?.[0].extensions?.fields?.map((f: { field: string }) => f.field)).toEqual(['responses.learned']);
    });

    it("another coach cannot assign someone else's template", async () => {
      const before = await count('homework_assignments');
      expect(codes(await t.gql(ASSIGN, { input: { cohortId: other.id, templateKey, dueAt: inHours(48) } }, other.coach.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(ASSIGN, { input: { cohortId: other.id, templateKey: randomUUID(), dueAt: inHours(48) } }, other.coach.token))).toEqual(['BAD_USER_INPUT']);
      expect(await count('homework_assignments')).toBe(before);
    });

    it('checks a date answer against the pinned version', async () => {
      const client = cohort.clients[0];
      for (const when of ['2026-02-30', 'yesterday', 20261128]) {
        const result = await t.gql(SUBMIT, { a: assignmentV1, r: { ...V1_ANSWER, when } }, client.token);
        expect(result.errors?.[0].extensions?.fields?.map((f: { field: string }) => f.field)).toEqual(['responses.when']);
      }
      expect(Number((await t.db.query(`SELECT count(*)::int AS n FROM submissions WHERE assignment_id = $1`, [assignmentV1]))[0].n)).toBe(0);
    });
  });

  describe('uploads', () => {
    let worksheet: string;

    it('takes a file whose bytes are the allowed type it claims to be', async () => {
      const stored = await upload(assignmentV1, 'worksheet', PDF, 'application/pdf', cohort.clients[0].token);
      expect(stored.status).toBe(201);
      expect(stored.body).toMatchObject({ contentType: 'application/pdf', sizeBytes: PDF.length });
      worksheet = stored.body.id;
      const voice = await upload(assignmentV1, 'voice', WEBM, 'audio/webm;codecs=opus', cohort.clients[0].token);
      expect(voice.body).toMatchObject({ contentType: 'audio/webm' });
    });

    it('refuses wrong types, disguised files and files over the limit with a typed error, storing nothing', async () => {
      const client = cohort.clients[0].token;
      const before = await count('homework_uploads');
      const cases: [string, Buffer, string, number, string][] = [
        ['worksheet', Buffer.from('<html><script>alert(1)</script>'), 'application/pdf', 415, 'UPLOAD_TYPE_NOT_ALLOWED'],
        ['worksheet', Buffer.from('<html></html>'), 'text/html', 415, 'UPLOAD_TYPE_NOT_ALLOWED'],
        ['worksheet', WEBM, 'audio/webm', 415, 'UPLOAD_TYPE_NOT_ALLOWED'],
        ['voice', PDF, 'application/pdf', 415, 'UPLOAD_TYPE_NOT_ALLOWED'],
        ['worksheet', Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES)]), 'application/pdf', 413, 'UPLOAD_TOO_LARGE'],
        ['moment', PDF, 'application/pdf', 400, 'BAD_USER_INPUT'],
      ];
      for (const [field, body, type, status, code] of cases) {
        const result = await upload(assignmentV1, field, body, type, client);
        expect({ field, type, status: result.status, code: result.body.code }).toEqual({ field, type, status, code });
        expect(result.body.message).toEqual(expect.any(String));
      }
      expect(await count('homework_uploads')).toBe(before);
    });

    it('takes files only from the clients enrolled in the cohort', async () => {
      const before = await count('homework_uploads');
      expect((await upload(assignmentV1, 'worksheet', PDF, 'application/pdf', other.clients[0].token)).status).toBe(403);
      expect((await upload(assignmentV1, 'worksheet', PDF, 'application/pdf', cohort.coach.token)).status).toBe(403);
      const anonymous = await upload(assignmentV1, 'worksheet', PDF, 'application/pdf');
      expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      expect(await count('homework_uploads')).toBe(before);
    });

    it("answers with the client's own upload only; sending attaches it and drops the others", async () => {
      const [client, classmate] = cohort.clients;
      const theirs = (await upload(assignmentV1, 'worksheet', PDF, 'application/pdf', classmate.token)).body.id;
      const borrowed = await t.gql(SUBMIT, { a: assignmentV1, r: { ...V1_ANSWER, worksheet: theirs } }, client.token);
      expect(borrowed.errors?.[0].extensions?.fields?.map((f: { field: string }) => f.field)).toEqual(['responses.worksheet']);
      const wrongField = await t.gql(SUBMIT, { a: assignmentV1, r: { ...V1_ANSWER, voice: worksheet } }, client.token);
      expect(wrongField.errors?.[0].extensions?.fields?.map((f: { field: string }) => f.field)).toEqual(['responses.voice']);

      const sent = (await t.ok(SUBMIT, { a: assignmentV1, r: { ...V1_ANSWER, worksheet } }, client.token)).submitHomework;
      expect(sent.responses).toEqual({ ...V1_ANSWER, worksheet });
      const rows = await t.db.query(`SELECT id, submission_id FROM homework_uploads WHERE client_id = $1`, [client.user.id]);
      // The voice note the answer did not name is gone; the worksheet belongs to the answer.
      expect(rows).toEqual([{ id: worksheet, submission_id: sent.id }]);
      // Stored encrypted: the file's bytes are nowhere in the row.
      const [{ found }] = await t.db.query(`SELECT position($1::bytea IN data) AS found FROM homework_uploads WHERE id = $2`, [PDF, worksheet]);
      expect(found).toBe(0);
    });

    it('serves the file to its client, the cohort coach and admins only, never inline', async () => {
      const [client, classmate] = cohort.clients;
      const mine = await download(worksheet, client.token);
      expect(mine.status).toBe(200);
      expect(Buffer.from(await mine.arrayBuffer()).equals(PDF)).toBe(true);
      expect(mine.headers.get('content-type')).toBe('application/pdf');
      expect(mine.headers.get('content-disposition')).toMatch(/^attachment/);
      expect(mine.headers.get('x-content-type-options')).toBe('nosniff');

      expect((await download(worksheet, cohort.coach.token)).status).toBe(200);
      expect((await download(worksheet, admin.token)).status).toBe(200);
      const log = await t.db.query(`SELECT reader_id FROM access_log WHERE owner_id = $1 ORDER BY reader_id`, [client.user.id]);
      expect(log.map((r: { reader_id: string }) => r.reader_id).sort()).toEqual([cohort.coach.user.id, admin.user.id].sort());

      expect((await download(worksheet, classmate.token)).status).toBe(403);
      expect((await download(worksheet, other.coach.token)).status).toBe(403);
      expect((await download(worksheet, other.clients[0].token)).status).toBe(403);
      expect((await download(worksheet)).status).toBe(401);
      expect((await download(randomUUID(), client.token)).status).toBe(404);
    });

    it('re-encrypts files under a new key with homework:rekey; downloads still match', async () => {
      const current = t.app.get<PrivateTextCipher>(PRIVATE_TEXT_CIPHER);
      const rotated = new PrivateTextCipher([{ id: 'rotated', key: randomBytes(32) }, ...current['keys']]);
      // Files only: the other specs' rows in this shared database are not this test's to re-encrypt.
      expect(await rekeyHomeworkUploads(t.db, rotated, 1)).toBeGreaterThan(0);
      const [row] = await t.db.query(`SELECT client_id, data FROM homework_uploads WHERE id = $1`, [worksheet]);
      const onlyNew = new PrivateTextCipher([rotated['keys'][0]]);
      expect(onlyNew.decryptBytes(row.data, homeworkUploadAad({ id: worksheet, clientId: row.client_id })).equals(PDF)).toBe(true);
      expect(await rekeyHomeworkUploads(t.db, rotated)).toBe(0);
    });

    it("keeps a file not yet sent to its client: the coach cannot fetch it", async () => {
      const classmate = cohort.clients[1];
      const pending = (await upload(assignmentV1, 'worksheet', PDF, 'application/pdf', classmate.token)).body.id;
      expect((await download(pending, classmate.token)).status).toBe(200);
      expect((await download(pending, cohort.coach.token)).status).toBe(404);
    });
  });
});
