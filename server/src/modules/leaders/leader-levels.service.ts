import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { FieldError, LeaderLevel, LeaderLevelInput, LevelChangeKind } from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  RequestContext,
  requirePermission,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import type { LevelRung } from './domain/level-evaluation';
import { levelColumns, toLeaderLevel, toLevelInput, toLevelRung } from './level.mapper';
import { LeaderLevelChangeEntity } from './persistence/leader-level-change.entity';
import { LeaderLevelEntity } from './persistence/leader-level.entity';
import { LeaderEntity } from './persistence/leader.entity';
import { leaderCountsByLevel, levelsByRank, moveLevel } from './persistence/level.repository';

/** A level change to record: who decided, why, on which figures. */
export interface LevelChangeRecord {
  leaderId: number;
  fromLevelId: number | null;
  toLevelId: number;
  kind: LevelChangeKind;
  reason: string;
  gmv30dFen: number | null;
  activeCustomers30d: number | null;
  actor: { type: 'staff' | 'system'; id: number | null; name: string | null };
  /** When given, also sets (or clears) the hold; else the hold stays as it is. */
  holdUntil?: Date | null;
  /** Backdates the record (demo history only). */
  at?: Date;
}

const DUPLICATE = () => new ConflictError('LEADER_LEVEL_DUPLICATE', '等级名称或排序已存在，请换一个');

/** The level ladder (团长等级): staff edit it; every write is audited. */
@Injectable()
export class LeaderLevelsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext): Promise<LeaderLevel[]> {
    requirePermission(ctx, 'leaders.read');
    return this.tx.run(async (m) => {
      const [levels, counts] = await Promise.all([levelsByRank(m), leaderCountsByLevel(m)]);
      return levels.map((level) => toLeaderLevel(level, counts.get(level.id) ?? 0));
    });
  }

  async create(ctx: RequestContext, input: LeaderLevelInput): Promise<LeaderLevel> {
    requirePermission(ctx, 'leaders.write');
    assertValidLevel(input);
    return this.guardDuplicates(() =>
      this.tx.run(async (m) => {
        await assertNoDuplicate(m, input, null);
        const repo = m.getRepository(LeaderLevelEntity);
        const saved = await repo.save(repo.create(levelColumns(input)));
        const level = await repo.findOneByOrFail({ id: saved.id });
        await this.audit.record(m, ctx, {
          action: 'leaderLevel.create',
          entityType: 'leader_level',
          entityId: level.id,
          before: null,
          after: { id: level.id, ...toLevelInput(level) },
        });
        return toLeaderLevel(level, 0);
      }),
    );
  }

  async update(ctx: RequestContext, id: number, input: LeaderLevelInput): Promise<LeaderLevel> {
    requirePermission(ctx, 'leaders.write');
    assertValidLevel(input);
    return this.guardDuplicates(() =>
      this.tx.run(async (m) => {
        const before = await loadLevel(m, id);
        await assertNoDuplicate(m, input, id);
        const repo = m.getRepository(LeaderLevelEntity);
        await repo.update({ id }, levelColumns(input));
        const after = await repo.findOneByOrFail({ id });
        await this.audit.record(m, ctx, {
          action: 'leaderLevel.update',
          entityType: 'leader_level',
          entityId: id,
          before: { id, ...toLevelInput(before) },
          after: { id, ...toLevelInput(after) },
        });
        const counts = await leaderCountsByLevel(m);
        return toLeaderLevel(after, counts.get(id) ?? 0);
      }),
    );
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    requirePermission(ctx, 'leaders.write');
    await this.tx.run(async (m) => {
      const level = await loadLevel(m, id);
      const inUse = await m.getRepository(LeaderEntity).countBy({ levelId: id });
      if (inUse > 0) {
        throw new ConflictError(
          'LEADER_LEVEL_IN_USE',
          `还有 ${inUse} 位团长处于「${level.name}」，请先调整他们的等级再删除`,
        );
      }
      await m.getRepository(LeaderLevelEntity).delete({ id });
      await this.audit.record(m, ctx, {
        action: 'leaderLevel.delete',
        entityType: 'leader_level',
        entityId: id,
        before: { id, ...toLevelInput(level) },
        after: null,
      });
    });
  }

  /** Every level with its own commission rate, lowest first (commission rule sets start from these). */
  async ratesWith(m: EntityManager): Promise<Array<{ id: number; name: string; commissionRateBps: number }>> {
    return (await levelsByRank(m)).map(({ id, name, commissionRateBps }) => ({
      id,
      name,
      commissionRateBps,
    }));
  }

  /** The ladder, lowest first (seed and evaluation). */
  async ladderWith(m: EntityManager): Promise<LevelRung[]> {
    return (await levelsByRank(m)).map(toLevelRung);
  }

  /**
   * Gives a leader with no level the lowest one (approval, in its transaction). Returns false when there
   * is no ladder or the leader already has a level.
   */
  async assignLowestWith(
    m: EntityManager,
    leaderId: number,
    actor: LevelChangeRecord['actor'],
  ): Promise<boolean> {
    const [lowest] = await levelsByRank(m);
    if (!lowest) return false;
    return this.recordChangeWith(m, {
      leaderId,
      fromLevelId: null,
      toLevelId: lowest.id,
      kind: 'initial',
      reason: '团长审核通过，初始定级',
      gmv30dFen: null,
      activeCustomers30d: null,
      actor,
    });
  }

  /** Moves the leader (only while still on `fromLevelId`) and records the change. */
  async recordChangeWith(m: EntityManager, change: LevelChangeRecord): Promise<boolean> {
    const moved = await moveLevel(m, change.leaderId, change.fromLevelId, change.toLevelId, change.holdUntil);
    if (!moved) return false;
    const repo = m.getRepository(LeaderLevelChangeEntity);
    const saved = await repo.save(
      repo.create({
        leaderId: change.leaderId,
        fromLevelId: change.fromLevelId,
        toLevelId: change.toLevelId,
        kind: change.kind,
        reason: change.reason.slice(0, 200),
        gmv30dFen: change.gmv30dFen,
        activeCustomers30d: change.activeCustomers30d,
        actorType: change.actor.type,
        actorId: change.actor.id,
        actorName: change.actor.name,
      }),
    );
    if (change.at) await repo.update({ id: saved.id }, { createdAt: change.at });
    return true;
  }

  private async guardDuplicates<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // Two staff saving the same name/rank at once: the unique index let one through.
      if (isUniqueViolation(error)) throw DUPLICATE();
      throw error;
    }
  }
}

