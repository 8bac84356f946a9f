import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { StockAdjustmentRequest, StockAdjustmentResult } from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  isUniqueViolation,
  prefixPattern,
  requirePermission,
  RequestContext,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import {
  adjustedQuantity,
  adjustmentProblems,
  deltasOf,
  expandLines,
  REQUEST_KEY_MAX,
  type OrderLine,
} from './domain/movement-rules';
import { InventoryReadModel } from './inventory-read.model';
import { StockMovementEntity } from './persistence/stock-movement.entity';
import { StockLedger, type ReservationBooking } from './stock-ledger';

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

  /**
   * A manual adjustment by staff (入库 / 盘点 / 报损 / 退货入库), audited. A `requestId` makes a retry return
   * the first result; the key is per staff member, and reusing it for a different body is a 409.
   */
  async adjust(ctx: RequestContext, request: StockAdjustmentRequest): Promise<StockAdjustmentResult> {
    const staff = requirePermission(ctx, 'inventory.write');
    const problems = adjustmentProblems(request.kind, request.quantity, request.reason);
    if (problems.length > 0) throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, problems);
    const requestKey = request.requestId ? `adj:${staff?.staffId ?? 0}:${request.requestId}` : null;
    try {
      return await this.tx.run(async (m) => {
        const earlier = requestKey ? await this.movementByKey(m, requestKey) : null;
        if (earlier) return this.replay(m, earlier, request);
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
        return this.tx.run(async (m) => this.replay(m, (await this.movementByKey(m, requestKey))!, request));
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

  /**
   * Goods received against a keyed document (a purchase list): an `inbound` movement of a stocked SKU in
   * the caller's transaction. The key makes it once-only: a movement under the key already means done.
   */
  async bookKeyedInbound(
    manager: EntityManager,
    ctx: RequestContext,
    inbound: { skuId: number; quantity: number; reason: string; requestKey: string },
  ): Promise<void> {
    if (!Number.isSafeInteger(inbound.quantity) || inbound.quantity < 1) return;
    if (await this.movementByKey(manager, inbound.requestKey)) return;
    await this.read.assertStocked(manager, inbound.skuId);
    await this.ledger.apply(manager, ctx, {
      skuId: inbound.skuId,
      kind: 'inbound',
      ...deltasOf('inbound', inbound.quantity),
      reason: inbound.reason.slice(0, 200),
      orderId: null,
      requestKey: inbound.requestKey,
    });
  }

  /**
   * An order is placed: stock → reserved on every (component) SKU, all or nothing (409 otherwise).
   * Returns the stocked lines it reserved: bundles expanded with the recipe of NOW, the same SKU added
   * up, by SKU id. The orders module must store these per order line and pass THEM (not the bundle) to
   * release / sale / returnGoods, because a bundle's recipe may change while the order is open.
   */
  reserve(manager: EntityManager, ctx: RequestContext, request: OrderStockRequest): Promise<OrderLine[]> {
    return this.orderMovement(manager, ctx, 'reserve', request);
  }

  /**
   * For the checkout batch writer: the stocked lines each SKU stands for (a bundle → its components ×
   * quantity of one unit; a standard SKU → itself), read once per batch.
   */
  async stockLinesPerUnit(m: EntityManager, skuIds: readonly number[]): Promise<Map<number, OrderLine[]>> {
    const components = await this.read.bundleComponentsOf(m, skuIds);
    return new Map(skuIds.map((skuId) => [skuId, expandLines([{ skuId, quantity: 1 }], components)]));
  }

  /** Locks the stock rows of these SKUs for a batch of reservations; the counters as they stand. */
  lockForReservations(m: EntityManager, skuIds: readonly number[]) {
    return this.ledger.lockCounters(m, skuIds);
  }

  /**
   * Books the reservations of a batch of NEW orders (their keys have never reserved anything) against
   * rows locked by `lockForReservations` in this transaction: one update per SKU, one insert of movements.
   */
  reserveBatch(
    m: EntityManager,
    locked: Awaited<ReturnType<StockLedger['lockCounters']>>,
    bookings: ReadonlyArray<ReservationBooking>,
  ): Promise<void> {
    return this.ledger.applyReservations(m, locked, bookings);
  }

  /**
   * An unpaid order closes or an order is cancelled before hand-over: reserved → stock.
   * Bundle lines expand with the CURRENT recipe: pass the component lines `reserve` returned instead.
   */
  release(manager: EntityManager, ctx: RequestContext, request: OrderStockRequest): Promise<OrderLine[]> {
    return this.orderMovement(manager, ctx, 'release', request);
  }

  /**
   * Reserved goods leave (shipped / picked up).
   * Bundle lines expand with the CURRENT recipe: pass the component lines `reserve` returned instead.
   */
  sale(manager: EntityManager, ctx: RequestContext, request: OrderStockRequest): Promise<OrderLine[]> {
    return this.orderMovement(manager, ctx, 'sale', request);
  }

  /**
   * Returned goods are booked back into sellable stock (after-sales).
   * Bundle lines expand with the CURRENT recipe: pass the component lines `reserve` returned instead.
   */
  returnGoods(manager: EntityManager, ctx: RequestContext, request: OrderStockRequest): Promise<OrderLine[]> {
    return this.orderMovement(manager, ctx, 'return', request);
  }

  /**
   * One movement per stocked SKU, keyed `${kind}:${requestKey}:${skuId}` (so the same order key can
   * reserve and later release). A retry of a booked request books nothing and returns what it booked.
   */
  private async orderMovement(
    manager: EntityManager,
    ctx: RequestContext,
    kind: OrderMovementKind,
    request: OrderStockRequest,
  ): Promise<OrderLine[]> {
    if (request.lines.some((l) => !Number.isSafeInteger(l.quantity) || l.quantity < 1)) {
      throw new BusinessError('VALIDATION_FAILED', '购买数量必须是正整数', 400);
    }
    const prefix = `${kind}:${request.requestKey}:`;
    const booked = await this.bookedUnder(manager, prefix);
    // All-or-nothing: the movements of one request commit together, so any of them means all of them.
    if (booked.length > 0) return booked;
    const lines = expandLines(
      request.lines,
      await this.read.bundleComponentsOf(
        manager,
        request.lines.map((l) => l.skuId),
      ),
    );
    const keys = lines.map((l) => `${prefix}${l.skuId}`);
    if (keys.some((key) => key.length > REQUEST_KEY_MAX)) {
      throw new BusinessError(
        'VALIDATION_FAILED',
        `库存操作的幂等键过长（最多 ${REQUEST_KEY_MAX} 个字符）`,
        400,
      );
    }
    try {
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
    } catch (error) {
      // The same request is being booked by a concurrent transaction that committed first.
      if (isUniqueViolation(error)) throw new ConflictError('CONFLICT', '该订单的库存正在处理，请稍后重试');
      throw error;
    }
    return lines;
  }

  /** The lines already booked under a request's key prefix (exact match: SQLite LIKE ignores case). */
  private async bookedUnder(m: EntityManager, prefix: string): Promise<OrderLine[]> {
    const rows = await m
      .getRepository(StockMovementEntity)
      .createQueryBuilder('m')
      .where("m.requestKey LIKE :pattern ESCAPE '!'", { pattern: prefixPattern(prefix) })
      .orderBy('m.skuId', 'ASC')
      .getMany();
    return rows
      .filter((r) => r.requestKey?.startsWith(prefix) && /^\d+$/.test(r.requestKey.slice(prefix.length)))
      .map((r) => ({
        skuId: r.skuId,
        quantity: Math.max(Math.abs(r.stockDelta), Math.abs(r.reservedDelta)),
      }));
  }

  /** A retried adjustment: the first result, unless the key was reused for a different request. */
  private async replay(
    m: EntityManager,
    earlier: StockMovementEntity,
    request: StockAdjustmentRequest,
  ): Promise<StockAdjustmentResult> {
    if (
      earlier.skuId !== request.skuId ||
      earlier.kind !== request.kind ||
      adjustedQuantity(earlier) !== request.quantity
    ) {
      throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该请求编号已用于另一笔库存调整，请刷新后重试');
    }
    return this.resultOf(m, earlier);
  }

  private movementByKey(m: EntityManager, requestKey: string): Promise<StockMovementEntity | null> {
    return m.getRepository(StockMovementEntity).findOneBy({ requestKey });
  }

  private async resultOf(m: EntityManager, movement: StockMovementEntity): Promise<StockAdjustmentResult> {
    const [view] = await this.read.movementViews(m, [movement]);
    return { movement: view, sku: await this.read.skuView(m, movement.skuId) };
  }
}
