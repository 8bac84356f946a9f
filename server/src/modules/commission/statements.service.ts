import { Injectable } from '@nestjs/common';
import {
  COMMISSION_ENTRY_TYPE_LABELS,
  type CommissionEntryType,
  type CommissionStatement,
  type StatementPeriod,
  type StatementSummary,
} from '@linli/shared-types';
import {
  BusinessError,
  NotFoundError,
  requirePermission,
  shanghaiDate,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { LeadersService } from '../leaders';
import { CommissionQueries } from './commission-queries.service';
import { isCalendarDate, periodRange, type PeriodRange } from './domain/periods';
import { LeaderScope } from './leader-scope';
import { CommissionEntryEntity } from './persistence/commission-entry.entity';
import { CommissionOrderEntity } from './persistence/commission-order.entity';

const PERIODS: readonly StatementPeriod[] = ['day', 'week', 'month'];

export const ENTRY_TYPES = Object.keys(COMMISSION_ENTRY_TYPE_LABELS) as CommissionEntryType[];

/**
 * Statements (对账单) per leader per day, week or month, and the summary of all leaders for a period. A
 * statement holds the period's entries (by when they were written); its total equals the sum of its
 * orders' commission plus the entries without an order, and the summary's total the sum of its rows.
 */
@Injectable()
export class StatementsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly leaders: LeadersService,
    private readonly queries: CommissionQueries,
    private readonly scope: LeaderScope,
  ) {}

  /** GET /api/admin/commission/statements */
  async forStaff(
    ctx: RequestContext,
    query: { leaderId: number; period: StatementPeriod; date?: string },
  ): Promise<CommissionStatement> {
    requirePermission(ctx, 'commission.read');
    const leader = await this.leaders.identityOf(query.leaderId);
    if (!leader) throw new NotFoundError('LEADER_NOT_FOUND', '团长不存在');
    return this.statement(leader.id, leader.name, query.period, query.date);
  }

  /** GET /api/app/leader/commission/statement */
  async forLeader(
    ctx: RequestContext,
    query: { period: StatementPeriod; date?: string },
  ): Promise<CommissionStatement> {
    const leader = await this.scope.leaderOf(ctx);
    return this.statement(leader.id, leader.name, query.period, query.date);
  }

  /** GET /api/admin/commission/statements/summary */
  async summary(
    ctx: RequestContext,
    query: { period: StatementPeriod; date?: string },
  ): Promise<StatementSummary> {
    requirePermission(ctx, 'commission.read');
    const range = rangeOf(query.period, query.date);
    return this.tx.run(async (m) => {
      const rows = await m
        .getRepository(CommissionEntryEntity)
        .createQueryBuilder('e')
        .select('e.leaderId', 'leaderId')
        .addSelect('e.type', 'type')
        .addSelect('SUM(e.amount)', 'amount')
        .addSelect('COUNT(DISTINCT e.orderId)', 'orders')
        .where('e.createdAt >= :start AND e.createdAt < :end', { start: range.start, end: range.end })
        .groupBy('e.leaderId')
        .addGroupBy('e.type')
        .getRawMany<{
          leaderId: string | number;
          type: CommissionEntryType;
          amount: string | number;
          orders: string | number;
        }>();
      const byLeader = new Map<number, StatementSummary['rows'][number]>();
      const names = await this.leaders.identitiesOf(
        rows.map((r) => Number(r.leaderId)),
        m,
      );
      for (const row of rows) {
        const leaderId = Number(row.leaderId);
        const summaryRow = byLeader.get(leaderId) ?? {
          leaderId,
          leaderName: names.get(leaderId)?.name ?? `团长 ${leaderId}`,
          orders: 0,
          byType: zeroByType(),
          total: 0,
        };
        summaryRow.byType[row.type] += Number(row.amount);
        summaryRow.total += Number(row.amount);
        // Order counts per type overlap (an order's accrual and its reversal); the accrual counts them.
        if (row.type === 'accrual') summaryRow.orders = Number(row.orders);
        byLeader.set(leaderId, summaryRow);
      }
      const summaryRows = [...byLeader.values()].sort((a, b) => b.total - a.total || a.leaderId - b.leaderId);
      return {
        period: query.period,
        from: range.from,
        to: range.to,
        rows: summaryRows,
        total: summaryRows.reduce((sum, r) => sum + r.total, 0),
      };
    });
  }

  private statement(
    leaderId: number,
    leaderName: string,
    period: StatementPeriod,
    date: string | undefined,
  ): Promise<CommissionStatement> {
    const range = rangeOf(period, date);
    return this.tx.run(async (m) => {
      const rows = await m
        .getRepository(CommissionEntryEntity)
        .createQueryBuilder('e')
        .where('e.leaderId = :leaderId', { leaderId })
        .andWhere('e.createdAt >= :start AND e.createdAt < :end', { start: range.start, end: range.end })
        .orderBy('e.id', 'ASC')
        .getMany();
      const entries = await this.queries.entryViews(m, rows);
      const orderIds = [...new Set(rows.flatMap((e) => (e.orderId === null ? [] : [Number(e.orderId)])))];
      const orderRows =
        orderIds.length === 0
          ? []
          : await m
              .getRepository(CommissionOrderEntity)
              .createQueryBuilder('o')
              .select(['o.orderId', 'o.orderNo', 'o.paidAmount'])
              .where('o.orderId IN (:...orderIds)', { orderIds })
              .getMany();
      const paidOf = new Map(orderRows.map((o) => [Number(o.orderId), o]));
      const commissionOf = new Map<number, number>();
      const byType = zeroByType();
      let withoutOrder = 0;
      for (const e of rows) {
        byType[e.type] += e.amount;
        if (e.orderId === null) withoutOrder += e.amount;
        else commissionOf.set(Number(e.orderId), (commissionOf.get(Number(e.orderId)) ?? 0) + e.amount);
      }
      const orders = orderIds.map((orderId) => ({
        orderId,
        orderNo: paidOf.get(orderId)?.orderNo ?? String(orderId),
        paidAmount: paidOf.get(orderId)?.paidAmount ?? 0,
        commission: commissionOf.get(orderId) ?? 0,
      }));
      const ordersTotal = orders.reduce((sum, o) => sum + o.commission, 0);
      return {
        leaderId,
        leaderName,
        period,
        from: range.from,
        to: range.to,
        entries,
        orders,
        totals: { byType, total: ordersTotal + withoutOrder, ordersTotal, withoutOrder },
      };
    });
  }
}

function rangeOf(period: StatementPeriod, date: string | undefined): PeriodRange {
  if (!PERIODS.includes(period)) {
    throw new BusinessError('VALIDATION_FAILED', '对账周期只能是日、周或月', 400, [
      { field: 'period', errors: ['对账周期只能是 day、week 或 month'] },
    ]);
  }
  const day = date ?? shanghaiDate(new Date());
  if (!isCalendarDate(day)) {
    throw new BusinessError('VALIDATION_FAILED', '日期格式应为 YYYY-MM-DD', 400, [
      { field: 'date', errors: ['日期格式应为 YYYY-MM-DD'] },
    ]);
  }
  return periodRange(period, day);
}

function zeroByType(): Record<CommissionEntryType, number> {
  return Object.fromEntries(ENTRY_TYPES.map((type) => [type, 0])) as Record<CommissionEntryType, number>;
}
