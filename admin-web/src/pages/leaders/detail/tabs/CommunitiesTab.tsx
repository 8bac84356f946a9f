import { Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { COMMUNITY_STATUS_LABELS, type CommunityListItem, type CommunityStatus } from '@linli/shared-types';
import { formatDateTime } from '../../../../utils/format';
import { fetchLeaderCommunities, leaderCommunityKeys } from './leader-tabs-service';
import { PagedTabTable } from './PagedTabTable';

const columns: TableColumnsType<CommunityListItem> = [
  {
    title: '社群',
    dataIndex: 'name',
    render: (name: string) => (
      <Flex gap={8} align="center">
        <TeamOutlined style={{ color: '#16a34a' }} />
        <Typography.Text strong ellipsis={{ tooltip: name }}>
          {name}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: '成员',
    dataIndex: 'memberCount',
    width: 90,
    align: 'right',
    render: (count: number) => `${count} 人`,
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 100,
    render: (status: CommunityStatus) => (
      <Tag color={status === 'active' ? 'green' : 'default'} bordered={false} data-testid="community-status">
        {COMMUNITY_STATUS_LABELS[status]}
      </Tag>
    ),
  },
  {
    title: '邀请码',
    dataIndex: 'inviteCode',
    width: 150,
    render: (code: string) => (
      <Typography.Text code copyable={{ text: code, tooltips: ['复制', '已复制'] }}>
        {code}
      </Typography.Text>
    ),
  },
  {
    title: '创建时间',
    dataIndex: 'createdAt',
    width: 160,
    onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    render: (iso: string) => formatDateTime(iso),
  },
];

/** 社群 tab of the leader detail: the leader's WeChat groups with their invite codes. */
export function CommunitiesTab({ leaderId }: { leaderId: number }) {
  return (
    <PagedTabTable<CommunityListItem>
      queryKey={(page, pageSize) => leaderCommunityKeys.page(leaderId, page, pageSize)}
      fetchPage={(page, pageSize) => fetchLeaderCommunities(leaderId, page, pageSize)}
      columns={columns}
      empty="该团长还没有建社群：团长可在小程序「我的社群」中创建"
      describeTotal={(page) => `共 ${page.total} 个社群`}
      scrollX={680}
      testId="leader-communities-table"
    />
  );
}
