import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeaderListItem, LeaderListQuery, LeaderStatus } from '@linli/shared-types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { LeaderFilters } from './components/LeaderFilters';
import { LeaderStatusBadge } from './components/LeaderStatusBadge';
import { UplineLink } from './components/UplineLink';
import { fetchLevels, levelKeys } from './levels-service';
import { fetchLeaders, formatDateTime, leaderKeys, queryFromSearch, searchFromQuery } from './service';
import { tablePagination } from '../../components/table-pagination';

const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

export default function LeadersPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const query = useMemo(() => queryFromSearch(params), [params]);

  const list = useQuery({
    queryKey: leaderKeys.list(query),
    queryFn: () => fetchLeaders(query),
    placeholderData: keepPreviousData,
  });
  const setQuery = (patch: Partial<LeaderListQuery>, resetPage = true) =>
    setParams(searchFromQuery({ ...query, ...(resetPage ? { page: 1 } : {}), ...patch }));
  const filtered = Boolean(query.keyword || query.status || query.levelId);
  const levels = useQuery({ queryKey: levelKeys.all, queryFn: fetchLevels });

  const columns: TableColumnsType<LeaderListItem> = [
    {
      title: '团长',
      key: 'name',
      width: 150,
      render: (_, row) => (
        <div>
          <Link to={`/leaders/${row.id}`} onClick={(e) => e.stopPropagation()}>
            <Typography.Text strong>{row.name}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.phone ?? '未留手机号'}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (status: LeaderStatus) => <LeaderStatusBadge status={status} />,
    },
    {
      title: '等级',
      dataIndex: 'levelName',
      width: 110,
      render: (name: string | null) =>
        name ? (
          <Tag color="gold" bordered={false} data-testid="leader-level">
            {name}
          </Tag>
        ) : (
          muted('未定级')
        ),
    },
    {
      title: '自提点',
      key: 'pickupPoint',
      render: (_, row) =>
        row.pickupPointName ? (
          <div>
            <Typography.Text>{row.pickupPointName}</Typography.Text>
            <Typography.Text
              type="secondary"
              style={{ display: 'block', fontSize: 12 }}
              ellipsis={{ tooltip: row.pickupPointAddress }}
            >
              {row.pickupPointAddress ?? ''}
            </Typography.Text>
          </div>
        ) : (
          muted('未设置')
        ),
    },
    {
      title: '邀请码',
      dataIndex: 'inviteCode',
      width: 110,
      render: (code: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {code}
        </Typography.Text>
      ),
    },
    {
      title: '上级团长',
      key: 'upline',
      width: 120,
      render: (_, row) =>
        row.uplineLeaderId === null ? (
          muted('—')
        ) : (
          <UplineLink id={row.uplineLeaderId} name={row.uplineName} />
        ),
    },
    {
      title: '直推团员',
      dataIndex: 'recruitCount',
      width: 90,
      align: 'right',
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (n: number) => (n > 0 ? n : muted('0')),
    },
    {
      title: '申请时间',
      dataIndex: 'appliedAt',
      width: 150,
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (iso: string) => formatDateTime(iso),
    },
    {
      title: '审核时间',
      dataIndex: 'reviewedAt',
      width: 150,
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (iso: string | null) => formatDateTime(iso) ?? muted('—'),
    },
  ];

  const data = list.data;
  return (
    <>
      <PageHeader
        title="团长列表"
        description="全部团长及其自提点、上级与直推团员；点击一行查看详情并处理停用、恢复。"
      />
      <Card variant="borderless">
        <div style={{ marginBottom: 16 }}>
          <LeaderFilters
            query={query}
            levels={levels.data}
            onChange={(patch) => setQuery(patch)}
            onReset={() => setParams({})}
          />
        </div>
        {list.isError && !data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<LeaderListItem>
            rowKey="id"
            columns={columns}
            dataSource={data?.items}
            loading={list.isFetching}
            scroll={{ x: 1190 }}
            tableLayout="fixed"
            data-testid="leaders-table"
            onRow={(row) => ({
              onClick: () => navigate(`/leaders/${row.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description={filtered ? '没有符合条件的团长' : '还没有团长'}>
                  {filtered && <Button onClick={() => setParams({})}>清除筛选</Button>}
                </Empty>
              ),
            }}
            pagination={tablePagination({
              page: query.page,
              pageSize: query.pageSize,
              total: data?.total,
              describeTotal: (total) => `共 ${total} 名团长`,
              onChange: (next) => setQuery(next, false),
            })}
          />
        )}
      </Card>
    </>
  );
}
