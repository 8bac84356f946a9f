import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LowStockEventPayload, MovementKind } from '@linli/shared-types';
import { ConflictError, lockForUpdate, NotFoundError, OutboxService, RequestContext } from '../../platform';
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
