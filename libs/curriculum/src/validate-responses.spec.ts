import { findTemplate } from './templates';
import { MAX_TEXT_LENGTH, validateResponses } from './validate-responses';
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
});
