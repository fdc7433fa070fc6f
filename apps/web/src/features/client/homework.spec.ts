import { answerText, fieldMessage, homeworkStatus, initialAnswers, openHomework, sortForList, toResponses, type FieldSpec } from './homework';

const now = new Date('2025-05-10T12:00:00Z');

describe('homeworkStatus', () => {
  it('is To do, and overdue once the due time has passed with nothing sent', () => {
    expect(homeworkStatus({ dueAt: '2025-05-11T12:00:00Z', mySubmission: null }, now)).toEqual({ status: 'TODO', overdue: false, late: false });
    expect(homeworkStatus({ dueAt: '2025-05-09T12:00:00Z', mySubmission: null }, now)).toEqual({ status: 'TODO', overdue: true, late: false });
  });

  it('tells on-time and late answers apart until they are reviewed', () => {
    expect(homeworkStatus({ dueAt: '2025-05-09T12:00:00Z', mySubmission: { status: 'SUBMITTED', late: false } }, now).status).toBe('SUBMITTED');
    expect(homeworkStatus({ dueAt: '2025-05-09T12:00:00Z', mySubmission: { status: 'SUBMITTED', late: true } }, now).status).toBe('LATE');
    expect(homeworkStatus({ dueAt: '2025-05-09T12:00:00Z', mySubmission: { status: 'REVIEWED', late: true } }, now)).toEqual({
      status: 'REVIEWED',
      overdue: false,
      late: true,
    });
  });
});

describe('openHomework and sortForList', () => {
  const a = { id: 'a', dueAt: '2025-05-12T00:00:00Z', mySubmission: null };
  const b = { id: 'b', dueAt: '2025-05-08T00:00:00Z', mySubmission: { status: 'SUBMITTED' as const, late: false } };
  const c = { id: 'c', dueAt: '2025-05-01T00:00:00Z', mySubmission: { status: 'REVIEWED' as const, late: false } };
  const d = { id: 'd', dueAt: '2025-05-02T00:00:00Z', mySubmission: null };
  const e = { id: 'e', dueAt: '2025-04-20T00:00:00Z', mySubmission: { status: 'REVIEWED' as const, late: false } };

  it('keeps what is not reviewed, soonest due first', () => {
    expect(openHomework([a, b, c, d]).map((x) => x.id)).toEqual(['d', 'b', 'a']);
  });

  it('lists to-do, then waiting, then reviewed newest first', () => {
    expect(sortForList([e, c, b, a, d]).map((x) => x.id)).toEqual(['d', 'a', 'b', 'c', 'e']);
  });
});

const fields: FieldSpec[] = [
  { key: 'note', label: 'A note', kind: 'TEXT', required: true },
  { key: 'story', label: 'The story', kind: 'LONG_TEXT', required: false },
  { key: 'settled', label: 'How settled', kind: 'SCALE', required: true, min: 1, max: 10 },
  { key: 'where', label: 'Where', kind: 'CHOICE', required: true, options: ['Here', 'There'] },
  { key: 'tried', label: 'Tried', kind: 'CHECKLIST', required: false, options: ['Breath', 'Walk'] },
];

describe('initialAnswers', () => {
  it('starts empty without an earlier answer', () => {
    expect(initialAnswers(fields)).toEqual({ note: '', story: '', settled: null, where: null, tried: [] });
  });

  it('takes earlier answers that fit the field and ignores the rest', () => {
    expect(initialAnswers(fields, { note: 'hi', settled: 7, where: 'Here', tried: ['Walk', 3], story: 42, extra: 'x' })).toEqual({
      note: 'hi',
      story: '',
      settled: 7,
      where: 'Here',
      tried: ['Walk'],
    });
  });
});

describe('toResponses', () => {
  it('sends every answer as given, leaving out unanswered scales and choices', () => {
    expect(toResponses(fields, { note: '', story: 'x', settled: null, where: 'There', tried: [] })).toEqual({ note: '', story: 'x', where: 'There', tried: [] });
  });

  it('does not validate: out-of-range values go to the API as they are', () => {
    expect(toResponses(fields, { note: 'a', story: '', settled: 12, where: null, tried: ['Breath'] })).toEqual({ note: 'a', story: '', settled: 12, tried: ['Breath'] });
  });
});

describe('fieldMessage', () => {
  it('drops the field name the API puts in front', () => {
    expect(fieldMessage('"feeling" (I feel…) is required.', { key: 'feeling', label: 'I feel…' })).toBe('This answer is required.');
    expect(fieldMessage('"settled" (How settled) must be from 1 to 10.', { key: 'settled', label: 'How settled' })).toBe('This answer must be from 1 to 10.');
  });

  it('keeps other messages as they are', () => {
    expect(fieldMessage('Please write less.', { key: 'x', label: 'X' })).toBe('Please write less.');
  });
});

describe('answerText', () => {
  it('reads answers of every kind', () => {
    expect(answerText(fields[2], 6)).toBe('6 out of 10');
    expect(answerText(fields[4], ['Breath', 'Walk'])).toBe('Breath, Walk');
    expect(answerText(fields[0], '')).toBe('No answer');
    expect(answerText(fields[4], [])).toBe('No answer');
    expect(answerText(fields[3], 'Here')).toBe('Here');
  });
});

describe('date and upload answers', () => {
  const when: FieldSpec = { key: 'when', label: 'When', kind: 'DATE', required: true };
  const file: FieldSpec = { key: 'file', label: 'File', kind: 'UPLOAD', required: false, uploadKind: 'VOICE_NOTE' };

  it('starts from an earlier day or upload, else empty, and leaves empty ones out', () => {
    expect(initialAnswers([when, file], { when: '2026-11-28', file: 'abc' })).toEqual({ when: '2026-11-28', file: 'abc' });
    expect(initialAnswers([when, file], { when: 5 })).toEqual({ when: null, file: null });
    expect(toResponses([when, file], { when: '2026-11-28', file: null })).toEqual({ when: '2026-11-28' });
  });

  it('shows a day in words and never an upload id', () => {
    expect(answerText(when, '2026-11-28')).toContain('2026');
    expect(answerText(file, '6a1f9b7e-1111-4222-8333-444455556666')).toBe('A voice note is attached');
  });
});
