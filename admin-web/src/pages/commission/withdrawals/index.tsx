import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Empty, Space, Table, Tabs } from 'antd';
import type { TableColumnsType } from 'antd';
import { ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { WITHDRAWAL_STATUS_LABELS, type WithdrawalView } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { tablePagination } from '../../../components/table-pagination';
import { useFileDownload } from '../../../components/useFileDownload';
import { usePermission } from '../../../session/hooks';
import { LeaderFilterSelect } from '../../orders/components/FilterSelects';
import { shanghaiTime } from '../../orders/service';
import { commissionKeys, exportBankBatch, fetchWithdrawals } from '../service';
import {
  WITHDRAWAL_TABS,
  searchFromWithdrawals,
  toWithdrawalQuery,
  withdrawalsFromSearch,
  type WithdrawalSearch,
  type WithdrawalTab,
} from '../withdrawals-query';
import { WITHDRAWAL_COLUMNS } from './columns';
import { useWithdrawalAction } from './useWithdrawalAction';
import { WithdrawalActions } from './WithdrawalActions';
import { WithdrawalReasonModal, type ReasonTarget } from './WithdrawalReasonModal';

const tabLabel = (tab: WithdrawalTab) => (tab === 'all' ? '全部' : WITHDRAWAL_STATUS_LABELS[tab]);

/** 提现审核: leaders' withdrawal requests by status; finance reviews them and settles bank payouts. */
export default function WithdrawalsPage() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => withdrawalsFromSearch(params), [params]);
  const query = useMemo(() => toWithdrawalQuery(search), [search]);
  const canApprove = usePermission('withdrawals.approve');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<ReasonTarget | null>(null);
  const act = useWithdrawalAction();
  const download = useFileDownload();

  const list = useQuery({
    queryKey: commissionKeys.withdrawalList(query),
    queryFn: () => fetchWithdrawals(query),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.items;
  const setSearch = (patch: Partial<WithdrawalSearch>, resetPage = true) =>
    setParams(searchFromWithdrawals({ ...search, ...(resetPage ? { page: 1 } : {}), ...patch }));

  const exportBatch = () =>
    modal.confirm({
      title: '导出银行打款批次？',
      content:
        '所有「已通过」的银行卡提现将导出为一张 Excel 打款表，并转为「打款中」。按表打款后，请在「打款中」逐笔标记已打款或失败。',
      okText: '导出',
      cancelText: '取消',
      okButtonProps: { ...{ 'data-testid': 'bank-batch-confirm' } },
      onOk: () =>
        download
          .mutateAsync({
            fetch: exportBankBatch,
            fallbackName: `银行打款批次-${shanghaiTime(new Date().toISOString(), 'YYYYMMDD-HHmm')}.xlsx`,
          })
          .then(() => void message.success('已导出打款表，表中的提现已转为「打款中」'))
          .catch(() => undefined)
          // The batch may have moved withdrawals even if the file got lost on the way.
          .finally(() => void queryClient.invalidateQueries({ queryKey: commissionKeys.withdrawals })),
    });

  const columns: TableColumnsType<WithdrawalView> = canApprove
    ? [
        ...WITHDRAWAL_COLUMNS,
        {
          title: '操作',
          key: 'actions',
          width: 170,
          fixed: 'right',
          render: (_, w) => <WithdrawalActions withdrawal={w} act={act} onAskReason={setAsking} />,
        },
      ]
    : WITHDRAWAL_COLUMNS;

  return (
    <>
      <PageHeader
        title="提现审核"
        description="团长的提现申请：小额自动通过，其余由财务审核。微信零钱由团长在小程序确认收款；银行卡导出打款批次，打款后逐笔标记。"
        extra={
          canApprove && (
            <Button
              icon={<ExportOutlined />}
              loading={download.isPending}
              onClick={exportBatch}
              data-testid="bank-batch-export"
            >
              导出银行打款批次
            </Button>
          )
        }
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={search.tab}
          onChange={(tab) => setSearch({ tab: tab as WithdrawalTab })}
          items={WITHDRAWAL_TABS.map((tab) => ({
            key: tab,
            label: <span data-testid={`withdrawal-tab-${tab}`}>{tabLabel(tab)}</span>,
          }))}
          data-testid="withdrawal-tabs"
        />
        <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
          <LeaderFilterSelect
            value={search.leaderId}
            selectedName={rows?.find((w) => w.leaderId === search.leaderId)?.leaderName ?? null}
            placeholder="团长"
            style={{ width: 200 }}
            onChange={(leaderId) => setSearch({ leaderId })}
            data-testid="withdrawal-filter-leader"
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void list.refetch()}
            data-testid="withdrawal-refresh"
          >
            刷新
          </Button>
        </Space>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<WithdrawalView>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isFetching}
            tableLayout="fixed"
            scroll={{ x: canApprove ? 1120 : 950 }}
            data-testid="withdrawals-table"
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty
                  description={
                    search.tab === 'all' ? '还没有提现申请' : `没有${tabLabel(search.tab)}的提现申请`
                  }
                  data-testid="withdrawals-empty"
                >
                  {search.leaderId && (
                    <Button onClick={() => setSearch({ leaderId: undefined })}>清除筛选</Button>
                  )}
                </Empty>
              ),
            }}
            pagination={tablePagination({
              page: search.page,
              pageSize: search.pageSize,
              total: list.data?.total,
              describeTotal: (n) => `共 ${n} 笔提现`,
              onChange: (next) => setSearch(next, false),
            })}
          />
        )}
      </Card>
      <WithdrawalReasonModal
        target={asking}
        submitting={act.isPending}
        submit={(variables) => act.mutateAsync(variables)}
        onClose={() => setAsking(null)}
      />
    </>
  );
}
