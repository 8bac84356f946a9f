import type { OrderStatus } from '@linli/shared-types';

/**
 * Statuses in which the goods wait for the buyer (a pickup code is open): paid, locked at the cut-off
 * (已截单), shipped on a route (已发货) and ready at the pickup point. The leader's 核销 hands any of them over.
 */
export const AWAITING_PICKUP: readonly OrderStatus[] = ['paid', 'locked', 'shipped', 'ready_for_pickup'];

/** Locked for fulfillment by the cut-off: the buyer can no longer cancel by themselves. */
export const IN_FULFILLMENT: readonly OrderStatus[] = ['locked', 'shipped'];

/** What the leader's 确认到货 (or staff mark-ready) moves to ready_for_pickup. */
export const ARRIVABLE: readonly OrderStatus[] = ['paid', 'locked', 'shipped'];

/** Orders in these statuses no longer hold units against the per-member limit or the stock. */
export const RELEASED: readonly OrderStatus[] = ['cancelled', 'refunded'];

/** What cancelling does to an order in `status`: close it unpaid, refund it, or nothing is possible. */
export type CancelOutcome = 'cancel' | 'refund';

export type BuyerCancelDecision =
  | { allowed: true; outcome: CancelOutcome }
  | { allowed: false; code: 'ORDER_CANCEL_NOT_ALLOWED' | 'ORDER_CANCEL_LOCKED'; message: string };

/**
 * A buyer may cancel an unpaid order at any time, and a paid one (refunded in full) until the cut-off
 * (截单): after it the warehouse has bought and packed for them, so the leader or staff decide. Once the
 * cut-off job locked it (locked / shipped) the refusal has its own code.
 */
export function buyerCancelDecision(status: OrderStatus, cutoffAt: Date, now: Date): BuyerCancelDecision {
  if (status === 'pending_payment') return { allowed: true, outcome: 'cancel' };
  if (IN_FULFILLMENT.includes(status)) {
    return {
      allowed: false,
      code: 'ORDER_CANCEL_LOCKED',
      message:
        status === 'shipped'
          ? '订单已发货，不能自行取消；如需退款请联系团长'
          : '订单已截单备货，不能自行取消；如需退款请联系团长',
    };
  }
  if (AWAITING_PICKUP.includes(status)) {
    return now < cutoffAt
      ? { allowed: true, outcome: 'refund' }
      : {
          allowed: false,
          code: 'ORDER_CANCEL_NOT_ALLOWED',
          message: '已截单，不能自行取消；如需退款请联系团长',
        };
  }
  if (status === 'picked_up')
    return {
      allowed: false,
      code: 'ORDER_CANCEL_NOT_ALLOWED',
      message: '订单已提货，如有问题请联系团长申请售后',
    };
  return { allowed: false, code: 'ORDER_CANCEL_NOT_ALLOWED', message: '订单已取消或已退款' };
}

/** Staff cancel (orders.write): unpaid → cancelled; paid, locked, shipped or ready → refunded. Picked up: refund instead. */
export function staffCancelOutcome(status: OrderStatus): CancelOutcome | null {
  if (status === 'pending_payment') return 'cancel';
  if (AWAITING_PICKUP.includes(status)) return 'refund';
  return null;
}

/** Staff refund (orders.refund): any order that was paid and is not refunded yet. */
export function staffMayRefund(status: OrderStatus): boolean {
  return AWAITING_PICKUP.includes(status) || status === 'picked_up';
}

/** Refunding moves stock back only while the goods have not been handed over. */
export function refundReleasesStock(status: OrderStatus): boolean {
  return AWAITING_PICKUP.includes(status);
}
