import { Link } from 'react-router-dom';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Image,
  Row,
  Space,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { CrownOutlined, EditOutlined, EnvironmentOutlined, PictureOutlined } from '@ant-design/icons';
import { formatFen, type LeaderDetail } from '@linli/shared-types';
import { FOUR_COLUMNS, none, TWO_COLUMNS } from '../../../components/detail-layout';
import { LeaderStatusBadge } from '../components/LeaderStatusBadge';
import { RecruitsTable } from '../components/RecruitsTable';
import { UplineLink } from '../components/UplineLink';
import { formatCoordinates, formatDateTime } from '../service';

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
        <Flex gap={16} align="flex-start">
          <Descriptions
            column={TWO_COLUMNS}
            data-testid="leader-pickup-point"
            style={{ flex: 1, minWidth: 0 }}
          >
            <Descriptions.Item label="名称">{point.name}</Descriptions.Item>
            <Descriptions.Item label="联系电话">
              {point.contactPhone ?? leader.phone ?? none}
            </Descriptions.Item>
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
          {point.photoUrl ? (
            <Image
              src={point.photoUrl}
              alt={`${point.name}照片`}
              width={112}
              height={84}
              style={{ objectFit: 'cover', borderRadius: 8 }}
              data-testid="leader-pickup-photo"
            />
          ) : (
            <Flex
              vertical
              align="center"
              justify="center"
              style={{ width: 112, height: 84, borderRadius: 8, background: '#fafafa', flex: 'none' }}
            >
              <PictureOutlined style={{ fontSize: 20, color: '#bfbfbf' }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                暂无照片
              </Typography.Text>
            </Flex>
          )}
        </Flex>
      ) : (
        <Typography.Text type="secondary">尚未设置自提点</Typography.Text>
      )}
    </Card>
  );
}

function LevelAndMetrics({
  leader,
  canWrite,
  onSetLevel,
}: {
  leader: LeaderDetail;
  canWrite: boolean;
  onSetLevel: () => void;
}) {
  const held = leader.levelHoldUntil !== null && Date.parse(leader.levelHoldUntil) > Date.now();
  const canSet = canWrite && (leader.status === 'active' || leader.status === 'suspended');
  return (
    <Card
      title="等级与经营数据"
      variant="borderless"
      data-testid="leader-level-card"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          近30天，统计于 {formatDateTime(leader.metrics.measuredAt)}
        </Typography.Text>
      }
    >
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} md={8}>
          <Space direction="vertical" size={4}>
            <Typography.Text type="secondary">当前等级</Typography.Text>
            <Space size={8} wrap>
              {leader.levelName ? (
                <Tag color="gold" icon={<CrownOutlined />} style={{ fontSize: 14, padding: '2px 10px' }}>
                  <span data-testid="leader-level-name">{leader.levelName}</span>
                </Tag>
              ) : (
                <Typography.Text type="secondary" data-testid="leader-level-name">
                  未定级
                </Typography.Text>
              )}
              {canSet && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={onSetLevel}
                  data-testid="leader-set-level"
                >
                  调整等级
                </Button>
              )}
            </Space>
            {held && (
              <Tooltip title="手动调整后的保级期内，每日自动评估不调整此团长">
                <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="leader-level-hold">
                  保级至 {formatDateTime(leader.levelHoldUntil)}
                </Typography.Text>
              </Tooltip>
            )}
          </Space>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="近30天GMV" value={formatFen(leader.metrics.gmv30dFen)} data-testid="leader-gmv" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="活跃客户" value={leader.metrics.activeCustomers30d} suffix="人" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="客户数" value={leader.customerCount} suffix="人" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="社群数" value={leader.communityCount} suffix="个" />
        </Col>
      </Row>
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

/** 概况: profile, pickup point, level and figures, agreement, direct recruits. */
export function OverviewTab({
  leader,
  memberCount,
  canWrite,
  onSetLevel,
}: {
  leader: LeaderDetail;
  memberCount: number | null;
  canWrite: boolean;
  onSetLevel: () => void;
}) {
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <LevelAndMetrics leader={leader} canWrite={canWrite} onSetLevel={onSetLevel} />
      </Col>
      <Col xs={24} xl={12}>
        <Profile leader={leader} memberCount={memberCount} />
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
  );
}
