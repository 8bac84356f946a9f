import {
  COMMISSION_ENTRY_STATUS_LABELS,
  COMMISSION_ENTRY_TYPE_LABELS,
  formatFen,
  WITHDRAWAL_STATUS_LABELS,
  type BasisPoints,
  type CommissionDetailLine,
  type CommissionEntryStatus,
  type CommissionEntryView,
  type Fen,
  type LeaderCommissionOverview,
  type WithdrawalMethod,
  type WithdrawalStatus,
  type WithdrawalView,
} from '@linli/shared-types';
import { type StatusTone } from './leader-status';

/** How the commission screens word and colour the ledger and withdrawals. Platform-free, unit tested. */

/** Not in the contract: the leader-facing names of the payout methods. */
export const WITHDRAWAL_METHOD_LABELS: Record<WithdrawalMethod, string> = {
  wechat: '微信零钱',
  bank: '银行卡',
};

/** 1000 → "10%", 1250 → "12.5%", 5 → "0.05%". */
export function formatRateBps(bps: BasisPoints): string {
  return `${Number((bps / 100).toFixed(2))}%`;
}

/** Ledger amounts carry their sign: "+¥12.34" in, "-¥3.00" out. */
export function signedFen(amount: Fen): string {
  return amount > 0 ? `+${formatFen(amount)}` : formatFen(amount);
}

export type AmountTone = 'in' | 'out' | 'zero';
export function amountTone(amount: Fen): AmountTone {
  return amount > 0 ? 'in' : amount < 0 ? 'out' : 'zero';
}

/**
 * A detail line's exact amount, which may hold fractions of a fen (the entry is rounded once, not each
 * line): 1234 → "¥12.34", 1234.5 → "¥12.345", up to four decimals of a yuan.
 */
export function formatExactFen(amount: number): string {
  if (Number.isInteger(amount)) return formatFen(amount);
  const sign = amount < 0 ? '-' : '';
  const [yuan, decimals] = (Math.abs(amount) / 100).toFixed(4).split('.');
  const trimmed = decimals.replace(/0+$/, '').padEnd(2, '0');
  return `${sign}¥${Number(yuan).toLocaleString('en-US')}.${trimmed}`;
}

/** How a line was computed: "¥100.00 × 10%", "¥2.00 × 3 件", or '' when it is a plain amount. */
export function detailFormula(line: CommissionDetailLine): string {
  if (line.baseFen !== null && line.rateBps !== null) {
    return `${formatExactFen(line.baseFen)} × ${formatRateBps(line.rateBps)}`;
  }
  if (line.fixedFen !== null && line.units !== null) {
    return `${formatExactFen(line.fixedFen)} × ${line.units} 件`;
  }
  return '';
}

export const ENTRY_STATUS_TONES: Record<CommissionEntryStatus, StatusTone> = {
  frozen: 'warning',
  available: 'success',
  settled: 'muted',
};

/**
 * An entry's status as the balances count it: a frozen entry whose after-sales window has ended is
 * available already (the server's balance says so at once; its status column follows within a minute).
 */
export function effectiveEntryStatus(
  entry: Pick<CommissionEntryView, 'status' | 'availableAt'>,
  now: Date = new Date(),
): CommissionEntryStatus {
  if (entry.status !== 'frozen') return entry.status;
  const due = Date.parse(entry.availableAt);
  return Number.isFinite(due) && due <= now.getTime() ? 'available' : 'frozen';
}

export function entryStatusBadge(status: CommissionEntryStatus): { label: string; tone: StatusTone } {
  return { label: COMMISSION_ENTRY_STATUS_LABELS[status], tone: ENTRY_STATUS_TONES[status] };
}

const WITHDRAWAL_STATUS_TONES: Record<WithdrawalStatus, StatusTone> = {
  reviewing: 'warning',
  approved: 'warning',
  paying: 'warning',
  paid: 'success',
  rejected: 'danger',
  failed: 'danger',
};

