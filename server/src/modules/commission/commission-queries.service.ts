import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type {
  CommissionEntryQuery,
  CommissionEntryView,
  LeaderCommissionOverview,
  LeaderCommissionRow,
  Paged,
} from '@linli/shared-types';
import {
  APP_CONFIG,
  type AppConfig,
  requirePermission,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { LeaderLevelsService, LeadersService } from '../leaders';
import { CommissionLedger } from './commission-ledger';
import { entryView, withdrawalView } from './commission-presenter';
import { LeaderScope } from './leader-scope';
import { CommissionEntryEntity } from './persistence/commission-entry.entity';
import { CommissionOrderEntity } from './persistence/commission-order.entity';
import { RuleSetsService } from './rule-sets.service';
import { WithdrawalsService } from './withdrawals.service';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/** Reading the ledger: the leader's overview and entries, finance's entries and balances by leader. */
@Injectable()
export class CommissionQueries {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly ledger: CommissionLedger,
    private readonly scope: LeaderScope,
    private readonly leaders: LeadersService,
    private readonly levels: LeaderLevelsService,
    private readonly ruleSets: RuleSetsService,
    private readonly withdrawals: WithdrawalsService,
  ) {}

  /** GET /api/app/leader/commission */
  async overview(ctx: RequestContext): Promise<LeaderCommissionOverview> {
    const leader = await this.scope.leaderOf(ctx);
    return this.tx.run(async (m) => {
      const now = new Date();
      const [balance, open, ruleSet] = await Promise.all([
        this.ledger.balanceOf(m, leader.id, now),
        this.withdrawals.openOf(m, leader.id),
        this.ruleSets.requireInForceAt(m, now),
      ]);
      const rules = ruleSet.rules;
      const myRateBps =
        rules.levelRates.find((rate) => rate.levelId === leader.levelId)?.rateBps ?? rules.defaultRateBps;
      return {
        balance,
        minWithdrawFen: this.config.commission.withdrawMinFen,
        openWithdrawal: open ? withdrawalView(open, leader.name, { fullAccountNo: false }) : null,
        rules: {
          basis: rules.basis,
          frozenDays: rules.frozenDays,
          myRateBps,
          ruleSetVersion: ruleSet.version,
        },
        autoApproveFen: this.config.commission.autoApproveFen,
        methods: this.withdrawals.methods,
      };
    });
  }

  /** GET /api/app/leader/commission/entries: the calling leader's, whatever leaderId says. */
  async leaderEntries(ctx: RequestContext, query: CommissionEntryQuery): Promise<Paged<CommissionEntryView>> {
    const leader = await this.scope.leaderOf(ctx);
    return this.entries({ ...query, leaderId: leader.id });
  }

  /** GET /api/admin/commission/entries */
  async adminEntries(ctx: RequestContext, query: CommissionEntryQuery): Promise<Paged<CommissionEntryView>> {
    requirePermission(ctx, 'commission.read');
    return this.entries(query);
  }

  /** GET /api/admin/commission/leaders: leaders with their balances. */
  async leaderBalances(
    ctx: RequestContext,
    query: { keyword?: string; page?: number; pageSize?: number },
  ): Promise<Paged<LeaderCommissionRow>> {
    requirePermission(ctx, 'commission.read');
    const { page, pageSize } = paging(query);
    return this.tx.run(async (m) => {
      const { items, total } = await this.leaders.pageOfIdentities(
        { keyword: query.keyword, page, pageSize },
        m,
      );
      const [balances, levels] = await Promise.all([
        this.ledger.balances(
          m,
          items.map((l) => l.id),
        ),
        this.levels.ratesWith(m),
      ]);
      const levelName = new Map(levels.map((l) => [l.id, l.name]));
      return {
        items: items.map((leader) => ({
          ...balances.get(leader.id)!,
          leaderName: leader.name,
          levelName: leader.levelId === null ? null : (levelName.get(leader.levelId) ?? null),
        })),
        total,
        page,
        pageSize,
      };
    });
  }

  private async entries(query: CommissionEntryQuery): Promise<Paged<CommissionEntryView>> {
    const { page, pageSize } = paging(query);
    return this.tx.run(async (m) => {
      const qb = m.getRepository(CommissionEntryEntity).createQueryBuilder('e');
      if (query.leaderId) qb.andWhere('e.leaderId = :leaderId', { leaderId: query.leaderId });
      if (query.type) qb.andWhere('e.type = :type', { type: query.type });
      // By the status the views show: a frozen entry past its time is available already.
      const now = new Date();
      if (query.status === 'frozen') qb.andWhere("e.status = 'frozen' AND e.availableAt > :now", { now });
      else if (query.status === 'available')
        qb.andWhere("(e.status = 'available' OR (e.status = 'frozen' AND e.availableAt <= :now))", { now });
      else if (query.status) qb.andWhere('e.status = :status', { status: query.status });
      if (query.from) qb.andWhere('e.createdAt >= :from', { from: new Date(query.from) });
      if (query.to) qb.andWhere('e.createdAt < :to', { to: new Date(query.to) });
      if (query.orderNo) {
        const order = await m
          .getRepository(CommissionOrderEntity)
          .findOneBy({ orderNo: query.orderNo.trim() });
        qb.andWhere('e.orderId = :orderId', { orderId: order?.orderId ?? -1 });
      }
      const [rows, total] = await qb
        .orderBy('e.id', 'DESC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      return { items: await this.entryViews(m, rows), total, page, pageSize };
    });
  }

  /** Views of entries, with leader names and order numbers looked up in two queries. */
  async entryViews(m: EntityManager, rows: CommissionEntryEntity[]): Promise<CommissionEntryView[]> {
    const orderIds = [...new Set(rows.flatMap((e) => (e.orderId === null ? [] : [e.orderId])))];
    const [names, orders] = await Promise.all([
      this.leaders.identitiesOf(
        rows.map((e) => e.leaderId),
        m,
      ),
      orderIds.length === 0
        ? []
        : m.getRepository(CommissionOrderEntity).find({
            select: { orderId: true, orderNo: true },
            where: { orderId: In(orderIds) },
          }),
    ]);
    const orderNo = new Map(orders.map((o) => [Number(o.orderId), o.orderNo]));
    return rows.map((e) =>
      entryView(e, {
        leaderName: names.get(e.leaderId)?.name ?? `团长 ${e.leaderId}`,
        orderNo: e.orderId === null ? null : (orderNo.get(Number(e.orderId)) ?? null),
      }),
    );
  }
}

function paging(query: { page?: number; pageSize?: number }): { page: number; pageSize: number } {
  return { page: query.page ?? 1, pageSize: Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}
