import { Button, Group, Text } from '@mantine/core';
import type { useShowMore } from '../lib/use-show-more';
import { ErrorState } from './states';

type Paging = Pick<ReturnType<typeof useShowMore<unknown>>, 'shown' | 'hasMore' | 'showMore' | 'loadingMore' | 'moreError' | 'statusRef'>;

/**
 * The foot of a list paged by useShowMore: how many rows are shown (a live status that takes focus
 * when the last page arrives), the Show more button while there is more, and the error of a failed page.
 */
export function ShowMoreFooter({
  paging,
  order,
  noun,
  errorTitle,
}: {
  paging: Paging;
  /** Which end of the list is shown first: "Showing the first 20." */
  order: 'first' | 'latest' | 'newest';
  /** What a row is ("change", "changes"); without it the count stands alone. */
  noun?: { one: string; many: string };
  errorTitle: string;
}) {
  const { shown, hasMore, showMore, loadingMore, moreError, statusRef } = paging;
  const n = shown.length;
  const summary = hasMore
    ? `Showing the ${order} ${n}${noun ? ` ${noun.many}` : ''}.`
    : n === 1
      ? `That is the only ${noun?.one ?? 'one'}.`
      : `That is all ${n}${noun ? ` ${noun.many}` : ''}.`;
  return (
    <>
      <Group justify="space-between" mt="sm" gap="sm">
        <Text size="xs" c="dimmed" role="status" ref={statusRef} tabIndex={-1}>
          {summary}
        </Text>
        {hasMore && (
          <Button variant="default" size="sm" onClick={() => void showMore()} loading={loadingMore}>
            Show more
          </Button>
        )}
      </Group>
      {moreError ? <ErrorState error={moreError} title={errorTitle} /> : null}
    </>
  );
}
