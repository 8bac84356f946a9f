/**
 * Pure rules of fulfillment: what a wave needs per stocked SKU, what to buy, what to pick per pickup
 * point. Inputs are plain order facts; bundles arrive already expanded into their components (the
 * `stockLines` each order reserved), so a recipe edited after the order changes nothing.
 */

export interface QuantityLine {
  skuId: number;
  quantity: number;
}

/** An order of a wave, as the rules need it. */
export interface DemandOrder {
  id: number;
  orderNo: string;
  leaderId: number;
  /** Lines as ordered: a standard SKU or a bundle SKU each. */
  lines: QuantityLine[];
  /** Stocked SKUs it reserved (bundles expanded, the same SKU added up). */
  stockLines: QuantityLine[];
}

export interface DemandTotal {
  skuId: number;
  quantity: number;
  /** Ordered as the SKU itself. */
  directQuantity: number;
  /** As a component of bundles. */
  bundleQuantity: number;
  orderCount: number;
}

/**
 * Units needed per stocked SKU over the orders, in SKU id order. A line whose SKU is among the order's
 * stock lines was ordered directly; the rest of a stock line's units came from bundles.
 */
export function aggregateDemand(orders: readonly DemandOrder[]): DemandTotal[] {
  const totals = new Map<number, DemandTotal>();
  for (const order of orders) {
    const stocked = new Map<number, number>();
    for (const line of order.stockLines)
      stocked.set(line.skuId, (stocked.get(line.skuId) ?? 0) + line.quantity);
    const direct = new Map<number, number>();
    for (const line of order.lines) {
      if (stocked.has(line.skuId)) direct.set(line.skuId, (direct.get(line.skuId) ?? 0) + line.quantity);
    }
    for (const [skuId, quantity] of stocked) {
      const total = totals.get(skuId) ?? {
        skuId,
        quantity: 0,
        directQuantity: 0,
        bundleQuantity: 0,
        orderCount: 0,
      };
      const own = Math.min(direct.get(skuId) ?? 0, quantity);
      total.quantity += quantity;
      total.directQuantity += own;
      total.bundleQuantity += quantity - own;
      total.orderCount += 1;
      totals.set(skuId, total);
    }
  }
  return [...totals.values()].sort((a, b) => a.skuId - b.skuId);
}

/** What to buy of a SKU: the demand the sellable stock does not cover, never negative. */
export function purchaseQuantity(demand: number, availableStock: number): number {
  return Math.max(0, demand - Math.max(0, availableStock));
}

export interface PurchasePlanLine {
  skuId: number;
  supplierKey: number;
  demandQuantity: number;
  stockQuantity: number;
  suggestedQuantity: number;
  unitCost: number;
}

/**
 * The purchase lines per supplier (key 0 = no supplier): one line per SKU with something to buy; a
 * supplier with nothing to buy has no entry.
 */
export function planPurchases(
  demand: readonly DemandTotal[],
  skus: ReadonlyMap<number, { supplierKey: number; stock: number; unitCost: number }>,
): Map<number, PurchasePlanLine[]> {
  const plan = new Map<number, PurchasePlanLine[]>();
  for (const total of demand) {
    const sku = skus.get(total.skuId);
    const stock = sku?.stock ?? 0;
    const suggested = purchaseQuantity(total.quantity, stock);
    if (suggested === 0) continue;
    const supplierKey = sku?.supplierKey ?? 0;
    const lines = plan.get(supplierKey) ?? [];
    lines.push({
      skuId: total.skuId,
      supplierKey,
      demandQuantity: total.quantity,
      stockQuantity: Math.max(0, stock),
      suggestedQuantity: suggested,
      unitCost: sku?.unitCost ?? 0,
    });
    plan.set(supplierKey, lines);
  }
  return plan;
}

export interface PickTotal {
  skuId: number;
  quantity: number;
  orders: Array<{ orderId: number; orderNo: string; quantity: number }>;
}

/** Per stocked SKU (id order): the units to pick for these orders and the orders behind them (id order). */
export function pickTotals(orders: readonly DemandOrder[]): PickTotal[] {
  const totals = new Map<number, PickTotal>();
  for (const order of [...orders].sort((a, b) => a.id - b.id)) {
    const stocked = new Map<number, number>();
    for (const line of order.stockLines)
      stocked.set(line.skuId, (stocked.get(line.skuId) ?? 0) + line.quantity);
    for (const [skuId, quantity] of stocked) {
      const total = totals.get(skuId) ?? { skuId, quantity: 0, orders: [] };
      total.quantity += quantity;
      total.orders.push({ orderId: order.id, orderNo: order.orderNo, quantity });
      totals.set(skuId, total);
    }
  }
  return [...totals.values()].sort((a, b) => a.skuId - b.skuId);
}

/** Orders grouped by pickup point (leader), keeping their order. */
export function byPickupPoint<T extends { leaderId: number }>(orders: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const order of orders) {
    const list = groups.get(order.leaderId) ?? [];
    list.push(order);
    groups.set(order.leaderId, list);
  }
  return groups;
}

/** Σ of the quantities of lines. */
export function sumQuantity(lines: ReadonlyArray<{ quantity: number }>): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/**
 * Problems with a route's stops (leader ids in driving order): empty, too many, or a point twice.
 * Chinese messages for the 400 answer.
 */
export function routeStopProblems(stops: readonly number[], max: number): string[] {
  const problems: string[] = [];
  if (stops.length === 0) problems.push('至少需要一个自提点');
  if (stops.length > max) problems.push(`一条线路最多 ${max} 个自提点`);
  if (new Set(stops).size !== stops.length) problems.push('同一个自提点不能在线路中出现两次');
  return problems;
}
