import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, EnvironmentOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { LeaderDetail } from '@linli/shared-types';
import { isApiError } from '../../../api';
import { LoadError } from '../../../components/LoadError';
import { usePermission } from '../../../session/hooks';
import { LeaderActionButtons } from '../components/LeaderActionButtons';
import { LeaderStatusBadge } from '../components/LeaderStatusBadge';
import { ReasonModal, type ReasonTarget } from '../components/ReasonModal';
import { RecruitsTable } from '../components/RecruitsTable';
import { TransferMembersModal } from '../components/TransferMembersModal';
import { UplineLink } from '../components/UplineLink';
import { useLeaderActions } from '../components/useLeaderActions';
import { countMembersAtLeader, memberKeys } from '../../members/service';
import { fetchLeader, formatCoordinates, formatDateTime, leaderKeys, parseLeaderId } from '../service';
import { FOUR_COLUMNS, none, TWO_COLUMNS } from '../../../components/detail-layout';

function NotFound() {
  return (
    <Result
      status="404"
      title="团长不存在"
      subTitle="该团长可能已被删除，或链接有误。"
      extra={
        <Link to="/leaders">
          <Button type="primary">返回团长列表</Button>
        </Link>
      }
      data-testid="leader-not-found"
    />
  );
}

function ReasonAlert({ leader }: { leader: LeaderDetail }) {
  if (!leader.statusReason || (leader.status !== 'rejected' && leader.status !== 'suspended')) return null;
  const rejected = leader.status === 'rejected';
  return (
    <Alert
      type={rejected ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      message={rejected ? '申请已被拒绝' : '团长已停用，自提点暂停接单'}
      description={
        <span data-testid="leader-status-reason">
          {rejected ? '拒绝原因：' : '停用原因：'}
          {leader.statusReason}
        </span>
      }
    />
  );
}

function Profile({ leader, memberCount }: { leader: LeaderDetail; memberCount: number | null }) {
  return (
    <Card title="基本信息" variant="borderless" style={{ height: '100%' }}>
      <Descriptions column={TWO_COLUMNS} data-testid="leader-profile">
        <Descriptions.Item label="姓名">{leader.name}</Descriptions.Item>
        <Descriptions.Item label="手机号">{leader.phone ?? none}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <LeaderStatusBadge status={leader.status} />
        </Descriptions.Item>
        <Descriptions.Item label="会员 ID">{leader.memberId}</Descriptions.Item>
        <Descriptions.Item label="专属邀请码">
          <Typography.Text code copyable>
            {leader.inviteCode}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="上级团长">
          <UplineLink id={leader.uplineLeaderId} name={leader.uplineName} />
        </Descriptions.Item>
        <Descriptions.Item label="直推团员">{leader.recruitCount} 名</Descriptions.Item>
        {memberCount !== null && (
          <Descriptions.Item label="绑定会员">
            <Link to={`/members?leaderId=${leader.id}`} data-testid="leader-member-count">
              {memberCount} 名
            </Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="申请时间">{formatDateTime(leader.appliedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function PickupPoint({ leader }: { leader: LeaderDetail }) {
  const point = leader.pickupPoint;
  const coordinates = point ? formatCoordinates(point.latitude, point.longitude) : null;
  return (
    <Card title="自提点" variant="borderless" style={{ height: '100%' }}>
      {point ? (
        <Descriptions column={TWO_COLUMNS} data-testid="leader-pickup-point">
          <Descriptions.Item label="名称">{point.name}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{point.contactPhone ?? leader.phone ?? none}</Descriptions.Item>
          <Descriptions.Item label="地址" span={2}>
            {point.address}
          </Descriptions.Item>
          <Descriptions.Item label="营业时间">{point.openingHours ?? none}</Descriptions.Item>
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
        <Typography.Text type="secondary">尚未设置自提点</Typography.Text>
      )}
    </Card>
  );
}

function ReviewAndAgreement({ leader }: { leader: LeaderDetail }) {
  return (
    <Card title="签约与审核" variant="borderless">
      <Descriptions column={FOUR_COLUMNS} data-testid="leader-agreement">
        <Descriptions.Item label="团长协议">
          {leader.agreementVersion ? `版本 ${leader.agreementVersion}` : none}
        </Descriptions.Item>
        <Descriptions.Item label="签署时间">
          {formatDateTime(leader.agreementAcceptedAt) ?? none}
        </Descriptions.Item>
        <Descriptions.Item label="审核人">{leader.reviewedByName ?? none}</Descriptions.Item>
        <Descriptions.Item label="审核时间">{formatDateTime(leader.reviewedAt) ?? none}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export default function LeaderDetailPage() {
  const id = parseLeaderId(useParams().id);
  const canWrite = usePermission('leaders.write');
  const canReadMembers = usePermission('members.read');
  const canMoveMembers = usePermission('members.write');
  const [transferring, setTransferring] = useState(false);
  const [reasonTarget, setReasonTarget] = useState<ReasonTarget | null>(null);
  const actions = useLeaderActions();

  const detail = useQuery({
    queryKey: leaderKeys.detail(id ?? 0),
    queryFn: () => fetchLeader(id!),
    enabled: id !== null,
  });
  const memberCount = useQuery({
    queryKey: memberKeys.countAtLeader(id ?? 0),
    queryFn: () => countMembersAtLeader(id!),
    enabled: id !== null && canReadMembers,
  });

  if (id === null) return <NotFound />;
  if (detail.isPending)
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (detail.isError) {
    if (isApiError(detail.error) && detail.error.status === 404) return <NotFound />;
    return (
      <Card variant="borderless">
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
      </Card>
    );
  }

  const leader = detail.data;
  return (
    <div data-testid="leader-detail">
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <Space size={12} align="center">
          <Link to="/leaders" aria-label="返回团长列表">
            <Button type="text" icon={<ArrowLeftOutlined />} />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="leader-detail-name">
            {leader.name}
          </Typography.Title>
          <LeaderStatusBadge status={leader.status} />
        </Space>
        <Space wrap>
          {canMoveMembers && (
            <Button
              icon={<SwapOutlined />}
              onClick={() => setTransferring(true)}
              data-testid="leader-transfer"
            >
              转移会员
            </Button>
          )}
          {canWrite && (
            <LeaderActionButtons
              leader={leader}
              run={actions.mutateAsync}
              askReason={setReasonTarget}
              busy={actions.isPending}
            />
          )}
        </Space>
      </Flex>
      <ReasonAlert leader={leader} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Profile leader={leader} memberCount={memberCount.data ?? null} />
        </Col>
        <Col xs={24} xl={12}>
          <PickupPoint leader={leader} />
        </Col>
        <Col span={24}>
          <ReviewAndAgreement leader={leader} />
        </Col>
        <Col span={24}>
          <Card title={`直推团员（${leader.recruitCount}）`} variant="borderless">
            <RecruitsTable recruits={leader.recruits} total={leader.recruitCount} />
          </Card>
        </Col>
      </Row>
      <ReasonModal
        target={reasonTarget}
        submitting={actions.isPending}
        submit={actions.mutateAsync}
        onClose={() => setReasonTarget(null)}
      />
      {canMoveMembers && (
        <TransferMembersModal
          leader={leader}
          memberCount={memberCount.data ?? null}
          open={transferring}
          onClose={() => setTransferring(false)}
        />
      )}
    </div>
  );
}
