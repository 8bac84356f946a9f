import { LeaderStatus, type LeaderApplicationView } from '@linli/shared-types';

/** How 申请进度 and 我的 present the member's leader record. */

export type StatusTone = 'warning' | 'success' | 'danger' | 'muted';

export interface StatusPresentation {
  /** Short badge text. */
  label: string;
  tone: StatusTone;
  title: string;
  description: string;
  /** May the member submit a new application (重新申请)? */
  canReapply: boolean;
}

export function presentStatus(
  view: Pick<LeaderApplicationView, 'status' | 'statusReason'>,
): StatusPresentation {
  switch (view.status) {
    case LeaderStatus.PENDING:
      return {
        label: '审核中',
        tone: 'warning',
        title: '申请已提交，正在审核',
        description: '工作人员审核后，结果会显示在这里，请耐心等待。',
        canReapply: false,
      };
    case LeaderStatus.ACTIVE:
      return {
        label: '已通过',
        tone: 'success',
        title: '恭喜，你已成为邻里团长',
        description: '分享你的邀请码，邀请邻居一起开团。',
        canReapply: false,
      };
    case LeaderStatus.REJECTED:
      return {
        label: '已拒绝',
        tone: 'danger',
        title: '申请未通过',
        description: view.statusReason ? `原因：${view.statusReason}` : '可修改资料后重新申请。',
        canReapply: true,
      };
    case LeaderStatus.SUSPENDED:
      return {
        label: '已停用',
        tone: 'muted',
        title: '团长资格已停用',
        description: view.statusReason
          ? `原因：${view.statusReason}。自提点暂停接单，如有疑问请联系平台客服。`
          : '自提点暂停接单，如有疑问请联系平台客服。',
        canReapply: false,
      };
  }
}

export type MineLeaderEntry =
  | { kind: 'apply' }
  | { kind: 'progress'; label: string; tone: StatusTone }
  | { kind: 'center'; inviteCode: string };

/** What 我的 offers: apply (no record), progress (pending/rejected/suspended) or the 团长中心 (active). */
export function mineLeaderEntry(view: LeaderApplicationView | null): MineLeaderEntry {
  if (!view) return { kind: 'apply' };
  if (view.status === LeaderStatus.ACTIVE) return { kind: 'center', inviteCode: view.inviteCode };
  const { label, tone } = presentStatus(view);
  return { kind: 'progress', label, tone };
}

/** A recruit's status as the recruiting leader reads it. */
export function recruitStatusLabel(status: LeaderStatus): { label: string; tone: StatusTone } {
  switch (status) {
    case LeaderStatus.PENDING:
      return { label: '审核中', tone: 'warning' };
    case LeaderStatus.ACTIVE:
      return { label: '已开团', tone: 'success' };
    case LeaderStatus.REJECTED:
      return { label: '未通过', tone: 'danger' };
    case LeaderStatus.SUSPENDED:
      return { label: '已停用', tone: 'muted' };
  }
}
