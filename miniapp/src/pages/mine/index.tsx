import { type ReactNode, useCallback, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  type BuyerOrderCounts,
  type BuyerOrderTab,
  LeaderStatus,
  type LeaderApplicationView,
  type LeaderSummary,
  type MemberProfile,
} from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { StatusBadge } from '@/components/status-badge';
import { useMember } from '@/hooks/use-member';
import { ensureLogin, login, logout, refreshProfile } from '@/services/auth';
import { ApiError, showErrorToast } from '@/services/request';
import { COMMISSION_URL } from '@/services/commission';
import { fetchMyApplication } from '@/services/leaders';
import { fetchOrderCounts, openOrdersTab } from '@/services/orders';
import { AFTERSALES_LIST_URL, LEADER_AFTERSALES_URL } from '@/utils/aftersales';
import { initialOf, maskPhone } from '@/utils/display';
import { mineLeaderEntry } from '@/utils/leader-status';
import { formatMemberSince } from '@/utils/shanghai-time';
import { PhoneCard } from './phone-card';
import './index.scss';

function ProfileHeader({ member }: { member: MemberProfile }) {
  return (
    <View className="mine-hero" id="mine-profile">
      {member.avatarUrl ? (
        <Image className="mine-hero__avatar" id="mine-avatar" src={member.avatarUrl} mode="aspectFill" />
      ) : (
        <View className="mine-hero__avatar mine-hero__avatar--initial" id="mine-avatar">
          <Text>{initialOf(member.nickname)}</Text>
        </View>
      )}
      <View className="mine-hero__info">
        <View className="mine-hero__name-row">
          <Text className="mine-hero__nickname" id="mine-nickname">
            {member.nickname}
          </Text>
          {member.isLeader ? (
            <Text className="mine-hero__badge" id="mine-leader-badge">
              团长
            </Text>
          ) : null}
        </View>
        <Text className="mine-hero__meta" id="mine-phone">
          {member.phone ? maskPhone(member.phone) : '未绑定手机号'}
        </Text>
        <Text className="mine-hero__meta" id="mine-member-since">
          {formatMemberSince(member.createdAt)}
        </Text>
      </View>
    </View>
  );
}

function InfoRow({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="info-row">
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value" id={id}>
        {value}
      </Text>
    </View>
  );
}

function PickupCard({ leader }: { leader: LeaderSummary | null }) {
  const point = leader?.pickupPoint ?? null;
  return (
    <View className="mine-card" id="mine-pickup">
      <View className="mine-card__head mine-card__head--row">
        <Text className="mine-card__title">我的团长与自提点</Text>
        <Text
          className="mine-card__link"
          id="mine-switch-pickup"
          onClick={() => void Taro.navigateTo({ url: '/pages/pickup/index' })}
        >
          {leader ? '切换自提点' : '选择自提点'}
        </Text>
      </View>
      {leader ? (
        <View>
          <InfoRow label="团长" value={leader.name} id="mine-leader-name" />
          {leader.phone ? <InfoRow label="团长电话" value={leader.phone} /> : null}
          <InfoRow label="自提点" value={point ? point.name : '团长暂未设置自提点'} id="mine-pickup-name" />
          {point ? <InfoRow label="地址" value={point.address} id="mine-pickup-address" /> : null}
          {point?.openingHours ? (
            <InfoRow label="营业时间" value={point.openingHours} id="mine-pickup-hours" />
          ) : null}
          {point?.contactPhone ? <InfoRow label="自提点电话" value={point.contactPhone} /> : null}
        </View>
      ) : (
        <Text className="mine-card__empty" id="mine-no-leader">
          还没有绑定团长。点右上角选择离你近的自提点，或通过团长分享的链接、海报进入。
        </Text>
      )}
    </View>
  );
}

function NavRow({
  id,
  title,
  extra,
  onClick,
}: {
  id: string;
  title: string;
  extra?: ReactNode;
  onClick: () => void;
}) {
  return (
    <View className="nav-row" id={id} onClick={onClick}>
      <Text className="nav-row__title">{title}</Text>
      <View className="nav-row__extra">{extra}</View>
      <View className="nav-row__chevron" />
    </View>
  );
}

