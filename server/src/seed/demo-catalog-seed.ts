import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { newStorageKey, type FileStorage, type RequestContext } from '../platform';
import type { CampaignItemDraft } from '../modules/campaigns';
import { CatalogService, CategoriesService, SuppliersService } from '../modules/catalog';
import { DEMO_CATEGORIES, DEMO_PRODUCTS, DEMO_SUPPLIERS } from './demo-catalog';

/** server/assets/demo, from src/seed (ts) and dist/seed (built) alike. */
export const DEMO_ASSETS_DIR = join(__dirname, '..', '..', 'assets', 'demo');

export interface DemoCatalogDeps {
  catalog: CatalogService;
  categories: CategoriesService;
  suppliers: SuppliersService;
  storage: FileStorage;
}

/**
 * Categories, suppliers and the on-sale products with their pictures (copied into the file storage),
 * initial stock booked as inbound movements, and the bundle. Returns the demo campaign's items and a
 * cover image key.
 */
export async function seedDemoCatalog(
  m: EntityManager,
  ctx: RequestContext,
  deps: DemoCatalogDeps,
  now: Date,
): Promise<{ items: CampaignItemDraft[]; coverKey: string; productCount: number }> {
  const categoryIds = new Map<string, number>();
  for (const [sortOrder, top] of DEMO_CATEGORIES.entries()) {
    const parent = await deps.categories.createWith(m, ctx, { name: top.name, parentId: null, sortOrder });
    categoryIds.set(top.name, parent.id);
    for (const [childOrder, child] of top.children.entries()) {
      const created = await deps.categories.createWith(m, ctx, {
        name: child,
        parentId: parent.id,
        sortOrder: childOrder,
      });
      categoryIds.set(child, created.id);
    }
  }
  const supplierIds = new Map<string, number>();
  for (const { key, ...input } of DEMO_SUPPLIERS) {
    supplierIds.set(key, (await deps.suppliers.createWith(m, ctx, input)).id);
  }

  const items: CampaignItemDraft[] = [];
  const skuIdsByProduct = new Map<string, number[]>();
  const imageKeys = new Map<string, string>();
  for (const product of DEMO_PRODUCTS) {
    const imageKey = await storeAsset(deps.storage, product.image, now);
    imageKeys.set(product.key, imageKey);
    const components = (product.components ?? []).map((c) => {
      const source = DEMO_PRODUCTS.find((p) => p.key === c.product)!;
      const index = source.skus.findIndex((s) => s.specValues.join() === c.specValues.join());
      return { skuId: skuIdsByProduct.get(c.product)![index], quantity: c.quantity };
    });
    const { skuIds } = await deps.catalog.createProductWith(m, ctx, {
      kind: product.components ? 'bundle' : 'standard',
      name: product.name,
      subtitle: product.subtitle,
      description: product.description,
      categoryId: categoryIds.get(product.category) ?? null,
      supplierId: supplierIds.get(product.supplier) ?? null,
      unit: product.unit,
      imageKeys: [imageKey],
      specDimensions: product.specDimensions,
      skus: product.skus.map((sku) => ({
        specValues: sku.specValues,
        price: sku.price,
        cost: sku.cost,
        weightGrams: sku.weightGrams,
        lowStockThreshold: sku.lowStockThreshold,
        initialStock: sku.stock,
      })),
      components: product.components ? components : undefined,
      status: 'on_sale',
    });
    skuIdsByProduct.set(product.key, skuIds);
    product.skus.forEach((sku, i) => {
      if (sku.groupPrice === undefined) return;
      items.push({
        skuId: skuIds[i],
        groupPrice: sku.groupPrice,
        originalPrice: sku.price,
        perMemberLimit: sku.perMemberLimit ?? 0,
        stockCap: null,
      });
    });
  }
  return { items, coverKey: imageKeys.get('lychee')!, productCount: DEMO_PRODUCTS.length };
}

/** Copies a demo picture into the file storage under a fresh key (as an upload would). */
async function storeAsset(storage: FileStorage, file: string, now: Date): Promise<string> {
  const bytes = await readFile(join(DEMO_ASSETS_DIR, file));
  const key = newStorageKey('jpg', now);
  await storage.put(key, bytes, 'image/jpeg');
  return key;
}
