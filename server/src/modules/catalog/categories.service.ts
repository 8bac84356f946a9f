import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { CategoryInput, CategoryView } from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  NotFoundError,
  requirePermission,
  RequestContext,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { CategoryEntity } from './persistence/category.entity';
import { ProductEntity } from './persistence/product.entity';

/** Two-level product categories. */
@Injectable()
export class CategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext): Promise<CategoryView[]> {
    requirePermission(ctx, 'catalog.read');
    const rows = await this.dataSource
      .getRepository(CategoryEntity)
      .find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    const counts = await this.dataSource
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .select('p.categoryId', 'categoryId')
      .addSelect('COUNT(*)', 'count')
      .where('p.categoryId IS NOT NULL')
      .groupBy('p.categoryId')
      .getRawMany<{ categoryId: number; count: number | string }>();
    const countOf = new Map(counts.map((c) => [Number(c.categoryId), Number(c.count)]));
    return rows.map((row) => toView(row, countOf.get(row.id) ?? 0));
  }

  /** Writes go through `createWith` so the seed can use the same rules in its transaction. */
  create(ctx: RequestContext, input: CategoryInput): Promise<CategoryView> {
    requirePermission(ctx, 'catalog.write');
    return this.tx.run(async (m) => toView(await this.createWith(m, ctx, input), 0));
  }

  async createWith(m: EntityManager, ctx: RequestContext, input: CategoryInput): Promise<CategoryEntity> {
    await this.checkPlacement(m, null, input.name, input.parentId);
    const row = m.getRepository(CategoryEntity).create({
      name: input.name.trim(),
      parentId: input.parentId,
      sortOrder: input.sortOrder ?? 0,
    });
    await m.getRepository(CategoryEntity).insert(row);
    await this.audit.record(m, ctx, {
      action: 'category.create',
      entityType: 'category',
      entityId: row.id,
      after: { ...input },
    });
    return row;
  }

  update(ctx: RequestContext, id: number, input: Partial<CategoryInput>): Promise<CategoryView> {
    requirePermission(ctx, 'catalog.write');
    return this.tx.run(async (m) => {
      const row = await this.load(m, id);
      const before = { ...row };
      const next = {
        name: input.name?.trim() ?? row.name,
        parentId: input.parentId === undefined ? row.parentId : input.parentId,
        sortOrder: input.sortOrder ?? row.sortOrder,
      };
      await this.checkPlacement(m, id, next.name, next.parentId);
      await m.getRepository(CategoryEntity).update({ id }, next);
      await this.audit.record(m, ctx, {
        action: 'category.update',
        entityType: 'category',
        entityId: id,
        before,
        after: next,
      });
      const count = await m.getRepository(ProductEntity).countBy({ categoryId: id });
      return toView({ ...row, ...next }, count);
    });
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    requirePermission(ctx, 'catalog.write');
    await this.tx.run(async (m) => {
      const row = await this.load(m, id);
      const children = await m.getRepository(CategoryEntity).countBy({ parentId: id });
      const products = await m.getRepository(ProductEntity).countBy({ categoryId: id });
      if (children > 0 || products > 0) {
        throw new ConflictError('CATEGORY_IN_USE', '分类下还有子分类或商品，不能删除');
      }
      await m.getRepository(CategoryEntity).delete({ id });
      await this.audit.record(m, ctx, {
        action: 'category.delete',
        entityType: 'category',
        entityId: id,
        before: { ...row },
      });
    });
  }

  /** Two levels: the parent must be a top category, not itself, and a category with children stays top. */
  private async checkPlacement(
    m: EntityManager,
    id: number | null,
    name: string,
    parentId: number | null,
  ): Promise<void> {
    if (parentId !== null) {
      const parent = await m.getRepository(CategoryEntity).findOneBy({ id: parentId });
      if (!parent) throw new NotFoundError('CATEGORY_NOT_FOUND', '上级分类不存在');
      const hasChildren =
        id !== null && (await m.getRepository(CategoryEntity).countBy({ parentId: id })) > 0;
      if (parent.parentId !== null || parentId === id || hasChildren) {
        throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, [
          { field: 'parentId', errors: ['分类最多两级'] },
        ]);
      }
    }
    const siblings = await m
      .getRepository(CategoryEntity)
      .findBy({ parentId: parentId === null ? IsNull() : parentId, name: name.trim() });
    if (siblings.some((s) => s.id !== id)) throw new ConflictError('CATEGORY_DUPLICATE', '同级已有同名分类');
  }

  private async load(m: EntityManager, id: number): Promise<CategoryEntity> {
    const row = await m.getRepository(CategoryEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('CATEGORY_NOT_FOUND', '分类不存在');
    return row;
  }
}

function toView(row: CategoryEntity, productCount: number): CategoryView {
  return { id: row.id, name: row.name, parentId: row.parentId, sortOrder: row.sortOrder, productCount };
}
