import { LEADER_STATUS_LABELS, LeaderStatus } from '@linli/shared-types';

/** A rule an application broke, with its stable code, HTTP status and Chinese message. */
export interface ApplicationViolation {
  code:
    | 'LEADER_AGREEMENT_NOT_ACCEPTED'
    | 'LEADER_AGREEMENT_OUTDATED'
    | 'LEADER_ALREADY_EXISTS'
    | 'LEADER_INVITE_CODE_INVALID';
  status: 400 | 409;
  message: string;
}

export interface ApplicationFacts {
  agreementAccepted: boolean;
  agreementVersion: string;
  currentAgreementVersion: string;
  /** The applicant's own leader row, if any. */
  existingStatus: LeaderStatus | null;
  /** The leader whose invite code was given; undefined when no code was given, null when unknown. */
  inviter?: { memberId: number; status: LeaderStatus } | null;
  applicantMemberId: number;
}

/** The first rule the application breaks (in the order a person fixes them), or null when it may go ahead. */
export function applicationViolation(f: ApplicationFacts): ApplicationViolation | null {
  if (f.existingStatus !== null && f.existingStatus !== LeaderStatus.REJECTED) {
    const message =
      f.existingStatus === LeaderStatus.PENDING
        ? '您的团长申请正在审核中，请耐心等待'
        : `您已经是团长（当前状态：${LEADER_STATUS_LABELS[f.existingStatus]}），无需重复申请`;
    return { code: 'LEADER_ALREADY_EXISTS', status: 409, message };
  }
  if (!f.agreementAccepted) {
    return { code: 'LEADER_AGREEMENT_NOT_ACCEPTED', status: 400, message: '请阅读并同意团长合作协议' };
  }
  if (f.agreementVersion !== f.currentAgreementVersion) {
    return {
      code: 'LEADER_AGREEMENT_OUTDATED',
      status: 400,
      message: '团长合作协议已更新，请重新阅读最新协议后再提交',
    };
  }
  if (f.inviter !== undefined) {
    if (f.inviter === null || f.inviter.status !== LeaderStatus.ACTIVE) {
      return { code: 'LEADER_INVITE_CODE_INVALID', status: 400, message: '邀请码无效，请向邀请您的团长确认' };
    }
    if (f.inviter.memberId === f.applicantMemberId) {
      return { code: 'LEADER_INVITE_CODE_INVALID', status: 400, message: '不能使用自己的邀请码' };
    }
  }
  return null;
}
