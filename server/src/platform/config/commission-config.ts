import type { EnvReader } from './app-config';

export interface CommissionConfig {
  /** The smallest withdrawal a leader may request, fen. */
  withdrawMinFen: number;
  /** Withdrawals up to this amount are approved without review, fen (0: every one is reviewed). */
  autoApproveFen: number;
  /** Bank-card payouts (paid by finance from an Excel batch) are offered to leaders. */
  bankPayouts: boolean;
}

/**
 * COMMISSION_WITHDRAW_MIN_FEN (default 100 = ¥1; WeChat transfers start at ¥0.1),
 * COMMISSION_AUTO_APPROVE_FEN (default 20000 = ¥200), COMMISSION_BANK_PAYOUTS (default true).
 */
export function readCommissionConfig(read: EnvReader): CommissionConfig {
  const withdrawMinFen = read.integer('COMMISSION_WITHDRAW_MIN_FEN', 100, 10, 10_000_000);
  const autoApproveFen = read.integer('COMMISSION_AUTO_APPROVE_FEN', 20_000, 0, 10_000_000);
  return {
    withdrawMinFen,
    autoApproveFen,
    bankPayouts: read.boolean('COMMISSION_BANK_PAYOUTS', true),
  };
}
