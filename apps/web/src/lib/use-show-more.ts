import { useRef, useState } from 'react';
import { visiblePage } from './paging';

/**
 * "Show more" over a limit/offset list (see lib/paging): which rows to show, whether there is more,
 * and the action that fetches the page at the next offset. `fetchPage` resolves to the page fetched
 * (undefined when the answer had no data) and may reject; the error is kept for the screen to show.
 * When the last page arrives the button goes away, so keyboard focus moves to the count
 * (`statusRef`) instead of being lost.
 */
export function useShowMore<T>(fetched: readonly T[], pageSize: number, fetchPage: (offset: number) => Promise<readonly T[] | undefined>) {
  const [pages, setPages] = useState(1);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const { shown, hasMore } = visiblePage(fetched, pages, pageSize);

  const showMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    const outcome = await fetchPage(pages * pageSize).then(
      (page) => ({ page }),
      (error: unknown) => {
        setMoreError(error);
        return null;
      },
    );
    setLoadingMore(false);
    if (!outcome) return;
    setPages(pages + 1);
    if (outcome.page && outcome.page.length <= pageSize) requestAnimationFrame(() => statusRef.current?.focus());
  };

  return { shown, hasMore, showMore, loadingMore, moreError, statusRef };
}
