import { appendPage, visiblePage } from './paging';

const key = (row: { id: string }) => row.id;
const rows = (...ids: string[]) => ids.map((id) => ({ id }));

describe('appendPage', () => {
  it('adds the next page after the rows before its offset, dropping the previous page’s extra row', () => {
    // Page 1 asked for 3 and showed 2: "c" was the extra row; page 2 starts at offset 2.
    expect(appendPage(rows('a', 'b', 'c'), rows('c', 'd', 'e'), 2, key)).toEqual(rows('a', 'b', 'c', 'd', 'e'));
  });

  it('never lists a row twice when newer rows pushed older ones onto the next page', () => {
    // "z" arrived between the two fetches: "b" moved from offset 1 to offset 2.
    expect(appendPage(rows('a', 'b', 'c'), rows('b', 'c', 'd'), 2, key)).toEqual(rows('a', 'b', 'c', 'd'));
  });

  it('handles an empty first list and an empty page', () => {
    expect(appendPage([], rows('a'), 0, key)).toEqual(rows('a'));
    expect(appendPage(rows('a', 'b'), [], 2, key)).toEqual(rows('a', 'b'));
  });
});

describe('visiblePage', () => {
  it('shows whole pages and offers more only when a row beyond them was fetched', () => {
    expect(visiblePage(rows('a', 'b', 'c'), 1, 2)).toEqual({ shown: rows('a', 'b'), hasMore: true });
    expect(visiblePage(rows('a', 'b'), 1, 2)).toEqual({ shown: rows('a', 'b'), hasMore: false });
    expect(visiblePage(rows('a', 'b', 'c'), 2, 2)).toEqual({ shown: rows('a', 'b', 'c'), hasMore: false });
    expect(visiblePage([], 1, 2)).toEqual({ shown: [], hasMore: false });
  });
});
