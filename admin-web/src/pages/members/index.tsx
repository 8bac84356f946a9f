import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Avatar, Button, Card, Empty, Flex, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { MinusCircleOutlined, TagsOutlined, UserOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BulkTagRequest, MemberChannel, MemberListItem, TagChip } from '@linli/shared-types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { usePermission } from '../../session/hooks';
import { formatDateTime } from '../../utils/format';
import {
  filterOf,
  memberCountLabel,
  mergePageSelection,
  selectionScope,
  type BulkTarget,
} from './bulk-selection';
import { BulkTagModal } from './components/BulkTagModal';
import { TagChips } from './components/TagChips';
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
    title: '标签',
    dataIndex: 'tags',
    width: 240,
    render: (tags: TagChip[]) => <TagChips tags={tags} max={3} />,
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

  const canWrite = usePermission('members.write');
  // Ticked rows survive paging within one filter and are cleared when the filter changes.
  const scope = selectionScope(filters);
  const [selected, setSelected] = useState<number[]>([]);
  useEffect(() => setSelected([]), [scope]);
  const [bulk, setBulk] = useState<{ target: BulkTarget; action: BulkTagRequest['action'] } | null>(null);

  const data = list.data;
  const totalLabel = memberCountLabel(data?.total ?? 0, data?.totalCapped ?? false);
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
        {canWrite && (
          <BulkBar
            selectedCount={selected.length}
            total={data?.total ?? 0}
            totalLabel={totalLabel}
            filtered={filtered}
            onClear={() => setSelected([])}
            onRun={(action, by) =>
              setBulk({
                action,
                target:
                  by === 'ids'
                    ? { by: 'ids', memberIds: selected }
                    : { by: 'filter', filter: filterOf(filters), totalLabel },
              })
            }
          />
        )}
        {list.isError && !data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<MemberListItem>
            rowKey="id"
            columns={columns}
            dataSource={data?.items}
            loading={list.isFetching}
            scroll={{ x: 1100 }}
            tableLayout="fixed"
            data-testid="members-table"
            rowSelection={
              canWrite
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) =>
                      setSelected(
                        mergePageSelection(
                          selected,
                          (data?.items ?? []).map((m) => m.id),
                          keys.map(Number),
                        ),
                      ),
                    columnWidth: 40,
                    // A click beside the checkbox must not open the member (the row is clickable).
                    onCell: () => ({ onClick: (e) => e.stopPropagation() }),
                  }
                : undefined
            }
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
              describeTotal: () => `共 ${totalLabel} 名会员`,
              onChange: (next) => setFilters(next, false),
            })}
          />
        )}
      </Card>
      <BulkTagModal
        target={bulk?.target ?? null}
        action={bulk?.action ?? 'add'}
        onClose={() => setBulk(null)}
        onDone={() => setSelected([])}
      />
    </>
  );
}

interface BulkBarProps {
  selectedCount: number;
  total: number;
  /** The total as shown: 10,000+ when capped. */
  totalLabel: string;
  filtered: boolean;
  onClear: () => void;
  onRun: (action: BulkTagRequest['action'], by: BulkTarget['by']) => void;
}

/** Bulk tagging: on the ticked rows, or on everyone the current filter matches (also other pages). */
function BulkBar({ selectedCount, total, totalLabel, filtered, onClear, onRun }: BulkBarProps) {
  const hasSelection = selectedCount > 0;
  return (
    <Alert
      type={hasSelection ? 'info' : 'success'}
      style={{ marginBottom: 12, background: hasSelection ? undefined : '#f8fafc', borderColor: '#e2e8f0' }}
      data-testid="member-bulk-bar"
      message={
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Text>
            {hasSelection ? (
              <>
                已勾选 <Typography.Text strong>{selectedCount}</Typography.Text> 名会员
                <Button type="link" size="small" onClick={onClear}>
                  取消勾选
                </Button>
              </>
            ) : (
              <Typography.Text type="secondary">
                勾选会员后可批量打标签；也可以对{filtered ? '筛选结果' : '全部会员'}一次性操作。
              </Typography.Text>
            )}
          </Typography.Text>
          <Space wrap>
            {hasSelection && (
              <>
                <Button
                  type="primary"
                  icon={<TagsOutlined />}
                  onClick={() => onRun('add', 'ids')}
                  data-testid="bulk-add-selected"
                >
                  批量打标签
                </Button>
                <Button icon={<MinusCircleOutlined />} onClick={() => onRun('remove', 'ids')}>
                  批量移除标签
                </Button>
              </>
            )}
            <Button
              disabled={total === 0}
              onClick={() => onRun('add', 'filter')}
              data-testid="bulk-add-filtered"
            >
              对{filtered ? '筛选结果' : '全部'} {totalLabel} 人打标签
            </Button>
            <Button
              disabled={total === 0}
              onClick={() => onRun('remove', 'filter')}
              data-testid="bulk-remove-filtered"
            >
              对{filtered ? '筛选结果' : '全部'} {totalLabel} 人移除标签
            </Button>
          </Space>
        </Flex>
      }
    />
  );
}
