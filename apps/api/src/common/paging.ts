import { DomainError } from '@anchored/domain';

export const MAX_PAGE_SIZE = 200;

/** Long lists are paged with limit/offset; out-of-range values are BAD_USER_INPUT naming the argument. */
export function assertPage(limit: number, offset: number): void {
  if (limit < 1 || limit > MAX_PAGE_SIZE) throw DomainError.badInput('limit', `limit must be from 1 to ${MAX_PAGE_SIZE}.`);
  if (offset < 0) throw DomainError.badInput('offset', 'offset must not be negative.');
}
