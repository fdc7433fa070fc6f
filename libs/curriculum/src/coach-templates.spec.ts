import type { HomeworkTemplate } from './types';
import { validateResponses } from './validate-responses';
import { validateTemplateDraft } from './validate-template';

/** A coach's template using every kind of field, as validateTemplateDraft returns it. */
const { template: everyKind, problems: draftProblems } = validateTemplateDraft('0f8e2d1c-0000-4000-8000-000000000001', {
  title: '  Every kind  ',
  instructions: 'Answer what you can.',
  fields: [
    { key: 'word', label: 'A word', kind: 'TEXT', required: true },
    { key: 'story', label: 'A story', kind: 'LONG_TEXT', required: false, help: ' Take your time. ' },
    { key: 'calm', label: 'Calm', kind: 'SCALE', required: true, min: 1, max: 5 },
    { key: 'place', label: 'Where', kind: 'CHOICE', required: true, options: ['Home', 'Work'] },
    { key: 'tried', label: 'Tried', kind: 'CHECKLIST', required: false, options: ['Breath', 'Walk', 'Call'] },
    { key: 'when', label: 'When it happened', kind: 'DATE', required: true },
    { key: 'voice', label: 'Say it aloud', kind: 'UPLOAD', required: false, uploadKind: 'VOICE_NOTE' },
  ],
});

const UPLOAD_ID = '6a1f9b7e-1111-4222-8333-444455556666';
const uploads = new Map([[UPLOAD_ID, { fieldKey: 'voice' }]]);
const valid = { word: 'steady', calm: 4, place: 'Home', when: '2026-02-28', voice: UPLOAD_ID };
const check = (answer: Record<string, unknown>) => validateResponses(everyKind, { ...valid, ...answer }, { uploads });
const codes = (answer: Record<string, unknown>) => check(answer).map((p) => [p.field, p.code]);

describe('validateResponses on a coach template (every field kind)', () => {
  it('accepts a complete answer, and leaves optional fields out', () => {
    expect(draftProblems).toEqual([]);
    expect(everyKind.title).toBe('Every kind');
    expect(check({ story: 'Long.', tried: ['Walk'] })).toEqual([]);
    expect(validateResponses(everyKind, { word: 'x', calm: 1, place: 'Work', when: '2026-01-01' }, { uploads })).toEqual([]);
  });

  it('TEXT and LONG_TEXT: text within limits', () => {
    expect(codes({ word: 5 })).toEqual([['word', 'WRONG_TYPE']]);
    expect(codes({ word: 'x'.repeat(501) })).toEqual([['word', 'TOO_LONG']]);
    expect(codes({ story: 'x'.repeat(10_001) })).toEqual([['story', 'TOO_LONG']]);
    expect(codes({ word: '  ' })).toEqual([['word', 'REQUIRED']]);
  });

  it('SCALE, CHOICE and CHECKLIST: within the bounds and options the coach set', () => {
    expect(codes({ calm: 6 })).toEqual([['calm', 'OUT_OF_RANGE']]);
    expect(codes({ calm: 2.5 })).toEqual([['calm', 'WRONG_TYPE']]);
    expect(codes({ place: 'Park' })).toEqual([['place', 'UNKNOWN_OPTION']]);
    expect(codes({ tried: ['Walk', 'Swim'] })).toEqual([['tried', 'UNKNOWN_OPTION']]);
    expect(codes({ tried: ['Walk', 'Walk'] })).toEqual([['tried', 'WRONG_TYPE']]);
  });

  it('DATE: a real calendar day as YYYY-MM-DD', () => {
    for (const good of ['2026-02-28', '2024-02-29', '1999-12-31']) expect(codes({ when: good })).toEqual([]);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '28.02.2026', '2026-02-28T10:00:00Z', '0999-01-01']) {
      expect(codes({ when: bad })).toEqual([['when', 'WRONG_TYPE']]);
    }
    expect(codes({ when: 20260228 })).toEqual([['when', 'WRONG_TYPE']]);
    expect(codes({ when: null })).toEqual([['when', 'REQUIRED']]);
  });

  it("UPLOAD: only the caller's own upload made for that very field", () => {
    expect(codes({ voice: UPLOAD_ID.toUpperCase() })).toEqual([]);
    expect(codes({ voice: '6a1f9b7e-1111-4222-8333-000000000000' })).toEqual([['voice', 'UNKNOWN_UPLOAD']]);
    expect(codes({ voice: 42 })).toEqual([['voice', 'WRONG_TYPE']]);
    // The same upload, but made for another field.
    const elsewhere = new Map([[UPLOAD_ID, { fieldKey: 'other' }]]);
    expect(validateResponses(everyKind, valid, { uploads: elsewhere }).map((p) => p.code)).toEqual(['UNKNOWN_UPLOAD']);
    // Without facts about uploads nothing can be proven: refused.
    expect(validateResponses(everyKind, valid).map((p) => p.code)).toEqual(['UNKNOWN_UPLOAD']);
    expect(codes({ voice: null })).toEqual([]);
  });

  it('never repeats what was typed in its messages', () => {
    for (const p of check({ word: 'SECRET'.repeat(100), when: 'SECRET', place: 'SECRET', voice: 'SECRET' })) expect(p.message).not.toContain('SECRET');
  });
});

