import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Paged, SupplierInput, SupplierStatus, SupplierView } from '@linli/shared-types';
import {
  ConflictError,
  isUniqueViolation,
  likePattern,
  NotFoundError,
  requirePermission,
  RequestContext,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { ProductEntity } from './persistence/product.entity';
import { SupplierEntity } from './persistence/supplier.entity';

export interface SupplierListQuery {
  keyword?: string;
  status?: SupplierStatus;
  page?: number;
  pageSize?: number;
}

/** Suppliers (供应商) goods are bought from. Names are unique (a unique index decides races). */
@Injectable()
export class SuppliersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: SupplierListQuery): Promise<Paged<SupplierView>> {
    requirePermission(ctx, 'catalog.read');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(SupplierEntity).createQueryBuilder('s');
    if (query.keyword) {
      qb.andWhere(
        "(s.name LIKE :p ESCAPE '!' OR s.contactName LIKE :p ESCAPE '!' OR s.contactPhone LIKE :p ESCAPE '!')",
        {
          p: likePattern(query.keyword),
        },
      );
    }
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('s.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.views(this.dataSource.manager, rows), total, page, pageSize };
  }

  async get(ctx: RequestContext, id: number): Promise<SupplierView> {
    requirePermission(ctx, 'catalog.read');
    const m = this.dataSource.manager;
    return (await this.views(m, [await this.load(m, id)]))[0];
  }

  create(ctx: RequestContext, input: SupplierInput): Promise<SupplierView> {
    requirePermission(ctx, 'catalog.write');
    return this.write(() =>
      this.tx.run(async (m) => {
        const row = await this.createWith(m, ctx, input);
        return (await this.views(m, [row]))[0];
      }),
    );
  }

  async createWith(m: EntityManager, ctx: RequestContext, input: SupplierInput): Promise<SupplierEntity> {
    await this.assertNameFree(m, input.name, null);
    const row = m
      .getRepository(SupplierEntity)
      .create({ ...fieldsOf(input), status: input.status ?? 'active' });
    await m.getRepository(SupplierEntity).insert(row);
    await this.audit.record(m, ctx, {
      action: 'supplier.create',
      entityType: 'supplier',
      entityId: row.id,
      after: { ...input },
    });
    return row;
  }

  update(ctx: RequestContext, id: number, input: Partial<SupplierInput>): Promise<SupplierView> {
    requirePermission(ctx, 'catalog.write');
    return this.write(() =>
      this.tx.run(async (m) => {
        const row = await this.load(m, id);
        if (input.name !== undefined) await this.assertNameFree(m, input.name, id);
        const before = { ...row };
        Object.assign(row, fieldsOf({ ...row, ...input }), input.status ? { status: input.status } : {});
        await m.getRepository(SupplierEntity).save(row);
        await this.audit.record(m, ctx, {
          action: 'supplier.update',
          entityType: 'supplier',
          entityId: id,
          before,
          after: { ...input },
        });
        return (await this.views(m, [row]))[0];
      }),
    );
  }

  /** The friendly check; the unique index still decides a race (see `write`). */
  private async assertNameFree(m: EntityManager, name: string, id: number | null): Promise<void> {
    const other = await m.getRepository(SupplierEntity).findOneBy({ name: name.trim() });
    if (other && other.id !== id) throw duplicate();
  }

  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  private async load(m: EntityManager, id: number): Promise<SupplierEntity> {
    const row = await m.getRepository(SupplierEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('SUPPLIER_NOT_FOUND', '供应商不存在');
    return row;
  }

  private async views(m: EntityManager, rows: SupplierEntity[]): Promise<SupplierView[]> {
    if (rows.length === 0) return [];
    const counts = await m
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .select('p.supplierId', 'supplierId')
      .addSelect('COUNT(*)', 'count')
      .where('p.supplierId IN (:...ids)', { ids: rows.map((r) => r.id) })
      .groupBy('p.supplierId')
      .getRawMany<{ supplierId: number; count: number | string }>();
    const countOf = new Map(counts.map((c) => [Number(c.supplierId), Number(c.count)]));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      address: r.address,
      settlement: r.settlement,
      settlementNote: r.settlementNote,
      status: r.status,
      productCount: countOf.get(r.id) ?? 0,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

function duplicate(): ConflictError {
  return new ConflictError('SUPPLIER_DUPLICATE', '已有同名供应商');
}

function fieldsOf(input: SupplierInput) {
  const text = (value: string | null | undefined) => value?.trim() || null;
  return {
    name: input.name.trim(),
    contactName: text(input.contactName),
    contactPhone: text(input.contactPhone),
    address: text(input.address),
    settlement: input.settlement,
    settlementNote: text(input.settlementNote),
  };
}
