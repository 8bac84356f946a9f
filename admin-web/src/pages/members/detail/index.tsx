import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Avatar, Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { EnvironmentOutlined, FileTextOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { MemberDetail } from '@linli/shared-types';
import { DetailFallback, DetailHeader, type BackToList } from '../../../components/DetailPage';
import { usePermission } from '../../../session/hooks';
import { formatCoordinates, formatDateTime } from '../../../utils/format';
import { BindingTimeline } from '../components/BindingTimeline';
import { ChannelTag, LeaderBadge, LeaderLink } from '../components/MemberBits';
import { MemberCommunities } from '../components/MemberCommunities';
import { MemberTagsCard } from '../components/MemberTagsCard';
import { MoveMemberModal } from '../components/MoveMemberModal';
import { fetchMember, memberKeys, parseMemberId } from '../service';
import { none, ONE_COLUMN, TWO_COLUMNS } from '../../../components/detail-layout';

const BACK: BackToList = { to: '/members', label: '返回会员列表' };

function Profile({ member }: { member: MemberDetail }) {
  return (
    <Card title="基本信息" variant="borderless" style={{ height: '100%' }}>
      <Descriptions column={TWO_COLUMNS} data-testid="member-profile">
        <Descriptions.Item label="昵称">{member.nickname}</Descriptions.Item>
        <Descriptions.Item label="手机号">{member.phone ?? none}</Descriptions.Item>
        <Descriptions.Item label="会员 ID">{member.id}</Descriptions.Item>
        <Descriptions.Item label="身份">{member.isLeader ? <LeaderBadge /> : '会员'}</Descriptions.Item>
        <Descriptions.Item label="加入时间">{formatDateTime(member.joinedAt)}</Descriptions.Item>
        <Descriptions.Item label="最近活跃">
          {formatDateTime(member.lastActiveAt) ?? (
            <Typography.Text type="secondary">暂无记录</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="当前团长">
          {member.currentLeaderId === null ? (
            <Typography.Text type="secondary">未绑定</Typography.Text>
          ) : (
            <LeaderLink id={member.currentLeaderId} name={member.currentLeaderName} />
          )}
        </Descriptions.Item>
        <Descriptions.Item label="openid" span={2}>
          <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 13 }}>
            {member.openid}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="unionid" span={2}>
          {member.unionid ? (
            <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 13 }}>
              {member.unionid}
            </Typography.Text>
          ) : (
            none
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Source({ member }: { member: MemberDetail }) {
  const { source } = member;
  return (
    <Card title="来源" variant="borderless" style={{ height: '100%' }}>
      <Descriptions column={ONE_COLUMN} data-testid="member-source">
        <Descriptions.Item label="来源渠道">
          <ChannelTag channel={source.channel} />
        </Descriptions.Item>
        <Descriptions.Item label="首次团长">
          {source.firstLeaderId === null ? (
            <Typography.Text type="secondary">无（未经团长链接进入）</Typography.Text>
          ) : (
            <Link to={`/leaders/${source.firstLeaderId}`} data-testid="member-first-leader">
              {source.firstLeaderName ?? `团长 #${source.firstLeaderId}`}
            </Link>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="首次社群">
          {source.firstCommunityId === null ? (
            <Typography.Text type="secondary">无（未经社群邀请进入）</Typography.Text>
          ) : (
            <Typography.Text data-testid="member-first-community">
              {source.firstCommunityName ?? `社群 #${source.firstCommunityId}`}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="归因时间">{formatDateTime(source.attributedAt)}</Descriptions.Item>
        <Descriptions.Item label="首单时间">
          {formatDateTime(source.firstOrderAt) ?? (
            <Typography.Text type="secondary">暂无订单</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        来源在会员首次进入时确定，之后切换或调整团长都不会改变。
      </Typography.Text>
    </Card>
  );
}

function PickupPoint({ member }: { member: MemberDetail }) {
  const point = member.currentPickupPoint;
  const coordinates = point ? formatCoordinates(point.latitude, point.longitude) : null;
  return (
    <Card title="当前自提点" variant="borderless" style={{ height: '100%' }}>
      {point ? (
        <Descriptions column={ONE_COLUMN} data-testid="member-pickup-point">
          <Descriptions.Item label="名称">{point.name}</Descriptions.Item>
          <Descriptions.Item label="地址">{point.address}</Descriptions.Item>
          <Descriptions.Item label="营业时间">{point.openingHours ?? none}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{point.contactPhone ?? none}</Descriptions.Item>
          <Descriptions.Item label="坐标">
            {coordinates ? (
              <Space size={4}>
                <EnvironmentOutlined />
                {coordinates}
              </Space>
            ) : (
              <Typography.Text type="secondary">未定位</Typography.Text>
            )}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary" data-testid="member-pickup-point">
          尚未选择自提点：会员通过团长链接进入或在小程序中选择自提点后显示。
        </Typography.Text>
      )}
    </Card>
  );
}

export default function MemberDetailPage() {
  const id = parseMemberId(useParams().id);
  const canWrite = usePermission('members.write');
  const canReadOrders = usePermission('orders.read');
  const [moving, setMoving] = useState(false);

  const detail = useQuery({
    queryKey: memberKeys.detail(id ?? 0),
    queryFn: () => fetchMember(id!),
    enabled: id !== null,
  });

  if (id === null || !detail.isSuccess)
    return (
      <DetailFallback
        query={detail}
        invalidId={id === null}
        back={BACK}
        notFound={{
          title: '会员不存在',
          subTitle: '该会员可能已被删除，或链接有误。',
          testId: 'member-not-found',
        }}
        skeleton={{ avatar: true, paragraph: { rows: 8 } }}
      />
    );

  const member = detail.data;
  const actions = (
    <Space size={4}>
      {canReadOrders && (
        <Link to={`/orders?memberId=${member.id}`} data-testid="member-orders">
          <Button type="link" icon={<FileTextOutlined />}>
            查看订单
          </Button>
        </Link>
      )}
      {canWrite && (
        <Button icon={<SwapOutlined />} onClick={() => setMoving(true)} data-testid="member-move">
          调整团长
        </Button>
      )}
    </Space>
  );
  return (
    <div data-testid="member-detail">
      <DetailHeader back={BACK} actions={actions}>
        <Avatar
          size={40}
          src={member.avatarUrl ?? undefined}
          icon={<UserOutlined />}
          style={{ background: '#d1fae5', color: '#15803d' }}
        />
        <div>
          <Space size={8} align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="member-detail-name">
              {member.nickname}
            </Typography.Title>
            {member.isLeader && <LeaderBadge />}
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {member.phone ?? '未留手机号'} · 加入于 {formatDateTime(member.joinedAt)}
          </Typography.Text>
        </div>
      </DetailHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Profile member={member} />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Source member={member} />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <PickupPoint member={member} />
        </Col>
        <Col xs={24} xl={12}>
          <MemberTagsCard member={member} canWrite={canWrite} />
        </Col>
        <Col xs={24} xl={12}>
          <MemberCommunities communities={member.communities ?? []} />
        </Col>
        <Col span={24}>
          <Card title={`绑定记录（${member.bindingHistory.length}）`} variant="borderless">
            <BindingTimeline history={member.bindingHistory} />
          </Card>
        </Col>
      </Row>
      {canWrite && <MoveMemberModal member={member} open={moving} onClose={() => setMoving(false)} />}
    </div>
  );
}
