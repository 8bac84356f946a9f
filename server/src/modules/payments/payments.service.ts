import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { PaymentView, PayOrderResponse } from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  defineJob,
  isUniqueViolation,
  JobQueue,
  TransactionRunner,
} from '../../platform';
import { PaymentOutcomeHooks } from './payment-outcome-hooks';
import { PaymentEntity } from './persistence/payment.entity';
import { PaymentProvider } from './providers/payment-provider';
import { RefundLedger, type RefundOutcome } from './refund-ledger';

declare module '../../platform' {
  interface JobPayloads {
    /** Asks the provider to refund (retried with the same out-refund-number, so a retry never pays twice). */
    'payments.refund': { refundId: number };
  }
}
export const REFUND_JOB = defineJob('payments.refund');

/** A successful trade as the provider reported it (notification or query). */
export interface SucceededTrade {
  outTradeNo: string;
  transactionId: string;
  amountFen: number;
  payerOpenid: string | null;
  paidAt: Date;
}

export type TradeOutcome = 'paid' | 'already_paid' | 'late_payment_refund';

/** What the orders context asks for: collect money for an order, check on it, close it. */
export interface OrderToPay {
  orderId: number;
  orderNo: string;
  amountFen: number;
  description: string;
  payerOpenid: string;
  payDeadlineAt: Date;
}

/** Reuse a prepay id only while it stays valid this much longer (the buyer still has to tap 支付). */
const PREPAY_REUSE_MARGIN_MS = 5 * 60_000;

const providerDown = () =>
  new BusinessError('PAYMENT_PROVIDER_UNAVAILABLE', '支付服务暂时不可用，请稍后再试', 503);

