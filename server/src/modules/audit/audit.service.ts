import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditLogEntry, AuditLogQuery, Paged } from '@linli/shared-types';
import { ForbiddenError, RequestContext, requireStaff } from '../../platform';
import { redactSecrets } from './domain/redact';
import { AuditLogEntity } from './persistence/audit-log.entity';

export interface AuditRecordInput {
  /** `<area>.<verb>`, e.g. `staff.create`. */
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /**
   * Who acted, when the request context cannot say yet (a login: the request is anonymous until the
   * password checks out, but the row belongs to the staff member who logged in).
   */
  actor?: { type: 'staff'; id: number; name: string };
}

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the audit row with `manager`, i.e. inside the transaction of the write it describes. */
  async record(manager: EntityManager, ctx: RequestContext, input: AuditRecordInput): Promise<void> {
    const row = manager.create(AuditLogEntity, {
      ...actorColumns(ctx, input.actor),
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId === null ? null : String(input.entityId),
      before: redactSecrets(input.before),
      after: redactSecrets(input.after),
      ip: ctx.ip ? ctx.ip.slice(0, 64) : null,
      userAgent: ctx.userAgent ? ctx.userAgent.slice(0, 255) : null,
      requestId: ctx.requestId ? ctx.requestId.slice(0, 64) : null,
    });
    await manager.getRepository(AuditLogEntity).save(row, { reload: false });
  }

  /** Newest first. Needs `audit.read`. */
  async list(ctx: RequestContext, query: AuditLogQuery): Promise<Paged<AuditLogEntry>> {
    const staff = requireStaff(ctx);
    if (!staff.permissions.includes('audit.read')) throw new ForbiddenError();
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (query.actorId !== undefined) qb.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.entityType) qb.andWhere('a.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.from) qb.andWhere('a.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('a.createdAt <= :to', { to: new Date(query.to) });
    const [rows, total] = await qb
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toEntry), total, page, pageSize };
  }
}

function actorColumns(
  ctx: RequestContext,
  override: AuditRecordInput['actor'],
): Pick<AuditLogEntity, 'actorType' | 'actorId' | 'actorName'> {
  if (override) return { actorType: 'staff', actorId: override.id, actorName: override.name };
  const actor = ctx.actor;
  if (actor.type === 'staff') return { actorType: 'staff', actorId: actor.staffId, actorName: actor.name };
  if (actor.type === 'system') return { actorType: 'system', actorId: null, actorName: actor.name };
  // Audited writes come from staff or the system; anything else is recorded as an anonymous system event.
  return { actorType: 'system', actorId: null, actorName: actor.type };
}

function toEntry(row: AuditLogEntity): AuditLogEntry {
  return {
    id: row.id,
    actorType: row.actorType,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
  };
}
