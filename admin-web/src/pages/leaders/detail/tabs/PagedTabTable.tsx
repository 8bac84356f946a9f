import { useState, type ReactNode } from 'react';
import { Empty, Table, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Paged } from '@linli/shared-types';
import { LoadError } from '../../../../components/LoadError';
import { tablePagination } from '../../../../components/table-pagination';

interface PagedTabTableProps<T, P extends Paged<T>> {
  /** The query key of one page. */
  queryKey: (page: number, pageSize: number) => QueryKey;
  fetchPage: (page: number, pageSize: number) => Promise<P>;
  columns: TableColumnsType<T>;
  empty: ReactNode;
  /** e.g. 共 12 个社群; gets the whole page for totals shown otherwise (10,000+). */
  describeTotal: (page: P) => string;
  scrollX: number;
  testId: string;
}

/** A server-paged table inside a detail tab (paged in the tab, not in the URL). */
export function PagedTabTable<T extends { id: number }, P extends Paged<T> = Paged<T>>(
  props: PagedTabTableProps<T, P>,
) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const list = useQuery({
    queryKey: props.queryKey(paging.page, paging.pageSize),
    queryFn: () => props.fetchPage(paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  if (list.isError && !list.data) {
    return <LoadError compact error={list.error} onRetry={() => void list.refetch()} />;
  }
  const data = list.data;
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      columns={props.columns}
      dataSource={data?.items}
      loading={list.isFetching}
      tableLayout="fixed"
      scroll={{ x: props.scrollX }}
      data-testid={props.testId}
      locale={{
        emptyText: list.isPending ? <div style={{ height: 120 }} /> : <Empty description={props.empty} />,
      }}
      pagination={tablePagination({
        ...paging,
        total: data?.total,
        describeTotal: () => (data ? props.describeTotal(data) : ''),
        onChange: setPaging,
      })}
    />
  );
}
