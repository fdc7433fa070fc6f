import { weeksLabel } from './weeks';

describe('weeksLabel', () => {
  it('names one week or a span', () => {
    expect(weeksLabel([3])).toBe('Week 3');
    expect(weeksLabel([3, 4, 5])).toBe('Weeks 3–5');
    expect(weeksLabel([])).toBe('');
  });
});
