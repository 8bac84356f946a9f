import Taro from '@tarojs/taro';
import { StateView } from '@/components/state-view';

export type LeaderGatePhase = 'not-leader' | 'signed-out' | 'error';

interface LeaderGateStateProps {
  phase: LeaderGatePhase;
  /** Element ids start with it: `<prefix>-not-leader`, `<prefix>-retry`, … */
  idPrefix: string;
  /** What the page does, e.g. 管理社群 / 查看客户. */
  activity: string;
  /** The page's title word for signed-out buyers, e.g. 我的社群. */
  pageName: string;
  /** Shown for a load error. */
  error: string;
  onRetry: () => void;
}

/** Why a leader page shows nothing: not an active leader, not signed in, or a load error (with retry). */
export function LeaderGateState({
  phase,
  idPrefix,
  activity,
  pageName,
  error,
  onRetry,
}: LeaderGateStateProps) {
  if (phase === 'not-leader')
    return (
      <StateView
        id={`${idPrefix}-not-leader`}
        illustration="person"
        title={`成为团长后${activity}`}
        // The page's own words: the server's message names whichever endpoint answered first.
        description={`只有正常营业的团长可以${activity}`}
        actionText="查看申请进度"
        actionId={`${idPrefix}-go-status`}
        onAction={() => void Taro.redirectTo({ url: '/leader/status/index' })}
      />
    );
  if (phase === 'signed-out')
    return (
      <StateView
        id={`${idPrefix}-signed-out`}
        illustration="person"
        title={`登录后查看${pageName}`}
        actionText="去登录"
        actionId={`${idPrefix}-login`}
        onAction={() => void Taro.switchTab({ url: '/pages/mine/index' })}
      />
    );
  return (
    <StateView
      id={`${idPrefix}-error`}
      illustration="alert"
      title="加载失败"
      description={error}
      actionText="重试"
      actionId={`${idPrefix}-retry`}
      onAction={onRetry}
    />
  );
}
