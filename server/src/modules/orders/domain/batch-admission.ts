/**
 * Which orders of a batch fit the stock, decided in memory against counters read under lock: the batch
 * writer then books all of them with one UPDATE per hot row instead of one transaction per order. Orders
 * are taken in arrival order; an order fits only whole (every item under its cap, every stocked SKU
 * with enough stock), so a later, smaller order may fit where an earlier, larger one did not.
 */

export interface ItemCounter {
  itemId: number;
  soldQuantity: number;
  /** null = only the SKU's stock limits it. */
  stockCap: number | null;
}

export interface SkuCounter {
  skuId: number;
  stock: number;
  reserved: number;
}

export interface OrderDemand {
  /** Campaign item lines (the campaign's counters). */
  items: ReadonlyArray<{ itemId: number; quantity: number }>;
  /** Stocked SKU lines (bundles already expanded into their components). */
  stock: ReadonlyArray<{ skuId: number; quantity: number }>;
}

/** One stock change of an admitted order, with the counters right after it (for the ledger). */
export interface StockStep {
  skuId: number;
  quantity: number;
  stockAfter: number;
  reservedAfter: number;
}

export type Admission =
  | { admitted: true; steps: StockStep[] }
  | { admitted: false; reason: 'cap'; itemId: number; left: number }
  | { admitted: false; reason: 'stock'; skuId: number; left: number };

export interface BatchAdmission {
  /** One entry per order, in the order given. */
  orders: Admission[];
  /** Counters after every admitted order. */
  items: Map<number, ItemCounter>;
  skus: Map<number, SkuCounter>;
}

export function admitBatch(
  demands: readonly OrderDemand[],
  items: readonly ItemCounter[],
  skus: readonly SkuCounter[],
): BatchAdmission {
  const itemState = new Map(items.map((i) => [i.itemId, { ...i }]));
  const skuState = new Map(skus.map((s) => [s.skuId, { ...s }]));
  const orders = demands.map((demand): Admission => {
    for (const [itemId, quantity] of summed(demand.items, (l) => l.itemId)) {
      const item = itemState.get(itemId);
      const left = item ? capLeft(item) : 0;
      if (quantity > left) return { admitted: false, reason: 'cap', itemId, left };
    }
    for (const [skuId, quantity] of summed(demand.stock, (l) => l.skuId)) {
      const left = skuState.get(skuId)?.stock ?? 0;
      if (quantity > left) return { admitted: false, reason: 'stock', skuId, left };
    }
    for (const [itemId, quantity] of summed(demand.items, (l) => l.itemId)) {
      itemState.get(itemId)!.soldQuantity += quantity;
    }
    const steps: StockStep[] = [];
    for (const [skuId, quantity] of summed(demand.stock, (l) => l.skuId)) {
      const sku = skuState.get(skuId)!;
      sku.stock -= quantity;
      sku.reserved += quantity;
      steps.push({ skuId, quantity, stockAfter: sku.stock, reservedAfter: sku.reserved });
    }
    return { admitted: true, steps };
  });
  return { orders, items: itemState, skus: skuState };
}

function capLeft(item: ItemCounter): number {
  return item.stockCap === null ? Number.MAX_SAFE_INTEGER : Math.max(0, item.stockCap - item.soldQuantity);
}

/** Quantities added up per key, keys in ascending order (the lock order everywhere). */
function summed<T>(
  lines: ReadonlyArray<T & { quantity: number }>,
  keyOf: (line: T) => number,
): Array<[number, number]> {
  const totals = new Map<number, number>();
  for (const line of lines) totals.set(keyOf(line), (totals.get(keyOf(line)) ?? 0) + line.quantity);
  return [...totals.entries()].sort(([a], [b]) => a - b);
}
