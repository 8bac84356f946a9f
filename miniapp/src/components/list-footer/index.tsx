import { Text, View } from '@tarojs/components';
import { type PagedListState } from '@/hooks/use-paged-list';

/** Under a paged list: its next page loading, a retry after a failure, 上拉加载更多, or the end. */
export function ListFooter({
  paged,
  idPrefix,
  className,
}: {
  paged: PagedListState<unknown>;
  /** `<prefix>-more` and `<prefix>-more-retry` are the tappable texts. */
  idPrefix: string;
  /** The page's own spacing for it. */
  className: string;
}) {
  const { list, loadingMore, moreError, loadMore } = paged;
  if (!list) return null;
  return (
    <View className={className}>
      {moreError ? (
        <Text id={`${idPrefix}-more-retry`} onClick={loadMore}>
          加载失败，点此重试
        </Text>
      ) : loadingMore ? (
        <Text>加载中…</Text>
      ) : list.hasMore ? (
        <Text id={`${idPrefix}-more`} onClick={loadMore}>
          上拉加载更多
        </Text>
      ) : (
        <Text>没有更多了</Text>
      )}
    </View>
  );
}
