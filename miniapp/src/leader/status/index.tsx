import { useCallback, useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { LeaderStatus, type LeaderApplicationView } from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { StatusBadge } from '@/components/status-badge';
import { ensureLogin, login, refreshProfile } from '@/services/auth';
import { fetchMyApplication } from '@/services/leaders';
import { ApiError, showErrorToast } from '@/services/request';
import { assetUrl } from '@/services/uploads';
import { presentStatus } from '@/utils/leader-status';
import { formatShanghaiDateTime } from '@/utils/shanghai-time';
import { SkeletonCard } from '../components/skeleton-card';
import './index.scss';

type Phase = 'loading' | 'ready' | 'none' | 'error' | 'signed-out';

const APPLY_URL = '/leader/apply/index';

function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : '加载失败，请稍后重试';
}

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="status-row">
      <Text className="status-row__label">{label}</Text>
      <Text className="status-row__value" id={id}>
        {value}
      </Text>
    </View>
  );
}

/** The pickup-point photo; tap to view it large. */
function PhotoRow({ url }: { url: string }) {
  return (
    <View className="status-row">
      <Text className="status-row__label">自提点照片</Text>
      <View className="status-row__value">
        <Image
          className="status-photo"
          id="status-photo"
          src={url}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ urls: [url] })}
        />
      </View>
    </View>
  );
}

function Submitted({ view }: { view: LeaderApplicationView }) {
  const point = view.pickupPoint;
  return (
    <View className="status-card" id="status-submitted">
      <Text className="status-card__title">申请资料</Text>
      <Row label="真实姓名" value={view.name} id="status-name" />
      <Row label="手机号" value={view.phone} />
      <Row label="自提点" value={point.name} id="status-pickup-name" />
      <Row label="地址" value={point.address} />
      {point.latitude !== null && point.longitude !== null ? (
        <Row label="位置" value={`${point.latitude}, ${point.longitude}`} />
      ) : null}
      {point.openingHours ? <Row label="营业时间" value={point.openingHours} /> : null}
      {point.contactPhone ? <Row label="联系电话" value={point.contactPhone} /> : null}
      {point.photoUrl ? <PhotoRow url={assetUrl(point.photoUrl)} /> : null}
      <Row label="推荐团长" value={view.uplineName ?? '无'} />
      <Row label="提交时间" value={formatShanghaiDateTime(view.appliedAt)} />
      {view.reviewedAt ? <Row label="审核时间" value={formatShanghaiDateTime(view.reviewedAt)} /> : null}
      <Row label="签署协议" value={`版本 ${view.agreementVersion}`} />
    </View>
  );
}

function Welcome({ view }: { view: LeaderApplicationView }) {
  const copy = () =>
    void Taro.setClipboardData({ data: view.inviteCode }).then(
      () => Taro.showToast({ title: '邀请码已复制', icon: 'success' }),
      () => showErrorToast('复制失败，请手动抄写邀请码'),
    );
  return (
    <View className="status-card status-card--invite" id="status-welcome">
      <Text className="status-card__title">我的邀请码</Text>
      <Text className="status-invite__code" id="status-invite-code">
        {view.inviteCode}
      </Text>
      <Text className="status-invite__hint">
        邻居用这个邀请码申请团长，就会成为你的团员；你的自提点「{view.pickupPoint.name}」已开始接单。
      </Text>
      <View className="status-invite__actions">
        <View className="btn btn--ghost status-invite__btn" id="status-copy-invite" onClick={copy}>
          复制邀请码
        </View>
        <View
          className="btn btn--primary status-invite__btn"
          id="status-recruits"
          onClick={() => void Taro.navigateTo({ url: '/leader/recruits/index' })}
        >
          我的团员
        </View>
      </View>
    </View>
  );
}

export default function LeaderStatusPage() {
  const [phase, setPhase] = useState<Phase>('loading');
  const [view, setView] = useState<LeaderApplicationView | null>(null);
  const [error, setError] = useState('');
  const shown = useRef(false);

  // Coming back (e.g. from 重新申请) refreshes in place; only the first load shows skeletons.
  const load = useCallback(async () => {
    if (!shown.current) setPhase('loading');
    try {
      const member = await ensureLogin();
      if (!member) {
        setPhase('signed-out');
        return;
      }
      const mine = await fetchMyApplication();
      setView(mine);
      shown.current = true;
      setPhase(mine ? 'ready' : 'none');
      // An approval changes the profile (团长 badge, own pickup point): keep 我的 in step.
      if (mine?.status === LeaderStatus.ACTIVE && !member.isLeader)
        void refreshProfile().catch(() => undefined);
    } catch (caught) {
      setError(errorText(caught));
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
      <View className="status-page" id="status-loading">
        <SkeletonCard lines={[30, 60, 80]} />
        <SkeletonCard lines={[30, 70, 70, 50, 60]} />
      </View>
    );
  }

  if (phase !== 'ready' || !view) {
    return (
      <View className="status-page">
        <View className="status-card">
          {phase === 'none' ? (
            <StateView
              id="status-none"
              illustration="person"
              title="还没有提交团长申请"
              description="开一个自提点，带邻居一起拼团"
              actionText="申请成为团长"
              actionId="status-apply"
              onAction={() => void Taro.redirectTo({ url: APPLY_URL })}
            />
          ) : phase === 'signed-out' ? (
            <StateView
              id="status-signed-out"
              illustration="person"
              title="登录后查看申请进度"
              actionText="登录"
              actionId="status-login"
              onAction={() =>
                void login().then(
                  () => load(),
                  (e: unknown) => showErrorToast(errorText(e)),
                )
              }
            />
          ) : (
            <StateView
              id="status-error"
              illustration="alert"
              title="加载失败"
              description={error}
              actionText="重试"
              actionId="status-retry"
              onAction={() => void load()}
            />
          )}
        </View>
      </View>
    );
  }

  const presentation = presentStatus(view);
  return (
    <View className="status-page" id="status-page">
      <View className={`status-hero status-hero--${presentation.tone}`}>
        <View className="status-hero__top">
          <StatusBadge id="status-badge" label={presentation.label} tone={presentation.tone} />
        </View>
        <Text className="status-hero__title" id="status-title">
          {presentation.title}
        </Text>
        <Text className="status-hero__desc" id="status-reason">
          {presentation.description}
        </Text>
        {presentation.canReapply ? (
          <View
            className="btn btn--primary btn--block status-hero__action"
            id="status-reapply"
            onClick={() => void Taro.navigateTo({ url: APPLY_URL })}
          >
            修改资料，重新申请
          </View>
        ) : null}
      </View>
      {view.status === LeaderStatus.ACTIVE ? <Welcome view={view} /> : null}
      <Submitted view={view} />
    </View>
  );
}
