/**
 * Reversals (退款冲回) of an order's commission entries when part or all of it is refunded. Each entry is
 * reversed in proportion refund ÷ paid, rounded half up (symmetric); the refund that brings the order to
 * fully refunded reverses exactly what is left of each entry, so a fully refunded order always nets to 0
 * however the roundings of the earlier refunds fell. No reversal ever takes an entry past zero.
 */
import { proportion, requireSafeInteger } from './rounding';

export interface ReversibleEntry {
  entryId: number;
  /** The entry's amount, fen (positive for accruals and referrals). */
  amount: number;
  /** The sum of this entry's earlier reversals (≤ 0 for a positive entry). */
  reversedSoFar: number;
}

export interface RefundReversalInput {
  entries: ReversibleEntry[];
  refundFen: number;
  /** What the buyer paid for the whole order. */
  paidFen: number;
  /** The order's refunds before this one. */
  refundedBeforeFen: number;
}

export interface EntryReversal {
  entryId: number;
  /** ≤ 0 for a positive entry; never 0 (zero reversals are left out). */
  amount: number;
}

export function reverseForRefund({
  entries,
  refundFen,
  paidFen,
  refundedBeforeFen,
}: RefundReversalInput): EntryReversal[] {
  requireSafeInteger(refundFen, 'refundFen');
  requireSafeInteger(paidFen, 'paidFen');
  requireSafeInteger(refundedBeforeFen, 'refundedBeforeFen');
  if (paidFen <= 0) throw new RangeError(`paidFen must be positive, got ${paidFen}`);
  if (refundFen <= 0) throw new RangeError(`refundFen must be positive, got ${refundFen}`);
  if (refundedBeforeFen < 0)
    throw new RangeError(`refundedBeforeFen must not be negative, got ${refundedBeforeFen}`);
  const refundedTotalFen = refundedBeforeFen + refundFen;
  if (refundedTotalFen > paidFen) {
    throw new RangeError(`refunds total ${refundedTotalFen} fen, more than the ${paidFen} fen paid`);
  }
  const refundsTheRest = refundedTotalFen === paidFen;

  const reversals: EntryReversal[] = [];
  for (const entry of entries) {
    requireSafeInteger(entry.amount, `entry ${entry.entryId} amount`);
    requireSafeInteger(entry.reversedSoFar, `entry ${entry.entryId} reversedSoFar`);
    const leftFen = entry.amount + entry.reversedSoFar;
    const wantedFen = refundsTheRest ? -leftFen : -proportion(entry.amount, refundFen, paidFen);
    // Between 0 and −left: toward zero, never past it (nor adding to an entry already over-reversed).
    const reversalFen = clamp(wantedFen, Math.min(0, -leftFen), Math.max(0, -leftFen));
    if (reversalFen !== 0) reversals.push({ entryId: entry.entryId, amount: reversalFen });
  }
  return reversals;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
