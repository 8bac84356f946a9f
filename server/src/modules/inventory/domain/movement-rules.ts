import type { FieldError, ManualMovementKind, MovementKind } from '@linli/shared-types';

/** How a movement of `quantity` units changes stock and reserved (see the table in shared-types). */
export function deltasOf(
  kind: Exclude<MovementKind, 'count'>,
  quantity: number,
): { stockDelta: number; reservedDelta: number } {
  switch (kind) {
    case 'inbound':
    case 'return':
      return { stockDelta: quantity, reservedDelta: 0 };
    case 'damage':
      return { stockDelta: -quantity, reservedDelta: 0 };
    case 'reserve':
      return { stockDelta: -quantity, reservedDelta: quantity };
    case 'release':
      return { stockDelta: quantity, reservedDelta: -quantity };
    case 'sale':
      return { stockDelta: 0, reservedDelta: -quantity };
  }
}

/**
 * True when a movement takes the stock from above the threshold to at or below it: the low-stock
 * event fires once per crossing, not on every movement while the SKU stays low.
 */
export function crossesLowStock(stockBefore: number, stockAfter: number, threshold: number): boolean {
  return stockBefore > threshold && stockAfter <= threshold;
}

export const REASON_MAX = 200;
export const REQUEST_ID_MAX = 64;
/** One adjustment moves at most this many units (the admin form's bound too). */
export const ADJUST_QUANTITY_MAX = 1_000_000;
/** `skus.stock` never goes above this (an INT column holds 2,147,483,647; reserved adds to it). */
export const STOCK_LIMIT = 2_000_000_000;
/** Width of `stock_movements.request_key`. */
export const REQUEST_KEY_MAX = 96;

/** Problems with a manual adjustment beyond its DTO shape, per field (Chinese, for people). */
export function adjustmentProblems(kind: ManualMovementKind, quantity: number, reason: string): FieldError[] {
  const problems: FieldError[] = [];
  const min = kind === 'count' ? 0 : 1;
  if (!Number.isSafeInteger(quantity) || quantity < min || quantity > ADJUST_QUANTITY_MAX) {
    const what = kind === 'count' ? '盘点数量必须是' : '数量必须是';
    problems.push({ field: 'quantity', errors: [`${what} ${min}–${ADJUST_QUANTITY_MAX} 的整数`] });
  }
  const trimmed = reason.trim();
  if (trimmed.length < 1 || trimmed.length > REASON_MAX) {
    problems.push({ field: 'reason', errors: [`原因需为 1–${REASON_MAX} 个字`] });
  }
  return problems;
}

/**
 * The units a booked manual movement stands for, to tell a retry (same request) from a reused key
 * (different request): the counted stock for a count, the size of the change otherwise.
 */
export function adjustedQuantity(movement: {
  kind: MovementKind;
  stockDelta: number;
  stockAfter: number;
}): number {
  return movement.kind === 'count' ? movement.stockAfter : Math.abs(movement.stockDelta);
}

export interface OrderLine {
  skuId: number;
  quantity: number;
}

/**
 * The stocked SKUs an order's lines take: bundles expand to their components (quantity × component
 * quantity), the same SKU from several lines adds up, sorted by SKU id so concurrent transactions lock
 * rows in the same order (no deadlocks).
 */
export function expandLines(
  lines: readonly OrderLine[],
  bundleComponents: ReadonlyMap<number, ReadonlyArray<{ skuId: number; quantity: number }>>,
): OrderLine[] {
  const totals = new Map<number, number>();
  const add = (skuId: number, quantity: number) => totals.set(skuId, (totals.get(skuId) ?? 0) + quantity);
  for (const line of lines) {
    const components = bundleComponents.get(line.skuId);
    if (components) for (const c of components) add(c.skuId, c.quantity * line.quantity);
    else add(line.skuId, line.quantity);
  }
  return [...totals.entries()].sort(([a], [b]) => a - b).map(([skuId, quantity]) => ({ skuId, quantity }));
}
