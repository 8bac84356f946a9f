import { Injectable } from '@nestjs/common';
import type {
  CommissionPreview,
  CommissionPreviewRequest,
  RuleSetSimulation,
  RuleSetSimulationRequest,
} from '@linli/shared-types';
import {
  BusinessError,
  NotFoundError,
  requirePermission,
  shanghaiDate,
  shanghaiTime,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { CatalogService } from '../catalog';
import { LeadersService } from '../leaders';
import { calculateOrderCommission, type CommissionLineInput, type Upline } from './domain/order-commission';
import { calculateTierBonus } from './domain/tier-bonus';
import { CommissionOrderEntity } from './persistence/commission-order.entity';
import { RuleSetsService } from './rule-sets.service';

const MAX_PREVIEW_LINES = 50;
const MAX_SIMULATION_DAYS = 400;
/**
 * Rows per read. Small enough that a batch (rows, their parsed lines, the calculator's results) dies young
 * in V8's new space instead of being promoted and swept by full GCs: 20,000 rows spent more time in the
 * garbage collector than in the calculator.
 */
const SIMULATION_BATCH = 5_000;
const BIGGEST_CHANGES = 20;

/** One completed order's inputs as the simulation reads them (raw rows, no entity hydration). */
interface SimulatedOrderRow {
  order_id: number | string;
  leader_id: number | string;
  level_id: number | string | null;
  upline1_id: number | string | null;
  upline2_id: number | string | null;
  paid_amount: number | string;
  /** `lines` itself is a reserved word in MySQL/MariaDB (LOAD DATA … LINES), so not usable as an alias. */
  lines_json: string;
  accrual_amount: number | string;
  referral1_amount: number | string;
  referral2_amount: number | string;
}

/**
 * Trying rules before they go live: the preview computes one sample order under a draft (what the admin
 * editor shows line by line), the simulation re-computes every order completed in a period under a rule
 * set and compares with what was recorded. Neither writes anything.
 */
@Injectable()
export class RuleSetTrialsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ruleSets: RuleSetsService,
    private readonly leaders: LeadersService,
    private readonly catalog: CatalogService,
  ) {}

  /** POST /api/admin/commission/preview */
  async preview(ctx: RequestContext, input: CommissionPreviewRequest): Promise<CommissionPreview> {
    requirePermission(ctx, 'commission.read');
    if (!Array.isArray(input.lines) || input.lines.length === 0 || input.lines.length > MAX_PREVIEW_LINES) {
      throw new BusinessError('VALIDATION_FAILED', `试算订单须有 1–${MAX_PREVIEW_LINES} 个商品`, 400, [
        { field: 'lines', errors: [`请添加 1–${MAX_PREVIEW_LINES} 个商品`] },
      ]);
    }
    return this.tx.run(async (m) => {
      const rules = await this.ruleSets.assertValid(m, input.rules);
      const leader = await this.leaders.identityOf(input.leaderId, m);
      if (!leader) throw new NotFoundError('LEADER_NOT_FOUND', '团长不存在');
      const upline1 = leader.uplineLeaderId ? await this.leaders.identityOf(leader.uplineLeaderId, m) : null;
      const upline2 = upline1?.uplineLeaderId
        ? await this.leaders.identityOf(upline1.uplineLeaderId, m)
        : null;
      const uplines = [upline1, upline2].filter(
        (u): u is NonNullable<typeof u> => u !== null && u.id !== leader.id,
      );
      const skuIds = input.lines.map((line) => line.skuId);
      const [facts, details] = await Promise.all([
        this.catalog.skuCommissionFacts(skuIds, m),
        this.catalog.getSkuDetails(skuIds, m),
      ]);
      const lines: CommissionLineInput[] = input.lines.map((line, index) => {
        const fact = facts.get(line.skuId);
        const sku = details.get(line.skuId);
        if (!fact || !sku) {
          throw new BusinessError('SKU_NOT_FOUND', `第 ${index + 1} 个商品不存在`, 400, [
            { field: `lines.${index}.skuId`, errors: ['商品不存在'] },
          ]);
        }
        if (
          !Number.isSafeInteger(line.quantity) ||
          line.quantity < 1 ||
          !Number.isSafeInteger(line.unitPrice) ||
          line.unitPrice < 0
        ) {
          throw new BusinessError('VALIDATION_FAILED', `第 ${index + 1} 个商品的数量或单价不正确`, 400, [
            { field: `lines.${index}`, errors: ['数量须 ≥ 1，单价须为非负整数分'] },
          ]);
        }
        return {
          label: `${sku.productName}${sku.specText ? ` ${sku.specText}` : ''} × ${line.quantity}`,
          productId: fact.productId,
          categoryIds: fact.categoryIds,
          quantity: line.quantity,
          paidFen: line.unitPrice * line.quantity,
          unitCostFen: fact.cost,
        };
      });
      const paidFen = lines.reduce((sum, line) => sum + line.paidFen, 0);
      const { accrual, referrals } = calculateOrderCommission({
        order: { orderId: 0, paidFen, lines },
        leader: { leaderId: leader.id, levelId: leader.levelId },
        uplines: uplines.map((u) => ({ leaderId: u.id })),
        rules,
      });
      const nameOf = new Map([leader, ...uplines].map((l) => [l.id, l.name]));
      const entries: CommissionPreview['entries'] = [accrual, ...referrals].map((e) => ({
        leaderId: e.leaderId,
        leaderName: nameOf.get(e.leaderId) ?? '',
        type: e.type,
        amount: e.amount,
        details: e.details,
      }));
      if (rules.tierBonus) {
        const monthGmv = input.monthGmvFen ?? (await this.monthGmvOf(leader.id));
        const bonus = calculateTierBonus(monthGmv + paidFen, rules.tierBonus);
        entries.push({
          leaderId: leader.id,
          leaderName: leader.name,
          type: 'tier_bonus',
          amount: bonus.amount,
          details: bonus.details,
        });
      }
      return { entries };
    });
  }

  /** POST /api/admin/commission/rule-sets/:id/simulate */
  async simulate(
    ctx: RequestContext,
    id: number,
    input: RuleSetSimulationRequest,
  ): Promise<RuleSetSimulation> {
    requirePermission(ctx, 'commission.read');
    const from = new Date(input.from);
    const to = new Date(input.to);
    if (
      Number.isNaN(from.getTime()) ||
      Number.isNaN(to.getTime()) ||
      from >= to ||
      to.getTime() - from.getTime() > MAX_SIMULATION_DAYS * 86_400_000
    ) {
      throw new BusinessError('VALIDATION_FAILED', `请选择 ${MAX_SIMULATION_DAYS} 天以内的时间范围`, 400, [
        { field: 'from', errors: ['开始时间须早于结束时间'] },
      ]);
    }
    const started = Date.now();
    const rules = (await this.tx.run((m) => this.ruleSets.rulesOf(m, id))).rules;
    const recordedBy = new Map<number, number>();
    const simulatedBy = new Map<number, number>();
    const add = (map: Map<number, number>, leaderId: number, amount: number) =>
      map.set(leaderId, (map.get(leaderId) ?? 0) + amount);
    let orders = 0;
    let recordedFen = 0;
    let simulatedFen = 0;
    const batchAfter = (afterId: number) =>
      this.tx.run((m) =>
        m
          .getRepository(CommissionOrderEntity)
          .createQueryBuilder('o')
          .select([
            'o.order_id AS order_id',
            'o.leader_id AS leader_id',
            'o.level_id AS level_id',
            'o.upline1_id AS upline1_id',
            'o.upline2_id AS upline2_id',
            'o.paid_amount AS paid_amount',
            'o.lines AS lines_json',
            'o.accrual_amount AS accrual_amount',
            'o.referral1_amount AS referral1_amount',
            'o.referral2_amount AS referral2_amount',
          ])
          .where('o.order_id > :afterId', { afterId })
          .andWhere('o.completed_at >= :from AND o.completed_at < :to', { from, to })
          .orderBy('o.order_id', 'ASC')
          .limit(SIMULATION_BATCH)
          .getRawMany<SimulatedOrderRow>(),
      );
    let next: Promise<SimulatedOrderRow[]> | null = batchAfter(0);
    while (next) {
      const rows: SimulatedOrderRow[] = await next;
      // The next batch is read while this one is computed: the database works while this process does.
      next = rows.length < SIMULATION_BATCH ? null : batchAfter(Number(rows[rows.length - 1].order_id));
      for (const row of rows) {
        const leaderId = Number(row.leader_id);
        const uplines: Upline[] = [];
        if (row.upline1_id !== null) uplines.push({ leaderId: Number(row.upline1_id) });
        if (row.upline2_id !== null) uplines.push({ leaderId: Number(row.upline2_id) });
        const result = calculateOrderCommission({
          order: {
            orderId: Number(row.order_id),
            paidFen: Number(row.paid_amount),
            lines: JSON.parse(row.lines_json) as CommissionLineInput[],
          },
          leader: { leaderId, levelId: row.level_id === null ? null : Number(row.level_id) },
          uplines,
          rules,
        });
        const accrual = Number(row.accrual_amount);
        const referral1 = Number(row.referral1_amount);
        const referral2 = Number(row.referral2_amount);
        add(recordedBy, leaderId, accrual);
        if (uplines.length > 0) add(recordedBy, uplines[0].leaderId, referral1);
        if (uplines.length > 1) add(recordedBy, uplines[1].leaderId, referral2);
        recordedFen += accrual + referral1 + referral2;
        add(simulatedBy, leaderId, result.accrual.amount);
        simulatedFen += result.accrual.amount;
        for (const entry of result.referrals) {
          add(simulatedBy, entry.leaderId, entry.amount);
          simulatedFen += entry.amount;
        }
        orders += 1;
      }
    }
    const leaderIds = new Set([...recordedBy.keys(), ...simulatedBy.keys()]);
    const changes = [...leaderIds]
      .map((leaderId) => ({
        leaderId,
        recordedFen: recordedBy.get(leaderId) ?? 0,
        simulatedFen: simulatedBy.get(leaderId) ?? 0,
      }))
      .filter((c) => c.recordedFen !== c.simulatedFen)
      .sort(
        (a, b) =>
          Math.abs(b.simulatedFen - b.recordedFen) - Math.abs(a.simulatedFen - a.recordedFen) ||
          a.leaderId - b.leaderId,
      )
      .slice(0, BIGGEST_CHANGES);
    const names = await this.leaders.identitiesOf(changes.map((c) => c.leaderId));
    return {
      orders,
      leaders: leaderIds.size,
      recordedFen,
      simulatedFen,
      biggestChanges: changes.map((c) => ({
        ...c,
        leaderName: names.get(c.leaderId)?.name ?? `团长 ${c.leaderId}`,
      })),
      elapsedMs: Date.now() - started,
    };
  }

  /** The leader's GMV completed so far this (Shanghai) month, net of refunds. */
  private async monthGmvOf(leaderId: number): Promise<number> {
    const today = shanghaiDate(new Date());
    const monthStart = shanghaiTime(`${today.slice(0, 8)}01`, 0);
    const row = await this.tx.run((m) =>
      m
        .getRepository(CommissionOrderEntity)
        .createQueryBuilder('o')
        .select('SUM(o.paidAmount - o.refundedAmount)', 'gmv')
        .where('o.leaderId = :leaderId AND o.completedAt >= :monthStart', { leaderId, monthStart })
        .getRawOne<{ gmv: string | number | null }>(),
    );
    return Number(row?.gmv ?? 0);
  }
}
