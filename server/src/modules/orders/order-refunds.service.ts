import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '@linli/shared-types';
import { BusinessError, ConflictError, shanghaiDate, type RequestContext } from '../../platform';
import { LeaderSalesRecorder } from '../leaders';
import { PaymentsService } from '../payments';
import { AWAITING_PICKUP, refundReleasesStock } from './domain/order-status';
import {
  refundForAmount,
  refundForQuantities,
  refundOfEverything,
  refundableLines,
  type LineMoney,
  type LineRefund,
} from './domain/refund-allocation';
import { OrderHoldings } from './order-holdings';
import { orderNotFound } from './order-queries.service';
import { ORDER_EVENTS, OrderTimeline, type OrderActor } from './order-timeline';
import { OrderLineEntity } from './persistence/order-line.entity';
import { OrderEntity } from './persistence/order.entity';
import { loadOrderRecord, transition, type OrderRecord } from './persistence/order.repository';

/** Statuses whose money may go back (part or all): paid and not refunded in full yet. */
export const REFUNDABLE: readonly OrderStatus[] = [...AWAITING_PICKUP, 'picked_up'];

/** What to refund: units of some lines, an amount, or everything still refundable. */
export type RefundAsk =
  | { kind: 'lines'; lines: ReadonlyArray<{ orderLineId: number; quantity: number }> }
  | { kind: 'amount'; amountFen: number }
  | { kind: 'everything' };

export interface RefundQuote {
  amountFen: number;
  lines: LineRefund[];
  /** True when this refund takes the order to fully refunded. */
  full: boolean;
}

/** One order line's money, for other contexts (after-sales shows and checks it). */
export interface RefundableOrderLine {
  id: number;
  skuId: number;
  productName: string;
  specText: string;
  imageUrl: string | null;
  quantity: number;
  paidShare: number;
  refundableQuantity: number;
  refundableAmount: number;
}

export interface RefundableOrder {
  id: number;
  orderNo: string;
  memberId: number;
  leaderId: number;
  status: OrderStatus;
  paidAmount: number;
  refundCommitted: number;
  lines: RefundableOrderLine[];
}

export interface PartialRefundRequest {
  orderId: number;
  ask: RefundAsk;
  reason: string;
  actor: OrderActor;
  /** Idempotency: a retry with the same key answers the refund it started (≤ 80 characters). */
  requestKey: string;
}

export interface PartialRefundResult {
  refundId: number;
  amountFen: number;
  lines: LineRefund[];
  orderStatus: OrderStatus;
  replay: boolean;
}

/**
 * Partial refunds (部分退款): some units of some lines, an amount, or what is left, each its own refund
 * at the provider. The order keeps its status until the last fen of what it paid is committed to
 * refunds; that refund moves it to `refunded` like a full refund. Every refund publishes
 * `orders.refunded` with its refundId and refundAmount (commission reverses in proportion).
 */
@Injectable()
export class OrderRefundsService {
  constructor(
    private readonly payments: PaymentsService,
    private readonly holdings: OrderHoldings,
    private readonly timeline: OrderTimeline,
    private readonly leaderSales: LeaderSalesRecorder,
  ) {}

  /** The order's money per line (null when it does not exist). */
  async refundable(m: EntityManager, orderId: number): Promise<RefundableOrder | null> {
    const record = await loadOrderRecord(m, orderId);
    return record ? refundableView(record) : null;
  }

  /** What `ask` would refund now, or the refusal (no writes). */
  async quote(m: EntityManager, orderId: number, ask: RefundAsk): Promise<RefundQuote> {
    const record = await loadOrderRecord(m, orderId);
    if (!record) throw orderNotFound();
    return quoteOf(record, ask);
  }

