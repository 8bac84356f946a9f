import { useCallback, useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { CAMPAIGN_STATUS_LABELS, ErrorCode, formatFen, type LeaderCampaignView } from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { StatusBadge } from '@/components/status-badge';
import { useNow } from '@/hooks/use-now';
import { ensureLogin } from '@/services/auth';
import { fetchLeaderCampaigns } from '@/services/campaigns';
import { ApiError, showErrorToast } from '@/services/request';
import { assetUrl } from '@/services/uploads';
import { coverTint, initialOf } from '@/utils/display';
import { formatCutoff } from '@/utils/shanghai-time';
import { LeaderGateState } from '../components/leader-gate-state';
import { SkeletonCard } from '../components/skeleton-card';
import './index.scss';

type Phase = 'loading' | 'ready' | 'not-leader' | 'error' | 'signed-out';

function ShareCampaignCard({ campaign, now }: { campaign: LeaderCampaignView; now: Date }) {
  const live = campaign.status === 'live';
  const open = () => void Taro.navigateTo({ url: `/leader/share/index?id=${campaign.id}` });
  return (
    <View className="share-campaign" id={`share-campaign-${campaign.id}`} onClick={open}>
      {campaign.coverUrl ? (
        <Image className="share-campaign__cover" src={assetUrl(campaign.coverUrl)} mode="aspectFill" />
      ) : (
        <View
          className={`share-campaign__cover share-campaign__cover--placeholder ${coverTint(campaign.id)}`}
        >
          <Text>{initialOf(campaign.title)}</Text>
        </View>
      )}
      <View className="share-campaign__body">
        <Text className="share-campaign__title">{campaign.title}</Text>
        <Text className="share-campaign__meta">
          {formatCutoff(campaign.cutoffAt, now)}
          {campaign.soldQuantity > 0 ? ` · 已团 ${campaign.soldQuantity} 件` : ''}
        </Text>
        <View className="share-campaign__foot">
          <StatusBadge label={CAMPAIGN_STATUS_LABELS[campaign.status]} tone={live ? 'success' : 'warning'} />
          <Text className="share-campaign__price">
            {campaign.itemCount} 件商品 · {formatFen(campaign.minGroupPrice)} 起
          </Text>
        </View>
      </View>
      <View className="share-campaign__action" id={`share-campaign-${campaign.id}-open`}>
        分享
      </View>
    </View>
  );
}

/**
 * 分享团购: the live campaigns offered at this leader (scheduled ones appear once they start, when buyers
 * can open them); each opens its poster and share card.
 */
export default function ShareCampaignsPage() {
  const now = useNow();
  const [phase, setPhase] = useState<Phase>('loading');
  const [campaigns, setCampaigns] = useState<LeaderCampaignView[]>([]);
  const [error, setError] = useState('');
  const loaded = useRef(false);

  const load = useCallback(async () => {
    try {
      const member = await ensureLogin();
      if (!member) {
        setPhase('signed-out');
        return;
      }
      setCampaigns(await fetchLeaderCampaigns());
      loaded.current = true;
      setPhase('ready');
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === ErrorCode.LEADER_NOT_ACTIVE) {
        setPhase('not-leader');
        return;
      }
      const message = caught instanceof ApiError ? caught.message : '加载失败，请稍后重试';
      if (loaded.current) {
        showErrorToast(message);
      } else {
        setError(message);
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

  return (
    <View className="share-list-page">
      <View className="share-list-intro">
        <Text className="share-list-intro__title">分享团购给邻居</Text>
        <Text className="share-list-intro__desc">
          每张海报和分享卡片都带着你的团长码，邻居打开后会成为你的客户，到你的自提点取货。
        </Text>
      </View>
      {phase === 'loading' ? (
        <View id="share-list-loading">
          <SkeletonCard lines={[60, 40, 70]} />
          <SkeletonCard lines={[60, 40, 70]} />
        </View>
      ) : null}
      {phase === 'ready' && campaigns.length > 0 ? (
        <View id="share-campaigns">
          {campaigns.map((campaign) => (
            <ShareCampaignCard key={campaign.id} campaign={campaign} now={now} />
          ))}
        </View>
      ) : null}
      {phase === 'ready' && campaigns.length === 0 ? (
        <View className="share-list-panel">
          <StateView
            id="share-list-empty"
            illustration="basket"
            title="暂时没有可分享的团购"
            description="平台排期的团购开团后会出现在这里"
            actionText="刷新"
            actionId="share-list-refresh"
            onAction={() => void load()}
          />
        </View>
      ) : null}
      {phase === 'not-leader' || phase === 'signed-out' || phase === 'error' ? (
        <View className="share-list-panel">
          <LeaderGateState
            phase={phase}
            idPrefix="share-list"
            activity="分享团购海报"
            pageName="分享团购"
            error={error}
            onRetry={() => {
              setPhase('loading');
              void load();
            }}
          />
        </View>
      ) : null}
    </View>
  );
}
