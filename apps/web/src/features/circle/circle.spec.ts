import { draftProblem, mergeFeed } from './circle';

describe('circle', () => {
  it('refuses empty and over-long drafts like the API', () => {
    expect(draftProblem('  ', 10)).toBe('Write something first.');
    expect(draftProblem('x'.repeat(11), 10)).toMatch(/At most 10/);
    expect(draftProblem(' ok ', 10)).toBeNull();
  });

  it('orders pinned first then newest, keeping the latest copy of a post', () => {
    const a = { id: 'a', pinned: false, createdAt: '2026-01-01T10:00:00Z', body: 'old' };
    const b = { id: 'b', pinned: true, createdAt: '2026-01-01T09:00:00Z', body: '' };
    const c = { id: 'c', pinned: false, createdAt: '2026-01-01T11:00:00Z', body: '' };
    const merged = mergeFeed([a, b], [c, { ...a, body: 'new' }]);
    expect(merged.map((p) => p.id)).toEqual(['b', 'c', 'a']);
    expect(merged[2].body).toBe('new');
  });
});
