import type { CampaignStatus, Fen } from '@linli/shared-types';

/** Most units of one item a single order line may ask for (a typo guard, not a business limit). */
export const MAX_LINE_QUANTITY = 999;

/** A campaign item with what pricing needs to know about its SKU right now. */
export interface PricingItem {
  itemId: number;
  skuId: number;
  groupPrice: Fen;
  /** 0 = no limit. */
  perMemberLimit: number;
  stockCap: number | null;
  soldQuantity: number;
  /** Sellable stock of the SKU (for a bundle: its availability over the components). */
  available: number;
  /** The product is on sale and the SKU active. */
  sellable: boolean;
}

export interface CartLine {
  itemId: number;
  quantity: number;
}

export interface PricedLine {
  itemId: number;
  skuId: number;
  quantity: number;
  unitPrice: Fen;
  lineTotal: Fen;
}

export type LineProblemKind =
  'quantity_invalid' | 'item_unknown' | 'not_sellable' | 'sold_out' | 'insufficient_stock' | 'over_limit';

export interface LineProblem {
  /** Index of the cart line. */
  index: number;
  itemId: number;
  kind: LineProblemKind;
  message: string;
}

export type CampaignClosedReason = 'not_live' | 'not_started' | 'cut_off';

export interface PricingResult {
  /** Nothing may be ordered when set; lines are still priced for display. */
  closed: CampaignClosedReason | null;
  lines: PricedLine[];
  total: Fen;
  problems: LineProblem[];
  /** Orderable as asked: open, and no line problems. */
  ok: boolean;
}

/** Units still for sale: the SKU's sellable stock, and under a cap what the cap leaves. Never negative. */
export function remainingOf(item: {
  stockCap: number | null;
  soldQuantity: number;
  available: number;
}): number {
  const byCap = item.stockCap === null ? Number.POSITIVE_INFINITY : item.stockCap - item.soldQuantity;
  return Math.max(0, Math.min(item.available, byCap));
}

/**
 * Prices cart lines of ONE campaign at `now`: group price × quantity per line, and every reason the
 * lines cannot be ordered as asked. Quantities of repeated lines for the same item add up; the
 * per-member limit counts what the member already ordered in this campaign (`priorQuantities` by item).
 * Orders are taken while live, from start until the cut-off (截单).
 */
export function priceCampaignLines(input: {
  campaign: { status: CampaignStatus; startAt: Date; cutoffAt: Date; endAt: Date };
  now: Date;
  items: readonly PricingItem[];
  lines: readonly CartLine[];
  priorQuantities?: ReadonlyMap<number, number>;
}): PricingResult {
  const { campaign, now } = input;
  const closed = closedReason(campaign, now);
  const byId = new Map(input.items.map((item) => [item.itemId, item]));
  const askedSoFar = new Map<number, number>();
  const lines: PricedLine[] = [];
  const problems: LineProblem[] = [];
  let total = 0;

  input.lines.forEach((line, index) => {
    const problem = (kind: LineProblemKind, message: string) =>
      problems.push({ index, itemId: line.itemId, kind, message });
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_LINE_QUANTITY) {
      return problem('quantity_invalid', `购买数量需为 1–${MAX_LINE_QUANTITY} 的整数`);
    }
    const item = byId.get(line.itemId);
    if (!item) return problem('item_unknown', '该商品不在本次团购中');
    const asked = (askedSoFar.get(item.itemId) ?? 0) + line.quantity;
    askedSoFar.set(item.itemId, asked);
    const lineTotal = item.groupPrice * line.quantity;
    lines.push({
      itemId: item.itemId,
      skuId: item.skuId,
      quantity: line.quantity,
      unitPrice: item.groupPrice,
      lineTotal,
    });
    total += lineTotal;

    if (!item.sellable) return problem('not_sellable', '该商品已下架');
    const remaining = remainingOf(item);
    if (remaining === 0) return problem('sold_out', '已抢光');
    if (asked > remaining) return problem('insufficient_stock', `库存不足，仅剩 ${remaining} 件`);
    if (item.perMemberLimit > 0) {
      const prior = input.priorQuantities?.get(item.itemId) ?? 0;
      const left = Math.max(0, item.perMemberLimit - prior);
      if (asked > left) {
        return problem(
          'over_limit',
          left === 0
            ? `每人限购 ${item.perMemberLimit} 件，您已买满`
            : `每人限购 ${item.perMemberLimit} 件，您还可购买 ${left} 件`,
        );
      }
    }
  });

  if (!Number.isSafeInteger(total)) throw new RangeError('order total exceeds the safe integer range');
  return { closed, lines, total, problems, ok: closed === null && problems.length === 0 && lines.length > 0 };
}

function closedReason(
  campaign: { status: CampaignStatus; startAt: Date; cutoffAt: Date; endAt: Date },
  now: Date,
): CampaignClosedReason | null {
  if (campaign.status !== 'live' || now >= campaign.endAt) return 'not_live';
  if (now < campaign.startAt) return 'not_started';
  if (now >= campaign.cutoffAt) return 'cut_off';
  return null;
}
