import type { PickupPointSummary } from './app';
import type { Fen, IsoDateTime, PageQuery } from './common';
import type { OrderStatus } from './orders';

// ---------------------------------------------------------------------------------------------------
// Fulfillment (issue 7, server core): cut-off waves, demand, purchase lists (采购单), pick lists (拣货单),
// delivery routes (配送线路) and delivery sheets (配送单). Staff endpoints under /api/admin/fulfillment,
// guarded by fulfillment.read (reads, Excel downloads) and fulfillment.write (changes). Design:
// docs/fulfillment.md. Every read that a print page renders answers plain JSON with everything on it
// (names, specs, contacts); `?format=xlsx` on the same URL downloads the Excel file instead.
// ---------------------------------------------------------------------------------------------------

/**
 * A fulfillment wave (波次): one per campaign, recorded by the cut-off job at the campaign's 截单 time,
 * which locks the campaign's paid orders (`locked`). Orders paid after the cut-off (a payment that
 * arrived within the pay deadline) are locked into the same wave by the next sweep.
 */
export interface FulfillmentWaveView {
  id: number;
  campaignId: number;
  campaignTitle: string;
  /** The campaign's 截单 time the wave was cut at. */
  cutoffAt: IsoDateTime;
  /** The 提货日 of the campaign (Asia/Shanghai date). */
  pickupDate: string;
  /** When the cut-off job recorded the wave. */
  lockedAt: IsoDateTime;
  /** Orders of the wave (locked at cut-off or later, not refunded) by status. */
  counts: FulfillmentWaveCounts;
}

export interface FulfillmentWaveCounts {
  /** Locked, not shipped yet (待发货). */
  locked: number;
  shipped: number;
  readyForPickup: number;
  pickedUp: number;
  /** Locked once, refunded since (no longer in the demand). */
  refunded: number;
  /** locked + shipped + readyForPickup + pickedUp: the orders the demand and pick lists count. */
  total: number;
}

/** GET /api/admin/fulfillment/waves?campaignId&page&pageSize → Paged<FulfillmentWaveView>, newest cut-off first. */
export interface FulfillmentWaveQuery extends PageQuery {
  campaignId?: number;
}

/**
 * GET /api/admin/fulfillment/waves/:id → FulfillmentWaveDetail: the board of one wave (404
 * FULFILLMENT_WAVE_NOT_FOUND). `routes` lists every delivery route with the wave's orders on it;
 * `unroutedPoints` the pickup points with orders that no route stops at (they cannot be shipped by route).
 */
export interface FulfillmentWaveDetail extends FulfillmentWaveView {
  purchaseLists: PurchaseListSummary[];
  routes: WaveRouteProgress[];
  unroutedPoints: Array<{
    leaderId: number;
    leaderName: string;
    pickupPointName: string | null;
    orderCount: number;
  }>;
}

export interface WaveRouteProgress {
  routeId: number;
  routeName: string;
  /** Stops of the route with orders in this wave. */
  stopCount: number;
  orderCount: number;
  /** Of those, still locked (not shipped). */
  lockedCount: number;
  /** Last time the route was shipped for this wave, or null. */
  shippedAt: IsoDateTime | null;
}

// ---- Demand ---------------------------------------------------------------------------------------------

/**
 * GET /api/admin/fulfillment/waves/:id/demand → DemandLine[]: units needed per stocked SKU over the wave's
 * orders (locked, shipped, ready, picked up). Bundles (组合套餐) count as their components, with the
 * recipe each order reserved (`orders.stock_lines`), so a recipe edited after the order changes nothing.
 * Sorted by supplier, product, spec.
 */
export interface DemandLine {
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  unit: string;
  supplierId: number | null;
  supplierName: string | null;
  /** Units needed in all. */
  quantity: number;
  /** Of them, ordered as the SKU itself. */
  directQuantity: number;
  /** Of them, components of bundles. */
  bundleQuantity: number;
  /** Orders needing the SKU. */
  orderCount: number;
  /** Sellable stock right now (skus.stock: on hand and held by no order). */
  availableStock: number;
  /** Purchase cost per unit now, fen. */
  unitCost: Fen;
}

// ---- Purchase lists (采购单) ------------------------------------------------------------------------------

/** draft (采购中, editable) → ordered (已下单) → received (已入库). */
export type PurchaseListStatus = 'draft' | 'ordered' | 'received';
export const PURCHASE_LIST_STATUS_LABELS: Record<PurchaseListStatus, string> = {
  draft: '待下单',
  ordered: '已下单',
  received: '已入库',
};

