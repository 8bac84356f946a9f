import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Avatar, Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberChannel, MemberListItem, TagChip } from '@linli/shared-types';
import { LoadError } from '../../../../components/LoadError';
import { tablePagination } from '../../../../components/table-pagination';
import { formatDateTime } from '../../../../utils/format';
import { ChannelTag } from '../../../members/components/MemberBits';
import { TagChips } from '../../../members/components/TagChips';
import { fetchLeaderCustomers, leaderTabKeys } from './leader-tabs-service';

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
          <Link to={`/members/${row.id}`}>
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
    title: '来源渠道',
    dataIndex: 'channel',
    width: 110,
    render: (channel: MemberChannel) => <ChannelTag channel={channel} />,
  },
  {
    title: '标签',
    dataIndex: 'tags',
    width: 220,
    render: (tags: TagChip[] | undefined) => <TagChips tags={tags ?? []} max={3} />,
  },
  {
    title: '加入时间',
    dataIndex: 'joinedAt',
    width: 160,
    onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    render: (iso: string) => formatDateTime(iso),
  },
];

/** 客户 tab of the leader detail: the members bound to this leader (they pick up at their point). */
export function CustomersTab({ leaderId }: { leaderId: number }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const list = useQuery({
    queryKey: leaderTabKeys.customers(leaderId, paging.page, paging.pageSize),
    queryFn: () => fetchLeaderCustomers(leaderId, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  if (list.isError && !list.data) {
    return <LoadError compact error={list.error} onRetry={() => void list.refetch()} />;
  }
  return (
    <Table<MemberListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.data?.items}
      loading={list.isFetching}
      tableLayout="fixed"
      scroll={{ x: 720 }}
      data-testid="leader-customers-table"
      locale={{
        emptyText: list.isPending ? (
          <div style={{ height: 120 }} />
        ) : (
          <Empty description="还没有绑定在该团长的会员" />
        ),
      }}
      pagination={tablePagination({
        ...paging,
        total: list.data?.total,
        describeTotal: (total) => `共 ${total} 名客户`,
        onChange: setPaging,
      })}
    />
  );
}
