import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ProductInput, ProductStatus } from '@linli/shared-types';
import {
  BusinessError,
  FILE_STORAGE,
  type FileStorage,
  ForbiddenError,
  lockForUpdate,
  NotFoundError,
  RequestContext,
} from '../../platform';
import { AuditService } from '../audit';
import { InventoryService } from '../inventory';
import { planSkuChanges, specTextOf } from './domain/spec-matrix';
import { BundleComponentEntity } from './persistence/bundle-component.entity';
import { ProductImageEntity } from './persistence/product-image.entity';
import { ProductEntity } from './persistence/product.entity';
import { SkuEntity } from './persistence/sku.entity';
import { ProductInputCheck, type CheckedProductInput } from './product-input-check';
import { assertRetirable } from './sku-retirement';

type SkuRow = CheckedProductInput['skus'][number];

/**
 * Creates and updates products with their images, SKU matrix and bundle recipe in the caller's
 * transaction. Input is checked completely before the first write, so bad input changes nothing.
 */
@Injectable()
export class ProductWriter {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly check: ProductInputCheck,
    private readonly inventory: InventoryService,
    private readonly audit: AuditService,
  ) {}

  async create(
    m: EntityManager,
    ctx: RequestContext,
    input: ProductInput,
    status: ProductStatus,
  ): Promise<{ productId: number; skuIds: number[] }> {
    const checked = await this.check.check(m, input, null);
    if (status === 'on_sale') assertSellable(checked);
    if (checked.kind === 'standard') assertMayBookStock(ctx, checked.skus);
    const products = m.getRepository(ProductEntity);
    const product = products.create({
      kind: checked.kind,
      name: checked.name,
      subtitle: checked.subtitle ?? null,
      description: checked.description ?? null,
      categoryId: checked.categoryId ?? null,
      supplierId: checked.supplierId ?? null,
      unit: checked.unit,
      coverUrl: null,
      specDimensions: checked.specDimensions.length > 0 ? checked.specDimensions : null,
      status,
    });
    await products.insert(product);
    await this.replaceImages(m, product, checked.imageKeys);
    const skuIds: number[] = [];
    for (const row of checked.skus) skuIds.push(await this.insertSku(m, ctx, product, row));
    if (checked.kind === 'bundle') await this.replaceComponents(m, skuIds[0], checked);
    await this.audit.record(m, ctx, {
      action: 'product.create',
      entityType: 'product',
      entityId: product.id,
      before: null,
      after: { ...checked, status, id: product.id, skuIds },
    });
    return { productId: product.id, skuIds };
  }

  /**
   * Rows matched by spec values update SKUs; new combinations create SKUs; dropped ones are disabled
   * (refused while they hold stock, reservations or bundles). The product's SKU rows are locked and
   * written in ascending id order, as reservations lock them, so the two cannot deadlock.
   */
  async update(m: EntityManager, ctx: RequestContext, productId: number, input: ProductInput): Promise<void> {
    const product = await m.getRepository(ProductEntity).findOneBy({ id: productId });
    if (!product) throw new NotFoundError('PRODUCT_NOT_FOUND', '商品不存在');
    const existing = await lockForUpdate(
      m
        .getRepository(SkuEntity)
        .createQueryBuilder('s')
        .where('s.productId = :productId', { productId })
        .orderBy('s.id', 'ASC'),
    ).getMany();
    const bundleSkuId = product.kind === 'bundle' ? (existing[0]?.id ?? null) : null;
    const checked = await this.check.check(m, input, {
      kind: product.kind,
      supplierId: product.supplierId,
      bundleSkuId,
    });
    if (product.status === 'on_sale') assertSellable(checked);
    const plan = planSkuChanges(checked.skus, existing);
    if (product.kind === 'standard') assertMayBookStock(ctx, plan.create);
    await assertRetirable(
      m,
      existing.filter((s) => plan.disable.includes(s.id)),
    );
    const before = {
      ...product,
      skus: existing.map((s) => ({ id: s.id, specValues: s.specValues, price: s.price, status: s.status })),
    };

    Object.assign(product, {
      name: checked.name,
      subtitle: checked.subtitle ?? null,
      description: checked.description ?? null,
      categoryId: checked.categoryId ?? null,
      supplierId: checked.supplierId ?? null,
      unit: checked.unit,
      specDimensions: checked.specDimensions.length > 0 ? checked.specDimensions : null,
    });
    await this.replaceImages(m, product, checked.imageKeys);
    const writes = [
      ...plan.update.map(({ id, row }) => ({ id, fields: { ...skuFields(row), status: 'active' as const } })),
      ...plan.disable.map((id) => ({ id, fields: { status: 'disabled' as const } })),
    ].sort((a, b) => a.id - b.id);
    for (const { id, fields } of writes) await m.getRepository(SkuEntity).update({ id }, fields);
    const created: number[] = [];
    for (const row of plan.create) created.push(await this.insertSku(m, ctx, product, row));
    if (product.kind === 'bundle') await this.replaceComponents(m, bundleSkuId ?? created[0], checked);
    await this.audit.record(m, ctx, {
      action: 'product.update',
      entityType: 'product',
      entityId: product.id,
      before,
      after: { ...checked, createdSkuIds: created, disabledSkuIds: plan.disable },
    });
  }

  private async insertSku(
    m: EntityManager,
    ctx: RequestContext,
    product: ProductEntity,
    row: SkuRow,
  ): Promise<number> {
    const sku = m.getRepository(SkuEntity).create({
      ...skuFields(row),
      productId: product.id,
      stock: 0,
      reserved: 0,
      status: 'active',
    });
    await m.getRepository(SkuEntity).insert(sku);
    // Bundles hold no stock of their own; a standard SKU's opening stock is an inbound movement.
    if (product.kind === 'standard')
      await this.inventory.bookInitialStock(m, ctx, sku.id, row.initialStock ?? 0);
    return sku.id;
  }

  private async replaceImages(
    m: EntityManager,
    product: ProductEntity,
    keys: readonly string[],
  ): Promise<void> {
    const images = m.getRepository(ProductImageEntity);
    await images.delete({ productId: product.id });
    if (keys.length > 0) {
      await images.insert(
        keys.map((storageKey, sortOrder) => ({
          productId: product.id,
          storageKey,
          url: this.storage.urlFor(storageKey),
          sortOrder,
        })),
      );
    }
    product.coverUrl = keys.length > 0 ? this.storage.urlFor(keys[0]) : null;
    await m.getRepository(ProductEntity).save(product);
  }

  private async replaceComponents(
    m: EntityManager,
    bundleSkuId: number,
    input: CheckedProductInput,
  ): Promise<void> {
    const components = m.getRepository(BundleComponentEntity);
    await components.delete({ bundleSkuId });
    const rows = (input.components ?? []).map((c) => ({
      bundleSkuId,
      componentSkuId: c.skuId,
      quantity: c.quantity,
    }));
    if (rows.length > 0) await components.insert(rows);
  }
}