export interface PurchaseListSummary {
  id: number;
  /** CG + yymmdd + wave id + supplier, unique. */
  listNo: string;
  waveId: number;
  supplierId: number | null;
  /** 未指定供应商 when the products have no supplier. */
  supplierName: string;
  status: PurchaseListStatus;
  lineCount: number;
  /** Units to buy in all (Σ line quantity). */
  totalQuantity: number;
  /** Σ quantity × unit cost, fen. */
  totalAmount: Fen;
  orderedAt: IsoDateTime | null;
  receivedAt: IsoDateTime | null;
}

export interface PurchaseListLine {
  skuId: number;
  productName: string;
  specText: string;
  unit: string;
  /** The wave's demand of the SKU when the list was generated. */
  demandQuantity: number;
  /** Sellable stock when the list was generated. */
  stockQuantity: number;
  /** max(0, demand − stock): what the system suggested. */
  suggestedQuantity: number;
  /** What to buy (staff may adjust it while the list is a draft). */
  quantity: number;
  /** Booked into stock when received; null before. */
  receivedQuantity: number | null;
  unitCost: Fen;
  /** quantity × unitCost, fen. */
  lineTotal: Fen;
}

/**
 * GET /api/admin/fulfillment/purchase-lists/:id[?format=xlsx] → PurchaseListDetail (404
 * FULFILLMENT_PURCHASE_LIST_NOT_FOUND). Supplier contact included for the print page.
 */
export interface PurchaseListDetail extends PurchaseListSummary {
  campaignId: number;
  campaignTitle: string;
  pickupDate: string;
  supplierContactName: string | null;
  supplierContactPhone: string | null;
  supplierAddress: string | null;
  lines: PurchaseListLine[];
  createdAt: IsoDateTime;
}

/**
 * POST /api/admin/fulfillment/waves/:id/purchase-lists → PurchaseListSummary[] (fulfillment.write): one
 * list per supplier of the wave's demand, each line max(0, demand − sellable stock) at the SKU's cost;
 * SKUs with nothing to buy are left out and a supplier with nothing to buy gets no list. Idempotent: a
 * supplier that has a list for the wave keeps it (a repeat returns the same lists).
 * GET /api/admin/fulfillment/waves/:id/purchase-lists → PurchaseListSummary[] (fulfillment.read).
 */
export type GeneratePurchaseListsResponse = PurchaseListSummary[];

/**
 * PUT /api/admin/fulfillment/purchase-lists/:id/lines {lines} → PurchaseListDetail: sets the quantity of
 * the named lines (0–1,000,000; 0 = buy none) of a draft list. 409 FULFILLMENT_PURCHASE_LIST_STATUS when
 * it was ordered already, 400 VALIDATION_FAILED for a SKU not on the list.
 */
export interface AdjustPurchaseListRequest {
  /** 1–500 lines. */
  lines: Array<{ skuId: number; quantity: number }>;
}

/**
 * POST /api/admin/fulfillment/purchase-lists/:id/mark-ordered → PurchaseListDetail: draft → ordered
 * (a repeat on an ordered list answers it unchanged; received: 409 FULFILLMENT_PURCHASE_LIST_STATUS).
 *
 * POST /api/admin/fulfillment/purchase-lists/:id/receive {lines?} → PurchaseListDetail: draft/ordered →
 * received; each line's received quantity (default: its quantity) is booked into stock as an `inbound`
 * movement with reason `采购入库 <listNo>` and request key `purchase:<listId>:<skuId>`, in the same
 * transaction. A repeat on a received list answers it unchanged and books nothing.
 */
export interface ReceivePurchaseListRequest {
  /** Received quantities that differ from the list's (0–1,000,000); others arrive as listed. */
  lines?: Array<{ skuId: number; quantity: number }>;
}

// ---- Pick lists (拣货单) ----------------------------------------------------------------------------------

/** One stocked SKU to pick for a pickup point or for the whole wave. */
export interface PickLine {
  skuId: number;
  productName: string;
  specText: string;
  unit: string;
  quantity: number;
  /** The orders behind the quantity (per pickup point lists only; [] on the wave summary). */
  orders: Array<{ orderId: number; orderNo: string; quantity: number }>;
}

/**
 * GET /api/admin/fulfillment/waves/:id/pick-lists[?format=xlsx] → PickList[] (one per pickup point with
 * orders, in route order, then the unrouted ones by leader id); the Excel file has a sheet per point.
 * GET /api/admin/fulfillment/waves/:id/pick-lists/:leaderId[?format=xlsx] → PickList of one point (404
 * FULFILLMENT_PICK_LIST_NOT_FOUND when the point has no orders in the wave).
 * Σ over a point's lines of quantity = Σ over its orders of their stock lines (bundles as components).
 */
