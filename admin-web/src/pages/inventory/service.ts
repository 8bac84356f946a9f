import {
  MOVEMENT_KIND_LABELS,
  type InventorySkuQuery,
  type InventorySkuView,
  type ManualMovementKind,
  type MovementKind,
  type Paged,
  type StockAdjustmentRequest,
  type StockAdjustmentResult,
  type StockMovementQuery,
  type StockMovementView,
} from '@linli/shared-types';
import { api } from '../../api';

export const inventoryKeys = {
  all: ['inventory'] as const,
  skus: (query: InventorySkuQuery) => ['inventory', 'skus', query] as const,
  movements: (query: StockMovementQuery) => ['inventory', 'movements', query] as const,
};

export function fetchInventorySkus(query: InventorySkuQuery): Promise<Paged<InventorySkuView>> {
  return api.get<Paged<InventorySkuView>>('/api/admin/inventory/skus', { ...query });
}
export function fetchMovements(query: StockMovementQuery): Promise<Paged<StockMovementView>> {
  return api.get<Paged<StockMovementView>>('/api/admin/inventory/movements', { ...query });
}
export function adjustStock(body: StockAdjustmentRequest): Promise<StockAdjustmentResult> {
  return api.post<StockAdjustmentResult>('/api/admin/inventory/adjustments', body);
}
export function setThreshold(skuId: number, lowStockThreshold: number): Promise<InventorySkuView> {
  return api.patch<InventorySkuView>(`/api/admin/inventory/skus/${skuId}/threshold`, { lowStockThreshold });
}

export const MANUAL_KINDS: { value: ManualMovementKind; label: string; hint: string }[] = [
  { value: 'inbound', label: '入库', hint: '收到货物，增加可售库存' },
  { value: 'count', label: '盘点', hint: '按实际清点的数量校正可售库存' },
  { value: 'damage', label: '报损', hint: '损坏、过期等，减少可售库存' },
  { value: 'return', label: '退货入库', hint: '退回的货物重新入库' },
];

export const MOVEMENT_COLORS: Record<MovementKind, string> = {
  inbound: 'green',
  count: 'blue',
  damage: 'red',
  reserve: 'orange',
  release: 'cyan',
  sale: 'purple',
  return: 'geekblue',
};

export const MOVEMENT_KIND_OPTIONS = (Object.entries(MOVEMENT_KIND_LABELS) as [MovementKind, string][]).map(
  ([value, label]) => ({ value, label }),
);

/**
 * What an adjustment will do to the sellable stock, for the modal to show before it is booked:
 * in/return add, damage subtracts (refused past zero), count replaces the stock and books the difference.
 */
export function previewAdjustment(
  kind: ManualMovementKind,
  quantity: number | null,
  stock: number,
): { delta: number; stockAfter: number; problem: string | null } | null {
  if (quantity === null || !Number.isInteger(quantity) || quantity < 0) return null;
  if (kind !== 'count' && quantity === 0) return { delta: 0, stockAfter: stock, problem: '数量至少为 1' };
  const delta = kind === 'count' ? quantity - stock : kind === 'damage' ? -quantity : quantity;
  const stockAfter = stock + delta;
  const problem = stockAfter < 0 ? `报损数量超过可售库存（${stock}）` : null;
  return { delta, stockAfter, problem };
}

/** `+3` / `-2` / `0`: signed quantities in the ledger. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

const DAY_MS = 24 * 3600_000;

/**
 * The movement history's date filter: plain days mean Asia/Shanghai days (the shop's), whatever the
 * browser's zone, so [from 00:00 +08:00, the day after `to` 00:00 +08:00). Shanghai has no DST.
 */
export function shanghaiDayRange(from?: string, to?: string): { from?: string; to?: string } {
  const midnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
  return {
    from: from ? new Date(midnight(from)).toISOString() : undefined,
    to: to ? new Date(midnight(to) + DAY_MS).toISOString() : undefined,
  };
}
