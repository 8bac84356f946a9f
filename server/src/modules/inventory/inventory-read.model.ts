import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type {
  InventorySkuQuery,
  InventorySkuView,
  Paged,
  StockMovementQuery,
  StockMovementView,
} from '@linli/shared-types';
import { BusinessError, likePattern, NotFoundError } from '../../platform';
import { SkuStockEntity } from './persistence/sku-stock.entity';
import { StockMovementEntity } from './persistence/stock-movement.entity';

const DEFAULT_PAGE_SIZE = 20;

interface ProductFacts {
  id: number;
  name: string;
  kind: string;
  coverUrl: string | null;
}

/**
 * Reads for the stock table and the movement history. Product names, staff names and bundle recipes
 * are read from their tables by name (read-only) so inventory does not import the catalog, which
 * imports inventory to book initial stock.
 */
@Injectable()
export class InventoryReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 404 for an unknown SKU, 400 for a bundle (it holds no stock of its own). */
  async assertStocked(m: EntityManager, skuId: number): Promise<void> {
    const sku = await m.getRepository(SkuStockEntity).findOneBy({ id: skuId });
    if (!sku) throw new NotFoundError('SKU_NOT_FOUND', '商品规格不存在');
    const [product] = await this.products(m, [sku.productId]);
    if (product?.kind === 'bundle') {
      throw new BusinessError(
        'INVENTORY_BUNDLE_NOT_STOCKED',
        '组合套餐没有自己的库存，请调整其组成商品的库存',
      );
    }
  }

  /** Bundle SKU id → its components, for the given SKUs that are bundles. */
  async bundleComponentsOf(
    m: EntityManager,
    skuIds: readonly number[],
  ): Promise<Map<number, Array<{ skuId: number; quantity: number }>>> {
    const result = new Map<number, Array<{ skuId: number; quantity: number }>>();
    if (skuIds.length === 0) return result;
    const rows = await m
      .createQueryBuilder()
      .select(['b.bundle_sku_id AS bundleSkuId', 'b.component_sku_id AS skuId', 'b.quantity AS quantity'])
      .from('bundle_components', 'b')
      .where('b.bundle_sku_id IN (:...ids)', { ids: [...new Set(skuIds)] })
      .getRawMany<{ bundleSkuId: number; skuId: number; quantity: number }>();
    for (const row of rows) {
      const list = result.get(Number(row.bundleSkuId)) ?? [];
      list.push({ skuId: Number(row.skuId), quantity: Number(row.quantity) });
      result.set(Number(row.bundleSkuId), list);
    }
    return result;
  }

  async skuView(m: EntityManager, skuId: number): Promise<InventorySkuView> {
    const sku = await m.getRepository(SkuStockEntity).findOneByOrFail({ id: skuId });
    return (await this.skuViews(m, [sku]))[0];
  }

  /** The stock table: active SKUs of standard products; `lowStock` lists the low ones, lowest first. */
  async listSkus(query: InventorySkuQuery): Promise<Paged<InventorySkuView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const qb = this.dataSource
      .getRepository(SkuStockEntity)
      .createQueryBuilder('s')
      .innerJoin('products', 'p', 'p.id = s.product_id')
      .where("s.status = 'active'")
      .andWhere("p.kind = 'standard'");
    if (query.keyword) {
      qb.andWhere("(p.name LIKE :pattern ESCAPE '!' OR s.barcode = :keyword)", {
        pattern: likePattern(query.keyword),
        keyword: query.keyword,
      });
    }
    if (query.categoryId !== undefined) {
      qb.andWhere(
        '(p.category_id = :categoryId OR p.category_id IN (SELECT c.id FROM categories c WHERE c.parent_id = :categoryId))',
        {
          categoryId: query.categoryId,
        },
      );
    }
    if (query.supplierId !== undefined)
      qb.andWhere('p.supplier_id = :supplierId', { supplierId: query.supplierId });
    if (query.lowStock) {
      qb.andWhere('s.stock <= s.low_stock_threshold').orderBy('s.stock', 'ASC').addOrderBy('s.id', 'ASC');
    } else {
      qb.orderBy('s.product_id', 'DESC').addOrderBy('s.id', 'ASC');
    }
    const [rows, total] = await qb
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.skuViews(this.dataSource.manager, rows), total, page, pageSize };
  }

  /** Movement history, newest first. */
  async listMovements(query: StockMovementQuery): Promise<Paged<StockMovementView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const qb = this.dataSource.getRepository(StockMovementEntity).createQueryBuilder('m');
    if (query.skuId !== undefined) qb.andWhere('m.skuId = :skuId', { skuId: query.skuId });
    if (query.productId !== undefined) {
      qb.andWhere('m.sku_id IN (SELECT s.id FROM skus s WHERE s.product_id = :productId)', {
        productId: query.productId,
      });
    }
    if (query.kind) qb.andWhere('m.kind = :kind', { kind: query.kind });
    if (query.from) qb.andWhere('m.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('m.createdAt < :to', { to: new Date(query.to) });
    const [rows, total] = await qb
      .orderBy('m.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.movementViews(this.dataSource.manager, rows), total, page, pageSize };
  }

  async skuViews(m: EntityManager, skus: readonly SkuStockEntity[]): Promise<InventorySkuView[]> {
    const products = new Map(
      (
        await this.products(
          m,
          skus.map((s) => s.productId),
        )
      ).map((p) => [p.id, p]),
    );
    return skus.map((sku) => ({
      skuId: sku.id,
      productId: sku.productId,
      productName: products.get(sku.productId)?.name ?? '',
      specText: sku.specText,
      coverUrl: products.get(sku.productId)?.coverUrl ?? null,
      barcode: sku.barcode,
      stock: sku.stock,
      reserved: sku.reserved,
      lowStockThreshold: sku.lowStockThreshold,
      isLowStock: sku.stock <= sku.lowStockThreshold,
      stockValue: sku.cost * (sku.stock + sku.reserved),
      updatedAt: sku.updatedAt.toISOString(),
    }));
  }

  async movementViews(
    m: EntityManager,
    movements: readonly StockMovementEntity[],
  ): Promise<StockMovementView[]> {
    if (movements.length === 0) return [];
    const skus = await m
      .getRepository(SkuStockEntity)
      .findBy({ id: In([...new Set(movements.map((x) => x.skuId))]) });
    const skuById = new Map(skus.map((s) => [s.id, s]));
    const products = new Map(
      (
        await this.products(
          m,
          skus.map((s) => s.productId),
        )
      ).map((p) => [p.id, p]),
    );
    const names = await this.actorNames(m, movements);
    return movements.map((row) => {
      const sku = skuById.get(row.skuId);
      return {
        id: Number(row.id),
        skuId: row.skuId,
        productName: (sku && products.get(sku.productId)?.name) ?? '',
        specText: sku?.specText ?? '',
        kind: row.kind,
        stockDelta: row.stockDelta,
        reservedDelta: row.reservedDelta,
        stockAfter: row.stockAfter,
        reservedAfter: row.reservedAfter,
        reason: row.reason,
        orderId: row.orderId === null ? null : Number(row.orderId),
        actorType: row.actorType,
        actorId: row.actorId,
        actorName: names.get(`${row.actorType}:${row.actorId}`) ?? '系统',
        createdAt: row.createdAt.toISOString(),
      };
    });
  }

  private async products(m: EntityManager, ids: readonly number[]): Promise<ProductFacts[]> {
    if (ids.length === 0) return [];
    const rows = await m
      .createQueryBuilder()
      .select(['p.id AS id', 'p.name AS name', 'p.kind AS kind', 'p.cover_url AS coverUrl'])
      .from('products', 'p')
      .where('p.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getRawMany<ProductFacts>();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /** `staff:<id>` → staff name, `member:<id>` → nickname. */
  private async actorNames(
    m: EntityManager,
    movements: readonly StockMovementEntity[],
  ): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const idsOf = (type: string) => [
      ...new Set(movements.filter((x) => x.actorType === type && x.actorId !== null).map((x) => x.actorId!)),
    ];
    const lookups: Array<[string, string, string]> = [
      ['staff', 'staff', 'name'],
      ['member', 'members', 'nickname'],
    ];
    for (const [type, table, column] of lookups) {
      const ids = idsOf(type);
      if (ids.length === 0) continue;
      const rows = await m
        .createQueryBuilder()
        .select([`t.id AS id`, `t.${column} AS name`])
        .from(table, 't')
        .where('t.id IN (:...ids)', { ids })
        .getRawMany<{ id: number; name: string | null }>();
      for (const row of rows) names.set(`${type}:${Number(row.id)}`, row.name ?? '');
    }
    return names;
  }
}
