import type { BundleComponentInput, FieldError, ProductKind, ProductStatus } from '@linli/shared-types';

export const BUNDLE_COMPONENT_MAX_QUANTITY = 99;
export const BUNDLE_MIN_UNITS = 2;

/** What the rules need to know about a chosen component SKU (undefined = no such SKU). */
export interface ComponentFacts {
  productKind: ProductKind;
  /** A draft is not ready to sell, so it cannot be sold inside a bundle either. */
  productStatus: ProductStatus;
  status: 'active' | 'disabled';
}

/**
 * Problems with a bundle's components: ≥ 2 units in total, each SKU once, quantity 1–99, an active
 * standard SKU of a product that is not a draft (no nested bundles), and not the bundle itself.
 */
export function bundleProblems(
  components: readonly BundleComponentInput[],
  facts: ReadonlyMap<number, ComponentFacts>,
  ownSkuId: number | null = null,
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<number>();
  components.forEach((component, i) => {
    const errors: string[] = [];
    const fact = facts.get(component.skuId);
    if (component.skuId === ownSkuId) errors.push('组合套餐不能包含自己');
    else if (!fact) errors.push('商品规格不存在');
    else if (fact.productKind === 'bundle') errors.push('组合套餐不能再包含组合套餐');
    else if (fact.status !== 'active') errors.push('该规格已停用');
    else if (fact.productStatus === 'draft') errors.push('草稿商品不能加入组合套餐，请先上架该商品');
    if (seen.has(component.skuId)) errors.push('同一规格只能添加一次，请修改数量');
    seen.add(component.skuId);
    if (
      !Number.isInteger(component.quantity) ||
      component.quantity < 1 ||
      component.quantity > BUNDLE_COMPONENT_MAX_QUANTITY
    ) {
      errors.push(`数量需为 1–${BUNDLE_COMPONENT_MAX_QUANTITY}`);
    }
    if (errors.length > 0) problems.push({ field: `components.${i}`, errors });
  });
  const units = components.reduce((sum, c) => sum + (Number.isInteger(c.quantity) ? c.quantity : 0), 0);
  if (units < BUNDLE_MIN_UNITS) {
    problems.push({ field: 'components', errors: [`组合套餐至少包含 ${BUNDLE_MIN_UNITS} 件商品`] });
  }
  return problems;
}

export interface ComponentStock {
  quantity: number;
  stock: number;
  status: 'active' | 'disabled';
  /** The component's product must be on sale: a bundle cannot sell what buyers cannot buy. */
  productStatus: ProductStatus;
}

/**
 * Bundles sellable now: the minimum over components of floor(stock / quantity); 0 if any is unusable
 * (disabled SKU, or its product is not on sale).
 */
export function bundleAvailability(components: readonly ComponentStock[]): number {
  if (components.length === 0) return 0;
  let available = Number.MAX_SAFE_INTEGER;
  for (const c of components) {
    if (c.status !== 'active' || c.productStatus !== 'on_sale' || c.quantity < 1) return 0;
    available = Math.min(available, Math.floor(Math.max(c.stock, 0) / c.quantity));
  }
  return available;
}
