/**
 * "Show more" over the API's limit/offset lists. Each page asks for one row more than it shows, so
 * the extra row tells whether there is a further page without a count query.
 */

/**
 * The rows fetched so far plus a page fetched at `offset`: what came before `offset` is kept, the
 * page replaces whatever was cached from there on (e.g. the previous page's extra row). A row already
 * listed (the list moved on between two pages, as a newer row pushes older ones down) is not shown twice.
 */
export function appendPage<T>(fetched: readonly T[], page: readonly T[], offset: number, key: (row: T) => string): T[] {
  const kept = fetched.slice(0, offset);
  const seen = new Set(kept.map(key));
  return [...kept, ...page.filter((row) => !seen.has(key(row)))];
}

/** The rows to show of `fetched` when `pageCount` pages are open, and whether "Show more" has anything to show. */
export function visiblePage<T>(fetched: readonly T[], pageCount: number, pageSize: number): { shown: T[]; hasMore: boolean } {
  const limit = pageCount * pageSize;
  return { shown: fetched.slice(0, limit), hasMore: fetched.length > limit };
}
