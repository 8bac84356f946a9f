import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BundleComponentView, ProductDetail, SkuView } from '@linli/shared-types';
import { NotFoundError } from '../../platform';
import { CatalogService } from './catalog.service';
import { BundleComponentEntity } from './persistence/bundle-component.entity';
import { CategoryEntity } from './persistence/category.entity';
import { ProductImageEntity } from './persistence/product-image.entity';
import { ProductEntity } from './persistence/product.entity';
import { SkuEntity } from './persistence/sku.entity';
import { SupplierEntity } from './persistence/supplier.entity';

/** Loads the admin's ProductDetail (GET /api/admin/products/:id and every write's answer). */
@Injectable()
export class ProductDetails {
  constructor(private readonly catalog: CatalogService) {}

  async load(m: EntityManager, id: number): Promise<ProductDetail> {
    const product = await m.getRepository(ProductEntity).findOneBy({ id });
    if (!product) throw new NotFoundError('PRODUCT_NOT_FOUND', '商品不存在');
    const [images, skus, category, supplier] = await Promise.all([
      m
        .getRepository(ProductImageEntity)
        .find({ where: { productId: id }, order: { sortOrder: 'ASC', id: 'ASC' } }),
      m.getRepository(SkuEntity).find({ where: { productId: id }, order: { id: 'ASC' } }),
      product.categoryId === null
        ? null
        : m.getRepository(CategoryEntity).findOneBy({ id: product.categoryId }),
      product.supplierId === null
        ? null
        : m.getRepository(SupplierEntity).findOneBy({ id: product.supplierId }),
    ]);
    const availability =
      product.kind === 'bundle'
        ? await this.catalog.bundleAvailabilities(
            m,
            skus.map((s) => s.id),
          )
        : null;
    const views = skus.map((sku): SkuView => ({
      id: sku.id,
      productId: sku.productId,
      specValues: sku.specValues,
      specText: sku.specText,
      price: sku.price,
      cost: sku.cost,
      barcode: sku.barcode,
      weightGrams: sku.weightGrams,
      stock: availability ? (availability.get(sku.id) ?? 0) : sku.stock,
      reserved: availability ? 0 : sku.reserved,
      lowStockThreshold: sku.lowStockThreshold,
      status: sku.status,
    }));
    return {
      id: product.id,
      kind: product.kind,
      name: product.name,
      subtitle: product.subtitle,
      description: product.description,
      categoryId: product.categoryId,
      categoryName: category?.name ?? null,
      supplierId: product.supplierId,
      supplierName: supplier?.name ?? null,
      unit: product.unit,
      status: product.status,
      images: images.map((i) => ({ key: i.storageKey, url: i.url })),
      coverUrl: product.coverUrl,
      specDimensions: product.specDimensions ?? [],
      skus: sortMatrix(views, product.specDimensions ?? []),
      components: product.kind === 'bundle' && skus[0] ? await this.components(m, skus[0].id) : [],
      createdAt: product.createdAt.toISOString(),
      updatedAt: product.updatedAt.toISOString(),
    };
  }

  private async components(m: EntityManager, bundleSkuId: number): Promise<BundleComponentView[]> {
    const rows = await m
      .getRepository(BundleComponentEntity)
      .find({ where: { bundleSkuId }, order: { id: 'ASC' } });
    const details = await this.catalog.getSkuDetails(
      rows.map((r) => r.componentSkuId),
      m,
    );
    return rows.map((r) => {
      const d = details.get(r.componentSkuId);
      return {
        skuId: r.componentSkuId,
        productId: d?.productId ?? 0,
        productName: d?.productName ?? '',
        specText: d?.specText ?? '',
        quantity: r.quantity,
        stock: d?.available ?? 0,
      };
    });
  }
}

/** Active SKUs first in matrix order (dimension value order), then disabled ones by id. */
function sortMatrix(skus: SkuView[], dimensions: ReadonlyArray<{ values: string[] }>): SkuView[] {
  const rank = (sku: SkuView) =>
    sku.specValues.reduce(
      (acc, value, d) => acc * 32 + Math.max(dimensions[d]?.values.indexOf(value) ?? 0, 0),
      0,
    );
  const active = skus.filter((s) => s.status === 'active').sort((a, b) => rank(a) - rank(b) || a.id - b.id);
  return [...active, ...skus.filter((s) => s.status !== 'active')];
}
