import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LowStockEventPayload, MovementKind } from '@linli/shared-types';
import {
  bulkInsert,
  ConflictError,
  lockForUpdate,
  NotFoundError,
  OutboxService,
  RequestContext,
} from '../../platform';
import { crossesLowStock, STOCK_LIMIT } from './domain/movement-rules';
import { SkuStockEntity } from './persistence/sku-stock.entity';
import { StockMovementEntity } from './persistence/stock-movement.entity';

export interface StockChange {
  skuId: number;
  kind: MovementKind;
  stockDelta: number;
  reservedDelta: number;
  reason: string | null;
  orderId: number | null;
  requestKey: string | null;
}

export const LOW_STOCK_EVENT = 'inventory.low_stock';

const MOVEMENT_COLUMNS = [
  'sku_id',
  'kind',
  'stock_delta',
  'reserved_delta',
  'stock_after',
  'reserved_after',
  'reason',
  'order_id',
  'request_key',
  'actor_type',
  'actor_id',
  'created_at',
];

/** The reservations of one new order of a batch, and who placed it. */
export interface ReservationBooking {
  ctx: RequestContext;
  orderId: number;
  requestKey: string;
  steps: ReservationStep[];
}

/** One SKU's part of a batch reservation, with the counters right after it. */
export interface ReservationStep {
  skuId: number;
  quantity: number;
  stockAfter: number;
  reservedAfter: number;
}

/**
 * The only code that changes `skus.stock` / `skus.reserved`. Each change is ONE conditional UPDATE
 * (it refuses to take either below zero; the affected-row count says whether it happened) followed by
 * the movement row with the values after it, all in the caller's transaction. The UPDATE holds the row
 * lock until commit, so the values read back right after it are exactly this change's result.
 */
@Injectable()
export class StockLedger {
  constructor(private readonly outbox: OutboxService) {}

  async apply(
    manager: EntityManager,
    ctx: RequestContext,
    change: StockChange,
  ): Promise<StockMovementEntity> {
    const result = await manager
      .createQueryBuilder()
      .update(SkuStockEntity)
      .set({
        stock: () => `stock + ${sqlInt(change.stockDelta)}`,
        reserved: () => `reserved + ${sqlInt(change.reservedDelta)}`,
      })
      .where('id = :id', { id: change.skuId })
      .andWhere(`stock + ${sqlInt(change.stockDelta)} >= 0`)
      .andWhere(`reserved + ${sqlInt(change.reservedDelta)} >= 0`)
      // Only growth is capped: taking stock out of an (impossibly) overfull row must still work.
      .andWhere(
        `(${sqlInt(change.stockDelta)} <= 0 OR stock + ${sqlInt(change.stockDelta)} <= ${STOCK_LIMIT})`,
      )
      .execute();
    if (!result.affected) {
      const sku = await manager.getRepository(SkuStockEntity).findOneBy({ id: change.skuId });
      if (!sku) throw new NotFoundError('SKU_NOT_FOUND', '商品规格不存在');
      if (change.stockDelta > 0 && sku.stock + change.stockDelta > STOCK_LIMIT) throw stockLimit();
      throw insufficientStock();
    }
    const after = await manager.getRepository(SkuStockEntity).findOneByOrFail({ id: change.skuId });
    return this.record(manager, ctx, change, after);
  }

  /**
   * A stock count: the counted quantity replaces the sellable stock. The row is locked first because
   * the difference depends on the current value; the UPDATE is still conditional on that value.
   */
  async count(
    manager: EntityManager,
    ctx: RequestContext,
    change: Omit<StockChange, 'kind' | 'stockDelta' | 'reservedDelta'> & { counted: number },
  ): Promise<StockMovementEntity> {
    const current = await lockForUpdate(
      manager.getRepository(SkuStockEntity).createQueryBuilder('s').where('s.id = :id', { id: change.skuId }),
    ).getOne();
    if (!current) throw new NotFoundError('SKU_NOT_FOUND', '商品规格不存在');
    if (change.counted > STOCK_LIMIT) throw stockLimit();
    const stockDelta = change.counted - current.stock;
    const result = await manager
      .createQueryBuilder()
      .update(SkuStockEntity)
      .set({ stock: change.counted })
      .where('id = :id AND stock = :current', { id: change.skuId, current: current.stock })
      .execute();
    if (!result.affected) throw new ConflictError('CONFLICT', '库存刚刚被修改，请刷新后重试');
    const after = { ...current, stock: change.counted };
    return this.record(manager, ctx, { ...change, kind: 'count', stockDelta, reservedDelta: 0 }, after);
  }

