import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeaderListItem, LeaderListQuery } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { usePermission } from '../../../session/hooks';
import { ApplicationPanel } from '../components/ApplicationPanel';
import { LeaderActionButtons } from '../components/LeaderActionButtons';
import { LeaderFilters } from '../components/LeaderFilters';
import { ReasonModal, type ReasonTarget } from '../components/ReasonModal';
import { UplineLink } from '../components/UplineLink';
import { useLeaderActions } from '../components/useLeaderActions';
import { fetchLeaders, formatDateTime, leaderKeys, queryFromSearch, searchFromQuery } from '../service';
import { tablePagination } from '../../../components/table-pagination';

export default function LeaderApplicationsPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo<LeaderListQuery>(() => ({ ...queryFromSearch(params), status: 'pending' }), [params]);
  const canWrite = usePermission('leaders.write');
  const [reasonTarget, setReasonTarget] = useState<ReasonTarget | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  const actions = useLeaderActions();

  const list = useQuery({
    queryKey: leaderKeys.list(query),
    queryFn: () => fetchLeaders(query),
    placeholderData: keepPreviousData,
  });
  const setQuery = (patch: Partial<LeaderListQuery>, resetPage = true) =>
    setParams(searchFromQuery({ ...query, ...(resetPage ? { page: 1 } : {}), ...patch, status: undefined }));
  const filtered = Boolean(query.keyword);

  // Deciding the last rows of a later page empties it: step back to the page that still has applications.
  const emptiedPage =
    list.data && list.data.items.length === 0 && list.data.total > 0 && (query.page ?? 1) > 1
      ? Math.ceil(list.data.total / (query.pageSize ?? 20))
      : null;
  useEffect(() => {
    if (emptiedPage !== null)
      setParams(searchFromQuery({ ...query, page: emptiedPage, status: undefined }), { replace: true });
  }, [emptiedPage, query, setParams]);

  const columns: TableColumnsType<LeaderListItem> = [
    {
      title: '申请人',
      key: 'applicant',
      width: 170,
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
      title: '自提点',
      key: 'pickupPoint',
      render: (_, row) => (
        <div style={{ minWidth: 200 }}>
          <Typography.Text>{row.pickupPointName ?? '—'}</Typography.Text>
          <Typography.Text
            type="secondary"
            style={{ display: 'block', fontSize: 12 }}
            ellipsis={{ tooltip: row.pickupPointAddress }}
          >
            {row.pickupPointAddress ?? '—'}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '推荐团长',
      key: 'upline',
      width: 150,
      render: (_, row) => <UplineLink id={row.uplineLeaderId} name={row.uplineName} />,
    },
    {
      title: '申请时间',
      dataIndex: 'appliedAt',
      width: 150,
      render: (iso: string) => formatDateTime(iso),
    },
    {
      title: '操作',
      key: 'actions',
      width: canWrite ? 170 : 90,
      fixed: 'right',
      render: (_, row) => (
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          {canWrite && (
            <LeaderActionButtons
              compact
              leader={row}
              run={actions.mutateAsync}
              askReason={setReasonTarget}
              busy={actions.isPending && actions.variables?.leader.id === row.id}
            />
          )}
          {canWrite && <Typography.Text type="secondary">|</Typography.Text>}
          <Link to={`/leaders/${row.id}`} style={{ padding: '0 7px' }}>
            详情
          </Link>
        </Space>
      ),
    },
  ];

  const data = list.data;
  return (
    <>
      <PageHeader
        title="团长申请"
        description="待审核的团长申请，最新提交的在前。点击一行查看自提点与签约信息；拒绝需填写原因，申请人可据此修改后重新申请。"
      />
      <Card variant="borderless">
        <div style={{ marginBottom: 16 }}>
          <LeaderFilters
            showStatus={false}
            query={query}
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
            scroll={{ x: 900 }}
            tableLayout="fixed"
            data-testid="leader-applications-table"
            expandable={{
              expandedRowKeys: expanded,
              onExpandedRowsChange: (keys) => setExpanded(keys as number[]),
              expandedRowRender: (row) => <ApplicationPanel leaderId={row.id} />,
            }}
            onRow={(row) => ({
              onClick: () =>
                setExpanded((keys) =>
                  keys.includes(row.id) ? keys.filter((k) => k !== row.id) : [...keys, row.id],
                ),
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={filtered ? '没有符合条件的申请' : '暂无待审核的团长申请，新的申请会出现在这里'}
                >
                  {filtered && <Button onClick={() => setParams({})}>清除筛选</Button>}
                </Empty>
              ),
            }}
            pagination={tablePagination({
              page: query.page,
              pageSize: query.pageSize,
              total: data?.total,
              describeTotal: (total) => `共 ${total} 条待审核`,
              onChange: (next) => setQuery(next, false),
            })}
          />
        )}
      </Card>
      <ReasonModal
        target={reasonTarget}
        submitting={actions.isPending}
        submit={actions.mutateAsync}
        onClose={() => setReasonTarget(null)}
      />
    </>
  );
}
