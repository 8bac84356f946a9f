import { LEADER_STATUS_LABELS, LeaderStatus } from '@linli/shared-types';

/** What can happen to a leader row. `apply` covers the first application and a re-application. */
export type LeaderAction = 'apply' | 'approve' | 'reject' | 'suspend' | 'reactivate';

/** Actions a staff member takes on an existing leader. */
export type LeaderReviewAction = Exclude<LeaderAction, 'apply'>;

/** The lifecycle, from → action → to. `null` as `from` means "no leader row yet". */
const TRANSITIONS: Record<LeaderAction, ReadonlyArray<{ from: LeaderStatus | null; to: LeaderStatus }>> = {
  apply: [
    { from: null, to: LeaderStatus.PENDING },
    { from: LeaderStatus.REJECTED, to: LeaderStatus.PENDING },
  ],
  approve: [{ from: LeaderStatus.PENDING, to: LeaderStatus.ACTIVE }],
  reject: [{ from: LeaderStatus.PENDING, to: LeaderStatus.REJECTED }],
  suspend: [{ from: LeaderStatus.ACTIVE, to: LeaderStatus.SUSPENDED }],
  reactivate: [{ from: LeaderStatus.SUSPENDED, to: LeaderStatus.ACTIVE }],
};

/** The status after `action` from `from`, or null when the action is not allowed in that state. */
export function nextLeaderStatus(from: LeaderStatus | null, action: LeaderAction): LeaderStatus | null {
  return TRANSITIONS[action].find((t) => t.from === from)?.to ?? null;
}

/** Actions that need a reason shown to the leader. */
export function actionNeedsReason(action: LeaderAction): boolean {
  return action === 'reject' || action === 'suspend';
}

const ACTION_LABELS: Record<LeaderAction, string> = {
  apply: '提交申请',
  approve: '审核通过',
  reject: '拒绝申请',
  suspend: '停用',
  reactivate: '恢复',
};

/** The Chinese message of a 409 LEADER_INVALID_STATUS, naming the current state. */
export function invalidTransitionMessage(current: LeaderStatus, action: LeaderAction): string {
  return `团长当前状态为「${LEADER_STATUS_LABELS[current]}」，不能${ACTION_LABELS[action]}`;
}
