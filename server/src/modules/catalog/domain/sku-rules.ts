import type { SkuInput } from '@linli/shared-types';

export const BARCODE_MAX = 32;
/** ¥1,000,000 in fen: the admin form's 999,999.99 元 fits, a typo of extra zeros does not. */
export const PRICE_MAX = 100_000_000;
/** Grams, thresholds and opening stock (the admin form's bound too). */
export const QUANTITY_MAX = 1_000_000;

/** Problems with a SKU row's own fields (Chinese, for people); empty when it is acceptable. */
export function skuProblems(sku: SkuInput): string[] {
  const problems: string[] = [];
  if (!isNonNegativeInt(sku.price, PRICE_MAX)) problems.push('售价必须是非负整数（分），最高 100 万元');
  if (!isNonNegativeInt(sku.cost, PRICE_MAX)) problems.push('成本必须是非负整数（分），最高 100 万元');
  if (sku.weightGrams !== undefined && !isNonNegativeInt(sku.weightGrams, QUANTITY_MAX))
    problems.push('重量必须是 0–1000000 的整数（克）');
  if (sku.lowStockThreshold !== undefined && !isNonNegativeInt(sku.lowStockThreshold, QUANTITY_MAX)) {
    problems.push('低库存阈值必须是 0–1000000 的整数');
  }
  if (sku.initialStock !== undefined && !isNonNegativeInt(sku.initialStock, QUANTITY_MAX))
    problems.push('初始库存必须是 0–1000000 的整数');
  if (sku.barcode && sku.barcode.trim().length > BARCODE_MAX) problems.push(`条码最多 ${BARCODE_MAX} 个字符`);
  return problems;
}

/** True when stock is at or below the SKU's warning threshold (a threshold of 0 only warns at 0). */
export function isLowStock(sku: { stock: number; lowStockThreshold: number }): boolean {
  return sku.stock <= sku.lowStockThreshold;
}

function isNonNegativeInt(n: number, max: number): boolean {
  return Number.isSafeInteger(n) && n >= 0 && n <= max;
}
