import type { SkuInput } from '@linli/shared-types';

export const BARCODE_MAX = 32;

/** Problems with a SKU row's own fields (Chinese, for people); empty when it is acceptable. */
export function skuProblems(sku: SkuInput): string[] {
  const problems: string[] = [];
  if (!isNonNegativeInt(sku.price)) problems.push('售价必须是非负整数（分）');
  if (!isNonNegativeInt(sku.cost)) problems.push('成本必须是非负整数（分）');
  if (sku.weightGrams !== undefined && !isNonNegativeInt(sku.weightGrams))
    problems.push('重量必须是非负整数（克）');
  if (sku.lowStockThreshold !== undefined && !isNonNegativeInt(sku.lowStockThreshold)) {
    problems.push('低库存阈值必须是非负整数');
  }
  if (sku.initialStock !== undefined && !isNonNegativeInt(sku.initialStock))
    problems.push('初始库存必须是非负整数');
  if (sku.barcode && sku.barcode.trim().length > BARCODE_MAX) problems.push(`条码最多 ${BARCODE_MAX} 个字符`);
  return problems;
}

/** True when stock is at or below the SKU's warning threshold (a threshold of 0 only warns at 0). */
export function isLowStock(sku: { stock: number; lowStockThreshold: number }): boolean {
  return sku.stock <= sku.lowStockThreshold;
}

function isNonNegativeInt(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
