import { Link } from 'react-router-dom';
import { Avatar, Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import type { MemberChannel, MemberListItem, MemberPage, TagChip } from '@linli/shared-types';
import { formatDateTime } from '../../../../utils/format';
import { ChannelTag } from '../../../members/components/MemberBits';
import { TagChips } from '../../../members/components/TagChips';
import { memberCountLabel } from '../../../members/bulk-selection';
import { fetchMembers, memberKeys } from '../../../members/service';
import { PagedTabTable } from './PagedTabTable';

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
  return (
    <PagedTabTable<MemberListItem, MemberPage>
      queryKey={(page, pageSize) => memberKeys.list({ leaderId, page, pageSize })}
      fetchPage={(page, pageSize) => fetchMembers({ leaderId, page, pageSize })}
      columns={columns}
      empty="还没有绑定在该团长的会员"
      describeTotal={(page) => `共 ${memberCountLabel(page.total, page.totalCapped)} 名客户`}
      scrollX={720}
      testId="leader-customers-table"
    />
  );
}
