import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type {
  Fen,
  ProductImageView,
  ProductInput,
  ProductKind,
  ProductStatus,
  SpecDimension,
} from '@linli/shared-types';
import { RequestContext } from '../../platform';
import { bundleAvailability } from './domain/bundle-rules';
import { BundleComponentEntity } from './persistence/bundle-component.entity';
import { CategoryEntity } from './persistence/category.entity';
import { ProductImageEntity } from './persistence/product-image.entity';
import { ProductEntity } from './persistence/product.entity';
import { SkuEntity } from './persistence/sku.entity';
import { SupplierEntity } from './persistence/supplier.entity';
import { ProductWriter } from './product-writer';

/** What other contexts (campaigns, orders) need to show, price and sell a SKU. */
export interface SkuDetails {
  skuId: number;
  productId: number;
  productName: string;
  productKind: ProductKind;
  productStatus: ProductStatus;
  skuStatus: 'active' | 'disabled';
  specText: string;
  specValues: string[];
  coverUrl: string | null;
  price: Fen;
  cost: Fen;
  /** Sellable now (0 for a disabled SKU); bundles: min over components of floor(stock / quantity). */
  available: number;
}

/** What commission needs of a sold SKU: the product, its category path and today's cost. */
export interface SkuCommissionFacts {
  skuId: number;
  productId: number;
  /** The product's category first, then its parent; empty without a category. */
  categoryIds: number[];
  cost: Fen;
}

/** What purchasing and picking need of a stocked SKU: names, unit, supplier, cost and stock now. */
export interface SkuSupplyFacts {
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  unit: string;
  supplierId: number | null;
  cost: Fen;
  /** Sellable stock now (skus.stock). */
  stock: number;
}

/** A supplier's name and contact (purchase lists print them). */
export interface SupplierContact {
  id: number;
  name: string;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
}

/** A product as a buyer's product page shows it. */
export interface ProductPage {
  productId: number;
  name: string;
  subtitle: string | null;
  description: string | null;
  unit: string;
  kind: ProductKind;
  status: ProductStatus;
  images: ProductImageView[];
  specDimensions: SpecDimension[];
  bundleContents: Array<{ productName: string; specText: string; quantity: number }>;
}

/** A product to create in the caller's transaction (the seed): the admin input plus a status. */
export type NewProduct = ProductInput & { status?: ProductStatus };

