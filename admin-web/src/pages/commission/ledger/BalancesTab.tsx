import { Button, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, ProfileOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatFen, type LeaderCommissionRow } from '@linli/shared-types';
import { KeywordSearch } from '../../../components/ListFilters';
import { LoadError } from '../../../components/LoadError';
import { tablePagination } from '../../../components/table-pagination';
import { usePermission } from '../../../session/hooks';
import { PermittedLink } from '../../orders/components/PermittedLink';
import { SignedAmount } from '../components/SignedAmount';
import { toBalanceQuery, type LedgerSearch } from '../ledger-query';
import { commissionKeys, fetchLeaderBalances } from '../service';

interface Props {
  search: LedgerSearch;
  onChange: (patch: Partial<LedgerSearch>, resetPage?: boolean) => void;
  onEntries: (leaderId: number) => void;
  onAdjust: (leader: { id: number; name: string }) => void;
}

const money = (fen: number, testId: string) => (
  <span style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
    {formatFen(fen)}
  </span>
);

/** 团长余额: what each leader has frozen, available and withdrawn, and earned today and this month. */
export function BalancesTab({ search, onChange, onEntries, onAdjust }: Props) {
  const canWrite = usePermission('commission.write');
  const query = toBalanceQuery(search);
  const list = useQuery({
    queryKey: commissionKeys.balances(query),
    queryFn: () => fetchLeaderBalances(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<LeaderCommissionRow> = [
    {
      title: '团长',
      key: 'leader',
      render: (_, row) => (
        <Space size={6}>
          <PermittedLink to={`/leaders/${row.leaderId}`} permission="leaders.read" testId="balance-leader">
            <Typography.Text strong style={{ color: 'inherit' }}>
              {row.leaderName}
            </Typography.Text>
          </PermittedLink>
          {row.levelName && (
            <Tag color="gold" bordered={false}>
              {row.levelName}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: '冻结中',
      dataIndex: 'frozen',
      width: 120,
      align: 'right',
      render: (fen: number) => money(fen, 'balance-frozen'),
    },
    {
      title: '可提现',
      dataIndex: 'available',
      width: 120,
      align: 'right',
      // A reversal after a payout can leave it negative: red says the next earnings pay it back first.
      render: (fen: number) => (
        <Typography.Text strong type={fen < 0 ? 'danger' : undefined} data-testid="balance-available">
          {formatFen(fen)}
        </Typography.Text>
      ),
    },
    {
      title: '已提现',
      dataIndex: 'withdrawn',
      width: 120,
      align: 'right',
      render: (fen: number) => money(fen, 'balance-withdrawn'),
    },
    {
      title: '今日',
      dataIndex: 'today',
      width: 110,
      align: 'right',
      render: (fen: number) => <SignedAmount amount={fen} testId="balance-today" />,
    },
    {
      title: '本月',
      dataIndex: 'thisMonth',
      width: 120,
      align: 'right',
      render: (fen: number) => <SignedAmount amount={fen} testId="balance-month" />,
    },
    {
      title: '操作',
      key: 'actions',
      width: canWrite ? 150 : 80,
      render: (_, row) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<ProfileOutlined />}
            onClick={() => onEntries(row.leaderId)}
            data-testid="balance-entries"
          >
            明细
          </Button>
          {canWrite && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => onAdjust({ id: row.leaderId, name: row.leaderName })}
              data-testid="balance-adjust"
            >
              调整
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex style={{ marginBottom: 16 }}>
        <KeywordSearch
          keyword={search.keyword}
          onSearch={(keyword) => onChange({ keyword })}
          placeholder="团长姓名 / 手机号"
          maxLength={32}
          width={280}
          data-testid="balance-search"
        />
      </Flex>
      {list.isError && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<LeaderCommissionRow>
          rowKey="leaderId"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          tableLayout="fixed"
          scroll={{ x: 960 }}
          data-testid="balances-table"
          locale={{
            emptyText: list.isPending ? (
              <div style={{ height: 160 }} />
            ) : (
              <Empty
                description={search.keyword ? '没有匹配的团长' : '还没有团长产生佣金'}
                data-testid="balances-empty"
              >
                {search.keyword && <Button onClick={() => onChange({ keyword: undefined })}>清除搜索</Button>}
              </Empty>
            ),
          }}
          pagination={tablePagination({
            page: search.page,
            pageSize: search.pageSize,
            total: list.data?.total,
            describeTotal: (n) => `共 ${n} 名团长`,
            onChange: (next) => onChange(next, false),
          })}
        />
      )}
    </>
  );
}