function skuFields(row: SkuRow): Partial<SkuEntity> {
  return {
    specValues: row.specValues,
    specText: specTextOf(row.specValues),
    price: row.price,
    cost: row.cost,
    barcode: row.barcode ?? null,
    weightGrams: row.weightGrams ?? 0,
    // Left out when not sent, so an edit keeps the threshold set on the inventory screen.
    ...(row.lowStockThreshold !== undefined && { lowStockThreshold: row.lowStockThreshold }),
  };
}

/**
 * Opening stock is a stock change: besides catalog.write it needs inventory.write (403 otherwise), so
 * staff who may not adjust stock cannot create it through the product form either.
 */
function assertMayBookStock(ctx: RequestContext, rows: readonly SkuRow[]): void {
  if (!rows.some((row) => (row.initialStock ?? 0) > 0)) return;
  if (ctx.actor.type === 'system') return;
  if (ctx.actor.type === 'staff' && ctx.actor.permissions.includes('inventory.write')) return;
  throw new ForbiddenError('FORBIDDEN', '没有库存管理权限，不能填写初始库存；请留空，由仓库人员入库');
}

/** On sale needs a picture to show and (always true for a complete matrix) a SKU to sell. */
export function assertSellable(input: { imageKeys: readonly string[]; skus: readonly unknown[] }): void {
  if (input.imageKeys.length === 0) {
    throw new BusinessError('PRODUCT_IMAGE_REQUIRED', '商品至少需要一张图片才能上架');
  }
  if (input.skus.length === 0)
    throw new BusinessError('PRODUCT_INVALID_STATUS', '商品没有可售规格，不能上架');
}
