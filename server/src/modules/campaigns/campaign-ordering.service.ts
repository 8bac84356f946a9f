import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { CampaignAudience, CampaignStatus, Fen } from '@linli/shared-types';
import { ConflictError, lockForUpdate } from '../../platform';
import { CampaignPresenter, isSellable } from './campaign-presenter';
import { remainingOf } from './domain/campaign-pricing';
import { CampaignItemEntity } from './persistence/campaign-item.entity';
import { CampaignEntity } from './persistence/campaign.entity';
import { loadCampaign } from './persistence/campaign.repository';

/** A campaign item as checkout needs it: price, limits, counters, and its SKU right now. */
export interface OrderingItem {
  itemId: number;
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  imageUrl: string | null;
  groupPrice: Fen;
  originalPrice: Fen;
  /** 0 = no limit. */
  perMemberLimit: number;
  stockCap: number | null;
  soldQuantity: number;
  /** Sellable stock of the SKU (a bundle: its availability over the components). */
  available: number;
  /** Product on sale and SKU active. */
  sellable: boolean;
}

/** Everything checkout reads about a campaign, in one load (cached briefly by the orders context). */
export interface OrderingCampaign {
  id: number;
  title: string;
  status: CampaignStatus;
  startAt: Date;
  endAt: Date;
  cutoffAt: Date;
  pickupDate: string;
  flashSale: boolean;
  audience: CampaignAudience;
  items: OrderingItem[];
}

/** The few campaign facts an order page shows next to the order. */
export interface CampaignHeader {
  id: number;
  title: string;
  status: CampaignStatus;
  startAt: Date;
  cutoffAt: Date;
  endAt: Date;
  pickupDate: string;
  flashSale: boolean;
}

export interface SaleLine {
  itemId: number;
  quantity: number;
}

/**
 * What the orders context needs from campaigns: a snapshot for pricing, and the sold counters
 * (`campaign_items.sold_quantity`), moved only by conditional updates so a cap is never exceeded.
 */
