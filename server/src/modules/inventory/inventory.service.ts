import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { StockAdjustmentRequest, StockAdjustmentResult } from '@linli/shared-types';
import {
  BusinessError,
  isUniqueViolation,
  requirePermission,
  RequestContext,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { adjustmentProblems, deltasOf, expandLines, type OrderLine } from './domain/movement-rules';
import { InventoryReadModel } from './inventory-read.model';
import { StockMovementEntity } from './persistence/stock-movement.entity';
import { StockLedger } from './stock-ledger';

/** An order's stock operation: lines may be bundles; `requestKey` makes a retry a no-op. */
export interface OrderStockRequest {
  lines: OrderLine[];
  orderId: number;
  requestKey: string;
}

type OrderMovementKind = 'reserve' | 'release' | 'sale' | 'return';

@Injectable()
export class InventoryService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: StockLedger,
    private readonly read: InventoryReadModel,
    private readonly audit: AuditService,
  ) {}

  /** A manual adjustment by staff (入库 / 盘点 / 报损 / 退货入库), audited; idempotent per requestId. */
  async adjust(ctx: RequestContext, request: StockAdjustmentRequest): Promise<StockAdjustmentResult> {
    requirePermission(ctx, 'inventory.write');
    const problems = adjustmentProblems(request.kind, request.quantity, request.reason);
    if (problems.length > 0) {
      throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, [
        { field: 'quantity', errors: problems },
      ]);
    }
    const requestKey = request.requestId ? `adj:${request.requestId}` : null;
    try {
      return await this.tx.run(async (m) => {
        const earlier = requestKey ? await this.movementByKey(m, requestKey) : null;
        if (earlier) return this.resultOf(m, earlier);
        await this.read.assertStocked(m, request.skuId);
        const reason = request.reason.trim();
        const base = { skuId: request.skuId, reason, orderId: null, requestKey };
        const movement =
          request.kind === 'count'
            ? await this.ledger.count(m, ctx, { ...base, counted: request.quantity })
            : await this.ledger.apply(m, ctx, {
                ...base,
                kind: request.kind,
                ...deltasOf(request.kind, request.quantity),
              });
        await this.audit.record(m, ctx, {
          action: `inventory.${request.kind}`,
          entityType: 'sku',
          entityId: request.skuId,
          before: null,
          after: { ...request, movementId: movement.id, stockAfter: movement.stockAfter },
        });
        return this.resultOf(m, movement);
      });
    } catch (error) {
      // Two retries of the same request raced: the loser returns what the winner booked.
      if (requestKey && isUniqueViolation(error)) {
        return this.tx.run(async (m) => this.resultOf(m, (await this.movementByKey(m, requestKey))!));
      }
      throw error;
    }
  }

  /** Books a new SKU's initial stock (入库 初始库存) in the caller's transaction (product creation). */
  async bookInitialStock(
    manager: EntityManager,
    ctx: RequestContext,
    skuId: number,
    quantity: number,
  ): Promise<void> {
    if (quantity <= 0) return;
    await this.ledger.apply(manager, ctx, {
      skuId,
      kind: 'inbound',
      ...deltasOf('inbound', quantity),
      reason: '初始库存',
      orderId: null,
      requestKey: null,
    });
  }

  /** An order is placed: stock → reserved on every (component) SKU, all or nothing (409 otherwise). */
  reserve(manager: EntityManager, ctx: RequestContext, request: OrderStockRequest): Promise<void> {
    return this.orderMovement(manager, ctx, 'reserve', request);
  }

  /** An unpaid order closes or an order is cancelled before hand-over: reserved → stock. */
  release(manager: EntityManager, ctx: RequestContext, request: OrderStockRequest): Promise<void> {
    return this.orderMovement(manager, ctx, 'release', request);
  }

  /** Reserved goods leave (shipped / picked up). */
  sale(manager: EntityManager, ctx: RequestContext, request: OrderStockRequest): Promise<void> {
    return this.orderMovement(manager, ctx, 'sale', request);
  }

  /** Returned goods are booked back into sellable stock (after-sales). */
  returnGoods(manager: EntityManager, ctx: RequestContext, request: OrderStockRequest): Promise<void> {
    return this.orderMovement(manager, ctx, 'return', request);
  }

  private async orderMovement(
    manager: EntityManager,
    ctx: RequestContext,
    kind: OrderMovementKind,
    request: OrderStockRequest,
  ): Promise<void> {
    if (request.lines.some((l) => !Number.isSafeInteger(l.quantity) || l.quantity < 1)) {
      throw new BusinessError('VALIDATION_FAILED', '购买数量必须是正整数', 400);
    }
    const lines = expandLines(
      request.lines,
      await this.read.bundleComponentsOf(
        manager,
        request.lines.map((l) => l.skuId),
      ),
    );
    const keys = lines.map((l) => `${request.requestKey}:${l.skuId}`);
    const done = await manager.getRepository(StockMovementEntity).countBy({ requestKey: In(keys) });
    // All-or-nothing: the movements of one request commit together, so any of them means all of them.
    if (done > 0) return;
    for (const [i, line] of lines.entries()) {
      await this.ledger.apply(manager, ctx, {
        skuId: line.skuId,
        kind,
        ...deltasOf(kind, line.quantity),
        reason: null,
        orderId: request.orderId,
        requestKey: keys[i],
      });
    }
  }

  private movementByKey(m: EntityManager, requestKey: string): Promise<StockMovementEntity | null> {
    return m.getRepository(StockMovementEntity).findOneBy({ requestKey });
  }

  private async resultOf(m: EntityManager, movement: StockMovementEntity): Promise<StockAdjustmentResult> {
    const [view] = await this.read.movementViews(m, [movement]);
    return { movement: view, sku: await this.read.skuView(m, movement.skuId) };
  }
}
