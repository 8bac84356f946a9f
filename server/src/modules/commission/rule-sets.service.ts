import { Injectable } from '@nestjs/common';
import { LessThanOrEqual, type EntityManager } from 'typeorm';
import type { CommissionRules, RuleSetInput, RuleSetView } from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  requirePermission,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { AuditService } from '../audit';
import { CatalogService } from '../catalog';
import { LeaderLevelsService } from '../leaders';
import { ruleProblems } from './domain/rules-validation';
import { normalizeRules } from './domain/rules-shape';
import { RuleSetEntity } from './persistence/rule-set.entity';

const notFound = () => new NotFoundError('COMMISSION_RULE_SET_NOT_FOUND', '佣金方案不存在');
const published = () =>
  new ConflictError('COMMISSION_RULE_SET_PUBLISHED', '方案已发布，不能再修改；可复制为新草稿后修改');
/** A publish time a little in the past is "now" (the form was filled a moment ago). */
const PUBLISH_SLACK_MS = 5 * 60_000;

/** A published rule set as the calculator uses it. */
export interface RuleSetInForce {
  id: number;
  version: number;
  rules: CommissionRules;
}

/**
 * Commission rule sets (佣金方案), versioned: drafts are edited freely; publishing gives a set the next
 * version and an effective time and freezes it. The set in force at time T is the published one with the
 * latest effective time ≤ T, so every entry can name the version that produced it.
 */
@Injectable()
export class RuleSetsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly levels: LeaderLevelsService,
    private readonly catalog: CatalogService,
  ) {}

  async list(ctx: RequestContext): Promise<RuleSetView[]> {
    requirePermission(ctx, 'commission.read');
    return this.tx.run(async (m) => {
      const rows = await m.getRepository(RuleSetEntity).find();
      const current = await this.inForceAt(m, new Date());
      return rows.sort(newestFirst).map((row) => toView(row, current?.id ?? null));
    });
  }

  async get(ctx: RequestContext, id: number): Promise<RuleSetView> {
    requirePermission(ctx, 'commission.read');
    return this.tx.run(async (m) => {
      const current = await this.inForceAt(m, new Date());
      return toView(await load(m, id), current?.id ?? null);
    });
  }

  /** A starting point for a new draft: the rules in force, else every level at its own rate. */
  async template(ctx: RequestContext): Promise<CommissionRules> {
    requirePermission(ctx, 'commission.read');
    return this.tx.run(async (m) => {
      const current = await this.inForceAt(m, new Date());
      if (current) return current.rules;
      const levels = await this.levels.ratesWith(m);
      return {
        basis: 'paid_amount',
        defaultRateBps: levels.length > 0 ? Math.min(...levels.map((l) => l.commissionRateBps)) : 0,
        levelRates: levels.map((l) => ({ levelId: l.id, rateBps: l.commissionRateBps })),
        overrides: [],
        tierBonus: null,
        referral: null,
        recruitmentReward: null,
        frozenDays: 7,
      };
    });
  }

  async create(ctx: RequestContext, input: RuleSetInput): Promise<RuleSetView> {
    const staff = requirePermission(ctx, 'commission.write');
    const name = checkedName(input.name);
    return this.tx.run(async (m) => {
      const rules = await this.assertValid(m, input.rules);
      const repo = m.getRepository(RuleSetEntity);
      const { id } = await repo.save(
        repo.create({
          name,
          version: null,
          status: 'draft',
          effectiveFrom: null,
          rules,
          createdByName: staff?.name ?? '系统',
          publishedAt: null,
          publishedByName: null,
        }),
      );
      await this.audit.record(m, ctx, {
        action: 'commissionRuleSet.create',
        entityType: 'commission_rule_set',
        entityId: id,
        before: null,
        after: { name, rules },
      });
      return toView(await load(m, id), null);
    });
  }

  async update(ctx: RequestContext, id: number, input: RuleSetInput): Promise<RuleSetView> {
    requirePermission(ctx, 'commission.write');
    const name = checkedName(input.name);
    return this.tx.run(async (m) => {
      const row = await load(m, id, true);
      if (row.status !== 'draft') throw published();
      const rules = await this.assertValid(m, input.rules);
      await m.getRepository(RuleSetEntity).update({ id }, { name, rules });
      await this.audit.record(m, ctx, {
        action: 'commissionRuleSet.update',
        entityType: 'commission_rule_set',
        entityId: id,
        before: { name: row.name, rules: row.rules },
        after: { name, rules },
      });
      return toView(await load(m, id), null);
    });
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    requirePermission(ctx, 'commission.write');
    await this.tx.run(async (m) => {
      const row = await load(m, id, true);
      if (row.status !== 'draft') throw published();
      await m.getRepository(RuleSetEntity).delete({ id, status: 'draft' });
      await this.audit.record(m, ctx, {
        action: 'commissionRuleSet.delete',
        entityType: 'commission_rule_set',
        entityId: id,
        before: { name: row.name, rules: row.rules },
        after: null,
      });
    });
  }

  async copy(ctx: RequestContext, id: number): Promise<RuleSetView> {
    requirePermission(ctx, 'commission.write');
    const source = await this.tx.run((m) => load(m, id));
    const name = `${source.name}（副本）`.slice(0, 40);
    return this.create(ctx, { name, rules: source.rules });
  }

  /** Freezes a draft as the next version, in force from `effectiveFrom` (now or later). */
  async publish(ctx: RequestContext, id: number, effectiveFrom: Date): Promise<RuleSetView> {
    const staff = requirePermission(ctx, 'commission.write');
    if (Number.isNaN(effectiveFrom.getTime()) || effectiveFrom.getTime() < Date.now() - PUBLISH_SLACK_MS) {
      throw new BusinessError('COMMISSION_EFFECTIVE_TIME_INVALID', '生效时间不能早于现在', 400);
    }
    try {
      return await this.tx.run(async (m) => {
        const row = await load(m, id, true);
        if (row.status !== 'draft') throw published();
        // The ids named may have gone since the draft was saved.
        await this.assertValid(m, row.rules);
        const last = await m
          .getRepository(RuleSetEntity)
          .createQueryBuilder('r')
          .select('MAX(r.version)', 'max')
          .getRawOne<{ max: number | string | null }>();
        const version = Number(last?.max ?? 0) + 1;
        const at = new Date(Math.max(effectiveFrom.getTime(), Date.now()));
        await m.getRepository(RuleSetEntity).update(
          { id, status: 'draft' },
          {
            status: 'published',
            version,
            effectiveFrom: at,
            publishedAt: new Date(),
            publishedByName: staff?.name ?? '系统',
          },
        );
        await this.audit.record(m, ctx, {
          action: 'commissionRuleSet.publish',
          entityType: 'commission_rule_set',
          entityId: id,
          before: { status: 'draft' },
          after: { status: 'published', version, effectiveFrom: at.toISOString() },
        });
        const current = await this.inForceAt(m, new Date());
        return toView(await load(m, id), current?.id ?? null);
      });
    } catch (error) {
      // Two sets published at the same instant took the same version number: one of them asks again.
      if (isUniqueViolation(error)) throw new ConflictError('CONFLICT', '另一个方案正在发布，请稍后重试');
      throw error;
    }
  }

  /** The published set in force at `at`; null only before any set was published (never after migration 0011). */
  async inForceAt(m: EntityManager, at: Date): Promise<RuleSetInForce | null> {
    const row = await m.getRepository(RuleSetEntity).findOne({
      where: { status: 'published', effectiveFrom: LessThanOrEqual(at) },
      order: { effectiveFrom: 'DESC', version: 'DESC' },
    });
    return row && row.version !== null ? { id: row.id, version: row.version, rules: row.rules } : null;
  }

  /** Like `inForceAt`, refusing when there is none. */
  async requireInForceAt(m: EntityManager, at: Date): Promise<RuleSetInForce> {
    const found = await this.inForceAt(m, at);
    if (!found) throw new ConflictError('COMMISSION_NO_RULE_SET', '没有生效的佣金方案，请先发布一个');
    return found;
  }

  /** A rule set by id, for previews and simulations (drafts included). */
  async rulesOf(m: EntityManager, id: number): Promise<RuleSetEntity> {
    return load(m, id);
  }

  /** The rules in their stored form, or 400 COMMISSION_RULES_INVALID with one error per field. */
  async assertValid(m: EntityManager, rules: CommissionRules): Promise<CommissionRules> {
    if (!isRulesShape(rules)) {
      throw new BusinessError('COMMISSION_RULES_INVALID', '佣金规则格式不正确', 400, [
        { field: 'rules', errors: ['佣金规则格式不正确'] },
      ]);
    }
    const overrides = Array.isArray(rules.overrides) ? rules.overrides : [];
    const idsOf = (kind: 'product' | 'category') =>
      overrides.filter((o) => o?.targetKind === kind && Number.isInteger(o.targetId)).map((o) => o.targetId);
    const [levels, existing] = await Promise.all([
      this.levels.ratesWith(m),
      this.catalog.existingIds({ productIds: idsOf('product'), categoryIds: idsOf('category') }, m),
    ]);
    const problems = ruleProblems(rules, {
      levelIds: new Set(levels.map((l) => l.id)),
      productIds: existing.productIds,
      categoryIds: existing.categoryIds,
    });
    if (problems.length > 0) {
      throw new BusinessError(
        'COMMISSION_RULES_INVALID',
        problems[0].errors[0] ?? '佣金规则有误',
        400,
        problems,
      );
    }
    return normalizeRules(rules);
  }
}