@Injectable()
export class CampaignOrderingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly presenter: CampaignPresenter,
  ) {}

  async snapshot(
    campaignId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrderingCampaign | null> {
    const record = await loadCampaign(manager, campaignId);
    if (!record) return null;
    const skus = await this.presenter.skusOf([record], manager);
    const { campaign } = record;
    return {
      id: campaign.id,
      title: campaign.title,
      status: campaign.status,
      startAt: campaign.startAt,
      endAt: campaign.endAt,
      cutoffAt: campaign.cutoffAt,
      pickupDate: campaign.pickupDate,
      flashSale: campaign.flashSale,
      audience: record.audience,
      items: record.items.map((item) => {
        const sku = skus.get(item.skuId);
        return {
          itemId: item.id,
          skuId: item.skuId,
          productId: sku?.productId ?? 0,
          productName: sku?.productName ?? '（商品已删除）',
          specText: sku?.specText ?? '',
          imageUrl: sku?.coverUrl ?? null,
          groupPrice: item.groupPrice,
          originalPrice: item.originalPrice,
          perMemberLimit: item.perMemberLimit,
          stockCap: item.stockCap,
          soldQuantity: item.soldQuantity,
          available: sku?.available ?? 0,
          sellable: isSellable(sku),
        };
      }),
    };
  }

  /** Title, times and pickup date of several campaigns, by id (one query). */
  async headersOf(
    campaignIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, CampaignHeader>> {
    if (campaignIds.length === 0) return new Map();
    const rows = await manager.getRepository(CampaignEntity).find({
      where: { id: In([...new Set(campaignIds)]) },
      select: {
        id: true,
        title: true,
        status: true,
        startAt: true,
        cutoffAt: true,
        endAt: true,
        pickupDate: true,
        flashSale: true,
      },
    });
    return new Map(rows.map((c) => [c.id, { ...c }]));
  }

  /**
   * Campaigns that took orders (live or ended) whose cut-off (截单) falls in (after, upTo], soonest first:
   * what the fulfillment cut-off sweep locks and schedules.
   */
  async cutoffsBetween(
    after: Date,
    upTo: Date,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CampaignHeader[]> {
    const rows = await manager
      .getRepository(CampaignEntity)
      .createQueryBuilder('c')
      .where("c.status IN ('live', 'ended') AND c.cutoffAt > :after AND c.cutoffAt <= :upTo", {
        after,
        upTo,
      })
      .orderBy('c.cutoffAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(limit)
      .getMany();
    return rows.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      startAt: c.startAt,
      cutoffAt: c.cutoffAt,
      endAt: c.endAt,
      pickupDate: c.pickupDate,
      flashSale: c.flashSale,
    }));
  }

  /** Units each item can still sell (for the flash-sale gate): min(SKU availability, cap − sold). */
  remainingByItem(campaign: OrderingCampaign): Map<number, number> {
    return new Map(
      campaign.items.map((item) => [item.itemId, item.sellable ? remainingOf(item) : 0] as const),
    );
  }

  /**
   * Counts units as sold in the campaign, item by item in id order (one lock order for everybody).
   * A capped item refuses to go past its cap: 409 ORDER_SOLD_OUT and the caller's transaction rolls back.
   */
  async recordSale(manager: EntityManager, lines: readonly SaleLine[]): Promise<void> {
    for (const line of sortedByItem(lines)) {
      const result = await manager
        .createQueryBuilder()
        .update(CampaignItemEntity)
        .set({ soldQuantity: () => `sold_quantity + ${positiveInt(line.quantity)}` })
        .where('id = :id', { id: line.itemId })
        .andWhere(`(stock_cap IS NULL OR sold_quantity + ${positiveInt(line.quantity)} <= stock_cap)`)
        .execute();
      if (!result.affected) {
        throw new ConflictError('ORDER_SOLD_OUT', '手慢了，活动库存已被抢光');
      }
    }
  }

  /** Counters of these items, locked until the transaction ends (item id order), for a batch of orders. */
  async lockCounters(
    manager: EntityManager,
    itemIds: readonly number[],
  ): Promise<Array<{ itemId: number; soldQuantity: number; stockCap: number | null }>> {
    if (itemIds.length === 0) return [];
    const rows = await lockForUpdate(
      manager
        .getRepository(CampaignItemEntity)
        .createQueryBuilder('i')
        .select(['i.id', 'i.soldQuantity', 'i.stockCap'])
        .where('i.id IN (:...ids)', { ids: [...new Set(itemIds)].sort((a, b) => a - b) })
        .orderBy('i.id', 'ASC'),
    ).getMany();
    return rows.map((r) => ({ itemId: r.id, soldQuantity: r.soldQuantity, stockCap: r.stockCap }));
  }

  /**
   * Sets the sold counters a batch ended with, each guarded by the value read under lock (a mismatch
   * means the lock was not held: it throws, and the batch rolls back).
   */
  async applySoldCounters(
    manager: EntityManager,
    changes: ReadonlyArray<{ itemId: number; before: number; after: number }>,
  ): Promise<void> {
    for (const change of [...changes].sort((a, b) => a.itemId - b.itemId)) {
      if (change.after === change.before) continue;
      const result = await manager
        .createQueryBuilder()
        .update(CampaignItemEntity)
        .set({ soldQuantity: change.after })
        .where('id = :id AND sold_quantity = :before', { id: change.itemId, before: change.before })
        .execute();
      if (!result.affected) throw new ConflictError('CONFLICT', '活动库存刚刚被修改，请重试');
    }
  }

  /** Gives sold units back (an order cancelled, closed or refunded before hand-over). Never below zero. */
  async revertSale(manager: EntityManager, lines: readonly SaleLine[]): Promise<void> {
    for (const line of sortedByItem(lines)) {
      await manager
        .createQueryBuilder()
        .update(CampaignItemEntity)
        .set({ soldQuantity: () => `sold_quantity - ${positiveInt(line.quantity)}` })
        .where('id = :id', { id: line.itemId })
        .andWhere(`sold_quantity >= ${positiveInt(line.quantity)}`)
        .execute();
    }
  }
}

function sortedByItem(lines: readonly SaleLine[]): SaleLine[] {
  const merged = new Map<number, number>();
  for (const line of lines) merged.set(line.itemId, (merged.get(line.itemId) ?? 0) + line.quantity);
  return [...merged.entries()].sort(([a], [b]) => a - b).map(([itemId, quantity]) => ({ itemId, quantity }));
}

/** Quantities are integers we validated; inlining keeps each UPDATE one statement on both databases. */
function positiveInt(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`quantity must be a positive integer, got ${n}`);
  return String(n);
}