/** The catalog's surface for other contexts. Admin screens go through ProductsService. */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: ProductWriter,
  ) {}

  /**
   * Creates a product with its SKUs (initial stock booked as inbound movements) in the caller's
   * transaction, audited. `skuIds` follow the order of `input.skus`.
   */
  createProductWith(
    manager: EntityManager,
    ctx: RequestContext,
    input: NewProduct,
  ): Promise<{ productId: number; skuIds: number[] }> {
    return this.writer.create(manager, ctx, input, input.status ?? 'draft');
  }

  async getSkuDetails(
    skuIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, SkuDetails>> {
    const result = new Map<number, SkuDetails>();
    if (skuIds.length === 0) return result;
    const skus = await manager.getRepository(SkuEntity).findBy({ id: In([...new Set(skuIds)]) });
    const products = await manager
      .getRepository(ProductEntity)
      .findBy({ id: In([...new Set(skus.map((s) => s.productId))]) });
    const productById = new Map(products.map((p) => [p.id, p]));
    const bundleSkuIds = skus.filter((s) => productById.get(s.productId)?.kind === 'bundle').map((s) => s.id);
    const availability = await this.bundleAvailabilities(manager, bundleSkuIds);
    for (const sku of skus) {
      const product = productById.get(sku.productId);
      if (!product) continue;
      const own = sku.status === 'active' ? sku.stock : 0;
      result.set(sku.id, {
        skuId: sku.id,
        productId: product.id,
        productName: product.name,
        productKind: product.kind,
        productStatus: product.status,
        skuStatus: sku.status,
        specText: sku.specText,
        specValues: sku.specValues,
        coverUrl: product.coverUrl,
        price: sku.price,
        cost: sku.cost,
        available:
          product.kind === 'bundle' ? (sku.status === 'active' ? (availability.get(sku.id) ?? 0) : 0) : own,
      });
    }
    return result;
  }

  /** Supply facts of SKUs by id (unknown ids are left out). */
  async skuSupplyFacts(
    skuIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, SkuSupplyFacts>> {
    const result = new Map<number, SkuSupplyFacts>();
    if (skuIds.length === 0) return result;
    const skus = await manager.getRepository(SkuEntity).findBy({ id: In([...new Set(skuIds)]) });
    const products = await manager
      .getRepository(ProductEntity)
      .findBy({ id: In([...new Set(skus.map((s) => s.productId))]) });
    const productById = new Map(products.map((p) => [p.id, p]));
    for (const sku of skus) {
      const product = productById.get(sku.productId);
      result.set(sku.id, {
        skuId: sku.id,
        productId: sku.productId,
        productName: product?.name ?? '（商品已删除）',
        specText: sku.specText,
        unit: product?.unit ?? '份',
        supplierId: product?.supplierId ?? null,
        cost: sku.cost,
        stock: sku.stock,
      });
    }
    return result;
  }

  /** Suppliers by id, with their contact. */
  async supplierContacts(
    supplierIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, SupplierContact>> {
    if (supplierIds.length === 0) return new Map();
    const rows = await manager.getRepository(SupplierEntity).findBy({ id: In([...new Set(supplierIds)]) });
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          name: r.name,
          contactName: r.contactName,
          contactPhone: r.contactPhone,
          address: r.address,
        },
      ]),
    );
  }

  /** Which of these products and categories exist (commission rule overrides name them). */
  async existingIds(
    ids: { productIds: readonly number[]; categoryIds: readonly number[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ productIds: Set<number>; categoryIds: Set<number> }> {
    const [products, categories] = await Promise.all([
      ids.productIds.length === 0
        ? []
        : manager
            .getRepository(ProductEntity)
            .find({ select: { id: true }, where: { id: In([...ids.productIds]) } }),
      ids.categoryIds.length === 0
        ? []
        : manager
            .getRepository(CategoryEntity)
            .find({ select: { id: true }, where: { id: In([...ids.categoryIds]) } }),
    ]);
    return {
      productIds: new Set(products.map((p) => p.id)),
      categoryIds: new Set(categories.map((c) => c.id)),
    };
  }

  async skuCommissionFacts(
    skuIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, SkuCommissionFacts>> {
    const result = new Map<number, SkuCommissionFacts>();
    if (skuIds.length === 0) return result;
    const skus = await manager.getRepository(SkuEntity).findBy({ id: In([...new Set(skuIds)]) });
    const products = await manager
      .getRepository(ProductEntity)
      .findBy({ id: In([...new Set(skus.map((s) => s.productId))]) });
    const categoryIds = [...new Set(products.flatMap((p) => (p.categoryId === null ? [] : [p.categoryId])))];
    const categories =
      categoryIds.length === 0
        ? []
        : await manager.getRepository(CategoryEntity).findBy({ id: In(categoryIds) });
    const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
    const productById = new Map(products.map((p) => [p.id, p]));
    for (const sku of skus) {
      const product = productById.get(sku.productId);
      const categoryId = product?.categoryId ?? null;
      const parentId = categoryId === null ? null : (parentOf.get(categoryId) ?? null);
      result.set(sku.id, {
        skuId: sku.id,
        productId: sku.productId,
        categoryIds: [categoryId, parentId].filter((id): id is number => id !== null),
        cost: sku.cost,
      });
    }
    return result;
  }

  async getProductPage(
    productId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProductPage | null> {
    const product = await manager.getRepository(ProductEntity).findOneBy({ id: productId });
    if (!product) return null;
    const images = await manager
      .getRepository(ProductImageEntity)
      .find({ where: { productId }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return {
      productId: product.id,
      name: product.name,
      subtitle: product.subtitle,
      description: product.description,
      unit: product.unit,
      kind: product.kind,
      status: product.status,
      images: images.map((i) => ({ key: i.storageKey, url: i.url })),
      specDimensions: product.specDimensions ?? [],
      bundleContents: product.kind === 'bundle' ? await this.bundleContents(manager, productId) : [],
    };
  }

  /** Bundle SKU id → how many bundles its components' stock makes. */
  async bundleAvailabilities(
    manager: EntityManager,
    bundleSkuIds: readonly number[],
  ): Promise<Map<number, number>> {
    const result = new Map<number, number>();
    if (bundleSkuIds.length === 0) return result;
    const rows = await manager
      .getRepository(BundleComponentEntity)
      .findBy({ bundleSkuId: In([...bundleSkuIds]) });
    const components = await manager
      .getRepository(SkuEntity)
      .findBy({ id: In([...new Set(rows.map((r) => r.componentSkuId))]) });
    const byId = new Map(components.map((c) => [c.id, c]));
    const productStatus = new Map(
      (
        await manager
          .getRepository(ProductEntity)
          .findBy({ id: In([...new Set(components.map((c) => c.productId))]) })
      ).map((p) => [p.id, p.status]),
    );
    for (const bundleSkuId of bundleSkuIds) {
      const stocks = rows
        .filter((r) => r.bundleSkuId === bundleSkuId)
        .map((r) => {
          const c = byId.get(r.componentSkuId);
          return {
            quantity: r.quantity,
            stock: c?.stock ?? 0,
            status: c?.status ?? ('disabled' as const),
            productStatus: (c && productStatus.get(c.productId)) ?? ('draft' as const),
          };
        });
      result.set(bundleSkuId, bundleAvailability(stocks));
    }
    return result;
  }

  private async bundleContents(
    manager: EntityManager,
    productId: number,
  ): Promise<ProductPage['bundleContents']> {
    const bundleSku = await manager
      .getRepository(SkuEntity)
      .findOne({ where: { productId }, order: { id: 'ASC' } });
    if (!bundleSku) return [];
    const rows = await manager
      .getRepository(BundleComponentEntity)
      .find({ where: { bundleSkuId: bundleSku.id }, order: { id: 'ASC' } });
    const details = await this.getSkuDetails(
      rows.map((r) => r.componentSkuId),
      manager,
    );
    return rows.map((r) => ({
      productName: details.get(r.componentSkuId)?.productName ?? '',
      specText: details.get(r.componentSkuId)?.specText ?? '',
      quantity: r.quantity,
    }));
  }
}
