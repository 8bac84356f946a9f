import { EntityManager } from 'typeorm';
import { BusinessError } from '../../platform';
import type { SkuEntity } from './persistence/sku.entity';

/**
 * A SKU whose combination leaves the matrix is disabled, and a disabled SKU is invisible to the stock
 * table and to buyers. So it may only go when nothing depends on it: no sellable stock (it would vanish
 * from the books), nothing reserved by orders, and no active bundle built from it. Throws 409
 * SKU_STILL_IN_USE with one Chinese sentence per refused SKU; changes nothing.
 */
export async function assertRetirable(m: EntityManager, skus: readonly SkuEntity[]): Promise<void> {
  if (skus.length === 0) return;
  const bundles = await bundlesUsing(
    m,
    skus.map((s) => s.id),
  );
  const errors = skus.flatMap((sku) => {
    const name = `「${sku.specText}」`;
    const problems: string[] = [];
    if (sku.stock > 0) problems.push(`${name}仍有库存 ${sku.stock} 件，请先盘点清零再删除`);
    if (sku.reserved > 0) problems.push(`${name}有 ${sku.reserved} 件被订单占用，请等订单完成或取消后再删除`);
    const names = bundles.get(sku.id);
    if (names) problems.push(`${name}是组合套餐「${names.join('」「')}」的组成商品，请先从套餐中移除`);
    return problems;
  });
  if (errors.length > 0) {
    throw new BusinessError('SKU_STILL_IN_USE', '要删除的规格仍有库存或正在使用，不能删除', 409, [
      { field: 'skus', errors },
    ]);
  }
}

/** Component SKU id → names of the products whose ACTIVE bundle SKU contains it. */
async function bundlesUsing(m: EntityManager, skuIds: readonly number[]): Promise<Map<number, string[]>> {
  const rows = await m
    .createQueryBuilder()
    .select(['b.component_sku_id AS skuId', 'p.name AS name'])
    .from('bundle_components', 'b')
    .innerJoin('skus', 's', 's.id = b.bundle_sku_id')
    .innerJoin('products', 'p', 'p.id = s.product_id')
    .where('b.component_sku_id IN (:...ids)', { ids: [...skuIds] })
    .andWhere("s.status = 'active'")
    .orderBy('p.id', 'ASC')
    .getRawMany<{ skuId: number | string; name: string }>();
  const result = new Map<number, string[]>();
  for (const row of rows) {
    const list = result.get(Number(row.skuId)) ?? [];
    list.push(row.name);
    result.set(Number(row.skuId), list);
  }
  return result;
}
