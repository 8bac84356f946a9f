import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ROLE_PERMISSIONS,
  STAFF_ROLE_LABELS,
  StaffRole,
  type CreateStaffRequest,
  type Paged,
  type RoleDefinition,
  type StaffListQuery,
  type StaffProfile,
  type UpdateStaffRequest,
} from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RequestContext,
  requireStaff,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { hashPassword } from './domain/password-hasher';
import { passwordPolicyProblems } from './domain/password-policy';
import { checkStaffChange, normaliseRoles } from './domain/staff-rules';
import { StaffEntity } from './persistence/staff.entity';
import { findStaffPage, lockActiveAdminIds } from './persistence/staff.repository';
import { staffAuditSnapshot, toStaffProfile } from './staff.mapper';
import { TokenService } from './tokens/token.service';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/** Staff administration. Every write is audited in its own transaction, with before/after. */
@Injectable()
export class StaffService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
  ) {}

  roles(ctx: RequestContext): RoleDefinition[] {
    requireStaff(ctx);
    return (Object.values(StaffRole) as StaffRole[]).map((role) => ({
      role,
      label: STAFF_ROLE_LABELS[role],
      permissions: [...ROLE_PERMISSIONS[role]],
    }));
  }

  /** Number of staff accounts (the demo seed runs only on an empty database). */
  async count(manager: EntityManager): Promise<number> {
    return manager.getRepository(StaffEntity).count();
  }

  async list(ctx: RequestContext, query: StaffListQuery): Promise<Paged<StaffProfile>> {
    this.requirePermission(ctx, 'staff.read');
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    return this.tx.run(async (m) => {
      const [rows, total] = await findStaffPage(m, { ...query, page, pageSize });
      return { items: rows.map(toStaffProfile), total, page, pageSize };
    });
  }

  async get(ctx: RequestContext, id: number): Promise<StaffProfile> {
    this.requirePermission(ctx, 'staff.read');
    return this.tx.run(async (m) => toStaffProfile(await this.load(m, id)));
  }

  async create(ctx: RequestContext, input: CreateStaffRequest): Promise<StaffProfile> {
    this.requirePermission(ctx, 'staff.write');
    return this.tx.run(async (m) => toStaffProfile(await this.createWith(m, ctx, input)));
  }

  /**
   * Inserts and audits a staff member inside the caller's transaction (the demo seed creates the first
   * admin with it, under a system context).
   */
  async createWith(
    manager: EntityManager,
    ctx: RequestContext,
    input: CreateStaffRequest,
  ): Promise<StaffEntity> {
    assertPasswordPolicy(input.password);
    const username = input.username.trim().toLowerCase();
    const repo = manager.getRepository(StaffEntity);
    if (await repo.exists({ where: { username } })) {
      throw new ConflictError('STAFF_USERNAME_TAKEN', `用户名 ${username} 已被使用`);
    }
    const staff = repo.create({
      username,
      name: input.name.trim(),
      phone: input.phone?.trim() || null,
      passwordHash: await hashPassword(input.password),
      roles: normaliseRoles(input.roles),
      status: 'active',
      lastLoginAt: null,
      tokenVersion: 0,
    });
    await repo.insert(staff);
    const saved = await repo.findOneByOrFail({ id: staff.id });
    await this.audit.record(manager, ctx, {
      action: 'staff.create',
      entityType: 'staff',
      entityId: saved.id,
      before: null,
      after: staffAuditSnapshot(saved),
    });
    return saved;
  }

  async update(ctx: RequestContext, id: number, input: UpdateStaffRequest): Promise<StaffProfile> {
    const actor = this.requirePermission(ctx, 'staff.write');
    return this.tx.run(async (m) => {
      const staff = await this.load(m, id);
      const before = staffAuditSnapshot(staff);
      const roles = input.roles ? normaliseRoles(input.roles) : undefined;
      if (roles) await this.assertAllowed(m, actor.staffId, staff, { roles });
      if (input.name !== undefined) staff.name = input.name.trim();
      if (input.phone !== undefined) staff.phone = input.phone?.trim() || null;
      if (roles) staff.roles = roles;
      await m.getRepository(StaffEntity).save(staff);
      await this.audit.record(m, ctx, {
        action: 'staff.update',
        entityType: 'staff',
        entityId: staff.id,
        before,
        after: staffAuditSnapshot(staff),
      });
      return toStaffProfile(staff);
    });
  }

  /** Sets a new password, ends every session and invalidates outstanding access tokens. */
  async resetPassword(ctx: RequestContext, id: number, password: string): Promise<void> {
    this.requirePermission(ctx, 'staff.write');
    assertPasswordPolicy(password);
    const passwordHash = await hashPassword(password);
    await this.tx.run(async (m) => {
      const staff = await this.load(m, id);
      staff.passwordHash = passwordHash;
      staff.tokenVersion += 1;
      await m.getRepository(StaffEntity).save(staff);
      await this.tokens.revokeAllFor(m, 'staff', staff.id);
      const snapshot = staffAuditSnapshot(staff);
      await this.audit.record(m, ctx, {
        action: 'staff.reset_password',
        entityType: 'staff',
        entityId: staff.id,
        before: snapshot,
        after: { ...snapshot, passwordReset: true },
      });
    });
  }

  async disable(ctx: RequestContext, id: number): Promise<StaffProfile> {
    return this.setStatus(ctx, id, 'disabled');
  }

  async enable(ctx: RequestContext, id: number): Promise<StaffProfile> {
    return this.setStatus(ctx, id, 'active');
  }

  private async setStatus(
    ctx: RequestContext,
    id: number,
    status: 'active' | 'disabled',
  ): Promise<StaffProfile> {
    const actor = this.requirePermission(ctx, 'staff.write');
    return this.tx.run(async (m) => {
      const staff = await this.load(m, id);
      const before = staffAuditSnapshot(staff);
      await this.assertAllowed(m, actor.staffId, staff, { status });
      staff.status = status;
      await m.getRepository(StaffEntity).save(staff);
      if (status === 'disabled') await this.tokens.revokeAllFor(m, 'staff', staff.id);
      await this.audit.record(m, ctx, {
        action: status === 'disabled' ? 'staff.disable' : 'staff.enable',
        entityType: 'staff',
        entityId: staff.id,
        before,
        after: staffAuditSnapshot(staff),
      });
      return toStaffProfile(staff);
    });
  }

  private async assertAllowed(
    manager: EntityManager,
    actorId: number,
    target: StaffEntity,
    change: { roles?: StaffRole[]; status?: 'active' | 'disabled' },
  ): Promise<void> {
    const activeAdminIds = await lockActiveAdminIds(manager);
    const violation = checkStaffChange({ actorId, target, change, activeAdminIds });
    if (violation) throw new ConflictError(violation.code, violation.message);
  }

  private async load(manager: EntityManager, id: number): Promise<StaffEntity> {
    const staff = await manager.getRepository(StaffEntity).findOneBy({ id });
    if (!staff) throw new NotFoundError('STAFF_NOT_FOUND', '员工不存在');
    return staff;
  }

  /** The guard already checks route permissions; services check again so no caller can forget. */
  private requirePermission(ctx: RequestContext, permission: 'staff.read' | 'staff.write') {
    const actor = ctx.actor;
    if (actor.type === 'system') return { staffId: 0 };
    const staff = requireStaff(ctx);
    if (!staff.permissions.includes(permission)) throw new ForbiddenError();
    return staff;
  }
}

function assertPasswordPolicy(password: string): void {
  const problems = passwordPolicyProblems(password);
  if (problems.length > 0) {
    throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, [
      { field: 'password', errors: problems },
    ]);
  }
}
