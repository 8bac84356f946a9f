import { ErrorCode } from '@linli/shared-types';
import { type BuyerPage } from '@/hooks/use-buyer-page';
import { LeaderGateState } from './leader-gate-state';

/** For useBuyerPage on a leader screen: "not found" means the caller is not (or no longer) a leader. */
export const NOT_A_LEADER_CODES: string[] = [ErrorCode.LEADER_NOT_ACTIVE];

interface LeaderPageStateProps {
  /** The page's useBuyerPage(loader, NOT_A_LEADER_CODES). */
  page: BuyerPage<unknown>;
  idPrefix: string;
  /** What the page does, e.g. 查看佣金. */
  activity: string;
  /** The page's title, e.g. 我的佣金. */
  pageName: string;
}

/** Why a leader screen loaded through useBuyerPage shows nothing (its not-ready branch). */
export function LeaderPageState({ page, idPrefix, activity, pageName }: LeaderPageStateProps) {
  const phase =
    page.phase === 'not-found' ? 'not-leader' : page.phase === 'signed-out' ? 'signed-out' : 'error';
  return (
    <LeaderGateState
      phase={phase}
      idPrefix={idPrefix}
      activity={activity}
      pageName={pageName}
      error={page.error || '加载失败，请稍后重试'}
      onRetry={() => void page.reload()}
    />
  );
}
