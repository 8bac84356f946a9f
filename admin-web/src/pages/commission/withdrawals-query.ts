import {
  ErrorCode,
  WITHDRAWAL_STATUS_LABELS,
  type WithdrawalQuery,
  type WithdrawalStatus,
  type WithdrawalView,
} from '@linli/shared-types';
import { isApiError } from '../../api';
import { pageFromSearch, pageToSearch, positiveInt } from '../../utils/url-query';
import type { WithdrawalAction } from './service';

export const WITHDRAWAL_STATUSES = Object.keys(WITHDRAWAL_STATUS_LABELS) as WithdrawalStatus[];
/** 待审核 first (what finance opens the page for), 全部 last. */
export type WithdrawalTab = WithdrawalStatus | 'all';
export const WITHDRAWAL_TABS: WithdrawalTab[] = [...WITHDRAWAL_STATUSES, 'all'];
const DEFAULT_TAB: WithdrawalTab = 'reviewing';

export interface WithdrawalSearch {
  tab: WithdrawalTab;
  leaderId?: number;
  page: number;
  pageSize: number;
}

export function withdrawalsFromSearch(params: URLSearchParams): WithdrawalSearch {
  const status = params.get('status') ?? '';
  return {
    ...pageFromSearch(params),
    tab: (WITHDRAWAL_TABS as string[]).includes(status) ? (status as WithdrawalTab) : DEFAULT_TAB,
    leaderId: positiveInt(params.get('leaderId')),
  };
}

export function searchFromWithdrawals(search: WithdrawalSearch): Record<string, string> {
  const out = pageToSearch(search);
  if (search.tab !== DEFAULT_TAB) out.status = search.tab;
  if (search.leaderId) out.leaderId = String(search.leaderId);
  return out;
}

export function toWithdrawalQuery(search: WithdrawalSearch): WithdrawalQuery {
  return {
    page: search.page,
    pageSize: search.pageSize,
    status: search.tab === 'all' ? undefined : search.tab,
    leaderId: search.leaderId,
  };
}

/**
 * What finance can do now: review a request waiting for it; take back (驳回) an approved bank withdrawal
 * that no batch has taken yet; settle a bank payout once the batch has been paid (or not). WeChat payouts
 * settle themselves (the leader confirms receipt in the mini-program), so an approved one cannot be recalled.
 */
export function withdrawalActions(w: Pick<WithdrawalView, 'status' | 'method'>): WithdrawalAction[] {
  if (w.status === 'reviewing') return ['approve', 'reject'];
  if (w.status === 'approved' && w.method === 'bank') return ['reject'];
  if (w.status === 'paying' && w.method === 'bank') return ['markPaid', 'markFailed'];
  return [];
}

export const WITHDRAWAL_ACTION_TEXT: Record<WithdrawalAction, { label: string; done: string }> = {
  approve: { label: '通过', done: '已通过提现申请' },
  reject: { label: '驳回', done: '已驳回，金额已退回团长可提现余额' },
  markPaid: { label: '标记已打款', done: '已标记为已到账' },
  markFailed: { label: '标记失败', done: '已标记打款失败，金额已退回团长可提现余额' },
};

/** Someone (another finance clerk, the payout job) moved the withdrawal first: reload instead of retrying. */
export function isStaleWithdrawalError(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === ErrorCode.WITHDRAWAL_INVALID_STATUS ||
      error.code === ErrorCode.WITHDRAWAL_NOT_FOUND ||
      error.status === 404)
  );
}
