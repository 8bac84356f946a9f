import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LeaderDetail, LeaderListItem, LeaderListQuery, Paged, Permission } from '@linli/shared-types';
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
import {
  actionNeedsReason,
  invalidTransitionMessage,
  nextLeaderStatus,
  type LeaderReviewAction,
} from './domain/leader-transitions';
import { LeaderLifecycleHooks } from './leader-lifecycle-hooks';
import { leaderAuditSnapshot, toDetail, toListItem, toRecruitView } from './leader.mapper';
import { LeaderEntity } from './persistence/leader.entity';
import {
  countRecruits,
  findLeaderPage,
  findRecruits,
  namesOf,
  pickupPointsOf,
  reloadCurrent,
  transitionStatus,
} from './persistence/leader.repository';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
const DETAIL_RECRUITS = 100;

/** Staff reviewing applications and managing leaders. Every transition is one conditional update, audited. */
@Injectable()
export class LeaderAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly hooks: LeaderLifecycleHooks,
  ) {}

  async list(ctx: RequestContext, query: LeaderListQuery): Promise<Paged<LeaderListItem>> {
    requirePermission(ctx, 'leaders.read');
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    return this.tx.run(async (m) => {
      const [rows, total] = await findLeaderPage(m, { ...query, page, pageSize });
      return { items: await this.listItems(m, rows), total, page, pageSize };
    });
  }

  async get(ctx: RequestContext, id: number): Promise<LeaderDetail> {
    requirePermission(ctx, 'leaders.read');
    return this.tx.run(async (m) => this.detail(m, await loadLeader(m, id)));
  }

  approve(ctx: RequestContext, id: number): Promise<LeaderDetail> {
    return this.transition(ctx, id, 'approve', null);
  }

  reject(ctx: RequestContext, id: number, reason: string): Promise<LeaderDetail> {
    return this.transition(ctx, id, 'reject', reason);
  }

  suspend(ctx: RequestContext, id: number, reason: string): Promise<LeaderDetail> {
    return this.transition(ctx, id, 'suspend', reason);
  }

  reactivate(ctx: RequestContext, id: number): Promise<LeaderDetail> {
    return this.transition(ctx, id, 'reactivate', null);
  }

  private async transition(
    ctx: RequestContext,
    id: number,
    action: LeaderReviewAction,
    reason: string | null,
  ): Promise<LeaderDetail> {
    const staff = requirePermission(ctx, 'leaders.write');
    const statusReason = actionNeedsReason(action) ? (reason ?? '').trim() : null;
    if (statusReason !== null && (statusReason.length < 2 || statusReason.length > 200)) {
      throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, [
        { field: 'reason', errors: ['原因需为 2–200 个字'] },
      ]);
    }
    return this.tx.run(async (m) => {
      const leader = await loadLeader(m, id);
      const to = nextLeaderStatus(leader.status, action);
      if (!to)
        throw new ConflictError('LEADER_INVALID_STATUS', invalidTransitionMessage(leader.status, action));
      const before = leaderAuditSnapshot(leader);
      const moved = await transitionStatus(m, id, leader.status, {
        status: to,
        reviewedAt: new Date(),
        reviewedByStaffId: staff?.staffId ?? null,
        reviewedByName: staff?.name ?? '系统',
        statusReason,
      });
      if (!moved) {
        // Someone else changed it between our read and our update: name the state they left.
        const current = (await reloadCurrent(m, id)) ?? leader;
        throw new ConflictError('LEADER_INVALID_STATUS', invalidTransitionMessage(current.status, action));
      }
      if (action === 'approve')
        await this.hooks.approved(m, ctx, { leaderId: id, memberId: leader.memberId });
      const after = await m.getRepository(LeaderEntity).findOneByOrFail({ id });
      await this.audit.record(m, ctx, {
        action: `leader.${action}`,
        entityType: 'leader',
        entityId: id,
        before,
        after: leaderAuditSnapshot(after),
      });
      return this.detail(m, after);
    });
  }

  private async listItems(m: EntityManager, rows: LeaderEntity[]): Promise<LeaderListItem[]> {
    const ids = rows.map((r) => r.id);
    const [points, uplines, recruitCounts] = await Promise.all([
      pickupPointsOf(m, ids),
      namesOf(
        m,
        rows.map((r) => r.uplineLeaderId),
      ),
      countRecruits(m, ids),
    ]);
    return rows.map((r) =>
      toListItem(
        r,
        points.get(r.id),
        r.uplineLeaderId === null ? null : (uplines.get(r.uplineLeaderId) ?? null),
        recruitCounts.get(r.id) ?? 0,
      ),
    );
  }

  private async detail(m: EntityManager, leader: LeaderEntity): Promise<LeaderDetail> {
    const [item] = await this.listItems(m, [leader]);
    const recruits = await findRecruits(m, leader.id, DETAIL_RECRUITS);
    const points = await pickupPointsOf(m, [leader.id, ...recruits.map((r) => r.id)]);
    return toDetail(
      item,
      leader,
      points.get(leader.id),
      recruits.map((r) => toRecruitView(r, points.get(r.id))),
    );
  }
}

async function loadLeader(m: EntityManager, id: number): Promise<LeaderEntity> {
  const leader = await m.getRepository(LeaderEntity).findOneBy({ id });
  if (!leader) throw new NotFoundError('LEADER_NOT_FOUND', '团长不存在');
  return leader;
}

/** The guard already checks route permissions; services check again so no caller can forget. */
function requirePermission(
  ctx: RequestContext,
  permission: Extract<Permission, 'leaders.read' | 'leaders.write'>,
): { staffId: number; name: string } | null {
  if (ctx.actor.type === 'system') return null;
  const staff = requireStaff(ctx);
  if (!staff.permissions.includes(permission)) throw new ForbiddenError();
  return { staffId: staff.staffId, name: staff.name };
}