function isRulesShape(rules: unknown): rules is CommissionRules {
  return typeof rules === 'object' && rules !== null && !Array.isArray(rules);
}

function checkedName(name: unknown): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length < 1 || trimmed.length > 40) {
    throw new BusinessError('VALIDATION_FAILED', '方案名称须为 1–40 个字符', 400, [
      { field: 'name', errors: ['方案名称须为 1–40 个字符'] },
    ]);
  }
  return trimmed;
}

async function load(m: EntityManager, id: number, lock = false): Promise<RuleSetEntity> {
  const row = await m.getRepository(RuleSetEntity).findOne({
    where: { id },
    ...(lock && m.connection.options.type === 'mysql'
      ? { lock: { mode: 'pessimistic_write' as const } }
      : {}),
  });
  if (!row) throw notFound();
  return row;
}

/** Drafts first (newest first), then published sets by version, newest first. */
function newestFirst(a: RuleSetEntity, b: RuleSetEntity): number {
  if ((a.version === null) !== (b.version === null)) return a.version === null ? -1 : 1;
  if (a.version !== null && b.version !== null) return b.version - a.version;
  return b.id - a.id;
}

export function toView(row: RuleSetEntity, currentId: number | null): RuleSetView {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    status: row.status,
    effectiveFrom: row.effectiveFrom?.toISOString() ?? null,
    current: row.id === currentId,
    rules: row.rules,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedByName,
  };
}