export interface PickList {
  waveId: number;
  campaignTitle: string;
  pickupDate: string;
  leaderId: number;
  leaderName: string;
  leaderPhone: string | null;
  pickupPoint: PickupPointSummary | null;
  /** The route stopping here and the stop's position (1-based), or null. */
  route: { routeId: number; routeName: string; seq: number } | null;
  orderCount: number;
  totalQuantity: number;
  lines: PickLine[];
  /** Every order of the point, for the hand-over check: number, buyer, lines as ordered. */
  orders: Array<{
    orderId: number;
    orderNo: string;
    buyerName: string;
    buyerPhoneTail: string | null;
    status: OrderStatus;
    lines: Array<{ productName: string; specText: string; quantity: number }>;
  }>;
}

/**
 * GET /api/admin/fulfillment/waves/:id/pick-summary[?format=xlsx] → PickSummary: the whole warehouse's
 * pick list of the wave (per SKU, all points), with per-point columns for a sorting wall.
 */
export interface PickSummary {
  waveId: number;
  campaignTitle: string;
  pickupDate: string;
  pointCount: number;
  orderCount: number;
  totalQuantity: number;
  lines: Array<PickLine & { byPoint: Array<{ leaderId: number; quantity: number }> }>;
  points: Array<{ leaderId: number; leaderName: string; pickupPointName: string | null }>;
}

// ---- Delivery routes (配送线路) ----------------------------------------------------------------------------

/**
 * A route: an ordered list of pickup points (one per leader; a point is on at most one route) with a
 * driver and a vehicle. Routes are standing data, used by every wave.
 * GET /api/admin/fulfillment/routes → DeliveryRouteView[] (fulfillment.read), by name.
 * GET /api/admin/fulfillment/routes/:id → DeliveryRouteView (404 FULFILLMENT_ROUTE_NOT_FOUND).
 * POST /api/admin/fulfillment/routes DeliveryRouteInput → 201 DeliveryRouteView (fulfillment.write).
 * PUT /api/admin/fulfillment/routes/:id DeliveryRouteInput → DeliveryRouteView (replaces the stops).
 * DELETE /api/admin/fulfillment/routes/:id → 204 (past shipments keep their record).
 * Refusals: 409 FULFILLMENT_ROUTE_NAME_TAKEN, 409 FULFILLMENT_STOP_ON_OTHER_ROUTE (with the other route
 * named), 400 FULFILLMENT_ROUTE_STOP_INVALID (unknown leader or a point twice).
 */
export interface DeliveryRouteInput {
  /** 1–32 characters, unique. */
  name: string;
  /** 1–32 characters. */
  driverName: string;
  /** 11-digit mobile. */
  driverPhone: string;
  /** 车辆 (plate or description), ≤ 32 characters, or null. */
  vehicle?: string | null;
  /** ≤ 200 characters. */
  note?: string | null;
  /** Leader ids (each leader's pickup point) in driving order, 1–200. */
  stops: number[];
}

export interface DeliveryRouteStopView {
  seq: number;
  leaderId: number;
  leaderName: string;
  leaderPhone: string | null;
  pickupPoint: PickupPointSummary | null;
}

export interface DeliveryRouteView {
  id: number;
  name: string;
  driverName: string;
  driverPhone: string;
  vehicle: string | null;
  note: string | null;
  stops: DeliveryRouteStopView[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

// ---- Delivery sheet (配送单) and shipping ------------------------------------------------------------------

/**
 * GET /api/admin/fulfillment/waves/:id/routes/:routeId/delivery-sheet[?format=xlsx] → DeliverySheet: the
 * route's stops in order with the wave's goods for each (stops without orders in the wave are listed
 * with zero counts so the driver sees the whole route). Σ stops' quantities = `totalQuantity`.
 */
export interface DeliverySheet {
  waveId: number;
  campaignTitle: string;
  pickupDate: string;
  route: Omit<DeliveryRouteView, 'stops' | 'createdAt' | 'updatedAt'>;
  /** Last shipment of the route for this wave, or null. */
  shippedAt: IsoDateTime | null;
  stops: Array<{
    seq: number;
    leaderId: number;
    leaderName: string;
    leaderPhone: string | null;
    pickupPoint: PickupPointSummary | null;
    orderCount: number;
    /** Of them, still locked (not shipped). */
    lockedCount: number;
    totalQuantity: number;
    lines: Array<Omit<PickLine, 'orders'>>;
  }>;
  orderCount: number;
  totalQuantity: number;
  /** Per SKU over all stops (what to load). */
  lines: Array<Omit<PickLine, 'orders'>>;
}

/**
 * POST /api/admin/fulfillment/waves/:id/routes/:routeId/ship → ShipRouteResponse (fulfillment.write): the
 * route left: the wave's locked orders at its stops → shipped (conditional per order, timeline entry,
 * outbox `orders.shipped`). A repeat ships only what is still locked (0 the second time).
 */
export interface ShipRouteResponse {
  shipped: number;
  shippedAt: IsoDateTime;
}
