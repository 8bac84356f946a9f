import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type {
  DownlineNode,
  DownlineView,
  FieldError,
  LeaderDetail,
  LeaderListItem,
  LeaderListQuery,
  Paged,
  SetLeaderLevelRequest,
} from '@linli/shared-types';
import { LeaderStatus } from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  NotFoundError,
  RequestContext,
  requirePermission,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import {
  actionNeedsReason,
  invalidTransitionMessage,
  nextLeaderStatus,
  type LeaderReviewAction,
} from './domain/leader-transitions';
import { LeaderCustomerStats } from './leader-customer-stats';
import { LeaderLifecycleHooks } from './leader-lifecycle-hooks';
import { LeaderLevelsService, type LevelChangeRecord } from './leader-levels.service';
import { LeaderMetricsService } from './leader-metrics.service';
import { leaderAuditSnapshot, toDetail, toListItem, toRecruitView } from './leader.mapper';
import { toLevelChange } from './level.mapper';
import { LeaderLevelEntity } from './persistence/leader-level.entity';
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
import {
  communityCountOf,
  descendantCounts,
  levelHistoryOf,
  levelNamesOf,
  uplineChainOf,
} from './persistence/level.repository';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
const DETAIL_RECRUITS = 100;
const DETAIL_LEVEL_HISTORY = 100;
/** The tree view loads one level at a time; a leader with more direct recruits than this is unheard of. */
const DOWNLINE_CHILDREN = 1000;
const DEFAULT_HOLD_DAYS = 30;
const DAY_MS = 86_400_000;

