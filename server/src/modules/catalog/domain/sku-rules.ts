import type { Fen } from '@linli/shared-types';

export interface SkuDraft {
  specText: string;
  price: Fen;
  cost: Fen;
  stock: number;
  lowStockThreshold: number;
}

/** Problems with a SKU definition (Chinese, for people); empty when it is acceptable. */
export function skuProblems(sku: SkuDraft): string[] {
  const problems: string[] = [];
  if (sku.specText.trim().length === 0) problems.push('规格不能为空');
  if (!isNonNegativeInt(sku.price)) problems.push('售价必须是非负整数（分）');
  if (!isNonNegativeInt(sku.cost)) problems.push('成本必须是非负整数（分）');
  if (!isNonNegativeInt(sku.stock)) problems.push('库存必须是非负整数');
  if (!isNonNegativeInt(sku.lowStockThreshold)) problems.push('低库存阈值必须是非负整数');
  return problems;
}

/** True when stock is at or below the SKU's warning threshold (a threshold of 0 only warns at 0). */
export function isLowStock(sku: Pick<SkuDraft, 'stock' | 'lowStockThreshold'>): boolean {
  return sku.stock <= sku.lowStockThreshold;
}

function isNonNegativeInt(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
