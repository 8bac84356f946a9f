import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type {
  AdjustPurchaseListRequest,
  PurchaseListDetail,
  PurchaseListStatus,
  PurchaseListSummary,
  ReceivePurchaseListRequest,
} from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  requirePermission,
  shanghaiDate,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { AuditService } from '../audit';
import { CampaignOrderingService } from '../campaigns';
import { CatalogService } from '../catalog';
import { InventoryService } from '../inventory';
import { aggregateDemand, planPurchases } from './domain/demand';
import { campaignTitle, demandOrder, FulfillmentReads } from './fulfillment-reads';
import { PurchaseListEntity, PurchaseListLineEntity } from './persistence/fulfillment.entities';

export const NO_SUPPLIER_NAME = '未指定供应商';

const listNotFound = () => new NotFoundError('FULFILLMENT_PURCHASE_LIST_NOT_FOUND', '采购单不存在');
const wrongStatus = (status: PurchaseListStatus, action: string) =>
  new ConflictError(
    'FULFILLMENT_PURCHASE_LIST_STATUS',
    `采购单${status === 'received' ? '已入库' : '已下单'}，不能${action}`,
  );

/** Purchase lists (采购单): generated per supplier from a wave's demand, adjusted, ordered, received into stock. */
@Injectable()
export class PurchasingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly reads: FulfillmentReads,
    private readonly campaigns: CampaignOrderingService,
    private readonly catalog: CatalogService,
    private readonly inventory: InventoryService,
    private readonly audit: AuditService,
  ) {}

  /** POST /api/admin/fulfillment/waves/:id/purchase-lists: one list per supplier with something to buy; once. */
  async generate(ctx: RequestContext, waveId: number): Promise<PurchaseListSummary[]> {
    requirePermission(ctx, 'fulfillment.write');
    const { wave, orders } = await this.reads.waveFacts(waveId);
    const demand = aggregateDemand(orders.map(demandOrder));
    const skus = await this.reads.skuFacts(demand.map((d) => d.skuId));
    const plan = planPurchases(
      demand,
      new Map(
        [...skus.values()].map((s) => [
          s.skuId,
          { supplierKey: s.supplierId ?? 0, stock: s.stock, unitCost: s.cost },
        ]),
      ),
    );
    const suppliers = await this.catalog.supplierContacts([...plan.keys()].filter((k) => k !== 0));
    const existing = new Set(
      (await this.dataSource.getRepository(PurchaseListEntity).findBy({ waveId })).map((l) => l.supplierKey),
    );
    const day = shanghaiDate(wave.cutoffAt).replace(/-/g, '').slice(2);
    for (const [supplierKey, lines] of [...plan.entries()].sort(([a], [b]) => a - b)) {
      if (existing.has(supplierKey)) continue;
      try {
        await this.tx.run(async (m) => {
          const inserted = await m.getRepository(PurchaseListEntity).insert({
            listNo: `CG${day}${wave.id}S${supplierKey}`,
            waveId,
            campaignId: wave.campaignId,
            supplierId: supplierKey === 0 ? null : supplierKey,
            supplierKey,
            supplierName: (supplierKey === 0
              ? NO_SUPPLIER_NAME
              : (suppliers.get(supplierKey)?.name ?? NO_SUPPLIER_NAME)
            ).slice(0, 64),
            status: 'draft',
            orderedAt: null,
            receivedAt: null,
          });
          const listId = Number(inserted.identifiers[0].id);
          await m.getRepository(PurchaseListLineEntity).insert(
            lines.map((line) => {
              const sku = skus.get(line.skuId);
              return {
                purchaseListId: listId,
                skuId: line.skuId,
                productName: (sku?.productName ?? '（商品已删除）').slice(0, 100),
                specText: (sku?.specText ?? '').slice(0, 100),
                unit: (sku?.unit ?? '份').slice(0, 8),
                demandQuantity: line.demandQuantity,
                stockQuantity: line.stockQuantity,
                suggestedQuantity: line.suggestedQuantity,
                quantity: line.suggestedQuantity,
                receivedQuantity: null,
                unitCost: line.unitCost,
              };
            }),
          );
          await this.audit.record(m, ctx, {
            action: 'fulfillment.purchase_list.generate',
            entityType: 'purchase_list',
            entityId: listId,
            before: null,
            after: { waveId, supplierKey, lines: lines.length },
          });
        });
      } catch (error) {
        // A concurrent generation of the same wave wrote this supplier's list first.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return this.summariesOf(waveId);
  }

  /** GET /api/admin/fulfillment/waves/:id/purchase-lists */
  async listOfWave(ctx: RequestContext, waveId: number): Promise<PurchaseListSummary[]> {
    requirePermission(ctx, 'fulfillment.read');
    await this.reads.wave(waveId);
    return this.summariesOf(waveId);
  }

  /** GET /api/admin/fulfillment/purchase-lists/:id */
  async detail(ctx: RequestContext, listId: number): Promise<PurchaseListDetail> {
    requirePermission(ctx, 'fulfillment.read');
    return this.detailOf(this.dataSource.manager, listId);
  }

  /** PUT /api/admin/fulfillment/purchase-lists/:id/lines: quantities of a draft list. */
  async adjust(
    ctx: RequestContext,
    listId: number,
    request: AdjustPurchaseListRequest,
  ): Promise<PurchaseListDetail> {
    requirePermission(ctx, 'fulfillment.write');
    return this.tx.run(async (m) => {
      const list = await this.listOf(m, listId);
      if (list.status !== 'draft') throw wrongStatus(list.status, '修改数量');
      const lines = await m.getRepository(PurchaseListLineEntity).findBy({ purchaseListId: listId });
      const bySku = new Map(lines.map((l) => [l.skuId, l]));
      const unknown = request.lines.findIndex((l) => !bySku.has(l.skuId));
      if (unknown >= 0) {
        throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, [
          { field: `lines.${unknown}.skuId`, errors: ['该商品不在这张采购单上'] },
        ]);
      }
      // The conditional touch takes the row lock and proves the list is still a draft.
      const touched = await m
        .createQueryBuilder()
        .update(PurchaseListEntity)
        .set({ updatedAt: new Date() })
        .where("id = :listId AND status = 'draft'", { listId })
        .execute();
      if (!touched.affected) throw wrongStatus('ordered', '修改数量');
      for (const line of request.lines) {
        await m
          .getRepository(PurchaseListLineEntity)
          .update({ purchaseListId: listId, skuId: line.skuId }, { quantity: line.quantity });
      }
      await this.audit.record(m, ctx, {
        action: 'fulfillment.purchase_list.adjust',
        entityType: 'purchase_list',
        entityId: listId,
        before: {
          lines: request.lines.map((l) => ({ skuId: l.skuId, quantity: bySku.get(l.skuId)?.quantity })),
        },
        after: { lines: request.lines },
      });
      return this.detailOf(m, listId);
    });
  }

  /** POST /api/admin/fulfillment/purchase-lists/:id/mark-ordered: draft → ordered (a repeat answers it as is). */
  async markOrdered(ctx: RequestContext, listId: number): Promise<PurchaseListDetail> {
    requirePermission(ctx, 'fulfillment.write');
    return this.tx.run(async (m) => {
      const list = await this.listOf(m, listId);
      if (list.status === 'ordered') return this.detailOf(m, listId);
      if (list.status === 'received') throw wrongStatus('received', '标记为已下单');
      const moved = await m
        .createQueryBuilder()
        .update(PurchaseListEntity)
        .set({ status: 'ordered', orderedAt: new Date() })
        .where("id = :listId AND status = 'draft'", { listId })
        .execute();
      if (moved.affected) {
        await this.audit.record(m, ctx, {
          action: 'fulfillment.purchase_list.order',
          entityType: 'purchase_list',
          entityId: listId,
          before: { status: 'draft' },
          after: { status: 'ordered' },
        });
      }
      return this.detailOf(m, listId);
    });
  }

  /**
   * POST /api/admin/fulfillment/purchase-lists/:id/receive: draft/ordered → received, each received
   * quantity booked in as an inbound movement keyed `purchase:<listId>:<skuId>`, in one transaction.
   */
  async receive(
    ctx: RequestContext,
    listId: number,
    request: ReceivePurchaseListRequest,
  ): Promise<PurchaseListDetail> {
    requirePermission(ctx, 'fulfillment.write');
    return this.tx.run(async (m) => {
      const list = await this.listOf(m, listId);
      if (list.status === 'received') return this.detailOf(m, listId);
      const lines = await m
        .getRepository(PurchaseListLineEntity)
        .find({ where: { purchaseListId: listId }, order: { skuId: 'ASC' } });
      const received = new Map((request.lines ?? []).map((l) => [l.skuId, l.quantity]));
      const unknown = (request.lines ?? []).findIndex((l) => !lines.some((line) => line.skuId === l.skuId));
      if (unknown >= 0) {
        throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, [
          { field: `lines.${unknown}.skuId`, errors: ['该商品不在这张采购单上'] },
        ]);
      }
      const now = new Date();
      const moved = await m
        .createQueryBuilder()
        .update(PurchaseListEntity)
        .set({ status: 'received', receivedAt: now })
        .where("id = :listId AND status IN ('draft', 'ordered')", { listId })
        .execute();
      // Received by a concurrent request a moment ago: answer what it booked.
      if (!moved.affected) return this.detailOf(m, listId);
      for (const line of lines) {
        const quantity = received.get(line.skuId) ?? line.quantity;
        await m.getRepository(PurchaseListLineEntity).update({ id: line.id }, { receivedQuantity: quantity });
        await this.inventory.bookKeyedInbound(m, ctx, {
          skuId: line.skuId,
          quantity,
          reason: `采购入库 ${list.listNo}`,
          requestKey: `purchase:${listId}:${line.skuId}`,
        });
      }
      await this.audit.record(m, ctx, {
        action: 'fulfillment.purchase_list.receive',
        entityType: 'purchase_list',
        entityId: listId,
        before: { status: list.status },
        after: {
          status: 'received',
          lines: lines.map((l) => ({ skuId: l.skuId, quantity: received.get(l.skuId) ?? l.quantity })),
        },
      });
      return this.detailOf(m, listId);
    });
  }

  async summariesOf(
    waveId: number,
    m: EntityManager = this.dataSource.manager,
  ): Promise<PurchaseListSummary[]> {
    const lists = await m
      .getRepository(PurchaseListEntity)
      .find({ where: { waveId }, order: { supplierKey: 'ASC' } });
    if (lists.length === 0) return [];
    const lines = await m
      .getRepository(PurchaseListLineEntity)
      .findBy({ purchaseListId: In(lists.map((l) => l.id)) });
    return lists.map((list) =>
      summaryOf(
        list,
        lines.filter((l) => l.purchaseListId === list.id),
      ),
    );
  }

  private async listOf(m: EntityManager, listId: number): Promise<PurchaseListEntity> {
    const list = await m.getRepository(PurchaseListEntity).findOneBy({ id: listId });
    if (!list) throw listNotFound();
    return list;
  }

  private async detailOf(m: EntityManager, listId: number): Promise<PurchaseListDetail> {
    const list = await this.listOf(m, listId);
    const lines = await m
      .getRepository(PurchaseListLineEntity)
      .find({ where: { purchaseListId: listId }, order: { skuId: 'ASC' } });
    const [headers, suppliers] = await Promise.all([
      this.campaigns.headersOf([list.campaignId], m),
      this.catalog.supplierContacts(list.supplierId === null ? [] : [list.supplierId], m),
    ]);
    const campaign = headers.get(list.campaignId) ?? null;
    const supplier = list.supplierId === null ? undefined : suppliers.get(list.supplierId);
    return {
      ...summaryOf(list, lines),
      campaignId: list.campaignId,
      campaignTitle: campaignTitle(campaign),
      pickupDate: campaign?.pickupDate ?? '',
      supplierContactName: supplier?.contactName ?? null,
      supplierContactPhone: supplier?.contactPhone ?? null,
      supplierAddress: supplier?.address ?? null,
      lines: lines.map((l) => ({
        skuId: l.skuId,
        productName: l.productName,
        specText: l.specText,
        unit: l.unit,
        demandQuantity: l.demandQuantity,
        stockQuantity: l.stockQuantity,
        suggestedQuantity: l.suggestedQuantity,
        quantity: l.quantity,
        receivedQuantity: l.receivedQuantity,
        unitCost: l.unitCost,
        lineTotal: l.quantity * l.unitCost,
      })),
      createdAt: list.createdAt.toISOString(),
    };
  }
}

function summaryOf(list: PurchaseListEntity, lines: PurchaseListLineEntity[]): PurchaseListSummary {
  return {
    id: list.id,
    listNo: list.listNo,
    waveId: list.waveId,
    supplierId: list.supplierId,
    supplierName: list.supplierName,
    status: list.status,
    lineCount: lines.length,
    totalQuantity: lines.reduce((sum, l) => sum + l.quantity, 0),
    totalAmount: lines.reduce((sum, l) => sum + l.quantity * l.unitCost, 0),
    orderedAt: list.orderedAt?.toISOString() ?? null,
    receivedAt: list.receivedAt?.toISOString() ?? null,
  };
}
