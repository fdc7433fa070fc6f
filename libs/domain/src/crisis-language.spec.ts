import { CRISIS_PHRASES, normaliseForCrisisCheck, readsLikeCrisis } from './crisis-language';

describe('readsLikeCrisis', () => {
  it.each([
    'I want to die',
    'Sometimes I think everyone would be better off without me.',
    "I don't want to be here anymore",
    'I don’t want to be here anymore',
    'I CAN’T GO ON like this',
    'thinking about suicide again',
    'I have been hurting myself',
    'self-harm has come back',
    'I might kill myself',
    'I want to end it all.',
    'Ich... I want to   die',
  ])('flags %p', (text) => {
    expect(readsLikeCrisis(text)).toBe(true);
  });

  it.each([
    '',
    '   ',
    'This week was hard but I set a boundary with my sister.',
    'This homework is killing me 😅',
    'I could die of embarrassment when I said no',
    'I nearly died laughing at the soft start-up role play',
    'I cut my hair short and felt free',
    'We talked about how to end my day with a walk',
  ])('does not flag %p', (text) => {
    expect(readsLikeCrisis(text)).toBe(false);
  });

  it('matches whole words only', () => {
    expect(readsLikeCrisis('the overdosed plant')).toBe(false);
    expect(readsLikeCrisis('suicidesquad')).toBe(false);
    expect(readsLikeCrisis('antisuicide campaign')).toBe(false);
    expect(readsLikeCrisis('I want to dieting tips')).toBe(false);
  });

  it('is a phrase list, not a diagnosis: a whole phrase is needed', () => {
    expect(readsLikeCrisis('I want to diet')).toBe(false);
    expect(readsLikeCrisis('my life will end at some point, like everyone’s')).toBe(false);
  });

  it('normalises case, accents, apostrophes and punctuation', () => {
    expect(normaliseForCrisisCheck('Ça  VA? Don’t—stop!')).toBe('ca va dont stop');
  });

  it('every documented phrase flags itself', () => {
    for (const phrase of CRISIS_PHRASES) expect(readsLikeCrisis(`… ${phrase} …`)).toBe(true);
  });
});
