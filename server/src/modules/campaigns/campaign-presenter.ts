import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CampaignAdminItem,
  CampaignDetail,
  CampaignItemView,
  CampaignListItem,
  CampaignView,
  LeaderCampaignView,
} from '@linli/shared-types';
import { FILE_STORAGE, type FileStorage } from '../../platform';
import { CatalogService, type SkuDetails } from '../catalog';
import { remainingOf } from './domain/campaign-pricing';
import type { CampaignItemEntity } from './persistence/campaign-item.entity';
import type { CampaignRecord } from './persistence/campaign.repository';

export type SkuMap = Map<number, SkuDetails>;

/** Whether buyers are offered a SKU: its product is on sale and the SKU itself still active. */
export function isSellable(sku: SkuDetails | undefined): sku is SkuDetails {
  return sku !== undefined && sku.productStatus === 'on_sale' && sku.skuStatus === 'active';
}

/** Turns campaign records and their SKUs into the contract's views (one place for covers and counters). */
@Injectable()
export class CampaignPresenter {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly catalog: CatalogService,
  ) {}

  /** The SKU details of every item of these records, in one query. */
  skusOf(records: CampaignRecord[], manager?: EntityManager): Promise<SkuMap> {
    const ids = records.flatMap((r) => r.items.map((i) => i.skuId));
    return this.catalog.getSkuDetails(ids, manager);
  }

  /** Items as buyers see them: only those still for sale, in display order. */
  buyerItems(record: CampaignRecord, skus: SkuMap): CampaignItemView[] {
    return record.items.flatMap((item) => {
      const sku = skus.get(item.skuId);
      return isSellable(sku) ? [itemView(item, sku)] : [];
    });
  }

  view(record: CampaignRecord, skus: SkuMap): CampaignView {
    const { campaign } = record;
    const items = this.buyerItems(record, skus);
    return {
      id: campaign.id,
      title: campaign.title,
      coverUrl: this.coverUrl(record, skus),
      description: campaign.description,
      status: campaign.status,
      startAt: campaign.startAt.toISOString(),
      endAt: campaign.endAt.toISOString(),
      cutoffAt: campaign.cutoffAt.toISOString(),
      pickupDate: campaign.pickupDate,
      flashSale: campaign.flashSale,
      items,
      soldQuantity: sum(items.map((i) => i.soldQuantity)),
    };
  }

  detail(
    record: CampaignRecord,
    skus: SkuMap,
    names: { levels: string[]; leaders: string[] },
  ): CampaignDetail {
    const { campaign } = record;
    const items: CampaignAdminItem[] = record.items.map((item) => {
      const sku = skus.get(item.skuId);
      return {
        ...itemView(item, sku),
        stockCap: item.stockCap,
        retailPrice: sku?.price ?? 0,
        cost: sku?.cost ?? 0,
        productStatus: sku?.productStatus ?? 'missing',
      };
    });
    return {
      id: campaign.id,
      title: campaign.title,
      coverKey: campaign.coverKey,
      coverUrl: this.coverUrl(record, skus),
      description: campaign.description,
      status: campaign.status,
      startAt: campaign.startAt.toISOString(),
      endAt: campaign.endAt.toISOString(),
      cutoffAt: campaign.cutoffAt.toISOString(),
      pickupDate: campaign.pickupDate,
      audience: record.audience,
      flashSale: campaign.flashSale,
      audienceLevelNames: names.levels,
      audienceLeaderNames: names.leaders,
      items,
      soldQuantity: sum(record.items.map((i) => i.soldQuantity)),
      duplicatedFromId: campaign.duplicatedFromId,
      createdAt: campaign.createdAt.toISOString(),
      updatedAt: campaign.updatedAt.toISOString(),
    };
  }

  listItem(record: CampaignRecord, skus: SkuMap): CampaignListItem {
    const { campaign, items } = record;
    return {
      id: campaign.id,
      title: campaign.title,
      coverUrl: this.coverUrl(record, skus),
      status: campaign.status,
      startAt: campaign.startAt.toISOString(),
      endAt: campaign.endAt.toISOString(),
      cutoffAt: campaign.cutoffAt.toISOString(),
      pickupDate: campaign.pickupDate,
      audience: campaign.audience,
      flashSale: campaign.flashSale,
      itemCount: items.length,
      soldQuantity: sum(items.map((i) => i.soldQuantity)),
      minGroupPrice: items.length > 0 ? Math.min(...items.map((i) => i.groupPrice)) : 0,
    };
  }

  leaderView(record: CampaignRecord, skus: SkuMap): LeaderCampaignView {
    const { campaign } = record;
    const items = this.buyerItems(record, skus);
    return {
      id: campaign.id,
      title: campaign.title,
      coverUrl: this.coverUrl(record, skus),
      status: campaign.status,
      startAt: campaign.startAt.toISOString(),
      cutoffAt: campaign.cutoffAt.toISOString(),
      pickupDate: campaign.pickupDate,
      itemCount: items.length,
      minGroupPrice: items.length > 0 ? Math.min(...items.map((i) => i.groupPrice)) : 0,
      soldQuantity: sum(items.map((i) => i.soldQuantity)),
    };
  }

  /** The uploaded cover, else an old-style cover URL, else the first item's product image. */
  coverUrl(record: CampaignRecord, skus: SkuMap): string | null {
    if (record.campaign.coverKey) return this.storage.urlFor(record.campaign.coverKey);
    if (record.campaign.coverUrl) return record.campaign.coverUrl;
    for (const item of record.items) {
      const cover = skus.get(item.skuId)?.coverUrl;
      if (cover) return cover;
    }
    return null;
  }
}

export function itemView(item: CampaignItemEntity, sku: SkuDetails | undefined): CampaignItemView {
  return {
    id: item.id,
    skuId: item.skuId,
    productId: sku?.productId ?? 0,
    productName: sku?.productName ?? '（商品已删除）',
    skuName: sku?.specText ?? '',
    imageUrl: sku?.coverUrl ?? null,
    groupPrice: item.groupPrice,
    originalPrice: item.originalPrice,
    perMemberLimit: item.perMemberLimit,
    soldQuantity: item.soldQuantity,
    remaining: isSellable(sku) ? remainingOf({ ...item, available: sku.available }) : 0,
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
