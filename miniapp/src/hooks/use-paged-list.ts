import { useCallback, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { type Paged } from '@linli/shared-types';
import { ApiError, showErrorToast } from '@/services/request';
import { mergePage, type PagedList } from '@/utils/community';

interface PagedListOptions<T, R extends Paged<T>> {
  /**
   * One page for the current filters; keep it in a useCallback over them. Resolves null when there is
   * nothing to show (e.g. signed out, which the page has already dealt with).
   */
  fetchPage: (page: number) => Promise<R | null>;
  keyOf: (item: T) => number;
  /** A page came in and is shown. */
  onLoaded?: (result: R) => void;
  /** A failure that is the page's business rather than the list's (e.g. no longer a leader): true if taken. */
  takeOver?: (caught: unknown) => boolean;
  /** Page 1 failed with no list on screen: the page shows its error state, with this message. */
  onFirstPageError: (message: string) => void;
}

export interface PagedListState<T> {
  list: PagedList<T> | null;
  loadingMore: boolean;
  /** Loading the next page failed: the footer offers a retry, and reaching the bottom stops asking. */
  moreError: boolean;
  /** Loads a page: page 1 replaces what is shown, later pages add to it. */
  load: (page: number) => Promise<void>;
  loadMore: () => void;
  /** Drops the list and any answer still on its way, for a new query (call load(1) next). */
  startOver: () => void;
}

const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught.message : '加载失败，请稍后重试');

/**
 * A list paged from the server as the user scrolls (我的订单, 待提货订单, 我的客户). A failed refresh of a
 * list on screen is toasted instead of replacing the list; a failed next page is retried from the footer.
 */
export function usePagedList<T, R extends Paged<T> = Paged<T>>(
  options: PagedListOptions<T, R>,
): PagedListState<T> {
  const [list, setList] = useState<PagedList<T> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState(false);
  /** Answers for a query the user already left (other tab or filters) are dropped. */
  const queryVersion = useRef(0);
  const showingList = useRef(false);
  showingList.current = list !== null;
  // The callbacks are read when an answer comes in; only fetchPage (the filters) makes a new query.
  const latest = useRef(options);
  latest.current = options;
  const { fetchPage } = options;

  const load = useCallback(
    async (page: number) => {
      const version = queryVersion.current;
      setMoreError(false);
      if (page > 1) setLoadingMore(true);
      try {
        const result = await fetchPage(page);
        if (version !== queryVersion.current || result === null) return;
        setList((shown) => mergePage(shown, result, latest.current.keyOf));
        latest.current.onLoaded?.(result);
      } catch (caught) {
        if (version !== queryVersion.current) return;
        if (latest.current.takeOver?.(caught)) return;
        if (page > 1) setMoreError(true);
        else if (showingList.current) showErrorToast(messageOf(caught));
        else latest.current.onFirstPageError(messageOf(caught));
      } finally {
        if (version === queryVersion.current) setLoadingMore(false);
      }
    },
    [fetchPage],
  );

  const startOver = useCallback(() => {
    queryVersion.current += 1;
    setList(null);
  }, []);

  const loadMore = () => {
    if (list) void load(list.page + 1);
  };

  useReachBottom(() => {
    if (list?.hasMore && !loadingMore && !moreError) loadMore();
  });

  return { list, loadingMore, moreError, load, loadMore, startOver };
}
