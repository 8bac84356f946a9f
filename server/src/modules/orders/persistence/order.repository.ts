import { In, type EntityManager } from 'typeorm';
import type { OrderStatus } from '@linli/shared-types';
import { isUniqueViolation } from '../../../platform';
import { OrderEventEntity } from './order-event.entity';
import { OrderItemQuotaEntity } from './order-item-quota.entity';
import { OrderLineEntity } from './order-line.entity';
import { OrderEntity } from './order.entity';

/** An order with its lines (in id order). */
export interface OrderRecord {
  order: OrderEntity;
  lines: OrderLineEntity[];
}

export async function findOrder(m: EntityManager, id: number): Promise<OrderEntity | null> {
  return m.getRepository(OrderEntity).findOneBy({ id });
}

export async function loadOrderRecord(m: EntityManager, id: number): Promise<OrderRecord | null> {
  const order = await findOrder(m, id);
  if (!order) return null;
  return { order, lines: await linesOf(m, [order.id]).then((byOrder) => byOrder.get(order.id) ?? []) };
}

export async function linesOf(m: EntityManager, orderIds: number[]): Promise<Map<number, OrderLineEntity[]>> {
  const byOrder = new Map<number, OrderLineEntity[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await m
    .getRepository(OrderLineEntity)
    .find({ where: { orderId: In(orderIds) }, order: { id: 'ASC' } });
  for (const row of rows) {
    const orderId = Number(row.orderId);
    const list = byOrder.get(orderId) ?? [];
    list.push(row);
    byOrder.set(orderId, list);
  }
  return byOrder;
}

export function findByIdempotencyKey(
  m: EntityManager,
  memberId: number,
  idempotencyKey: string,
): Promise<OrderEntity | null> {
  return m.getRepository(OrderEntity).findOneBy({ memberId, idempotencyKey });
}

export async function timelineOf(m: EntityManager, orderId: number): Promise<OrderEventEntity[]> {
  return m.getRepository(OrderEventEntity).find({ where: { orderId }, order: { id: 'ASC' } });
}

/**
 * Moves an order from one of `from` to `to` with the extra column values, in ONE conditional UPDATE.
 * True when this call made the move (the affected-row count decides races between actors).
 */
export async function transition(
  m: EntityManager,
  orderId: number,
  from: readonly OrderStatus[],
  to: OrderStatus,
  changes: Partial<Omit<OrderEntity, 'id' | 'status'>> = {},
): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .update(OrderEntity)
    .set({ ...changes, status: to })
    .where('id = :orderId AND status IN (:...from)', { orderId, from: [...from] })
    .execute();
  return (result.affected ?? 0) > 0;
}

/**
 * Raises a member's held units of limited items, refusing past the limit: a conditional UPDATE, or an
 * INSERT the first time (a concurrent first insert loses on the primary key and retries the update).
 * Returns the item whose limit would be passed, or null when every line fitted.
 */
export async function takeQuotas(
  m: EntityManager,
  memberId: number,
  lines: ReadonlyArray<{ itemId: number; quantity: number; limit: number }>,
): Promise<{ itemId: number; held: number } | null> {
  const repo = m.getRepository(OrderItemQuotaEntity);
  for (const line of [...lines].sort((a, b) => a.itemId - b.itemId)) {
    const limit = line.limit > 0 ? line.limit : Number.MAX_SAFE_INTEGER;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const raised = await m
        .createQueryBuilder()
        .update(OrderItemQuotaEntity)
        .set({ quantity: () => `quantity + ${int(line.quantity)}` })
        .where('member_id = :memberId AND campaign_item_id = :itemId', { memberId, itemId: line.itemId })
        .andWhere(`quantity + ${int(line.quantity)} <= :limit`, { limit })
        .execute();
      if (raised.affected) break;
      const current = await repo.findOneBy({ memberId, campaignItemId: line.itemId });
      if (current) return { itemId: line.itemId, held: current.quantity };
      if (line.quantity > limit) return { itemId: line.itemId, held: 0 };
      try {
        await repo.insert({ memberId, campaignItemId: line.itemId, quantity: line.quantity });
        break;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }
  return null;
}

/** Lowers held units (an order cancelled, closed or refunded). Never below zero. */
export async function releaseQuotas(
  m: EntityManager,
  memberId: number,
  lines: ReadonlyArray<{ itemId: number; quantity: number }>,
): Promise<void> {
  for (const line of [...lines].sort((a, b) => a.itemId - b.itemId)) {
    await m
      .createQueryBuilder()
      .update(OrderItemQuotaEntity)
      .set({
        quantity: () =>
          `CASE WHEN quantity >= ${int(line.quantity)} THEN quantity - ${int(line.quantity)} ELSE 0 END`,
      })
      .where('member_id = :memberId AND campaign_item_id = :itemId', { memberId, itemId: line.itemId })
      .execute();
  }
}

/**
 * Units each member holds of each item of a campaign, in orders that still hold them (not cancelled or
 * refunded): what the flash-sale gate's per-member counts are rebuilt from after Redis lost them.
 */
export async function boughtInCampaign(
  m: EntityManager,
  campaignId: number,
): Promise<Array<{ memberId: number; itemId: number; quantity: number }>> {
  const rows = await m
    .createQueryBuilder()
    .select('o.member_id', 'memberId')
    .addSelect('l.campaign_item_id', 'itemId')
    .addSelect('SUM(l.quantity)', 'quantity')
    .from('orders', 'o')
    .innerJoin('order_lines', 'l', 'l.order_id = o.id')
    .where('o.campaign_id = :campaignId AND o.status NOT IN (:...released)', {
      campaignId,
      released: ['cancelled', 'refunded'],
    })
    .groupBy('o.member_id')
    .addGroupBy('l.campaign_item_id')
    .getRawMany<{ memberId: number | string; itemId: number | string; quantity: number | string }>();
  return rows.map((r) => ({
    memberId: Number(r.memberId),
    itemId: Number(r.itemId),
    quantity: Number(r.quantity),
  }));
}

/** Units a member holds per item (for the preview's "you may still buy N"). */
export async function heldByMember(
  m: EntityManager,
  memberId: number,
  itemIds: number[],
): Promise<Map<number, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await m.getRepository(OrderItemQuotaEntity).findBy({ memberId, campaignItemId: In(itemIds) });
  return new Map(rows.map((r) => [r.campaignItemId, r.quantity]));
}

function int(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`quantity must be a positive integer, got ${n}`);
  return String(n);
}
