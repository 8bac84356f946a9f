import type { IsoDateTime, PageQuery } from './common';

/**
 * Inventory (issue 4). A SKU has `stock` (sellable now) and `reserved` (held by orders not yet handed
 * over). Both change only through atomic conditional updates, and every change appends a movement to
 * the ledger (`stock_movements`, never updated or deleted): SUM(stockDelta) = stock and
 * SUM(reservedDelta) = reserved for every SKU, always. On hand in the warehouse = stock + reserved.
 *
 * | kind      | stockDelta | reservedDelta | when                                                   |
 * |-----------|-----------:|--------------:|--------------------------------------------------------|
 * | inbound   |        +q  |             0 | 入库: goods received (also a new SKU's initial stock)   |
 * | count     |        ±d  |             0 | 盘点: counted quantity replaces the sellable stock      |
 * | damage    |        −q  |             0 | 报损                                                     |
 * | reserve   |        −q  |           +q  | an order is placed (orders issue)                        |
 * | release   |        +q  |           −q  | an unpaid order closes / an order is cancelled           |
 * | sale      |         0  |           −q  | reserved goods leave (shipped / picked up)              |
 * | return    |        +q  |             0 | returned goods booked back (after-sales)                |
 *
 * Bundles hold no stock: their movements are written on the component SKUs (quantity × component qty).
 */
export const MovementKind = {
  INBOUND: 'inbound',
  COUNT: 'count',
  DAMAGE: 'damage',
  RESERVE: 'reserve',
  RELEASE: 'release',
  SALE: 'sale',
  RETURN: 'return',
} as const;
export type MovementKind = (typeof MovementKind)[keyof typeof MovementKind];
export const MOVEMENT_KIND_LABELS: Record<MovementKind, string> = {
  inbound: '入库',
  count: '盘点',
  damage: '报损',
  reserve: '下单占用',
  release: '释放占用',
  sale: '出库',
  return: '退货入库',
};

/** Kinds staff book by hand from the admin web; the others come from orders and after-sales. */
export type ManualMovementKind = 'inbound' | 'count' | 'damage' | 'return';

/**
 * POST /api/admin/inventory/adjustments → StockAdjustmentResult (201).
 * - inbound / damage / return: `quantity` ≥ 1 units in or out;
 * - count: `quantity` ≥ 0 is the counted sellable stock; the movement books the difference (0 difference
 *   still records the count).
 * Damage beyond the sellable stock is refused (409 INVENTORY_INSUFFICIENT_STOCK) and changes nothing.
 * A bundle SKU cannot be adjusted (400 INVENTORY_BUNDLE_NOT_STOCKED). `reason` 1–200 chars is required.
 * `requestId` (optional, ≤ 64 chars) makes a retry idempotent: the same id returns the first result.
 */
export interface StockAdjustmentRequest {
  skuId: number;
  kind: ManualMovementKind;
  quantity: number;
  reason: string;
  requestId?: string;
}
export interface StockAdjustmentResult {
  movement: StockMovementView;
  sku: InventorySkuView;
}

export interface StockMovementView {
  id: number;
  skuId: number;
  productName: string;
  specText: string;
  kind: MovementKind;
  stockDelta: number;
  reservedDelta: number;
  stockAfter: number;
  reservedAfter: number;
  reason: string | null;
  orderId: number | null;
  /** 'staff' | 'member' | 'system' */
  actorType: string;
  actorId: number | null;
  /** Staff name / member nickname / 系统. */
  actorName: string;
  createdAt: IsoDateTime;
}

/** GET /api/admin/inventory/movements?skuId&productId&kind&from&to&page&pageSize → Paged<StockMovementView>, newest first. */
export interface StockMovementQuery extends PageQuery {
  skuId?: number;
  productId?: number;
  kind?: MovementKind;
  /** ISO date-times, inclusive from / exclusive to. */
  from?: IsoDateTime;
  to?: IsoDateTime;
}

/**
 * GET /api/admin/inventory/skus?keyword&categoryId&supplierId&lowStock&page&pageSize → Paged<InventorySkuView>:
 * the stock table (active SKUs of standard products). `lowStock=true` lists only SKUs at or below their
 * threshold, lowest stock first (the 低库存 list).
 */
export interface InventorySkuQuery extends PageQuery {
  keyword?: string;
  categoryId?: number;
  supplierId?: number;
  lowStock?: boolean;
}
export interface InventorySkuView {
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  coverUrl: string | null;
  barcode: string | null;
  stock: number;
  reserved: number;
  lowStockThreshold: number;
  isLowStock: boolean;
  /** Cost × (stock + reserved), fen: what the goods on hand are worth. */
  stockValue: number;
  updatedAt: IsoDateTime;
}

/** PATCH /api/admin/inventory/skus/:skuId/threshold {lowStockThreshold} → InventorySkuView. */
export interface LowStockThresholdChange {
  lowStockThreshold: number;
}

/**
 * Outbox event `inventory.low_stock` (aggregate 'sku'), published when a movement takes a SKU's stock
 * from above its threshold to at or below it (once per crossing, not on every movement below it).
 */
export interface LowStockEventPayload {
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  stock: number;
  lowStockThreshold: number;
  movementId: number;
}