/** A WeChat payout waiting for the leader reads 待确认收款: it is the leader's move, not finance's. */
export function withdrawalStatusBadge(withdrawal: Pick<WithdrawalView, 'status' | 'awaitingConfirmation'>): {
  label: string;
  tone: StatusTone;
} {
  if (withdrawal.awaitingConfirmation) return { label: '待确认收款', tone: 'warning' };
  return {
    label: WITHDRAWAL_STATUS_LABELS[withdrawal.status],
    tone: WITHDRAWAL_STATUS_TONES[withdrawal.status],
  };
}

/** Why a withdrawal did not go through, for the leader: the reviewer's reason or the payout failure. */
export function withdrawalProblem(
  withdrawal: Pick<WithdrawalView, 'status' | 'reviewNote' | 'failureReason'>,
): string | null {
  if (withdrawal.status === 'rejected') return `驳回原因：${withdrawal.reviewNote || '未说明'}`;
  if (withdrawal.status === 'failed') return `失败原因：${withdrawal.failureReason || '未说明'}`;
  return null;
}

export type WithdrawAvailability = { allowed: true } | { allowed: false; reason: string };

/** May the leader start a new withdrawal (the 提现 button), and if not, why. */
export function withdrawAvailability(
  overview: Pick<LeaderCommissionOverview, 'balance' | 'minWithdrawFen' | 'openWithdrawal' | 'methods'>,
): WithdrawAvailability {
  if (overview.openWithdrawal) {
    return { allowed: false, reason: '已有一笔提现在处理中，完成后可再次提现' };
  }
  if (overview.methods.length === 0) {
    return { allowed: false, reason: '暂未开通提现方式，请联系平台' };
  }
  if (overview.balance.available < overview.minWithdrawFen) {
    return { allowed: false, reason: `可提现金额满 ${formatFen(overview.minWithdrawFen)} 才能提现` };
  }
  return { allowed: true };
}

/** What happens next with a withdrawal still under way, or null once it has ended. */
export function withdrawalNextStep(
  withdrawal: Pick<WithdrawalView, 'status' | 'awaitingConfirmation' | 'method'>,
): string | null {
  if (withdrawal.awaitingConfirmation) return '平台已发起转账，请点「确认收款」，确认后钱到微信零钱';
  switch (withdrawal.status) {
    case 'reviewing':
      return '金额较大，财务审核通过后打款';
    case 'approved':
      return '已通过审核，等待打款';
    case 'paying':
      return withdrawal.method === 'bank' ? '正在打款到你的银行卡，请留意到账' : '正在打款，请留意到账';
    default:
      return null;
  }
}

/**
 * A WeChat payout on its way that needs no one but the server and WeChat Pay: approved (the transfer is
 * being set up) or paying once the leader confirmed. Seconds, not days, so the screens check again soon;
 * bank payouts wait for finance, and a payout waiting for the leader waits for their tap.
 */
export function payoutSettlingSoon(
  withdrawal: Pick<WithdrawalView, 'status' | 'awaitingConfirmation' | 'method'>,
): boolean {
  if (withdrawal.method !== 'wechat' || withdrawal.awaitingConfirmation) return false;
  return withdrawal.status === 'approved' || withdrawal.status === 'paying';
}

/**
 * An entry's name in the ledger. Withdrawals write two kinds of `withdrawal` entries: the hold (money
 * out, 提现) and, when finance rejects it or the payout fails, the money coming back (提现退回).
 */
export function entryTitle(entry: Pick<CommissionEntryView, 'type' | 'amount'>): string {
  if (entry.type === 'withdrawal' && entry.amount > 0) return '提现退回';
  return COMMISSION_ENTRY_TYPE_LABELS[entry.type];
}

/**
 * The status badge of an entry, or null where the ledger status says nothing to the leader: a withdrawal
 * hold stays "available" (it is a negative available amount) whatever became of the withdrawal, which
 * 提现记录 tells; once the money left it reads 已到账.
 */
export function entryBadge(
  entry: Pick<CommissionEntryView, 'type' | 'status' | 'availableAt'>,
  now: Date = new Date(),
): { label: string; tone: StatusTone } | null {
  if (entry.type === 'withdrawal') {
    return entry.status === 'settled' ? { label: '已到账', tone: 'muted' } : null;
  }
  return entryStatusBadge(effectiveEntryStatus(entry, now));
}
