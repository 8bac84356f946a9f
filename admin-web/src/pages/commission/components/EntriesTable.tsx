import type { ReactNode } from 'react';
import { Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { CommissionEntryView } from '@linli/shared-types';
import { TimeCell } from '../../orders/detail/RecordsCard';
import { PermittedLink } from '../../orders/components/PermittedLink';
import { shanghaiTime } from '../../orders/service';
import { EntryStatusTag, EntryTypeTag } from './CommissionTags';
import { DetailLinesTable } from './DetailLinesTable';
import { SignedAmount } from './SignedAmount';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

function columns(showLeader: boolean): TableColumnsType<CommissionEntryView> {
  return [
    {
      title: '时间',
      dataIndex: 'createdAt',
      width: 140,
      render: (iso: string) => <span style={{ whiteSpace: 'nowrap' }}>{shanghaiTime(iso)}</span>,
    },
    ...(showLeader
      ? [
          {
            title: '团长',
            key: 'leader',
            width: 110,
            ellipsis: true,
            render: (_: unknown, e: CommissionEntryView) => (
              <PermittedLink
                to={`/leaders/${e.leaderId}`}
                permission="leaders.read"
                quiet
                testId="entry-leader"
              >
                {e.leaderName}
              </PermittedLink>
            ),
          },
        ]
      : []),
    {
      title: '类型',
      dataIndex: 'type',
      width: 100,
      render: (type: CommissionEntryView['type']) => <EntryTypeTag type={type} />,
    },
    {
      title: '金额',
      dataIndex: 'amount',
      width: 110,
      align: 'right',
      render: (amount: number) => <SignedAmount amount={amount} strong />,
    },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, e) => (
        <TimeCell
          time={<EntryStatusTag status={e.status} />}
          caption={
            e.status === 'frozen' ? (
              <span style={{ whiteSpace: 'nowrap' }}>{shanghaiTime(e.availableAt, 'MM-DD HH:mm')} 解冻</span>
            ) : null
          }
        />
      ),
    },
    {
      title: '订单号',
      key: 'order',
      width: 190,
      render: (_, e) =>
        e.orderId && e.orderNo ? (
          <PermittedLink to={`/orders/${e.orderId}`} permission="orders.read" testId="entry-order-no">
            <span style={{ fontFamily: 'monospace', fontSize: 13 }}>{e.orderNo}</span>
          </PermittedLink>
        ) : (
          dash
        ),
    },
    {
      title: '方案',
      key: 'ruleSet',
      width: 70,
      render: (_, e) =>
        e.ruleSetId && e.ruleSetVersion !== null ? (
          <PermittedLink to={`/commission/rule-sets/${e.ruleSetId}`} permission="commission.read" quiet>
            v{e.ruleSetVersion}
          </PermittedLink>
        ) : (
          dash
        ),
    },
    {
      title: '备注',
      dataIndex: 'note',
      ellipsis: { showTitle: true },
      render: (note: string | null) => note ?? dash,
    },
  ];
}

/**
 * Ledger entries, newest first, each expandable to the lines it was computed from. Used by 佣金明细 (all
 * leaders) and by a leader's 对账单.
 */
export function EntriesTable({
  entries,
  loading,
  showLeader = true,
  pagination = false,
  emptyText,
  testId,
}: {
  entries: CommissionEntryView[] | undefined;
  loading?: boolean;
  showLeader?: boolean;
  pagination?: TablePaginationConfig | false;
  emptyText: ReactNode;
  testId: string;
}) {
  return (
    <Table<CommissionEntryView>
      rowKey="id"
      columns={columns(showLeader)}
      dataSource={entries}
      loading={loading}
      tableLayout="fixed"
      scroll={{ x: showLeader ? 1050 : 940 }}
      expandable={{
        rowExpandable: (e) => e.details.length > 0,
        expandedRowRender: (e) => <DetailLinesTable lines={e.details} />,
      }}
      locale={{ emptyText }}
      pagination={pagination}
      data-testid={testId}
    />
  );
}