async function loadLevel(m: EntityManager, id: number): Promise<LeaderLevelEntity> {
  const level = await m.getRepository(LeaderLevelEntity).findOneBy({ id });
  if (!level) throw new NotFoundError('LEADER_LEVEL_NOT_FOUND', '团长等级不存在');
  return level;
}

async function assertNoDuplicate(m: EntityManager, input: LeaderLevelInput, selfId: number | null) {
  const qb = m
    .getRepository(LeaderLevelEntity)
    .createQueryBuilder('lv')
    .where('(lv.name = :name OR lv.level_rank = :rank)', { name: input.name.trim(), rank: input.rank });
  if (selfId !== null) qb.andWhere('lv.id <> :selfId', { selfId });
  const clash = await qb.getOne();
  if (clash) {
    const field = clash.rank === input.rank ? 'rank' : 'name';
    throw new ConflictError(
      'LEADER_LEVEL_DUPLICATE',
      field === 'rank' ? `排序 ${input.rank} 已被「${clash.name}」使用` : `等级名称「${clash.name}」已存在`,
    );
  }
}

/** Field ranges beyond the DTO's: keeping a level must not be harder than reaching it. */
function assertValidLevel(input: LeaderLevelInput): void {
  const problems: FieldError[] = [];
  if (input.keep.minGmv30dFen > input.upgrade.minGmv30dFen) {
    problems.push({ field: 'keep.minGmv30dFen', errors: ['保级GMV不能高于升级GMV'] });
  }
  if (input.keep.minActiveCustomers30d > input.upgrade.minActiveCustomers30d) {
    problems.push({ field: 'keep.minActiveCustomers30d', errors: ['保级活跃客户数不能高于升级门槛'] });
  }
  if (problems.length > 0) throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, problems);
}