const ORDER_SHORTCUTS: Array<{ tab: BuyerOrderTab; label: string; mark: string }> = [
  { tab: 'pending_payment', label: '待付款', mark: '付' },
  { tab: 'to_pickup', label: '待提货', mark: '提' },
  { tab: 'completed', label: '已完成', mark: '完' },
  { tab: 'closed', label: '取消/退款', mark: '退' },
];

function badgeOf(tab: BuyerOrderTab, counts: BuyerOrderCounts | null): number {
  if (tab === 'pending_payment') return counts?.pendingPayment ?? 0;
  if (tab === 'to_pickup') return counts?.toPickup ?? 0;
  return 0;
}

/** 我的订单: a shortcut per status, with how many wait on the buyer (待付款 / 待提货). */
function OrdersCard({ counts }: { counts: BuyerOrderCounts | null }) {
  return (
    <View className="mine-card" id="mine-orders">
      <View className="mine-card__head mine-card__head--row">
        <Text className="mine-card__title">我的订单</Text>
        <Text className="mine-card__link" id="mine-orders-all" onClick={() => openOrdersTab('all')}>
          全部订单
        </Text>
      </View>
      <View className="order-shortcuts">
        {ORDER_SHORTCUTS.map((shortcut) => {
          const badge = badgeOf(shortcut.tab, counts);
          return (
            <View
              key={shortcut.tab}
              className="order-shortcut"
              id={`mine-orders-${shortcut.tab}`}
              onClick={() => openOrdersTab(shortcut.tab)}
            >
              <View className={`order-shortcut__icon order-shortcut__icon--${shortcut.tab}`}>
                <Text>{shortcut.mark}</Text>
                {badge > 0 ? (
                  <Text className="order-shortcut__badge" id={`mine-orders-${shortcut.tab}-count`}>
                    {badge > 99 ? '99+' : badge}
                  </Text>
                ) : null}
              </View>
              <Text className="order-shortcut__label">{shortcut.label}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}

/** For leaders: the daily desk, one tap from 我的 (核销 is what they do most at the counter; then money). */
function PickupDeskCard() {
  const go = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <View className="mine-card" id="mine-pickup-desk">
      <View className="mine-card__head">
        <Text className="mine-card__title">团长工作台</Text>
      </View>
      <View className="desk-tiles">
        <View
          className="desk-tile desk-tile--primary"
          id="mine-verify-entry"
          onClick={go('/leader/verify/index')}
        >
          <Text className="desk-tile__title">核销提货</Text>
          <Text className="desk-tile__hint">扫码或输入提货码</Text>
        </View>
        <View className="desk-tile" id="mine-pickups-entry" onClick={go('/leader/pickups/index')}>
          <Text className="desk-tile__title">待提货订单</Text>
          <Text className="desk-tile__hint">确认到货、查看订单</Text>
        </View>
        <View className="desk-tile" id="mine-commission-entry" onClick={go(COMMISSION_URL)}>
          <Text className="desk-tile__title">我的佣金</Text>
          <Text className="desk-tile__hint">余额与提现</Text>
        </View>
      </View>
    </View>
  );
}

/** 申请成为团长 / 申请进度 / 团长中心, depending on the member's leader record (undefined = not loaded yet). */
function LeaderCard({ record }: { record: LeaderApplicationView | null | undefined }) {
  if (record === undefined) return null;
  const entry = mineLeaderEntry(record);
  const go = (url: string) => () => void Taro.navigateTo({ url });
  if (entry.kind === 'center') {
    return (
      <View className="mine-card" id="mine-leader-center">
        <View className="mine-card__head">
          <Text className="mine-card__title">团长中心</Text>
        </View>
        <View className="leader-invite">
          <Text className="leader-invite__label">我的邀请码</Text>
          <Text className="leader-invite__code" id="mine-invite-code">
            {entry.inviteCode}
          </Text>
        </View>
        <NavRow
          id="mine-share-entry"
          title="分享团购"
          extra={<Text className="nav-row__hint">海报和分享卡片</Text>}
          onClick={go('/leader/share-campaigns/index')}
        />
        <NavRow id="mine-aftersales-desk" title="售后处理" onClick={go(LEADER_AFTERSALES_URL)} />
        <NavRow id="mine-communities-entry" title="我的社群" onClick={go('/leader/communities/index')} />
        <NavRow id="mine-customers-entry" title="我的客户" onClick={go('/leader/customers/index')} />
        <NavRow id="mine-recruits-entry" title="我的团员" onClick={go('/leader/recruits/index')} />
        <NavRow id="mine-leader-status" title="团长资料" onClick={go('/leader/status/index')} />
      </View>
    );
  }
  return (
    <View className="mine-card mine-card--nav">
      {entry.kind === 'apply' ? (
        <NavRow
          id="mine-apply-entry"
          title="申请成为团长"
          extra={<Text className="nav-row__hint">开自提点，带邻居拼团</Text>}
          onClick={go('/leader/apply/index')}
        />
      ) : (
        <NavRow
          id="mine-apply-progress"
          title="团长申请进度"
          extra={<StatusBadge id="mine-apply-status" label={entry.label} tone={entry.tone} />}
          onClick={go('/leader/status/index')}
        />
      )}
      {/* A stopped leader's commission is still theirs: the balance and 提现 stay one tap away. */}
      {record?.status === LeaderStatus.SUSPENDED ? (
        <NavRow
          id="mine-commission-suspended"
          title="我的佣金"
          extra={<Text className="nav-row__hint">余额与提现</Text>}
          onClick={go(COMMISSION_URL)}
        />
      ) : null}
    </View>
  );
}

export default function MinePage() {
  const member = useMember();
  const [busy, setBusy] = useState(false);
  const [leaderRecord, setLeaderRecord] = useState<LeaderApplicationView | null | undefined>(undefined);
  const [orderCounts, setOrderCounts] = useState<BuyerOrderCounts | null>(null);

  useDidShow(() => {
    // Show the stored profile at once, then bring leader/pickup point, the leader record and the order
    // counts up to date. The counts are extras: a failure leaves the shortcuts without badges.
    void ensureLogin()
      .then((current) =>
        current
          ? Promise.all([
              refreshProfile(),
              fetchMyApplication().then(setLeaderRecord),
              fetchOrderCounts()
                .then(setOrderCounts)
                .catch(() => undefined),
            ])
          : null,
      )
      .catch(() => undefined);
  });

  const signIn = useCallback(async () => {
    setBusy(true);
    try {
      await login();
      setLeaderRecord(await fetchMyApplication().catch(() => undefined));
    } catch (caught) {
      showErrorToast(caught instanceof ApiError ? caught.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }, []);

  const signOut = useCallback(async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '退出后需要重新登录才能查看团购和订单',
      confirmText: '退出',
      confirmColor: '#ff6a13',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await logout();
      setLeaderRecord(undefined);
    } finally {
      setBusy(false);
    }
  }, []);

  if (!member) {
    return (
      <View className="mine-page">
        <View className="mine-hero mine-hero--guest">
          <View className="mine-hero__avatar mine-hero__avatar--initial">
            <Text>邻</Text>
          </View>
          <View className="mine-hero__info">
            <Text className="mine-hero__nickname" id="mine-guest">
              未登录
            </Text>
            <Text className="mine-hero__meta">登录后查看你的团长和自提点</Text>
          </View>
        </View>
        <View className="mine-card">
          <StateView
            id="mine-signed-out"
            illustration="person"
            title="欢迎来到邻里团购"
            description="和邻居一起拼团，团长送到家门口的自提点"
            actionText={busy ? '登录中…' : '登录'}
            actionId="mine-login"
            onAction={() => void (busy ? undefined : signIn())}
          />
        </View>
      </View>
    );
  }

  return (
    <View className="mine-page">
      <ProfileHeader member={member} />
      <OrdersCard counts={orderCounts} />
      <View className="mine-card mine-card--nav">
        <NavRow
          id="mine-aftersales-entry"
          title="我的售后"
          extra={<Text className="nav-row__hint">退款进度</Text>}
          onClick={() => void Taro.navigateTo({ url: AFTERSALES_LIST_URL })}
        />
      </View>
      {member.isLeader ? <PickupDeskCard /> : null}
      <PickupCard leader={member.currentLeader} />
      <PhoneCard member={member} />
      <LeaderCard record={leaderRecord} />
      <View className="mine-actions">
        <View
          className="btn btn--ghost btn--block"
          id="mine-logout"
          onClick={() => void (busy ? undefined : signOut())}
        >
          退出登录
        </View>
      </View>
    </View>
  );
}
