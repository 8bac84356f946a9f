import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AdminRefundView, OrderActorType, OrderRefundView, RefundStatus } from '@linli/shared-types';
import { ConflictError, NotFoundError } from '../../platform';
import { PaymentEntity } from './persistence/payment.entity';
import { RefundEntity } from './persistence/refund.entity';

export interface NewRefund {
  payment: PaymentEntity;
  amountFen: number;
  reason: string;
  requestedBy: { type: OrderActorType; id: number | null; name: string };
  requestKey?: string | null;
}

/** The provider's final word on a refund (from its notification or a query). */
export interface RefundOutcome {
  status: 'succeeded' | 'failed';
  providerRefundId: string | null;
  failureReason: string | null;
  at: Date;
}

/**
 * Out-refund-number of the `sequence`-th refund of a payment at its `attempt`-th try:
 * `<outTradeNo>R<sequence>-<attempt>` (≤ 64 characters). Retries of one attempt reuse it, so the provider
 * treats them as the same refund; a new attempt (after a definite failure) gets a new one.
 */
export function outRefundNoOf(outTradeNo: string, sequence: number, attempt: number): string {
  return `${outTradeNo}R${sequence}-${attempt}`;
}

/**
 * Refund rows. Status moves only by conditional updates (processing → succeeded / failed, failed →
 * processing on a staff retry), so a notification, a query and a retry racing each other settle once.
 */
@Injectable()
export class RefundLedger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(m: EntityManager, refund: NewRefund): Promise<RefundEntity> {
    if (!Number.isSafeInteger(refund.amountFen) || refund.amountFen <= 0) {
      throw new ConflictError('ORDER_REFUND_NOT_ALLOWED', '没有可退的金额');
    }
    const repo = m.getRepository(RefundEntity);
    const sequence = (await repo.countBy({ paymentId: refund.payment.id })) + 1;
    const row = repo.create({
      paymentId: refund.payment.id,
      orderId: refund.payment.orderId,
      outRefundNo: outRefundNoOf(refund.payment.outTradeNo, sequence, 1),
      amount: refund.amountFen,
      requestKey: refund.requestKey ?? null,
      reason: refund.reason.slice(0, 100),
      status: 'processing',
      providerRefundId: null,
      failureReason: null,
      requestedByType: refund.requestedBy.type,
      requestedById: refund.requestedBy.id,
      requestedByName: refund.requestedBy.name.slice(0, 64),
      attempts: 1,
      succeededAt: null,
    });
    await repo.insert(row);
    return row;
  }

  /** Fen already refunded or on its way back for a payment (failed refunds do not count). */
  async committedAmount(m: EntityManager, paymentId: number): Promise<number> {
    const row = await m
      .getRepository(RefundEntity)
      .createQueryBuilder('r')
      .select('COALESCE(SUM(r.amount), 0)', 'total')
      .where('r.paymentId = :paymentId AND r.status IN (:...counted)', {
        paymentId,
        counted: ['processing', 'succeeded'],
      })
      .getRawOne<{ total: string | number }>();
    return Number(row?.total ?? 0);
  }

  /** Settles a processing refund once; null when it was not processing (already settled, or unknown). */
  async settle(m: EntityManager, outRefundNo: string, outcome: RefundOutcome): Promise<RefundEntity | null> {
    const result = await m
      .createQueryBuilder()
      .update(RefundEntity)
      .set({
        status: outcome.status,
        providerRefundId: outcome.providerRefundId ?? undefined,
        failureReason:
          outcome.status === 'failed' ? (outcome.failureReason ?? '退款失败').slice(0, 200) : null,
        succeededAt: outcome.status === 'succeeded' ? outcome.at : null,
      })
      .where('out_refund_no = :outRefundNo AND status = :processing', {
        outRefundNo,
        processing: 'processing',
      })
      .execute();
    if (!result.affected) return null;
    return m.getRepository(RefundEntity).findOneBy({ outRefundNo });
  }

  /** Remembers the provider's refund id while the refund is still being processed. */
  async noteAccepted(m: EntityManager, refundId: number, providerRefundId: string | null): Promise<void> {
    if (providerRefundId === null) return;
    await m.getRepository(RefundEntity).update({ id: refundId, status: 'processing' }, { providerRefundId });
  }

  /** failed → processing with the next out-refund-number (staff retry). 409 unless it failed. */
  async reopenFailed(m: EntityManager, refundId: number): Promise<RefundEntity> {
    const repo = m.getRepository(RefundEntity);
    const refund = await repo.findOneBy({ id: refundId });
    if (!refund) throw new NotFoundError('REFUND_NOT_FOUND', '退款记录不存在');
    const attempt = refund.attempts + 1;
    const result = await m
      .createQueryBuilder()
      .update(RefundEntity)
      .set({
        status: 'processing',
        attempts: attempt,
        outRefundNo: refund.outRefundNo.replace(/-\d+$/, `-${attempt}`),
        failureReason: null,
        providerRefundId: null,
      })
      .where('id = :id AND status = :failed', { id: refundId, failed: 'failed' })
      .execute();
    if (!result.affected) throw new ConflictError('REFUND_NOT_RETRYABLE', '只有失败的退款可以重试');
    return repo.findOneByOrFail({ id: refundId });
  }

  findByRequestKey(m: EntityManager, requestKey: string): Promise<RefundEntity | null> {
    return m.getRepository(RefundEntity).findOneBy({ requestKey });
  }

  findByOutRefundNo(m: EntityManager, outRefundNo: string): Promise<RefundEntity | null> {
    return m.getRepository(RefundEntity).findOneBy({ outRefundNo });
  }

  findById(refundId: number, m: EntityManager = this.dataSource.manager): Promise<RefundEntity | null> {
    return m.getRepository(RefundEntity).findOneBy({ id: refundId });
  }

  /** Processing refunds not settled after `olderThan` (their notification is late or lost). */
  findStale(olderThan: Date, limit: number): Promise<RefundEntity[]> {
    return this.dataSource
      .getRepository(RefundEntity)
      .createQueryBuilder('r')
      .where('r.status = :processing AND r.updatedAt < :olderThan', { processing: 'processing', olderThan })
      .orderBy('r.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Refunds of several orders, oldest first, by order. */
  async byOrders(
    orderIds: number[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, RefundEntity[]>> {
    const byOrder = new Map<number, RefundEntity[]>();
    if (orderIds.length === 0) return byOrder;
    const rows = await m
      .getRepository(RefundEntity)
      .find({ where: { orderId: In(orderIds) }, order: { id: 'ASC' } });
    for (const row of rows) {
      const list = byOrder.get(Number(row.orderId)) ?? [];
      list.push(row);
      byOrder.set(Number(row.orderId), list);
    }
    return byOrder;
  }
}

export function refundView(refund: RefundEntity): OrderRefundView {
  return {
    id: refund.id,
    amount: refund.amount,
    status: refund.status as RefundStatus,
    reason: refund.reason,
    createdAt: refund.createdAt.toISOString(),
    succeededAt: refund.succeededAt?.toISOString() ?? null,
  };
}

export function adminRefundView(refund: RefundEntity): AdminRefundView {
  return {
    ...refundView(refund),
    outRefundNo: refund.outRefundNo,
    providerRefundId: refund.providerRefundId,
    failureReason: refund.failureReason,
    requestedBy: refund.requestedByName,
  };
}
