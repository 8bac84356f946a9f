import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import {
  ErrorCode,
  type LeaderPickupCampaign,
  type LeaderPickupOrder,
  type LeaderPickupQuery,
} from '@linli/shared-types';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { useNow } from '@/hooks/use-now';
import { usePagedList } from '@/hooks/use-paged-list';
import { ensureLogin } from '@/services/auth';
import { confirmArrival, fetchLeaderPickups, fetchPickupCampaigns } from '@/services/pickups';
import { ApiError, showErrorToast } from '@/services/request';
import { LeaderGateState } from '../components/leader-gate-state';
import { FilterChips, SearchBox } from '../components/list-filters';
import { SkeletonCard } from '../components/skeleton-card';
import { PickupCampaignCard, PickupOrderCard } from './pickup-parts';
import './index.scss';

type Phase = 'loading' | 'ready' | 'not-leader' | 'error' | 'signed-out';
type PickupTab = NonNullable<LeaderPickupQuery['status']>;

const PAGE_SIZE = 20;
const VERIFY_URL = '/leader/verify/index';

const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught.message : '加载失败，请稍后重试');
const isNotLeader = (caught: unknown) =>
  caught instanceof ApiError && caught.code === ErrorCode.LEADER_NOT_ACTIVE;

/** 待提货订单: campaigns to confirm as arrived (确认到货), and the orders at this point, searchable. */
export default function LeaderPickupsPage() {
  const { params } = useRouter();
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState('');
  const [campaigns, setCampaigns] = useState<LeaderPickupCampaign[] | null>(null);
  const [arrivingId, setArrivingId] = useState<number | null>(null);
  const [tab, setTab] = useState<PickupTab>(params.status === 'picked_up' ? 'picked_up' : 'waiting');
  const [campaignId, setCampaignId] = useState<number | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [keyword, setKeyword] = useState('');
  const now = useNow();

  const loadCampaigns = useCallback(async () => {
    try {
      setCampaigns(await fetchPickupCampaigns());
    } catch (caught) {
      if (isNotLeader(caught)) setPhase('not-leader');
      // Otherwise the list below shows the error; the campaign cards are a shortcut.
    }
  }, []);

  const fetchPage = useCallback(
    (page: number) =>
      fetchLeaderPickups({
        status: tab,
        campaignId,
        keyword: keyword || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [tab, campaignId, keyword],
  );
  const orders = usePagedList({
    fetchPage,
    keyOf: (order: LeaderPickupOrder) => order.orderId,
    onLoaded: () => setPhase('ready'),
    takeOver: (caught) => {
      const notLeader = isNotLeader(caught);
      if (notLeader) setPhase('not-leader');
      return notLeader;
    },
    onFirstPageError: (message) => {
      setError(message);
      setPhase('error');
    },
  });
  const { list, load: loadOrders, startOver } = orders;

  const start = useCallback(async () => {
    try {
      const member = await ensureLogin();
      if (!member) {
        setPhase('signed-out');
        return false;
      }
      return true;
    } catch (caught) {
      setError(messageOf(caught));
      setPhase('error');
      return false;
    }
  }, []);

  // New filters start the list over from page 1.
  useEffect(() => {
    startOver();
    void start().then((ok) => (ok ? loadOrders(1) : undefined));
  }, [loadOrders, start, startOver]);

  // Every show: counts move as buyers pay and pick up (and 核销 hands orders over); the list on return.
  const shownBefore = useRef(false);
  useDidShow(() => {
    const again = shownBefore.current;
    shownBefore.current = true;
    void start().then((ok) =>
      ok ? Promise.all([loadCampaigns(), again ? loadOrders(1) : null]) : undefined,
    );
  });

  usePullDownRefresh(() => {
    void Promise.all([loadCampaigns(), loadOrders(1)]).finally(() => Taro.stopPullDownRefresh());
  });

  const arrive = async (campaign: LeaderPickupCampaign) => {
    const { confirm } = await Taro.showModal({
      title: '确认到货',
      content: `「${campaign.campaignTitle}」的商品已送到自提点？确认后 ${campaign.paidCount} 位买家会收到提货通知。`,
      confirmText: '确认到货',
      confirmColor: '#1f9d55',
      cancelText: '还没到',
    });
    if (!confirm) return;
    setArrivingId(campaign.campaignId);
    try {
      const { updated } = await confirmArrival(campaign.campaignId);
      void Taro.showToast({ title: `已通知 ${updated} 位买家提货`, icon: 'none' });
      await Promise.all([loadCampaigns(), loadOrders(1)]);
    } catch (caught) {
      showErrorToast(messageOf(caught));
    } finally {
      setArrivingId(null);
    }
  };

  if (phase === 'not-leader' || phase === 'signed-out' || (phase === 'error' && !list)) {
    return (
      <View className="pickups-page">
        <View className="pickups-panel">
          <LeaderGateState
            phase={phase}
            idPrefix="pickups"
            activity="管理提货"
            pageName="待提货订单"
            error={error}
            onRetry={() => {
              setPhase('loading');
              void loadCampaigns();
              void loadOrders(1);
            }}
          />
        </View>
      </View>
    );
  }

  const filtered = Boolean(keyword) || campaignId !== undefined;
  return (
    <View className="pickups-page" id="pickups-page">
      <View
        className="pickups-verify"
        id="pickups-go-verify"
        onClick={() => void Taro.navigateTo({ url: VERIFY_URL })}
      >
        <View className="pickups-verify__text">
          <Text className="pickups-verify__title">核销提货</Text>
          <Text className="pickups-verify__hint">扫买家的提货二维码，或输入 6 位提货码</Text>
        </View>
        <View className="pickups-verify__chevron" />
      </View>

      {campaigns === null ? (
        <SkeletonCard lines={[50, 80, 60]} />
      ) : campaigns.length > 0 ? (
        <View id="pickups-campaigns">
          <Text className="pickups-section">到货与提货</Text>
          {campaigns.map((campaign) => (
            <PickupCampaignCard
              key={campaign.campaignId}
              campaign={campaign}
              now={now}
              selected={campaignId === campaign.campaignId}
              arriving={arrivingId === campaign.campaignId}
              onSelect={() =>
                setCampaignId((current) =>
                  current === campaign.campaignId ? undefined : campaign.campaignId,
                )
              }
              onArrive={() => void arrive(campaign)}
            />
          ))}
        </View>
      ) : null}

      <View className="pickups-tabs" id="pickups-tabs">
        {(['waiting', 'picked_up'] as const).map((status) => (
          <View
            key={status}
            className={`pickups-tabs__tab${tab === status ? ' is-active' : ''}`}
            id={`pickups-tab-${status}`}
            onClick={() => setTab(status)}
          >
            {status === 'waiting' ? '待提货' : '已提货'}
          </View>
        ))}
      </View>

      <SearchBox
        className="pickups-search"
        id="pickups-search"
        placeholder="手机尾号 4 位或订单号"
        draft={draft}
        onDraftChange={setDraft}
        onSearch={() => setKeyword(draft.trim())}
      />

      {campaigns && campaigns.length > 1 ? (
        <FilterChips
          prefix="pickups"
          allLabel="全部团购"
          options={campaigns.map((c) => ({ id: c.campaignId, label: c.campaignTitle }))}
          value={campaignId}
          onChange={setCampaignId}
        />
      ) : null}

      {list ? (
        <Text className="pickups-total" id="pickups-total">
          共 {list.total} 笔{tab === 'waiting' ? '待提货' : '已提货'}订单
          {campaignId !== undefined ? '（已按团购筛选）' : ''}
        </Text>
      ) : null}

      {!list ? (
        <View id="pickups-loading">
          <SkeletonCard lines={[40, 80, 60]} />
          <SkeletonCard lines={[40, 80, 60]} />
        </View>
      ) : list.items.length === 0 ? (
        <View className="pickups-panel">
          <StateView
            id="pickups-empty"
            illustration="receipt"
            title={filtered ? '没有找到订单' : tab === 'waiting' ? '没有待提货的订单' : '还没有已提货的订单'}
            description={
              filtered
                ? '换个手机尾号、订单号或团购试试'
                : tab === 'waiting'
                  ? '买家付款后，订单会出现在这里'
                  : '核销后的订单会出现在这里'
            }
          />
        </View>
      ) : (
        <View id="pickups-list">
          {list.items.map((order) => (
            <PickupOrderCard key={order.orderId} order={order} />
          ))}
          <ListFooter paged={orders} idPrefix="pickups" className="pickups-footer" />
        </View>
      )}
    </View>
  );
}
