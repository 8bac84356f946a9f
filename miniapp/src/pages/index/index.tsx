import { useCallback, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { type CampaignView, type MemberProfile } from '@linli/shared-types';
import { CampaignCard } from '@/components/campaign-card';
import { StateView } from '@/components/state-view';
import { useNow } from '@/hooks/use-now';
import { ensureLogin, login, refreshProfile } from '@/services/auth';
import { fetchMyApplication } from '@/services/leaders';
import { fetchLiveCampaigns } from '@/services/campaigns';
import { ApiError, ClientErrorCode, showErrorToast } from '@/services/request';
import { mineLeaderEntry } from '@/utils/leader-status';
import { shareCardPath } from '@/utils/member-entry';
import './index.scss';

type Phase = 'loading' | 'ready' | 'error' | 'signed-out' | 'login-unavailable';

function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : '加载失败，请稍后重试';
}

const PICKUP_URL = '/pages/pickup/index';

function PickupHeader({ member }: { member: MemberProfile | null }) {
  const leader = member?.currentLeader ?? null;
  const point = leader?.pickupPoint ?? null;
  const switchPickup = member ? (
    <View
      className="home-hero__switch"
      id="home-switch-pickup"
      onClick={() => void Taro.navigateTo({ url: PICKUP_URL })}
    >
      {leader ? '切换' : '选择'}
    </View>
  ) : null;
  return (
    <View className="home-hero">
      <View className="home-hero__card" id="home-pickup">
        <View className="home-hero__pin" />
        {point ? (
          <View className="home-hero__info">
            <Text className="home-hero__label">当前自提点</Text>
            <Text className="home-hero__name" id="home-pickup-name">
              {point.name}
            </Text>
            <Text className="home-hero__address">{point.address}</Text>
            <Text className="home-hero__leader" id="home-leader-name">
              团长 · {leader?.name}
              {point.openingHours ? ` · 营业 ${point.openingHours}` : ''}
            </Text>
          </View>
        ) : (
          <View className="home-hero__info">
            <Text className="home-hero__label">当前自提点</Text>
            <Text className="home-hero__name" id="home-pickup-name">
              {leader ? `${leader.name}的自提点` : member ? '还没有绑定自提点' : '登录后查看自提点'}
            </Text>
            <Text className="home-hero__address">
              {member ? '选一个离你近的自提点，在家门口取货' : '团长就在你身边，下单后到自提点取货'}
            </Text>
          </View>
        )}
        {switchPickup}
      </View>
    </View>
  );
}

function CampaignSkeleton() {
  return (
    <View className="skeleton-card" id="home-loading">
      <View className="skeleton skeleton--cover" />
      <View className="skeleton-card__body">
        <View className="skeleton skeleton--line skeleton--w60" />
        <View className="skeleton skeleton--line skeleton--w40" />
        <View className="skeleton-card__row">
          <View className="skeleton skeleton--thumb" />
          <View className="skeleton-card__col">
            <View className="skeleton skeleton--line skeleton--w70" />
            <View className="skeleton skeleton--line skeleton--w30" />
          </View>
        </View>
      </View>
    </View>
  );
}

export default function HomePage() {
  const now = useNow();
  const [phase, setPhase] = useState<Phase>('loading');
  const [member, setMember] = useState<MemberProfile | null>(null);
  const [campaigns, setCampaigns] = useState<CampaignView[]>([]);
  const [error, setError] = useState('');
  const hasData = useRef(false);
  // A leader's share card carries their code, so friends who open it join their pickup point.
  const [shareCode, setShareCode] = useState<string | null>(null);

  useShareAppMessage(() => ({
    title: shareCode ? '邻里团购 · 来我的自提点一起拼团' : '邻里团购 · 和邻居一起拼团',
    path: shareCode ? shareCardPath('/pages/index/index', shareCode) : '/pages/index/index',
  }));

  const load = useCallback(async () => {
    // Keep showing what we have while refreshing; only the first load shows skeletons.
    if (!hasData.current) setPhase('loading');
    try {
      const stored = await ensureLogin();
      if (!stored) {
        hasData.current = false;
        setMember(null);
        setCampaigns([]);
        setPhase('signed-out');
        return;
      }
      setMember(stored);
      const [profile, live] = await Promise.all([refreshProfile(), fetchLiveCampaigns()]);
      setMember(profile);
      setCampaigns(live);
      if (profile.isLeader) {
        void fetchMyApplication()
          .then((record) => {
            const entry = mineLeaderEntry(record);
            setShareCode(entry.kind === 'center' ? entry.inviteCode : null);
          })
          .catch(() => undefined);
      } else {
        setShareCode(null);
      }
      hasData.current = true;
      setPhase('ready');
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === ClientErrorCode.LOGIN_UNAVAILABLE) {
        setError(caught.message);
        setPhase('login-unavailable');
        return;
      }
      if (hasData.current) {
        showErrorToast(errorMessage(caught));
      } else {
        setError(errorMessage(caught));
        setPhase('error');
      }
    }
  }, []);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const signIn = useCallback(async () => {
    try {
      await login();
      await load();
    } catch (caught) {
      showErrorToast(errorMessage(caught));
    }
  }, [load]);

  return (
    <View className="home-page">
      <PickupHeader member={member} />
      <View className="home-section">
        {phase === 'ready' && campaigns.length > 0 ? (
          <View className="home-section__head">
            <Text className="home-section__title">正在团购</Text>
            <Text className="home-section__count">{campaigns.length} 场进行中</Text>
          </View>
        ) : null}

        {phase === 'loading' ? (
          <View>
            <CampaignSkeleton />
            <CampaignSkeleton />
          </View>
        ) : null}

        {phase === 'ready' && campaigns.length > 0 ? (
          <View id="home-campaigns">
            {campaigns.map((campaign) => (
              <CampaignCard key={campaign.id} campaign={campaign} now={now} />
            ))}
            <Text className="home-section__footnote">下单功能即将开放，敬请期待</Text>
          </View>
        ) : null}

        {phase === 'ready' && campaigns.length === 0 ? (
          <View className="home-panel">
            <StateView
              id="home-empty"
              illustration="basket"
              title="暂时没有进行中的团购"
              description="你的团长还没有上新，晚点再来看看"
              actionText="刷新"
              actionId="home-refresh"
              onAction={() => void load()}
            />
          </View>
        ) : null}

        {phase === 'error' ? (
          <View className="home-panel">
            <StateView
              id="home-error"
              illustration="alert"
              title="加载失败"
              description={error}
              actionText="重试"
              actionId="home-retry"
              onAction={() => void load()}
            />
          </View>
        ) : null}

        {phase === 'signed-out' ? (
          <View className="home-panel">
            <StateView
              id="home-signed-out"
              illustration="person"
              title="登录后查看团长的今日上新"
              description="登录后即可看到你所在自提点正在进行的团购"
              actionText="登录"
              actionId="home-login"
              onAction={() => void signIn()}
            />
          </View>
        ) : null}

        {phase === 'login-unavailable' ? (
          <View className="home-panel">
            <StateView
              id="home-login-unavailable"
              illustration="alert"
              title="暂时无法登录"
              description={error}
            />
          </View>
        ) : null}
      </View>
    </View>
  );
}
