import { coachChangeActor, coachChangeText, coachesKey, type CoachChange } from './coach-changes';

const change = (over: Partial<CoachChange> = {}): CoachChange => ({
  id: 'e1',
  action: 'COACH_ASSIGNED',
  at: '2025-03-04T18:05:00.000Z',
  coach: { id: 'c1', name: 'Casey Coach', email: 'casey@example.com' },
  actor: { id: 'a1', name: 'Administrator', email: 'admin@example.com' },
  ...over,
});

describe('coachChangeText', () => {
  it('says which coach was added or removed', () => {
    expect(coachChangeText(change())).toBe('Added Casey Coach');
    expect(coachChangeText(change({ action: 'COACH_UNASSIGNED' }))).toBe('Removed Casey Coach');
  });
});

describe('coachChangeActor', () => {
  it('names the admin who did it, and marks the viewer’s own changes', () => {
    expect(coachChangeActor(change(), 'someone-else')).toBe('Administrator');
    expect(coachChangeActor(change(), 'a1')).toBe('You');
  });
});

describe('coachesKey', () => {
  it('changes when a coach is added or removed, not when the order does', () => {
    expect(coachesKey([{ id: 'b' }, { id: 'a' }])).toBe(coachesKey([{ id: 'a' }, { id: 'b' }]));
    expect(coachesKey([{ id: 'a' }])).not.toBe(coachesKey([{ id: 'a' }, { id: 'b' }]));
    expect(coachesKey([])).toBe('');
  });
});
