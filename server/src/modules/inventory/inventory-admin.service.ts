import { Injectable } from '@nestjs/common';
import type {
  InventorySkuQuery,
  InventorySkuView,
  Paged,
  StockMovementQuery,
  StockMovementView,
} from '@linli/shared-types';
import {
  BusinessError,
  NotFoundError,
  requirePermission,
  RequestContext,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { InventoryReadModel } from './inventory-read.model';
import { SkuStockEntity } from './persistence/sku-stock.entity';

export const THRESHOLD_MAX = 1_000_000;

/** The admin screens' reads (stock table, low stock, history) and the low-stock threshold. */
@Injectable()
export class InventoryAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly read: InventoryReadModel,
    private readonly audit: AuditService,
  ) {}

  listSkus(ctx: RequestContext, query: InventorySkuQuery): Promise<Paged<InventorySkuView>> {
    requirePermission(ctx, 'inventory.read');
    return this.read.listSkus(query);
  }

  listMovements(ctx: RequestContext, query: StockMovementQuery): Promise<Paged<StockMovementView>> {
    requirePermission(ctx, 'inventory.read');
    return this.read.listMovements(query);
  }

  async setThreshold(
    ctx: RequestContext,
    skuId: number,
    lowStockThreshold: number,
  ): Promise<InventorySkuView> {
    requirePermission(ctx, 'inventory.write');
    if (
      !Number.isSafeInteger(lowStockThreshold) ||
      lowStockThreshold < 0 ||
      lowStockThreshold > THRESHOLD_MAX
    ) {
      throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, [
        { field: 'lowStockThreshold', errors: ['低库存阈值必须是非负整数'] },
      ]);
    }
    return this.tx.run(async (m) => {
      await this.read.assertStocked(m, skuId);
      const sku = await m.getRepository(SkuStockEntity).findOneBy({ id: skuId });
      if (!sku) throw new NotFoundError('SKU_NOT_FOUND', '商品规格不存在');
      await m.getRepository(SkuStockEntity).update({ id: skuId }, { lowStockThreshold });
      await this.audit.record(m, ctx, {
        action: 'inventory.threshold',
        entityType: 'sku',
        entityId: skuId,
        before: { lowStockThreshold: sku.lowStockThreshold },
        after: { lowStockThreshold },
      });
      return this.read.skuView(m, skuId);
    });
  }
}