  /**
   * Reservations of a batch of new orders in one go (the checkout batch writer): the rows were read
   * under lock by `lockCounters` in this transaction and the caller computed every step against those
   * values, so each SKU gets ONE update guarded by the locked values (a mismatch means the lock was not
   * held, and throws, rolling the batch back), and the movements one multi-row insert.
   */
  async applyReservations(
    manager: EntityManager,
    locked: ReadonlyMap<number, SkuStockEntity>,
    bookings: ReadonlyArray<ReservationBooking>,
  ): Promise<void> {
    const movements = bookings.flatMap(({ ctx: { actor }, ...booking }) =>
      booking.steps.map((step) => ({
        skuId: step.skuId,
        kind: 'reserve' as const,
        stockDelta: -step.quantity,
        reservedDelta: step.quantity,
        stockAfter: step.stockAfter,
        reservedAfter: step.reservedAfter,
        reason: null,
        orderId: booking.orderId,
        requestKey: `reserve:${booking.requestKey}:${step.skuId}`,
        actorType: actor.type === 'anonymous' ? 'system' : actor.type,
        actorId: actor.type === 'staff' ? actor.staffId : actor.type === 'member' ? actor.memberId : null,
      })),
    );
    if (movements.length === 0) return;
    const createdAt = new Date();
    await bulkInsert(
      manager,
      'stock_movements',
      MOVEMENT_COLUMNS,
      movements.map((mv) => [
        mv.skuId,
        mv.kind,
        mv.stockDelta,
        mv.reservedDelta,
        mv.stockAfter,
        mv.reservedAfter,
        mv.reason,
        mv.orderId,
        mv.requestKey,
        mv.actorType,
        mv.actorId,
        createdAt,
      ]),
    );
    const finals = new Map<number, { stock: number; reserved: number }>();
    for (const m of movements) finals.set(m.skuId, { stock: m.stockAfter, reserved: m.reservedAfter });
    for (const [skuId, after] of [...finals.entries()].sort(([a], [b]) => a - b)) {
      const before = locked.get(skuId);
      if (!before) throw new Error(`SKU ${skuId} was not locked before booking`);
      const result = await manager
        .createQueryBuilder()
        .update(SkuStockEntity)
        .set({ stock: after.stock, reserved: after.reserved })
        .where('id = :skuId AND stock = :stock AND reserved = :reserved', {
          skuId,
          stock: before.stock,
          reserved: before.reserved,
        })
        .andWhere(':afterStock >= 0', { afterStock: after.stock })
        .execute();
      if (!result.affected) throw new ConflictError('CONFLICT', '库存刚刚被修改，请重试');
      if (crossesLowStock(before.stock, after.stock, before.lowStockThreshold)) {
        // Rare (once per crossing): the movement's id is read back for the event.
        const lastKey = movements.filter((mv) => mv.skuId === skuId).at(-1)!.requestKey;
        const last = await manager
          .getRepository(StockMovementEntity)
          .findOneByOrFail({ requestKey: lastKey });
        await this.publishLowStock(
          manager,
          { ...before, stock: after.stock, reserved: after.reserved },
          Number(last.id),
        );
      }
    }
  }

  /** The stock rows of these SKUs, locked until the transaction ends (SKU id order: one lock order everywhere). */
  async lockCounters(
    manager: EntityManager,
    skuIds: readonly number[],
  ): Promise<Map<number, SkuStockEntity>> {
    if (skuIds.length === 0) return new Map();
    const rows = await lockForUpdate(
      manager
        .getRepository(SkuStockEntity)
        .createQueryBuilder('s')
        .where('s.id IN (:...ids)', { ids: [...new Set(skuIds)].sort((a, b) => a - b) })
        .orderBy('s.id', 'ASC'),
    ).getMany();
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async record(
    manager: EntityManager,
    ctx: RequestContext,
    change: StockChange,
    after: SkuStockEntity,
  ): Promise<StockMovementEntity> {
    const actor = ctx.actor;
    const movement = manager.getRepository(StockMovementEntity).create({
      skuId: change.skuId,
      kind: change.kind,
      stockDelta: change.stockDelta,
      reservedDelta: change.reservedDelta,
      stockAfter: after.stock,
      reservedAfter: after.reserved,
      reason: change.reason,
      orderId: change.orderId,
      requestKey: change.requestKey,
      actorType: actor.type === 'anonymous' ? 'system' : actor.type,
      actorId: actor.type === 'staff' ? actor.staffId : actor.type === 'member' ? actor.memberId : null,
    });
    await manager.getRepository(StockMovementEntity).insert(movement);
    movement.id = Number(movement.id);
    if (crossesLowStock(after.stock - change.stockDelta, after.stock, after.lowStockThreshold)) {
      await this.publishLowStock(manager, after, movement.id);
    }
    return movement;
  }

  private async publishLowStock(
    manager: EntityManager,
    sku: SkuStockEntity,
    movementId: number,
  ): Promise<void> {
    const product = await manager
      .createQueryBuilder()
      .select('p.name', 'name')
      .from('products', 'p')
      .where('p.id = :id', { id: sku.productId })
      .getRawOne<{ name: string }>();
    const payload: LowStockEventPayload = {
      skuId: sku.id,
      productId: sku.productId,
      productName: product?.name ?? '',
      specText: sku.specText,
      stock: sku.stock,
      lowStockThreshold: sku.lowStockThreshold,
      movementId,
    };
    await this.outbox.publish(manager, {
      type: LOW_STOCK_EVENT,
      aggregateId: String(sku.id),
      payload: { ...payload },
    });
  }
}

function insufficientStock(): ConflictError {
  return new ConflictError('INVENTORY_INSUFFICIENT_STOCK', '库存不足');
}

function stockLimit(): ConflictError {
  return new ConflictError('INVENTORY_STOCK_LIMIT', `库存不能超过 ${STOCK_LIMIT} 件，请核对数量`);
}

/** Deltas are integers we computed; inlining them keeps the UPDATE one statement on both databases. */
function sqlInt(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`stock delta must be an integer, got ${n}`);
  return n < 0 ? `(${n})` : String(n);
}
