import { findTemplate } from './templates';
import { MAX_TEXT_LENGTH, MAX_UNKNOWN_FIELDS_LISTED, validateResponses } from './validate-responses';
import type { HomeworkTemplate } from './types';

const template = (key: string): HomeworkTemplate => {
  const found = findTemplate(key);
  if (!found) throw new Error(key);
  return found;
};

const boundaryLog = template('boundary-practice-log');
const validBoundaryLog = {
  situation: 'My manager asked me to stay late again.',
  boundaryType: 'I said no',
  discomfortBefore: 8,
  discomfortAfter: 4,
  whatHappened: 'She said okay. My heart raced, then settled.',
};

describe('validateResponses', () => {
  it('accepts a complete answer, with or without optional fields', () => {
    expect(validateResponses(boundaryLog, validBoundaryLog)).toEqual([]);
    expect(validateResponses(boundaryLog, { ...validBoundaryLog, selfSupport: 'A walk.' })).toEqual([]);
    expect(validateResponses(boundaryLog, { ...validBoundaryLog, selfSupport: null })).toEqual([]);
  });

  it('rejects anything that is not an object', () => {
    for (const bad of [null, 'text', 42, ['a'], undefined]) {
      expect(validateResponses(boundaryLog, bad)).toEqual([expect.objectContaining({ field: null, code: 'NOT_AN_OBJECT' })]);
    }
  });

  it('reports every problem at once, each naming its field', () => {
    const problems = validateResponses(boundaryLog, {
      situation: '   ',
      boundaryType: 'I shouted',
      discomfortBefore: 11,
      discomfortAfter: 'low',
      mood: 'fine',
    });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['mood', 'UNKNOWN_FIELD'],
      ['situation', 'REQUIRED'],
      ['boundaryType', 'UNKNOWN_OPTION'],
      ['discomfortBefore', 'OUT_OF_RANGE'],
      ['discomfortAfter', 'WRONG_TYPE'],
      ['whatHappened', 'REQUIRED'],
    ]);
    for (const p of problems) expect(p.message).toContain(`"${p.field}"`);
  });

  it('checks scales are whole numbers within bounds, inclusive', () => {
    const check = (value: unknown) => validateResponses(boundaryLog, { ...validBoundaryLog, discomfortBefore: value });
    expect(check(0)).toEqual([]);
    expect(check(10)).toEqual([]);
    expect(check(-1)[0].code).toBe('OUT_OF_RANGE');
    expect(check(4.5)[0].code).toBe('WRONG_TYPE');
    expect(check('5')[0].code).toBe('WRONG_TYPE');
  });

  it('checks text type and length', () => {
    expect(validateResponses(boundaryLog, { ...validBoundaryLog, situation: 12 })[0].code).toBe('WRONG_TYPE');
    const long = validateResponses(boundaryLog, { ...validBoundaryLog, selfSupport: 'x'.repeat(MAX_TEXT_LENGTH + 1) });
    expect(long).toEqual([expect.objectContaining({ field: 'selfSupport', code: 'TOO_LONG' })]);
  });

  it('checks checklists hold distinct known options, and required checklists at least one', () => {
    const letter = template('integration-letter');
    const base = { letter: 'Dear me…', confidence: 7 };
    expect(validateResponses(letter, { ...base, toolsToKeep: ['Boundaries', 'The soft start-up'] })).toEqual([]);
    expect(validateResponses(letter, { ...base, toolsToKeep: [] })[0].code).toBe('REQUIRED');
    expect(validateResponses(letter, { ...base, toolsToKeep: ['Astrology'] })[0].code).toBe('UNKNOWN_OPTION');
    expect(validateResponses(letter, { ...base, toolsToKeep: 'Boundaries' })[0].code).toBe('WRONG_TYPE');
    expect(validateResponses(letter, { ...base, toolsToKeep: ['Boundaries', 'Boundaries'] })[0].code).toBe('WRONG_TYPE');
  });

  it('never repeats what was typed in its messages', () => {
    const secret = 'I told my sister about the abuse';
    const choice = validateResponses(boundaryLog, { ...validBoundaryLog, boundaryType: secret });
    const letter = template('integration-letter');
    const checklist = validateResponses(letter, { letter: 'Dear me…', confidence: 7, toolsToKeep: ['Boundaries', secret] });
    for (const problems of [choice, checklist]) {
      expect(problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_OPTION' })]);
      expect(JSON.stringify(problems)).not.toContain(secret);
    }
  });

  it('summarizes many unknown answer keys in one problem', () => {
    const few = Object.fromEntries(Array.from({ length: MAX_UNKNOWN_FIELDS_LISTED }, (_, i) => [`extra${i}`, 'x']));
    expect(validateResponses(boundaryLog, { ...validBoundaryLog, ...few }).map((p) => p.field)).toEqual(Object.keys(few));

    const many = Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`k${i}`, 'x']));
    const problems = validateResponses(boundaryLog, { ...validBoundaryLog, ...many });
    expect(problems).toEqual([{ field: null, code: 'UNKNOWN_FIELD', message: expect.stringContaining('8000 answers are not fields') }]);
    expect(JSON.stringify(problems).length).toBeLessThan(300);
  });

  it('cuts a long unknown key short when naming it', () => {
    const [problem] = validateResponses(boundaryLog, { ...validBoundaryLog, ['x'.repeat(5000)]: 1 });
    expect(problem.code).toBe('UNKNOWN_FIELD');
    expect(problem.message.length).toBeLessThan(120);
  });
});
