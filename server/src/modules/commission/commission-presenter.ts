import type { CommissionEntryView, WithdrawalView } from '@linli/shared-types';
import type { CommissionEntryEntity } from './persistence/commission-entry.entity';
import type { WithdrawalEntity } from './persistence/withdrawal.entity';

/**
 * A frozen entry whose after-sales window has passed reads as available, like the balance counts it,
 * even in the minute before the sweep flips its stored status.
 */
export function effectiveStatus(entry: CommissionEntryEntity, now: Date): CommissionEntryView['status'] {
  return entry.status === 'frozen' && entry.availableAt.getTime() <= now.getTime()
    ? 'available'
    : entry.status;
}

export function entryView(
  entry: CommissionEntryEntity,
  names: { leaderName: string; orderNo: string | null },
  now: Date = new Date(),
): CommissionEntryView {
  return {
    id: entry.id,
    leaderId: entry.leaderId,
    leaderName: names.leaderName,
    type: entry.type,
    amount: entry.amount,
    status: effectiveStatus(entry, now),
    orderId: entry.orderId,
    orderNo: names.orderNo,
    ruleSetId: entry.ruleSetId,
    ruleSetVersion: entry.ruleSetVersion,
    availableAt: entry.availableAt.toISOString(),
    note: entry.note,
    details: entry.details,
    createdAt: entry.createdAt.toISOString(),
  };
}

/** Account numbers show only their last four digits outside finance's screens. */
export function maskAccountNo(accountNo: string): string {
  return accountNo.length <= 4 ? accountNo : `**** ${accountNo.slice(-4)}`;
}

export function withdrawalView(
  w: WithdrawalEntity,
  leaderName: string,
  options: { fullAccountNo: boolean },
): WithdrawalView {
  return {
    id: w.id,
    leaderId: w.leaderId,
    leaderName,
    amount: w.amount,
    method: w.method,
    status: w.status,
    bankAccount:
      w.method === 'bank' && w.bankAccountNo
        ? {
            holder: w.bankHolder ?? '',
            bankName: w.bankName ?? '',
            accountNo: options.fullAccountNo ? w.bankAccountNo : maskAccountNo(w.bankAccountNo),
          }
        : null,
    reviewNote: w.reviewNote,
    reviewedBy: w.reviewedByName,
    failureReason: w.failureReason,
    awaitingConfirmation: w.status === 'paying' && w.awaitingConfirmation,
    requestedAt: w.requestedAt.toISOString(),
    reviewedAt: w.reviewedAt?.toISOString() ?? null,
    paidAt: w.paidAt?.toISOString() ?? null,
  };
}

/** What WeChat's failure reasons mean for the leader. */
export function payoutFailureText(reason: string | null): string {
  switch (reason) {
    case 'OVERDUE_CLOSE':
      return '超时未确认收款，金额已退回佣金余额';
    case 'CANCELLED':
    case 'MCH_CANCEL':
      return '转账已撤销，金额已退回佣金余额';
    case 'TRANSFER_QUOTA_EXCEED':
    case 'DAY_RECEIVED_QUOTA_EXCEED':
    case 'MONTH_RECEIVED_QUOTA_EXCEED':
      return '超出微信收款限额，金额已退回佣金余额';
    case 'ACCOUNT_FROZEN':
    case 'BLOCK_B2C_USERLIMITAMOUNT_MONTH':
    case 'REAL_NAME_CHECK_FAIL':
    case 'NAME_NOT_CORRECT':
      return '微信账户无法收款（未实名或受限），金额已退回佣金余额';
    default:
      return `打款失败（${reason ?? '未知原因'}），金额已退回佣金余额`;
  }
}
