import { Button, Empty } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { LoadError } from '../../../components/LoadError';
import { tablePagination } from '../../../components/table-pagination';
import { EntriesTable } from '../components/EntriesTable';
import { entriesFiltered, toEntryQuery, type LedgerSearch } from '../ledger-query';
import { commissionKeys, fetchEntries } from '../service';
import { EntryFilters } from './EntryFilters';

/** 流水: every ledger entry, newest first, filtered; a row opens to the lines it was computed from. */
export function EntriesTab({
  search,
  onChange,
  onReset,
}: {
  search: LedgerSearch;
  onChange: (patch: Partial<LedgerSearch>, resetPage?: boolean) => void;
  onReset: () => void;
}) {
  const query = toEntryQuery(search);
  const list = useQuery({
    queryKey: commissionKeys.entries(query),
    queryFn: () => fetchEntries(query),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.items;
  const filtered = entriesFiltered(search);
  const leaderName = rows?.find((e) => e.leaderId === search.leaderId)?.leaderName ?? null;

  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <EntryFilters
          search={search}
          leaderName={leaderName}
          onChange={(patch) => onChange(patch)}
          onReset={onReset}
        />
      </div>
      {list.isError && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <EntriesTable
          entries={rows}
          loading={list.isFetching}
          testId="entries-table"
          emptyText={
            list.isPending ? (
              <div style={{ height: 160 }} />
            ) : (
              <Empty
                description={filtered ? '没有符合条件的流水' : '还没有佣金流水：订单完成后自动记入'}
                data-testid="entries-empty"
              >
                {filtered && <Button onClick={onReset}>清除筛选</Button>}
              </Empty>
            )
          }
          pagination={tablePagination({
            page: search.page,
            pageSize: search.pageSize,
            total: list.data?.total,
            describeTotal: (n) => `共 ${n} 条流水`,
            onChange: (next) => onChange(next, false),
          })}
        />
      )}
    </>
  );
}