  /**
   * Refunds part (or the rest) of an order in the caller's transaction. Guards: the order's status, then
   * `refund_committed + amount <= paid_amount` and each line's units, all by conditional updates.
   */
  async refundPart(
    m: EntityManager,
    ctx: RequestContext,
    request: PartialRefundRequest,
  ): Promise<PartialRefundResult> {
    const earlier = await this.payments.refundByRequestKey(m, request.requestKey);
    const record = await loadOrderRecord(m, request.orderId);
    if (!record) throw orderNotFound();
    if (earlier) {
      return {
        ...earlier,
        lines: [],
        orderStatus: record.order.status,
        replay: true,
      };
    }
    const from = record.order.status;
    if (!REFUNDABLE.includes(from)) {
      throw new ConflictError('ORDER_REFUND_NOT_ALLOWED', '订单当前状态不能退款');
    }
    const quote = quoteOf(record, request.ask);
    const raised = await m
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ refundCommitted: () => `refund_committed + ${quote.amountFen}` })
      .where('id = :id AND status = :from AND refund_committed + :amount <= paid_amount', {
        id: record.order.id,
        from,
        amount: quote.amountFen,
      })
      .execute();
    if (!raised.affected) throw exceeded();
    for (const line of quote.lines) {
      const moved = await m
        .createQueryBuilder()
        .update(OrderLineEntity)
        .set({
          refundedQuantity: () => `refunded_quantity + ${line.quantity}`,
          refundedAmount: () => `refunded_amount + ${line.amount}`,
        })
        .where('id = :id AND refunded_quantity + :q <= quantity', { id: line.id, q: line.quantity })
        .execute();
      if (!moved.affected) throw exceeded();
    }
    const now = new Date();
    let to = from;
    if (quote.full) {
      const moved = await transition(m, record.order.id, [from], 'refunded', {
        cancelledAt: now,
        cancelReason: request.reason.slice(0, 100),
        openPickupCode: null,
      });
      if (!moved) throw exceeded();
      to = 'refunded';
      if (refundReleasesStock(from)) await this.holdings.release(m, ctx, record);
      else await this.holdings.releaseQuotaOnly(m, record);
    }
    if (from === 'picked_up') {
      // The refunded part no longer counts for the leader's day (levels, commission tiers).
      await this.leaderSales.addWith(
        m,
        record.order.leaderId,
        shanghaiDate(now),
        -quote.amountFen,
        quote.full ? -1 : 0,
      );
    }
    const refund = await this.payments.startRefund(m, {
      orderId: record.order.id,
      reason: request.reason,
      requestedBy: request.actor,
      amountFen: quote.amountFen,
      requestKey: request.requestKey,
    });
    if (!refund) throw new ConflictError('ORDER_REFUND_NOT_ALLOWED', '订单没有可退的付款');
    await this.timeline.record(
      m,
      { ...record.order, status: to },
      {
        type: 'refund_requested',
        from,
        to,
        actor: request.actor,
        note: `${quote.full ? '退款' : '部分退款'} ¥${(quote.amountFen / 100).toFixed(2)}：${request.reason}`,
        publish: ORDER_EVENTS.refunded,
        refund,
      },
    );
    return { ...refund, lines: quote.lines, orderStatus: to, replay: false };
  }

  /** A full refund (the existing staff/buyer path): every line's units and fen count as refunded. */
  async commitEverything(m: EntityManager, record: OrderRecord): Promise<void> {
    for (const line of refundOfEverything(lineMoney(record), record.order.paidAmount)) {
      await m
        .createQueryBuilder()
        .update(OrderLineEntity)
        .set({
          refundedQuantity: () => `refunded_quantity + ${line.quantity}`,
          refundedAmount: () => `refunded_amount + ${line.amount}`,
        })
        .where('id = :id', { id: line.id })
        .execute();
    }
    await m
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ refundCommitted: () => 'paid_amount' })
      .where('id = :id', { id: record.order.id })
      .execute();
  }
}

function lineMoney(record: OrderRecord): LineMoney[] {
  return record.lines.map((l) => ({
    id: l.id,
    quantity: l.quantity,
    lineTotal: l.lineTotal,
    refundedQuantity: l.refundedQuantity,
    refundedAmount: l.refundedAmount,
  }));
}

function refundableView(record: OrderRecord): RefundableOrder {
  const money = refundableLines(lineMoney(record), record.order.paidAmount);
  return {
    id: record.order.id,
    orderNo: record.order.orderNo,
    memberId: record.order.memberId,
    leaderId: record.order.leaderId,
    status: record.order.status,
    paidAmount: record.order.paidAmount,
    refundCommitted: record.order.refundCommitted,
    lines: record.lines.map((l, i) => ({
      id: l.id,
      skuId: l.skuId,
      productName: l.productName,
      specText: l.specText,
      imageUrl: l.imageUrl,
      quantity: l.quantity,
      paidShare: money[i].paidShare,
      refundableQuantity: money[i].refundableQuantity,
      refundableAmount: money[i].refundableAmount,
    })),
  };
}

function quoteOf(record: OrderRecord, ask: RefundAsk): RefundQuote {
  const { order } = record;
  if (!REFUNDABLE.includes(order.status))
    throw new ConflictError('ORDER_REFUND_NOT_ALLOWED', '订单当前状态不能退款');
  const left = order.paidAmount - order.refundCommitted;
  if (left <= 0) throw new ConflictError('ORDER_REFUND_EXCEEDED', '订单已全部退款，没有可退的金额');
  const money = lineMoney(record);
  let lines: LineRefund[];
  if (ask.kind === 'lines') {
    const result = refundForQuantities(
      money,
      order.paidAmount,
      ask.lines.map((l) => ({ lineId: l.orderLineId, quantity: l.quantity })),
    );
    if (!result.ok) {
      const p = result.problem;
      if (p.kind === 'nothing_refundable') throw exceeded();
      throw new BusinessError(
        'ORDER_REFUND_LINE_INVALID',
        p.kind === 'unknown_line'
          ? `订单中没有商品行 ${p.lineId}`
          : `商品行 ${p.lineId} 的退款数量须在 1 到 ${p.refundable} 之间`,
        400,
      );
    }
    lines = result.lines;
  } else if (ask.kind === 'amount') {
    const split = refundForAmount(money, order.paidAmount, ask.amountFen);
    if (!split || ask.amountFen > left) throw exceeded();
    lines = split;
  } else {
    lines = refundOfEverything(money, order.paidAmount);
  }
  // Never more than what is left of the order (line shares always add up to the paid amount).
  const amountFen = Math.min(
    left,
    lines.reduce((a, l) => a + l.amount, 0),
  );
  if (amountFen <= 0) throw exceeded();
  return { amountFen, lines, full: amountFen === left };
}

function exceeded(): ConflictError {
  return new ConflictError('ORDER_REFUND_EXCEEDED', '退款金额超过订单可退金额');
}
