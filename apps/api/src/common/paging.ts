import { DomainError } from '@anchored/domain';

export const MAX_PAGE_SIZE = 200;

/** Long lists are paged with limit/offset; out-of-range values are BAD_USER_INPUT naming the argument. */
export function assertPage(limit: number, offset: number): void {
  if (limit < 1 || limit > MAX_PAGE_SIZE) throw DomainError.badInput('limit', `limit must be from 1 to ${MAX_PAGE_SIZE}.`);
  if (offset < 0) throw DomainError.badInput('offset', 'offset must not be negative.');
}

/** An ILIKE pattern for "contains": `%`, `_` and `\\` typed by the admin are matched literally. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const MAX_SEARCH_LENGTH = 200;

/** A search argument: at most MAX_SEARCH_LENGTH characters, else BAD_USER_INPUT naming it. */
export function assertSearch(search: string | null | undefined, field = 'search'): void {
  if (search && search.length > MAX_SEARCH_LENGTH) throw DomainError.badInput(field, `${field} must be at most ${MAX_SEARCH_LENGTH} characters.`);
}
