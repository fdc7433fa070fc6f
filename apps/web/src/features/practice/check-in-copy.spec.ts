import { anchoredWords, LOCATIONS, STATES, streakSentence } from './check-in-copy';

describe('check-in copy', () => {
  it('explains all four locations and states', () => {
    expect(LOCATIONS.map((l) => l.value)).toEqual(['WITH_MYSELF', 'WITH_OTHERS', 'IN_THE_PAST', 'IN_THE_FUTURE']);
    expect(STATES.map((s) => s.value)).toEqual(['SETTLED', 'ACTIVATED', 'SHUT_DOWN', 'APPEASING']);
    expect([...LOCATIONS, ...STATES].every((x) => x.hint.length > 10)).toBe(true);
  });
  it('never scolds about a streak', () => {
    const sentences = [
      streakSentence({ current: 0, daysInLastSeven: 0, totalDays: 0 }),
      streakSentence({ current: 0, daysInLastSeven: 1, totalDays: 9 }),
      streakSentence({ current: 4, daysInLastSeven: 4, totalDays: 12 }),
    ];
    for (const s of sentences) expect(s).not.toMatch(/broke|lost|miss|fail/i);
    expect(sentences[2]).toBe('You checked in on 4 of the last 7 days, 4 days in a row. Nice rhythm.');
  });
  it('puts the anchored scale in words', () => {
    expect([0, 3, 5, 7, 10].map(anchoredWords)).toEqual(['hardly anchored', 'a little anchored', 'somewhat anchored', 'quite anchored', 'deeply anchored']);
  });
});
