import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Space, Tabs, Typography } from 'antd';
import { FileTextOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { LeaderDetail } from '@linli/shared-types';
import { DetailFallback, DetailHeader, type BackToList } from '../../../components/DetailPage';
import { usePermission } from '../../../session/hooks';
import { LeaderActionButtons } from '../components/LeaderActionButtons';
import { LeaderStatusBadge } from '../components/LeaderStatusBadge';
import { ReasonModal, type ReasonTarget } from '../components/ReasonModal';
import { SetLevelModal } from '../components/SetLevelModal';
import { TransferMembersModal } from '../components/TransferMembersModal';
import { useLeaderActions } from '../components/useLeaderActions';
import { countMembersAtLeader, memberKeys } from '../../members/service';
import { tabFromSearch, type DetailTab } from '../levels-service';
import { fetchLeader, leaderKeys, parseLeaderId } from '../service';
import { DownlineTab } from './DownlineTab';
import { LevelHistoryTab } from './LevelHistoryTab';
import { OverviewTab } from './OverviewTab';
import { CommunitiesTab } from './tabs/CommunitiesTab';
import { CustomersTab } from './tabs/CustomersTab';

const BACK: BackToList = { to: '/leaders', label: '返回团长列表' };

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

export default function LeaderDetailPage() {
  const id = parseLeaderId(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab = tabFromSearch(params);
  const canWrite = usePermission('leaders.write');
  const canReadMembers = usePermission('members.read');
  const canMoveMembers = usePermission('members.write');
  const canReadOrders = usePermission('orders.read');
  const [transferring, setTransferring] = useState(false);
  const [settingLevel, setSettingLevel] = useState(false);
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

  if (id === null || !detail.isSuccess)
    return (
      <DetailFallback
        query={detail}
        invalidId={id === null}
        back={BACK}
        notFound={{
          title: '团长不存在',
          subTitle: '该团长可能已被删除，或链接有误。',
          testId: 'leader-not-found',
        }}
        skeleton={{ paragraph: { rows: 8 } }}
      />
    );

  const leader = detail.data;
  const openTab = (key: string) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true });
  const tabs: Array<{ key: DetailTab; label: string; children: React.ReactNode }> = [
    {
      key: 'overview',
      label: '概况',
      children: (
        <OverviewTab
          leader={leader}
          memberCount={memberCount.data ?? null}
          canWrite={canWrite}
          onSetLevel={() => setSettingLevel(true)}
        />
      ),
    },
    {
      key: 'levels',
      label: `等级记录（${leader.levelHistory.length}）`,
      children: <LevelHistoryTab leader={leader} />,
    },
    { key: 'downline', label: '下级团队', children: <DownlineTab leaderId={leader.id} /> },
    {
      key: 'customers',
      label: `客户（${leader.customerCount}）`,
      children: <CustomersTab leaderId={leader.id} />,
    },
    {
      key: 'communities',
      label: `社群（${leader.communityCount}）`,
      children: <CommunitiesTab leaderId={leader.id} />,
    },
  ];

  return (
    <div data-testid="leader-detail">
      <DetailHeader
        back={BACK}
        actions={
          <Space wrap>
            {canReadOrders && (
              <Link to={`/orders?leaderId=${leader.id}`} data-testid="leader-orders">
                <Button type="link" icon={<FileTextOutlined />}>
                  查看订单
                </Button>
              </Link>
            )}
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
        }
      >
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="leader-detail-name">
          {leader.name}
        </Typography.Title>
        <LeaderStatusBadge status={leader.status} />
      </DetailHeader>
      <ReasonAlert leader={leader} />
      <Tabs
        activeKey={tab}
        onChange={openTab}
        items={tabs}
        destroyOnHidden
        data-testid="leader-detail-tabs"
      />
      <ReasonModal
        target={reasonTarget}
        submitting={actions.isPending}
        submit={actions.mutateAsync}
        onClose={() => setReasonTarget(null)}
      />
      {canWrite && (
        <SetLevelModal leader={leader} open={settingLevel} onClose={() => setSettingLevel(false)} />
      )}
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
