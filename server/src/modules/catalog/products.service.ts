import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import type {
  Paged,
  ProductDetail,
  ProductInput,
  ProductListItem,
  ProductListQuery,
  ProductStatus,
  SkuPickerItem,
} from '@linli/shared-types';
import {
  ConflictError,
  likePattern,
  lockForUpdate,
  NotFoundError,
  requirePermission,
  RequestContext,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { CatalogService } from './catalog.service';
import { CategoryEntity } from './persistence/category.entity';
import { ProductImageEntity } from './persistence/product-image.entity';
import { ProductEntity } from './persistence/product.entity';
import { SkuEntity } from './persistence/sku.entity';
import { SupplierEntity } from './persistence/supplier.entity';
import { ProductDetails } from './product-details';
import { assertSellable, ProductWriter } from './product-writer';

/** Which status changes staff may make: 草稿 → 在售 ⇄ 已下架. */
const TRANSITIONS: Record<ProductStatus, ProductStatus[]> = {
  draft: ['on_sale'],
  on_sale: ['off_sale'],
  off_sale: ['on_sale'],
};

/** The admin product screens: list, detail, create/update with the matrix, status, SKU picker. */
@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly writer: ProductWriter,
    private readonly details: ProductDetails,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: ProductListQuery): Promise<Paged<ProductListItem>> {
    requirePermission(ctx, 'catalog.read');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(ProductEntity).createQueryBuilder('p');
    this.filter(qb, query);
    const [products, total] = await qb
      .orderBy('p.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.listItems(this.dataSource.manager, products), total, page, pageSize };
  }

  get(ctx: RequestContext, id: number): Promise<ProductDetail> {
    requirePermission(ctx, 'catalog.read');
    return this.details.load(this.dataSource.manager, id);
  }

  create(ctx: RequestContext, input: ProductInput): Promise<ProductDetail> {
    requirePermission(ctx, 'catalog.write');
    return this.tx.run(async (m) => {
      const { productId } = await this.writer.create(m, ctx, input, 'draft');
      return this.details.load(m, productId);
    });
  }

  update(ctx: RequestContext, id: number, input: ProductInput): Promise<ProductDetail> {
    requirePermission(ctx, 'catalog.write');
    return this.tx.run(async (m) => {
      await this.lock(m, id);
      await this.writer.update(m, ctx, id, input);
      return this.details.load(m, id);
    });
  }

  changeStatus(ctx: RequestContext, id: number, status: ProductStatus): Promise<ProductDetail> {
    requirePermission(ctx, 'catalog.write');
    return this.tx.run(async (m) => {
      const product = await this.lock(m, id);
      // Asking again for the status it already has is a harmless retry.
      if (product.status === status) return this.details.load(m, id);
      if (!TRANSITIONS[product.status].includes(status)) {
        throw new ConflictError('PRODUCT_INVALID_STATUS', '商品当前状态不能进行该操作');
      }
      if (status === 'on_sale') {
        const images = await m.getRepository(ProductImageEntity).findBy({ productId: id });
        const skus = await m.getRepository(SkuEntity).findBy({ productId: id, status: 'active' });
        assertSellable({ imageKeys: images.map((i) => i.storageKey), skus });
      }
      await m.getRepository(ProductEntity).update({ id }, { status });
      await this.audit.record(m, ctx, {
        action: 'product.status',
        entityType: 'product',
        entityId: id,
        before: { status: product.status },
        after: { status },
      });
      return this.details.load(m, id);
    });
  }

  /** Active SKUs of products that are not drafts, to put into a bundle or a campaign. */
  async pickSkus(
    ctx: RequestContext,
    query: { keyword?: string; kind?: 'standard' | 'bundle'; page?: number; pageSize?: number },
  ): Promise<Paged<SkuPickerItem>> {
    requirePermission(ctx, 'catalog.read');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource
      .getRepository(SkuEntity)
      .createQueryBuilder('s')
      .innerJoin(ProductEntity, 'p', 'p.id = s.productId')
      .where("s.status = 'active'")
      .andWhere("p.status <> 'draft'");
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.keyword) {
      qb.andWhere("(p.name LIKE :pattern ESCAPE '!' OR s.barcode = :keyword)", {
        pattern: likePattern(query.keyword),
        keyword: query.keyword,
      });
    }
    const [skus, total] = await qb
      .orderBy('s.productId', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const details = await this.catalog.getSkuDetails(skus.map((s) => s.id));
    const items = skus.flatMap((s) => {
      const d = details.get(s.id);
      if (!d) return [];
      const { skuId, productId, productName, productKind, productStatus, specText, coverUrl, price, cost } =
        d;
      return [
        {
          skuId,
          productId,
          productName,
          productKind,
          productStatus,
          specText,
          coverUrl,
          price,
          cost,
          stock: d.available,
        },
      ];
    });
    return { items, total, page, pageSize };
  }

  private filter(qb: SelectQueryBuilder<ProductEntity>, query: ProductListQuery): void {
    if (query.keyword) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("p.name LIKE :pattern ESCAPE '!'", { pattern: likePattern(query.keyword!) })
            .orWhere('p.id IN (SELECT s.product_id FROM skus s WHERE s.barcode = :barcode)', {
              barcode: query.keyword,
            }),
        ),
      );
    }
    if (query.categoryId !== undefined) {
      qb.andWhere(
        '(p.categoryId = :categoryId OR p.categoryId IN (SELECT c.id FROM categories c WHERE c.parent_id = :categoryId))',
        {
          categoryId: query.categoryId,
        },
      );
    }
    if (query.supplierId !== undefined)
      qb.andWhere('p.supplierId = :supplierId', { supplierId: query.supplierId });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
  }

  private async listItems(m: EntityManager, products: ProductEntity[]): Promise<ProductListItem[]> {
    if (products.length === 0) return [];
    const ids = products.map((p) => p.id);
    const skus = await m.getRepository(SkuEntity).findBy({ productId: In(ids), status: 'active' });
    const categoryIds = products.flatMap((p) => (p.categoryId === null ? [] : [p.categoryId]));
    const supplierIds = products.flatMap((p) => (p.supplierId === null ? [] : [p.supplierId]));
    const categories = new Map(
      (await m.getRepository(CategoryEntity).findBy({ id: In(categoryIds) })).map((c) => [c.id, c.name]),
    );
    const suppliers = new Map(
      (await m.getRepository(SupplierEntity).findBy({ id: In(supplierIds) })).map((s) => [s.id, s.name]),
    );
    const bundleSkuIds = skus
      .filter((s) => products.find((p) => p.id === s.productId)?.kind === 'bundle')
      .map((s) => s.id);
    const availability = await this.catalog.bundleAvailabilities(m, bundleSkuIds);
    return products.map((p) => {
      const own = skus.filter((s) => s.productId === p.id);
      const prices = own.map((s) => s.price);
      const stockOf = (s: SkuEntity) => (p.kind === 'bundle' ? (availability.get(s.id) ?? 0) : s.stock);
      return {
        id: p.id,
        kind: p.kind,
        name: p.name,
        coverUrl: p.coverUrl,
        categoryName: p.categoryId === null ? null : (categories.get(p.categoryId) ?? null),
        supplierName: p.supplierId === null ? null : (suppliers.get(p.supplierId) ?? null),
        status: p.status,
        skuCount: own.length,
        minPrice: prices.length > 0 ? Math.min(...prices) : 0,
        maxPrice: prices.length > 0 ? Math.max(...prices) : 0,
        totalStock: own.reduce((sum, s) => sum + stockOf(s), 0),
        lowStockSkuCount: p.kind === 'bundle' ? 0 : own.filter((s) => s.stock <= s.lowStockThreshold).length,
        updatedAt: p.updatedAt.toISOString(),
      };
    });
  }

  private async lock(m: EntityManager, id: number): Promise<ProductEntity> {
    const product = await lockForUpdate(
      m.getRepository(ProductEntity).createQueryBuilder('p').where('p.id = :id', { id }),
    ).getOne();
    if (!product) throw new NotFoundError('PRODUCT_NOT_FOUND', '商品不存在');
    return product;
  }
}
