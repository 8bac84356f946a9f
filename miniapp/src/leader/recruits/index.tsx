import { useCallback, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { ErrorCode, type LeaderApplicationView, type RecruitView } from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { LeaderGateState } from '../components/leader-gate-state';
import { StatusBadge } from '@/components/status-badge';
import { ensureLogin } from '@/services/auth';
import { fetchMyApplication, fetchRecruits } from '@/services/leaders';
import { ApiError } from '@/services/request';
import { initialOf } from '@/utils/display';
import { recruitStatusLabel } from '@/utils/leader-status';
import { formatShanghaiDate } from '@/utils/shanghai-time';
import { SkeletonCard } from '../components/skeleton-card';
import './index.scss';

type Phase = 'loading' | 'ready' | 'not-leader' | 'error' | 'signed-out';

function RecruitItem({ recruit }: { recruit: RecruitView }) {
  const status = recruitStatusLabel(recruit.status);
  return (
    <View className="recruit-item" id="recruit-item">
      <View className="recruit-item__avatar">
        <Text>{initialOf(recruit.name)}</Text>
      </View>
      <View className="recruit-item__info">
        <View className="recruit-item__top">
          <Text className="recruit-item__name">{recruit.name}</Text>
          <StatusBadge label={status.label} tone={status.tone} />
        </View>
        <Text className="recruit-item__meta">{recruit.pickupPointName ?? '未设置自提点'}</Text>
        <Text className="recruit-item__meta">{formatShanghaiDate(recruit.appliedAt)} 申请</Text>
      </View>
    </View>
  );
}

export default function LeaderRecruitsPage() {
  const [phase, setPhase] = useState<Phase>('loading');
  const [recruits, setRecruits] = useState<RecruitView[]>([]);
  const [mine, setMine] = useState<LeaderApplicationView | null>(null);
  const [error, setError] = useState('');
  const shown = useRef(false);

  const load = useCallback(async () => {
    if (!shown.current) setPhase('loading');
    try {
      const member = await ensureLogin();
      if (!member) {
        setPhase('signed-out');
        return;
      }
      const [list, own] = await Promise.all([fetchRecruits(), fetchMyApplication()]);
      setRecruits(list);
      setMine(own);
      shown.current = true;
      setPhase('ready');
    } catch (caught) {
      if (
        caught instanceof ApiError &&
        (caught.status === 403 || caught.code === ErrorCode.LEADER_NOT_ACTIVE)
      ) {
        setError(caught.message);
        setPhase('not-leader');
        return;
      }
      setError(caught instanceof ApiError ? caught.message : '加载失败，请稍后重试');
      setPhase('error');
    }
  }, []);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (phase === 'loading') {
    return (
      <View className="recruits-page" id="recruits-loading">
        <SkeletonCard lines={[40, 70, 50]} />
        <SkeletonCard lines={[40, 70, 50]} />
        <SkeletonCard lines={[40, 70, 50]} />
      </View>
    );
  }

  if (phase !== 'ready') {
    return (
      <View className="recruits-page">
        <View className="recruits-panel">
          <LeaderGateState
            phase={phase}
            idPrefix="recruits"
            activity="查看团员"
            pageName="我的团员"
            error={error}
            onRetry={() => void load()}
          />
        </View>
      </View>
    );
  }

  const inviteCode = mine?.inviteCode ?? '';
  return (
    <View className="recruits-page" id="recruits-page">
      <View className="recruits-summary">
        <View>
          <Text className="recruits-summary__count" id="recruits-count">
            {recruits.length}
          </Text>
          <Text className="recruits-summary__unit">位团员</Text>
        </View>
        {inviteCode ? (
          <Text className="recruits-summary__code" id="recruits-invite-code">
            我的邀请码 {inviteCode}
          </Text>
        ) : null}
      </View>
      {recruits.length === 0 ? (
        <View className="recruits-panel">
          <StateView
            id="recruits-empty"
            illustration="person"
            title="还没有团员"
            description={
              inviteCode
                ? `把你的邀请码 ${inviteCode} 分享给想当团长的邻居，他们申请时填写这个邀请码，就会出现在这里。`
                : '邻居申请团长时填写你的邀请码，就会出现在这里。'
            }
            actionText={inviteCode ? '复制邀请码' : undefined}
            actionId="recruits-copy-invite"
            onAction={
              inviteCode
                ? () =>
                    void Taro.setClipboardData({ data: inviteCode }).then(() =>
                      Taro.showToast({ title: '邀请码已复制', icon: 'success' }),
                    )
                : undefined
            }
          />
        </View>
      ) : (
        <View className="recruits-list" id="recruits-list">
          {recruits.map((recruit) => (
            <RecruitItem key={recruit.leaderId} recruit={recruit} />
          ))}
        </View>
      )}
    </View>
  );
}
