import { Card, Empty, List, Space, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import type { MemberCommunity } from '@linli/shared-types';
import { formatDateTime } from '../../../utils/format';
import { ChannelTag, LeaderLink } from './MemberBits';

/** 社群 on the member detail: every community the member is in, newest first. */
export function MemberCommunities({ communities }: { communities: MemberCommunity[] }) {
  return (
    <Card
      title={`社群（${communities.length}）`}
      variant="borderless"
      style={{ height: '100%' }}
      data-testid="member-communities"
    >
      {communities.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="未加入任何社群：会员扫描团长的社群邀请码后显示在这里"
          style={{ margin: '8px 0' }}
        />
      ) : (
        <List<MemberCommunity>
          size="small"
          dataSource={communities}
          renderItem={(c) => (
            <List.Item style={{ paddingInline: 0 }} extra={<ChannelTag channel={c.channel} />}>
              <List.Item.Meta
                avatar={<TeamOutlined style={{ fontSize: 18, color: '#16a34a', marginTop: 4 }} />}
                title={c.name}
                description={
                  <Space size={4} split="·" wrap>
                    <span>
                      团长 <LeaderLink id={c.leaderId} name={c.leaderName} />
                    </span>
                    <Typography.Text type="secondary">加入于 {formatDateTime(c.joinedAt)}</Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
