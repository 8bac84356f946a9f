import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PaymentSucceeded {
  orderId: number;
  paymentId: number;
  amountFen: number;
  transactionId: string;
  paidAt: Date;
}

export interface RefundSettled {
  orderId: number;
  refundId: number;
  amountFen: number;
  status: 'succeeded' | 'failed';
  failureReason: string | null;
}

/**
 * What the orders context does when money moves, in the SAME transaction as the payment record:
 * - `paymentSucceeded` answers 'applied' when the order became paid, or 'order_closed' when the order was
 *   closed or cancelled first (the payment is then refunded automatically);
 * - `lateRefundStarted` records that a payment to a closed order is going back;
 * - `refundSettled` records the provider's final answer on a refund.
 */
export interface PaymentOutcomeListener {
  paymentSucceeded(manager: EntityManager, event: PaymentSucceeded): Promise<'applied' | 'order_closed'>;
  lateRefundStarted(
    manager: EntityManager,
    event: { orderId: number; refundId: number; amountFen: number },
  ): Promise<void>;
  refundSettled(manager: EntityManager, event: RefundSettled): Promise<void>;
}

/**
 * The port through which payments tells orders about money without importing it (orders depends on
 * payments). The orders module registers its listener at start-up; payments refuses to apply money
 * before one is registered.
 */
@Injectable()
export class PaymentOutcomeHooks {
  private listener: PaymentOutcomeListener | null = null;

  register(listener: PaymentOutcomeListener): void {
    if (this.listener) throw new Error('a payment outcome listener is already registered');
    this.listener = listener;
  }

  get current(): PaymentOutcomeListener {
    if (!this.listener) throw new Error('no payment outcome listener registered (is OrdersModule loaded?)');
    return this.listener;
  }
}
