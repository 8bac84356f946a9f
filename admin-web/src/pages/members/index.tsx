import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Avatar, Button, Card, Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberChannel, MemberListItem } from '@linli/shared-types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../utils/format';
import { MemberFilters } from './components/MemberFilters';
import { ChannelTag, LeaderBadge, LeaderLink } from './components/MemberBits';
import {
  fetchMembers,
  filtersFromSearch,
  isFiltered,
  memberKeys,
  searchFromFilters,
  toMemberListQuery,
  type MemberListFilters,
} from './service';
import { tablePagination } from '../../components/table-pagination';

const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

const columns: TableColumnsType<MemberListItem> = [
  {
    title: '会员',
    key: 'member',
    render: (_, row) => (
      <Flex gap={10} align="center">
        <Avatar
          size={32}
          icon={<UserOutlined />}
          style={{ flex: 'none', background: '#d1fae5', color: '#15803d' }}
        />
        <div style={{ minWidth: 0 }}>
          <Link to={`/members/${row.id}`} onClick={(e) => e.stopPropagation()}>
            <Typography.Text strong>{row.nickname}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.phone ?? '未留手机号'}
          </Typography.Text>
        </div>
      </Flex>
    ),
  },
  {
    // MemberListItem names the leader only; the pickup point is on the member's detail.
    title: '当前团长',
    key: 'leader',
    width: 160,
    render: (_, row) =>
      row.currentLeaderId === null ? (
        muted('未绑定')
      ) : (
        <LeaderLink id={row.currentLeaderId} name={row.currentLeaderName} />
      ),
  },
  {
    title: '来源渠道',
    dataIndex: 'channel',
    width: 110,
    render: (channel: MemberChannel) => <ChannelTag channel={channel} />,
  },
  {
    title: '首次团长',
    dataIndex: 'firstLeaderName',
    width: 120,
    render: (name: string | null) => name ?? muted('—'),
  },
  {
    title: '身份',
    dataIndex: 'isLeader',
    width: 90,
    render: (isLeader: boolean) => (isLeader ? <LeaderBadge /> : muted('会员')),
  },
  {
    title: '加入时间',
    dataIndex: 'joinedAt',
    width: 150,
    onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    render: (iso: string) => formatDateTime(iso),
  },
];

export default function MembersPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const query = useMemo(() => toMemberListQuery(filters), [filters]);

  const list = useQuery({
    queryKey: memberKeys.list(query),
    queryFn: () => fetchMembers(query),
    placeholderData: keepPreviousData,
  });
  const setFilters = (patch: Partial<MemberListFilters>, resetPage = true) =>
    setParams(searchFromFilters({ ...filters, ...(resetPage ? { page: 1 } : {}), ...patch }));
  const filtered = isFiltered(filters);

  const data = list.data;
  const leaderName =
    filters.leaderId !== undefined
      ? (data?.items.find((m) => m.currentLeaderId === filters.leaderId)?.currentLeaderName ?? null)
      : null;

  return (
    <>
      <PageHeader
        title="会员列表"
        description="全部会员及其当前团长、来源渠道；点击一行查看来源、绑定记录并调整团长。"
      />
      <Card variant="borderless">
        <div style={{ marginBottom: 16 }}>
          <MemberFilters
            filters={filters}
            leaderName={leaderName}
            onChange={(patch) => setFilters(patch)}
            onReset={() => setParams({})}
          />
        </div>
        {list.isError && !data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<MemberListItem>
            rowKey="id"
            columns={columns}
            dataSource={data?.items}
            loading={list.isFetching}
            scroll={{ x: 960 }}
            tableLayout="fixed"
            data-testid="members-table"
            onRow={(row) => ({
              onClick: () => navigate(`/members/${row.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description={filtered ? '没有符合条件的会员' : '还没有会员'}>
                  {filtered && <Button onClick={() => setParams({})}>清除筛选</Button>}
                </Empty>
              ),
            }}
            pagination={tablePagination({
              page: filters.page,
              pageSize: filters.pageSize,
              total: data?.total,
              describeTotal: (total) => `共 ${total} 名会员`,
              onChange: (next) => setFilters(next, false),
            })}
          />
        )}
      </Card>
    </>
  );
}