/**
 * Payments of orders (one row per order, out_trade_no = order number) and the bridge to the provider.
 * Money facts are applied once, by conditional updates; the orders context hears about them through
 * `PaymentOutcomeHooks` in the same transaction.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly provider: PaymentProvider,
    private readonly hooks: PaymentOutcomeHooks,
    private readonly refunds: RefundLedger,
    private readonly queue: JobQueue,
  ) {}

  get providerName(): PaymentProvider['name'] {
    return this.provider.name;
  }

  /**
   * The `requestPayment` parameters for an order: its payment row (created once) and a prepay id that
   * is reused while valid; a fresh timestamp, nonce and signature each time.
   */
  async requestPayment(
    order: OrderToPay,
  ): Promise<
    Pick<PayOrderResponse, 'provider' | 'outTradeNo' | 'requestPayment'> & { firstRequest: boolean }
  > {
    const { payment, created } = await this.paymentRowFor(order);
    if (payment.status !== 'pending') {
      throw new ConflictError(
        'ORDER_NOT_PAYABLE',
        payment.status === 'succeeded' ? '订单已支付' : '订单已关闭',
      );
    }
    let prepayId = payment.prepayId;
    const stillValid =
      prepayId !== null &&
      payment.prepayExpiresAt !== null &&
      payment.prepayExpiresAt.getTime() - Date.now() > PREPAY_REUSE_MARGIN_MS;
    if (!stillValid) {
      const prepay = await this.provider
        .prepay({
          outTradeNo: payment.outTradeNo,
          amountFen: payment.amount,
          description: order.description,
          payerOpenid: order.payerOpenid,
          expiresAt: order.payDeadlineAt,
        })
        .catch((error: unknown) => {
          this.logger.warn({ err: error, outTradeNo: payment.outTradeNo }, 'prepay failed');
          throw providerDown();
        });
      prepayId = prepay.prepayId;
      await this.tx.run((m) =>
        m
          .getRepository(PaymentEntity)
          .update(
            { id: payment.id },
            { prepayId: prepay.prepayId, prepayExpiresAt: prepay.validUntil, payerOpenid: order.payerOpenid },
          ),
      );
    }
    return {
      provider: this.provider.name,
      outTradeNo: payment.outTradeNo,
      requestPayment: this.provider.requestPaymentParams(prepayId!),
      firstRequest: created,
    };
  }

  /**
   * Applies a successful trade reported by the provider, once. Amount and trade are checked against our
   * record first (a mismatch is refused and changes nothing). Joins the caller's transaction.
   */
  async applySucceededTrade(trade: SucceededTrade): Promise<TradeOutcome> {
    return this.tx.run(async (m) => {
      const payment = await m.getRepository(PaymentEntity).findOneBy({ outTradeNo: trade.outTradeNo });
      if (!payment) {
        throw new BusinessError('PAYMENT_NOTIFICATION_INVALID', `未知的商户订单号 ${trade.outTradeNo}`, 400);
      }
      if (payment.amount !== trade.amountFen) {
        throw new BusinessError(
          'PAYMENT_NOTIFICATION_INVALID',
          `支付金额 ${trade.amountFen} 分与订单金额 ${payment.amount} 分不符`,
          400,
        );
      }
      const applied = await m
        .createQueryBuilder()
        .update(PaymentEntity)
        .set({
          status: 'succeeded',
          transactionId: trade.transactionId,
          payerOpenid: trade.payerOpenid ?? payment.payerOpenid,
          paidAt: trade.paidAt,
        })
        .where('id = :id AND status IN (:...open)', { id: payment.id, open: ['pending', 'closed'] })
        .execute();
      if (!applied.affected) return 'already_paid';

      const event = {
        orderId: Number(payment.orderId),
        paymentId: payment.id,
        amountFen: payment.amount,
        transactionId: trade.transactionId,
        paidAt: trade.paidAt,
      };
      const result = await this.hooks.current.paymentSucceeded(m, event);
      if (result === 'applied') return 'paid';
      // The order was closed or cancelled first: the money goes straight back.
      const refund = await this.refunds.create(m, {
        payment: { ...payment, status: 'succeeded' },
        amountFen: payment.amount,
        reason: '订单已关闭，付款原路退回',
        requestedBy: { type: 'system', id: null, name: '系统' },
      });
      await this.hooks.current.lateRefundStarted(m, {
        orderId: event.orderId,
        refundId: refund.id,
        amountFen: refund.amount,
      });
      this.queueRefundAfterCommit(m, refund.id, refund.attempts);
      return 'late_payment_refund';
    });
  }

  /**
   * Starts a refund of an order's payment in the caller's transaction: `amountFen` of it (a partial
   * refund), or everything not refunded yet; the provider is asked after commit (job `payments.refund`,
   * its own out-refund-number, retried with it). Returns null when the order has no successful payment.
   * With a `requestKey`, a refund already started under that key is answered instead (a retry).
   */
  async startRefund(
    m: EntityManager,
    request: {
      orderId: number;
      reason: string;
      requestedBy: { type: 'member' | 'leader' | 'staff' | 'system'; id: number | null; name: string };
      amountFen?: number;
      requestKey?: string;
    },
  ): Promise<{ refundId: number; amountFen: number } | null> {
    if (request.requestKey) {
      const earlier = await this.refunds.findByRequestKey(m, request.requestKey);
      if (earlier) return { refundId: earlier.id, amountFen: earlier.amount };
    }
    const payment = await m.getRepository(PaymentEntity).findOneBy({ orderId: request.orderId });
    if (!payment || payment.status !== 'succeeded') return null;
    const left = payment.amount - (await this.refunds.committedAmount(m, payment.id));
    if (request.amountFen !== undefined && request.amountFen > left) {
      throw new ConflictError('ORDER_REFUND_EXCEEDED', '退款金额超过可退金额');
    }
    const refund = await this.refunds.create(m, {
      payment,
      amountFen: request.amountFen ?? left,
      reason: request.reason,
      requestedBy: request.requestedBy,
      requestKey: request.requestKey ?? null,
    });
    this.queueRefundAfterCommit(m, refund.id, refund.attempts);
    return { refundId: refund.id, amountFen: refund.amount };
  }

  /**
   * The provider's final answer on a refund (notification, the refund call itself, or a query), applied
   * once; the orders context records it in the same transaction. False when it was settled already.
   */
  async settleRefund(outRefundNo: string, outcome: RefundOutcome, expectedFen?: number): Promise<boolean> {
    return this.tx.run(async (m) => {
      const refund = await this.refunds.findByOutRefundNo(m, outRefundNo);
      if (!refund)
        throw new BusinessError('PAYMENT_NOTIFICATION_INVALID', `未知的退款单号 ${outRefundNo}`, 400);
      if (expectedFen !== undefined && expectedFen !== refund.amount) {
        throw new BusinessError(
          'PAYMENT_NOTIFICATION_INVALID',
          `退款金额 ${expectedFen} 分与退款单金额 ${refund.amount} 分不符`,
          400,
        );
      }
      const settled = await this.refunds.settle(m, outRefundNo, outcome);
      if (!settled) return false;
      await this.hooks.current.refundSettled(m, {
        orderId: Number(settled.orderId),
        refundId: settled.id,
        amountFen: settled.amount,
        status: outcome.status,
        failureReason: settled.failureReason,
      });
      return true;
    });
  }

  /** The refund started under a caller's idempotency key, if any. */
  async refundByRequestKey(
    m: EntityManager,
    requestKey: string,
  ): Promise<{ refundId: number; amountFen: number } | null> {
    const refund = await this.refunds.findByRequestKey(m, requestKey);
    return refund ? { refundId: refund.id, amountFen: refund.amount } : null;
  }

  /** Staff retry of a refund that failed for good: a new out-refund-number, asked again. */
  async retryRefund(refundId: number): Promise<{ orderId: number }> {
    return this.tx.run(async (m) => {
      const refund = await this.refunds.reopenFailed(m, refundId);
      this.queueRefundAfterCommit(m, refund.id, refund.attempts);
      return { orderId: Number(refund.orderId) };
    });
  }

  /**
   * At the pay deadline: 'paid' when the buyer paid after all (applied now), 'closed' when the provider's
   * trade is closed (or never existed) and ours too. Provider errors propagate, so the caller retries
   * later instead of closing an order that may have been paid.
   */
  async closeForOrder(orderId: number): Promise<'paid' | 'closed'> {
    const payment = await this.dataSource.getRepository(PaymentEntity).findOneBy({ orderId });
    if (!payment) return 'closed';
    if (payment.status === 'succeeded') return 'paid';
    if (payment.status === 'pending' && payment.prepayId !== null) {
      if (await this.applyIfPaidAtProvider(payment.outTradeNo)) return 'paid';
      const closed = await this.provider.close(payment.outTradeNo);
      if (closed === 'already_paid' && (await this.applyIfPaidAtProvider(payment.outTradeNo))) return 'paid';
    }
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(PaymentEntity)
        .set({ status: 'closed', closedAt: new Date() })
        .where('id = :id AND status = :pending', { id: payment.id, pending: 'pending' })
        .execute(),
    );
    return 'closed';
  }

  /** The client finished requestPayment: ask the provider in case its notification is late. */
  async syncOrder(orderId: number): Promise<void> {
    const payment = await this.dataSource.getRepository(PaymentEntity).findOneBy({ orderId });
    if (!payment || payment.status !== 'pending' || payment.prepayId === null) return;
    await this.applyIfPaidAtProvider(payment.outTradeNo).catch((error: unknown) => {
      this.logger.warn({ err: error, orderId }, 'payment query failed');
    });
  }

  async paymentsOf(orderId: number, m: EntityManager = this.dataSource.manager): Promise<PaymentView[]> {
    const rows = await m.getRepository(PaymentEntity).findBy({ orderId });
    return rows.map((p) => ({
      id: p.id,
      provider: p.provider,
      outTradeNo: p.outTradeNo,
      amount: p.amount,
      status: p.status,
      transactionId: p.transactionId,
      paidAt: p.paidAt?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
    }));
  }

  /** Payment rows of several orders (for lists). */
  async paymentsByOrder(
    orderIds: number[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, PaymentEntity>> {
    if (orderIds.length === 0) return new Map();
    const rows = await m.getRepository(PaymentEntity).findBy({ orderId: In(orderIds) });
    return new Map(rows.map((p) => [Number(p.orderId), p]));
  }

  private async applyIfPaidAtProvider(outTradeNo: string): Promise<boolean> {
    const trade = await this.provider.query(outTradeNo);
    if (!trade || (trade.state !== 'paid' && trade.state !== 'refunded')) return false;
    if (trade.transactionId === null || trade.amountFen === null) return false;
    await this.applySucceededTrade({
      outTradeNo,
      transactionId: trade.transactionId,
      amountFen: trade.amountFen,
      payerOpenid: trade.payerOpenid,
      paidAt: trade.paidAt ?? new Date(),
    });
    return true;
  }

  private async paymentRowFor(order: OrderToPay): Promise<{ payment: PaymentEntity; created: boolean }> {
    const existing = await this.dataSource.getRepository(PaymentEntity).findOneBy({ orderId: order.orderId });
    if (existing) return { payment: existing, created: false };
    try {
      return { payment: await this.tx.run((m) => this.insertPaymentRow(m, order)), created: true };
    } catch (error) {
      // Two taps on 支付 raced: the other created it.
      if (isUniqueViolation(error)) {
        const payment = await this.dataSource
          .getRepository(PaymentEntity)
          .findOneByOrFail({ orderId: order.orderId });
        return { payment, created: false };
      }
      throw error;
    }
  }

  private async insertPaymentRow(m: EntityManager, order: OrderToPay): Promise<PaymentEntity> {
    const repo = m.getRepository(PaymentEntity);
    await repo.insert(
      repo.create({
        orderId: order.orderId,
        outTradeNo: order.orderNo,
        provider: this.provider.name,
        amount: order.amountFen,
        status: 'pending',
        prepayId: null,
        prepayExpiresAt: null,
        payerOpenid: order.payerOpenid,
        transactionId: null,
        paidAt: null,
        closedAt: null,
      }),
    );
    return repo.findOneByOrFail({ orderId: order.orderId });
  }

  private queueRefundAfterCommit(m: EntityManager, refundId: number, attempt: number): void {
    const enqueue = () =>
      void this.queue
        .add(
          REFUND_JOB,
          { refundId },
          { jobId: `refund-${refundId}-${attempt}`, attempts: 8, backoffMs: 5000 },
        )
        .catch((error: unknown) =>
          this.logger.warn({ err: error, refundId }, 'could not queue a refund; the refund sweep will'),
        );
    if (!this.tx.afterCommit(m, enqueue)) enqueue();
  }
}
