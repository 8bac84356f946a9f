import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AdminOrderDetail, OrderDetail, OrderStatus } from '@linli/shared-types';
import {
  ConflictError,
  isUniqueViolation,
  requireMember,
  requirePermission,
  shanghaiDate,
  systemContext,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { AuditService } from '../audit';
import { CampaignOrderingService } from '../campaigns';
import { LeaderSalesRecorder } from '../leaders';
import { MembersService } from '../members';
import {
  PaymentOutcomeHooks,
  PaymentsService,
  type PaymentOutcomeListener,
  type PaymentSucceeded,
  type RefundSettled,
} from '../payments';
import {
  ARRIVABLE,
  AWAITING_PICKUP,
  buyerCancelDecision,
  refundReleasesStock,
  staffCancelOutcome,
  staffMayRefund,
} from './domain/order-status';
import { newPickupCode } from './domain/pickup-code';
import { OrderHoldings } from './order-holdings';
import { OrderRefundsService } from './order-refunds.service';
import { orderNotFound, OrderQueries } from './order-queries.service';
import {
  actorOf,
  ORDER_EVENTS,
  OrderTimeline,
  PAYMENT_ACTOR,
  SYSTEM_ACTOR,
  type OrderActor,
} from './order-timeline';
import { OrderEntity } from './persistence/order.entity';
import { loadOrderRecord, transition, type OrderRecord } from './persistence/order.repository';

const PICKUP_CODE_ATTEMPTS = 8;

/**
 * How orders end or move on money: closing unpaid ones, cancelling, refunding, marking goods ready,
 * and what a payment or refund outcome does to an order (registered as the payments listener).
 */
@Injectable()
export class OrderLifecycleService implements OnModuleInit, PaymentOutcomeListener {
  private readonly logger = new Logger(OrderLifecycleService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly payments: PaymentsService,
    private readonly paymentHooks: PaymentOutcomeHooks,
    private readonly holdings: OrderHoldings,
    private readonly timeline: OrderTimeline,
    private readonly queries: OrderQueries,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignOrderingService,
    private readonly leaderSales: LeaderSalesRecorder,
    private readonly members: MembersService,
    private readonly partialRefunds: OrderRefundsService,
  ) {}

  onModuleInit(): void {
    this.paymentHooks.register(this);
  }

  // ---- buyer -------------------------------------------------------------------------------------------

  /** POST /api/app/orders/:id/cancel */
  async cancelByBuyer(ctx: RequestContext, orderId: number, reason: string | null): Promise<OrderDetail> {
    const { memberId } = requireMember(ctx);
    const record = await this.load(orderId);
    if (record.order.memberId !== memberId) throw orderNotFound();
    if (record.order.status === 'cancelled' || record.order.status === 'refunded') {
      return this.queries.buyerDetail(ctx, orderId); // a repeated tap: already done
    }
    const note = reason?.trim() || '买家取消';
    if (record.order.status === 'pending_payment') {
      const status = await this.closeUnpaid(ctx, orderId, {
        kind: 'cancelled',
        actor: actorOf(ctx),
        reason: note,
      });
      // 'paid': the buyer had paid after all (the provider said so while closing): refund it like a paid cancel.
      if (status !== 'paid') return this.queries.buyerDetail(ctx, orderId);
    }
    const current = await this.load(orderId);
    const header = (await this.campaigns.headersOf([current.order.campaignId])).get(current.order.campaignId);
    const decision = buyerCancelDecision(current.order.status, header?.cutoffAt ?? new Date(0), new Date());
    if (!decision.allowed) throw new ConflictError(decision.code, decision.message);
    await this.refund(ctx, current, { actor: actorOf(ctx), reason: note, from: AWAITING_PICKUP });
    return this.queries.buyerDetail(ctx, orderId);
  }

  // ---- staff -------------------------------------------------------------------------------------------

  /** POST /api/admin/orders/:id/cancel: unpaid → cancelled; paid or ready → refunded in full. */
  async cancelByStaff(ctx: RequestContext, orderId: number, reason: string): Promise<AdminOrderDetail> {
    requirePermission(ctx, 'orders.write');
    const record = await this.load(orderId);
    const outcome = staffCancelOutcome(record.order.status);
    if (!outcome) throw notAllowed('ORDER_CANCEL_NOT_ALLOWED', record.order.status, '取消');
    if (outcome === 'cancel') {
      const status = await this.closeUnpaid(ctx, orderId, {
        kind: 'cancelled',
        actor: actorOf(ctx),
        reason,
        audit: { action: 'order.cancel' },
      });
      // 'paid': it was paid at the provider meanwhile, so cancelling now means refunding.
      if (status !== 'paid') return this.queries.adminDetail(ctx, orderId);
      return this.refundByStaffPermission(ctx, await this.load(orderId), reason, 'orders.write');
    }
    return this.refundByStaffPermission(ctx, record, reason, 'orders.write');
  }

  /** POST /api/admin/orders/:id/refund: a paid, ready or picked-up order, refunded in full. */
  async refundByStaff(ctx: RequestContext, orderId: number, reason: string): Promise<AdminOrderDetail> {
    requirePermission(ctx, 'orders.refund');
    const record = await this.load(orderId);
    if (!staffMayRefund(record.order.status))
      throw notAllowed('ORDER_REFUND_NOT_ALLOWED', record.order.status, '退款');
    return this.refundByStaffPermission(ctx, record, reason, 'orders.refund');
  }

  /** POST /api/admin/orders/:id/mark-ready */
  async markReadyByStaff(ctx: RequestContext, orderId: number): Promise<AdminOrderDetail> {
    requirePermission(ctx, 'orders.write');
    await this.tx.run(async (m) => {
      const record = await this.loadWith(m, orderId);
      const moved = await this.markReady(m, record, actorOf(ctx));
      if (!moved) throw notAllowed('ORDER_NOT_READY_ALLOWED', record.order.status, '设为待提货');
      await this.audit.record(m, ctx, {
        action: 'order.mark_ready',
        entityType: 'order',
        entityId: orderId,
        before: { status: record.order.status },
        after: { status: 'ready_for_pickup' },
      });
    });
    return this.queries.adminDetail(ctx, orderId);
  }

  /** POST /api/admin/orders/refunds/:refundId/retry */
  async retryRefund(ctx: RequestContext, refundId: number): Promise<AdminOrderDetail> {
    requirePermission(ctx, 'orders.refund');
    const orderId = await this.tx.run(async (m) => {
      const { orderId } = await this.payments.retryRefund(refundId);
      const record = await this.loadWith(m, orderId);
      await this.timeline.record(m, record.order, {
        type: 'refund_requested',
        from: record.order.status,
        to: record.order.status,
        actor: actorOf(ctx),
        note: '重新发起退款',
      });
      await this.audit.record(m, ctx, {
        action: 'order.refund_retry',
        entityType: 'order',
        entityId: orderId,
        before: null,
        after: { refundId },
      });
      return orderId;
    });
    return this.queries.adminDetail(ctx, orderId);
  }

  // ---- shared moves --------------------------------------------------------------------------------------

  /**
   * Ends an unpaid order (closed at the deadline, or cancelled). The provider is asked first: a buyer who
   * paid at the last second gets a paid order, not a closed one. Returns the status afterwards.
   */
  async closeUnpaid(
    ctx: RequestContext,
    orderId: number,
    options: { kind: 'closed' | 'cancelled'; actor: OrderActor; reason: string; audit?: { action: string } },
  ): Promise<OrderStatus> {
    const before = await this.load(orderId);
    if (before.order.status !== 'pending_payment') return before.order.status;
    if ((await this.payments.closeForOrder(orderId)) === 'paid')
      return (await this.load(orderId)).order.status;
    return this.tx.run(async (m) => {
      const record = await this.loadWith(m, orderId);
      const now = new Date();
      const moved = await transition(m, orderId, ['pending_payment'], 'cancelled', {
        cancelledAt: now,
        cancelReason: options.reason.slice(0, 100),
      });
      if (!moved) return (await this.loadWith(m, orderId)).order.status;
      await this.holdings.release(m, ctx, record);
      await this.timeline.record(
        m,
        { ...record.order, status: 'cancelled' },
        {
          type: options.kind,
          from: 'pending_payment',
          to: 'cancelled',
          actor: options.actor,
          note: options.reason,
          publish: options.kind === 'closed' ? ORDER_EVENTS.closed : ORDER_EVENTS.cancelled,
        },
      );
      if (options.audit) {
        await this.audit.record(m, ctx, {
          action: options.audit.action,
          entityType: 'order',
          entityId: orderId,
          before: { status: 'pending_payment' },
          after: { status: 'cancelled', reason: options.reason },
        });
      }
      return 'cancelled';
    });
  }

  /**
   * paid / locked / shipped → ready_for_pickup (goods arrived at the pickup point); false when it was in
   * none of them (`record.order.status` must be the status read in this transaction).
   */
  async markReady(m: EntityManager, record: OrderRecord, actor: OrderActor): Promise<boolean> {
    const now = new Date();
    const from = record.order.status;
    if (!ARRIVABLE.includes(from)) return false;
    const moved = await transition(m, record.order.id, [from], 'ready_for_pickup', { readyAt: now });
    if (!moved) return false;
    await this.timeline.record(
      m,
      { ...record.order, status: 'ready_for_pickup' },
      {
        type: 'ready',
        from,
        to: 'ready_for_pickup',
        actor,
        publish: ORDER_EVENTS.ready,
      },
    );
    return true;
  }

  private async refundByStaffPermission(
    ctx: RequestContext,
    record: OrderRecord,
    reason: string,
    permission: 'orders.write' | 'orders.refund',
  ): Promise<AdminOrderDetail> {
    await this.refund(ctx, record, {
      actor: actorOf(ctx),
      reason,
      from: permission === 'orders.write' ? AWAITING_PICKUP : [...AWAITING_PICKUP, 'picked_up'],
      audit: { action: permission === 'orders.write' ? 'order.cancel' : 'order.refund' },
    });
    return this.queries.adminDetail(ctx, record.order.id);
  }

  /** A paid order → refunded: holdings back (stock only if not handed over), the money back through the provider. */
  private async refund(
    ctx: RequestContext,
    snapshot: OrderRecord,
    options: { actor: OrderActor; reason: string; from: readonly OrderStatus[]; audit?: { action: string } },
  ): Promise<void> {
    await this.tx.run(async (m) => {
      const record = await this.loadWith(m, snapshot.order.id);
      const from = record.order.status;
      const now = new Date();
      const moved = await transition(m, record.order.id, options.from, 'refunded', {
        cancelledAt: now,
        cancelReason: options.reason.slice(0, 100),
        openPickupCode: null,
      });
      if (!moved) throw notAllowed('ORDER_REFUND_NOT_ALLOWED', from, '退款');
      await this.partialRefunds.commitEverything(m, record);
      if (refundReleasesStock(from)) await this.holdings.release(m, ctx, record);
      else await this.holdings.releaseQuotaOnly(m, record);
      if (from === 'picked_up') {
        // The sale no longer counts for the leader's day (levels, commission tiers).
        await this.leaderSales.addWith(
          m,
          record.order.leaderId,
          shanghaiDate(now),
          -(record.order.paidAmount - record.order.refundCommitted),
          -1,
        );
      }
      const refund = await this.payments.startRefund(m, {
        orderId: record.order.id,
        reason: options.reason,
        requestedBy: { type: options.actor.type, id: options.actor.id, name: options.actor.name },
      });
      await this.timeline.record(
        m,
        { ...record.order, status: 'refunded' },
        {
          type: 'refund_requested',
          from,
          to: 'refunded',
          actor: options.actor,
          note: options.reason,
          publish: ORDER_EVENTS.refunded,
          refund: refund ?? undefined,
        },
      );
      if (options.audit) {
        await this.audit.record(m, ctx, {
          action: options.audit.action,
          entityType: 'order',
          entityId: record.order.id,
          before: { status: from },
          after: { status: 'refunded', reason: options.reason, refundId: refund?.refundId ?? null },
        });
      }
    });
  }

  // ---- payment outcomes (PaymentOutcomeListener, inside the payment's transaction) -----------------------

  async paymentSucceeded(m: EntityManager, event: PaymentSucceeded): Promise<'applied' | 'order_closed'> {
    const record = await loadOrderRecord(m, event.orderId);
    if (!record || record.order.status !== 'pending_payment') return 'order_closed';
    for (let attempt = 0; attempt < PICKUP_CODE_ATTEMPTS; attempt += 1) {
      const code = newPickupCode();
      try {
        const moved = await transition(m, event.orderId, ['pending_payment'], 'paid', {
          paidAt: event.paidAt,
          paidAmount: event.amountFen,
          pickupCode: code,
          openPickupCode: code,
        });
        if (!moved) return 'order_closed';
        await this.members.markFirstOrderWith(m, record.order.memberId, event.paidAt);
        const paid = { ...record.order, status: 'paid' as const, paidAmount: event.amountFen };
        await this.timeline.record(m, paid, {
          type: 'paid',
          from: 'pending_payment',
          to: 'paid',
          actor: PAYMENT_ACTOR,
          note: `微信支付单号 ${event.transactionId}`,
          publish: ORDER_EVENTS.paid,
        });
        return 'applied';
      } catch (error) {
        // The code is open on another order at this pickup point: draw again.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new Error(`no free pickup code for order ${event.orderId} after ${PICKUP_CODE_ATTEMPTS} tries`);
  }

  async lateRefundStarted(
    m: EntityManager,
    event: { orderId: number; refundId: number; amountFen: number },
  ): Promise<void> {
    const record = await this.loadWith(m, event.orderId);
    await this.timeline.record(m, record.order, {
      type: 'late_payment_refunded',
      from: record.order.status,
      to: record.order.status,
      actor: SYSTEM_ACTOR,
      note: `订单关闭后收到 ¥${(event.amountFen / 100).toFixed(2)}，已原路退回`,
    });
  }

  async refundSettled(m: EntityManager, event: RefundSettled): Promise<void> {
    const record = await this.loadWith(m, event.orderId);
    if (event.status === 'succeeded') {
      await m
        .createQueryBuilder()
        .update(OrderEntity)
        .set({ refundedAmount: () => `refunded_amount + ${Math.trunc(event.amountFen)}` })
        .where('id = :id', { id: event.orderId })
        .execute();
    }
    await this.timeline.record(m, record.order, {
      type: event.status === 'succeeded' ? 'refund_succeeded' : 'refund_failed',
      from: record.order.status,
      to: record.order.status,
      actor: PAYMENT_ACTOR,
      note:
        event.status === 'succeeded'
          ? `¥${(event.amountFen / 100).toFixed(2)} 已原路退回`
          : (event.failureReason ?? '退款失败'),
    });
    if (event.status === 'failed')
      this.logger.warn({ orderId: event.orderId, refundId: event.refundId }, 'refund failed');
  }

  // ---- jobs ------------------------------------------------------------------------------------------------

  /** The pay-deadline job: closes the order unless it was paid (asked at the provider first). */
  async closeAtDeadline(orderId: number, now: Date = new Date()): Promise<void> {
    const record = await this.load(orderId).catch(() => null);
    if (!record || record.order.status !== 'pending_payment' || record.order.payDeadlineAt > now) return;
    await this.closeUnpaid(systemContext('orders.close-unpaid'), orderId, {
      kind: 'closed',
      actor: SYSTEM_ACTOR,
      reason: '超时未支付',
    });
  }

  private async load(orderId: number): Promise<OrderRecord> {
    return this.tx.run((m) => this.loadWith(m, orderId));
  }

  private async loadWith(m: EntityManager, orderId: number): Promise<OrderRecord> {
    const record = await loadOrderRecord(m, orderId);
    if (!record) throw orderNotFound();
    return record;
  }
}

const STATUS_WORDS: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '已付款',
  locked: '已截单',
  shipped: '已发货',
  ready_for_pickup: '待提货',
  picked_up: '已提货',
  cancelled: '已取消',
  refunded: '已退款',
};

function notAllowed(code: string, status: OrderStatus, action: string): ConflictError {
  return new ConflictError(code, `订单当前为「${STATUS_WORDS[status]}」，不能${action}`);
}
