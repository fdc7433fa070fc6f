import { draftProblem, mergeMessages, otherPerson, MESSAGE_MAX_LENGTH } from './messages';

describe('messages helpers', () => {
  it('merges pages and live messages once each, oldest first', () => {
    const m = (id: string, at: string) => ({ id, body: id, createdAt: at });
    expect(mergeMessages([m('b', '2026-01-02T00:00:00Z'), m('a', '2026-01-01T00:00:00Z')], [m('c', '2026-01-03T00:00:00Z'), m('b', '2026-01-02T00:00:00Z')]).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
  it('finds the other participant', () => {
    expect(otherPerson([{ id: 'me' }, { id: 'you' }], 'me')).toEqual({ id: 'you' });
  });
  it('explains an empty or too long draft', () => {
    expect(draftProblem('  ')).toMatch(/Write something/);
    expect(draftProblem('x'.repeat(MESSAGE_MAX_LENGTH + 1))).toMatch(String(MESSAGE_MAX_LENGTH));
    expect(draftProblem('hello')).toBeNull();
  });
});
