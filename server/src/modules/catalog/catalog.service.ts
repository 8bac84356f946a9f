import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Fen } from '@linli/shared-types';
import { BusinessError, RequestContext } from '../../platform';
import { AuditService } from '../audit';
import { ProductStatus } from './domain/product-status';
import { skuProblems, type SkuDraft } from './domain/sku-rules';
import { ProductEntity } from './persistence/product.entity';
import { SkuEntity } from './persistence/sku.entity';

export interface NewProduct {
  name: string;
  description: string | null;
  coverUrl: string | null;
  status: ProductStatus;
  skus: SkuDraft[];
}

/** What other contexts (campaigns, orders) need to show and price a SKU. */
export interface SkuDetails {
  skuId: number;
  productId: number;
  productName: string;
  productStatus: ProductStatus;
  specText: string;
  coverUrl: string | null;
  price: Fen;
}

@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Creates a product with its SKUs in the caller's transaction, audited. */
  async createProductWith(
    manager: EntityManager,
    ctx: RequestContext,
    input: NewProduct,
  ): Promise<{ productId: number; skuIds: number[] }> {
    const fields = input.skus.flatMap((sku, i) => {
      const errors = skuProblems(sku);
      return errors.length > 0 ? [{ field: `skus.${i}`, errors }] : [];
    });
    if (input.skus.length === 0) fields.push({ field: 'skus', errors: ['至少需要一个规格'] });
    if (fields.length > 0) throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, fields);

    const products = manager.getRepository(ProductEntity);
    const product = products.create({
      name: input.name,
      description: input.description,
      coverUrl: input.coverUrl,
      status: input.status,
    });
    await products.insert(product);
    const skuIds: number[] = [];
    for (const draft of input.skus) {
      const sku = manager.getRepository(SkuEntity).create({ ...draft, productId: product.id });
      await manager.getRepository(SkuEntity).insert(sku);
      skuIds.push(sku.id);
    }
    await this.audit.record(manager, ctx, {
      action: 'product.create',
      entityType: 'product',
      entityId: product.id,
      before: null,
      after: { ...input, id: product.id, skuIds },
    });
    return { productId: product.id, skuIds };
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
    for (const sku of skus) {
      const product = productById.get(sku.productId);
      if (!product) continue;
      result.set(sku.id, {
        skuId: sku.id,
        productId: product.id,
        productName: product.name,
        productStatus: product.status,
        specText: sku.specText,
        coverUrl: product.coverUrl,
        price: sku.price,
      });
    }
    return result;
  }
}