describe('validateTemplateDraft', () => {
  const field = { key: 'a', label: 'A', kind: 'TEXT', required: true };
  const problems = (draft: Partial<Parameters<typeof validateTemplateDraft>[1]>) =>
    validateTemplateDraft('k', { title: 'T', instructions: '', fields: [field], ...draft }).problems.map((p) => p.field);

  it('needs a title and 1 to 30 fields', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ title: '  ' })).toEqual(['title']);
    expect(problems({ fields: [] })).toEqual(['fields']);
    expect(problems({ fields: Array.from({ length: 31 }, (_, i) => ({ ...field, key: `f${i}` })) })).toEqual(['fields']);
    expect(problems({ instructions: 'x'.repeat(5001) })).toEqual(['instructions']);
  });

  it('checks keys, labels and each kind of field', () => {
    expect(problems({ fields: [field, { ...field }] })).toEqual(['fields.1.key']);
    expect(problems({ fields: [{ ...field, key: 'Bad key' }] })).toEqual(['fields.0.key']);
    expect(problems({ fields: [{ ...field, label: '' }] })).toEqual(['fields.0.label']);
    expect(problems({ fields: [{ ...field, kind: 'VIDEO' }] })).toEqual(['fields.0.kind']);
    expect(problems({ fields: [{ ...field, kind: 'SCALE', min: 5, max: 5 }] })).toEqual(['fields.0.min']);
    expect(problems({ fields: [{ ...field, kind: 'SCALE', min: 1.5, max: 5 }] })).toEqual(['fields.0.min']);
    expect(problems({ fields: [{ ...field, kind: 'CHOICE', options: ['one'] }] })).toEqual(['fields.0.options']);
    expect(problems({ fields: [{ ...field, kind: 'CHECKLIST', options: ['a', 'a'] }] })).toEqual(['fields.0.options']);
    expect(problems({ fields: [{ ...field, kind: 'UPLOAD', uploadKind: 'VIDEO' }] })).toEqual(['fields.0.uploadKind']);
    expect(problems({ fields: [{ ...field, kind: 'DATE' }] })).toEqual([]);
  });

  it('returns the shape the curriculum uses, so one validator serves both', () => {
    const { template } = validateTemplateDraft('k', { title: 'T', instructions: ' I ', fields: [{ ...field, kind: 'UPLOAD', help: '' }] });
    const expected: HomeworkTemplate = { key: 'k', title: 'T', instructions: 'I', fields: [{ key: 'a', label: 'A', kind: 'UPLOAD', required: true, uploadKind: 'FILE' }] };
    expect(template).toEqual(expected);
  });
});
