import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { FieldError, ProductInput, ProductKind } from '@linli/shared-types';
import { BusinessError, FILE_STORAGE, type FileStorage } from '../../platform';
import { bundleProblems, type ComponentFacts } from './domain/bundle-rules';
import { dimensionProblems, normalizeDimensions } from './domain/spec-dimensions';
import { matrixProblems } from './domain/spec-matrix';
import { skuProblems } from './domain/sku-rules';
import { CategoryEntity } from './persistence/category.entity';
import { ProductEntity } from './persistence/product.entity';
import { SkuEntity } from './persistence/sku.entity';
import { SupplierEntity } from './persistence/supplier.entity';

export const MAX_IMAGES = 9;

/** The input with trimmed text and normalised dimensions: what gets stored. */
export type CheckedProductInput = ProductInput & { kind: ProductKind; unit: string };

/**
 * Checks a product write against everything it refers to: the matrix, the SKU fields, the bundle
 * recipe, the category, the supplier and the uploaded images. All problems come back in one 400.
 */
@Injectable()
export class ProductInputCheck {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  async check(
    m: EntityManager,
    input: ProductInput,
    existing: { kind: ProductKind; supplierId: number | null; bundleSkuId: number | null } | null,
  ): Promise<CheckedProductInput> {
    const kind = existing?.kind ?? input.kind ?? 'standard';
    const checked: CheckedProductInput = {
      ...input,
      kind,
      name: input.name.trim(),
      subtitle: input.subtitle?.trim() || null,
      description: input.description?.trim() || null,
      unit: input.unit?.trim() || '份',
      specDimensions: normalizeDimensions(input.specDimensions),
      skus: input.skus.map((s) => ({
        ...s,
        specValues: s.specValues.map((v) => v.trim()),
        barcode: s.barcode?.trim() || null,
      })),
      components: input.components ?? [],
    };
    const problems: FieldError[] = [];
    if (existing && input.kind !== undefined && input.kind !== existing.kind) {
      problems.push({ field: 'kind', errors: ['商品类型创建后不能修改'] });
    }
    if (checked.name.length < 1 || checked.name.length > 60)
      problems.push({ field: 'name', errors: ['商品名称需为 1–60 个字'] });
    const dimensionErrors = dimensionProblems(checked.specDimensions);
    problems.push(...dimensionErrors);
    if (dimensionErrors.length === 0) problems.push(...matrixProblems(checked.specDimensions, checked.skus));
    checked.skus.forEach((sku, i) => {
      const errors = skuProblems(sku);
      if (errors.length > 0) problems.push({ field: `skus.${i}`, errors });
    });
    if (kind === 'bundle') {
      if (checked.specDimensions.length > 0)
        problems.push({ field: 'specDimensions', errors: ['组合套餐没有规格维度'] });
      problems.push(
        ...bundleProblems(
          checked.components ?? [],
          await this.componentFacts(m, checked),
          existing?.bundleSkuId ?? null,
        ),
      );
    } else if ((input.components ?? []).length > 0) {
      problems.push({ field: 'components', errors: ['只有组合套餐才有组成商品'] });
    }
    problems.push(...(await this.referenceProblems(m, checked, existing?.supplierId ?? null)));
    if (problems.length > 0) throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, problems);
    return checked;
  }

  private async componentFacts(m: EntityManager, input: ProductInput): Promise<Map<number, ComponentFacts>> {
    const ids = (input.components ?? []).map((c) => c.skuId).filter((id) => Number.isSafeInteger(id));
    const facts = new Map<number, ComponentFacts>();
    if (ids.length === 0) return facts;
    const skus = await m.getRepository(SkuEntity).findBy({ id: In(ids) });
    const products = await m.getRepository(ProductEntity).findBy({ id: In(skus.map((s) => s.productId)) });
    const productOf = new Map(products.map((p) => [p.id, p]));
    for (const sku of skus) {
      const product = productOf.get(sku.productId);
      facts.set(sku.id, {
        productKind: product?.kind ?? 'standard',
        productStatus: product?.status ?? 'draft',
        status: sku.status,
      });
    }
    return facts;
  }

  private async referenceProblems(
    m: EntityManager,
    input: CheckedProductInput,
    currentSupplierId: number | null,
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    if (
      input.categoryId != null &&
      !(await m.getRepository(CategoryEntity).existsBy({ id: input.categoryId }))
    ) {
      problems.push({ field: 'categoryId', errors: ['商品分类不存在'] });
    }
    if (input.supplierId != null) {
      const supplier = await m.getRepository(SupplierEntity).findOneBy({ id: input.supplierId });
      if (!supplier) problems.push({ field: 'supplierId', errors: ['供应商不存在'] });
      // A disabled supplier stays on its products but cannot be newly chosen.
      else if (supplier.status !== 'active' && supplier.id !== currentSupplierId) {
        problems.push({ field: 'supplierId', errors: ['该供应商已停用'] });
      }
    }
    if (input.imageKeys.length > MAX_IMAGES)
      problems.push({ field: 'imageKeys', errors: [`最多 ${MAX_IMAGES} 张图片`] });
    if (new Set(input.imageKeys).size !== input.imageKeys.length)
      problems.push({ field: 'imageKeys', errors: ['图片重复'] });
    for (const [i, key] of input.imageKeys.entries()) {
      if (!(await this.storage.exists(key).catch(() => false))) {
        problems.push({ field: `imageKeys.${i}`, errors: ['图片不存在，请重新上传'] });
      }
    }
    return problems;
  }
}