/** Staff reviewing applications and managing leaders. Every transition is one conditional update, audited. */
@Injectable()
export class LeaderAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly hooks: LeaderLifecycleHooks,
    private readonly levels: LeaderLevelsService,
    private readonly metrics: LeaderMetricsService,
    private readonly customers: LeaderCustomerStats,
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

  /** POST /api/admin/leaders/:id/level: a level set by hand, held from the scheduled evaluation. */
  async setLevel(ctx: RequestContext, id: number, input: SetLeaderLevelRequest): Promise<LeaderDetail> {
    const staff = requirePermission(ctx, 'leaders.write');
    const reason = input.reason.trim();
    const holdDays = input.holdDays ?? DEFAULT_HOLD_DAYS;
    const problems: FieldError[] = [];
    if (reason.length < 2 || reason.length > 200) {
      problems.push({ field: 'reason', errors: ['原因需为 2–200 个字'] });
    }
    if (!Number.isInteger(holdDays) || holdDays < 0 || holdDays > 365) {
      problems.push({ field: 'holdDays', errors: ['保级天数范围为 0–365'] });
    }
    if (problems.length > 0) throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, problems);
    return this.tx.run(async (m) => {
      const leader = await loadLeader(m, id);
      if (leader.status === LeaderStatus.PENDING || leader.status === LeaderStatus.REJECTED) {
        throw new ConflictError('LEADER_INVALID_STATUS', '待审核或已拒绝的申请不能调整等级');
      }
      const level = await m.getRepository(LeaderLevelEntity).findOneBy({ id: input.levelId });
      if (!level) throw new NotFoundError('LEADER_LEVEL_NOT_FOUND', '团长等级不存在');
      const before = leaderAuditSnapshot(leader);
      const now = new Date();
      const moved = await this.levels.recordChangeWith(m, {
        leaderId: id,
        fromLevelId: leader.levelId,
        toLevelId: level.id,
        kind: 'manual',
        reason,
        gmv30dFen: null,
        activeCustomers30d: null,
        actor: actorOf(staff),
        holdUntil: holdDays > 0 ? new Date(now.getTime() + holdDays * DAY_MS) : null,
      });
      if (!moved) throw new ConflictError('CONFLICT', '团长等级刚被其他操作调整，请刷新后重试');
      const after = await m.getRepository(LeaderEntity).findOneByOrFail({ id });
      await this.audit.record(m, ctx, {
        action: 'leader.setLevel',
        entityType: 'leader',
        entityId: id,
        before,
        after: { ...leaderAuditSnapshot(after), levelReason: reason, holdDays },
      });
      return this.detail(m, after);
    });
  }

  /** GET /api/admin/leaders/:id/downline: the leader and their direct recruits, each with counts. */
  async downline(ctx: RequestContext, id: number): Promise<DownlineView> {
    requirePermission(ctx, 'leaders.read');
    return this.tx.run(async (m) => {
      const leader = await loadLeader(m, id);
      const children = await m.getRepository(LeaderEntity).find({
        where: { uplineLeaderId: id },
        order: { appliedAt: 'ASC', id: 'ASC' },
        take: DOWNLINE_CHILDREN,
      });
      const all = [leader, ...children.filter((c) => c.id !== id)];
      const ids = all.map((l) => l.id);
      const [points, levelNames, recruits, descendants, uplineChain] = await Promise.all([
        pickupPointsOf(m, ids),
        levelNamesOf(
          m,
          all.map((l) => l.levelId),
        ),
        countRecruits(m, ids),
        descendantCounts(m, ids),
        uplineChainOf(m, leader),
      ]);
      const node = (l: LeaderEntity): DownlineNode => ({
        leaderId: l.id,
        name: l.name,
        status: l.status,
        levelName: l.levelId === null ? null : (levelNames.get(l.levelId) ?? null),
        pickupPointName: points.get(l.id)?.name ?? null,
        recruitCount: recruits.get(l.id) ?? 0,
        descendantCount: descendants.get(l.id) ?? 0,
      });
      return { node: node(leader), uplineChain, children: all.slice(1).map(node) };
    });
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
      if (action === 'approve') {
        await this.hooks.approved(m, ctx, { leaderId: id, memberId: leader.memberId });
        // A new leader starts on the lowest rung (a re-approved one keeps theirs).
        if (leader.levelId === null) await this.levels.assignLowestWith(m, id, actorOf(staff));
      }
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
    const [points, uplines, recruitCounts, levelNames] = await Promise.all([
      pickupPointsOf(m, ids),
      namesOf(
        m,
        rows.map((r) => r.uplineLeaderId),
      ),
      countRecruits(m, ids),
      levelNamesOf(
        m,
        rows.map((r) => r.levelId),
      ),
    ]);
    return rows.map((r) =>
      toListItem(
        r,
        points.get(r.id),
        r.uplineLeaderId === null ? null : (uplines.get(r.uplineLeaderId) ?? null),
        recruitCounts.get(r.id) ?? 0,
        r.levelId === null ? null : (levelNames.get(r.levelId) ?? null),
      ),
    );
  }

  private async detail(m: EntityManager, leader: LeaderEntity): Promise<LeaderDetail> {
    const [item] = await this.listItems(m, [leader]);
    const recruits = await findRecruits(m, leader.id, DETAIL_RECRUITS);
    const points = await pickupPointsOf(m, [leader.id, ...recruits.map((r) => r.id)]);
    const [metrics, history, customerCounts, communityCount] = await Promise.all([
      this.metrics.metricsOf(m, [leader.id]),
      levelHistoryOf(m, leader.id, DETAIL_LEVEL_HISTORY),
      this.customers.customerCounts([leader.id], m),
      communityCountOf(m, leader.id),
    ]);
    const historyLevelNames = await levelNamesOf(
      m,
      history.flatMap((h) => [h.fromLevelId, h.toLevelId]),
    );
    return toDetail(
      item,
      leader,
      points.get(leader.id),
      recruits.map((r) => toRecruitView(r, points.get(r.id))),
      {
        metrics: metrics.get(leader.id) ?? {
          gmv30dFen: 0,
          activeCustomers30d: 0,
          measuredAt: new Date().toISOString(),
        },
        levelHistory: history.map((h) => toLevelChange(h, historyLevelNames)),
        customerCount: customerCounts.get(leader.id) ?? 0,
        communityCount,
      },
    );
  }
}

async function loadLeader(m: EntityManager, id: number): Promise<LeaderEntity> {
  const leader = await m.getRepository(LeaderEntity).findOneBy({ id });
  if (!leader) throw new NotFoundError('LEADER_NOT_FOUND', '团长不存在');
  return leader;
}

function actorOf(staff: { staffId: number; name: string } | null): LevelChangeRecord['actor'] {
  return staff
    ? { type: 'staff', id: staff.staffId, name: staff.name }
    : { type: 'system', id: null, name: '系统' };
}
