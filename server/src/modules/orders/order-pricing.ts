import type { OrderLineInput } from '@linli/shared-types';
import {
  priceCampaignLines,
  type OrderingCampaign,
  type OrderingItem,
  type PricingResult,
} from '../campaigns';

export const CLOSED_MESSAGES = {
  not_live: '该团购已结束',
  not_started: '该团购还没开始',
  cut_off: '该团购已截单',
} as const;

export function closedMessage(reason: keyof typeof CLOSED_MESSAGES): string {
  return CLOSED_MESSAGES[reason];
}

/** Prices an order's lines against a campaign snapshot (the campaigns context's rules). */
export function priceOrder(
  campaign: Pick<OrderingCampaign, 'status' | 'startAt' | 'cutoffAt' | 'endAt' | 'items'>,
  lines: readonly OrderLineInput[],
  now: Date,
  held: ReadonlyMap<number, number> = new Map(),
): PricingResult {
  return priceCampaignLines({
    campaign,
    now,
    items: campaign.items.map((i: OrderingItem) => ({
      itemId: i.itemId,
      skuId: i.skuId,
      groupPrice: i.groupPrice,
      perMemberLimit: i.perMemberLimit,
      stockCap: i.stockCap,
      soldQuantity: i.soldQuantity,
      available: i.available,
      sellable: i.sellable,
    })),
    lines,
    priorQuantities: held,
  });
}

/** `海南香蕉（5斤装）`; a product without spec dimensions has one SKU named 默认, not worth saying. */
export function itemLabel(item: Pick<OrderingItem, 'productName' | 'specText'>): string {
  return item.specText && item.specText !== '默认'
    ? `${item.productName}（${item.specText}）`
    : item.productName;
}
