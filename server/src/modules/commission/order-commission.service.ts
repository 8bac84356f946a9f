import { Injectable, Logger } from '@nestjs/common';
import { In, Like, type EntityManager } from 'typeorm';
import type { CommissionDetailLine, OrderEventPayload } from '@linli/shared-types';
import { OnOutboxEvent, type OutboxEvent } from '../../platform';
import { CatalogService } from '../catalog';
import { LeadersService } from '../leaders';
import { ORDER_EVENTS, OrderQueries } from '../orders';
import { CommissionLedger, type NewEntry } from './commission-ledger';
import { calculateOrderCommission, type CommissionLineInput, type Upline } from './domain/order-commission';
import { allocatePaid } from './domain/paid-allocation';
import { recruitmentRewardDue } from './domain/recruitment';
import { reverseForRefund } from './domain/reversal';
import { CommissionAccountEntity } from './persistence/commission-account.entity';
import { CommissionEntryEntity } from './persistence/commission-entry.entity';
import { CommissionOrderEntity } from './persistence/commission-order.entity';
import { RuleSetsService } from './rule-sets.service';

const DAY_MS = 86_400_000;

/** Thrown while a refund arrives before the accrual it reverses: the outbox retries it shortly. */
export class AccrualPendingError extends Error {
  constructor(orderId: number) {
    super(`the commission of order ${orderId} is not written yet; the reversal waits for it`);
    this.name = 'AccrualPendingError';
  }
}

/**
 * Commission of completed orders, written from the orders context's outbox events (so within seconds of
 * the pickup, in the delivery's transaction, exactly once per event):
 * - orders.picked_up → the leader's accrual, the uplines' referral entries, the recruitment reward when
 *   due; all frozen for the rule set's after-sales window;
 * - orders.refunded → reversals of those entries in proportion to the refund (clawback).
 */
@Injectable()
export class OrderCommissionService {
  private readonly logger = new Logger(OrderCommissionService.name);

  constructor(
    private readonly ruleSets: RuleSetsService,
    private readonly ledger: CommissionLedger,
    private readonly orders: OrderQueries,
    private readonly catalog: CatalogService,
    private readonly leaders: LeadersService,
  ) {}

  @OnOutboxEvent(ORDER_EVENTS.pickedUp, 'commission.accrue-order')
  async onPickedUp(event: OutboxEvent, m: EntityManager): Promise<void> {
    const payload = event.payload as unknown as OrderEventPayload;
    await this.accrue(m, payload.orderId, new Date(payload.at));
  }

  @OnOutboxEvent(ORDER_EVENTS.refunded, 'commission.claw-back')
  async onRefunded(event: OutboxEvent, m: EntityManager): Promise<void> {
    const payload = event.payload as unknown as OrderEventPayload;
    if (payload.refundId === undefined || payload.refundAmount === undefined) return;
    await this.clawBack(m, {
      orderId: payload.orderId,
      refundId: payload.refundId,
      refundFen: payload.refundAmount,
      at: new Date(payload.at),
    });
  }

  /** Writes the commission of a completed order, once (a second call finds its record and does nothing). */
  async accrue(m: EntityManager, orderId: number, completedAt: Date): Promise<void> {
    if (await m.getRepository(CommissionOrderEntity).existsBy({ orderId })) return;
    const [record] = await this.orders.recordsByIds(m, [orderId]);
    if (!record) throw new Error(`order ${orderId} not found for commission`);
    const { order, lines } = record;

    const leader = await this.leaders.identityOf(order.leaderId, m);
    const upline1 = leader?.uplineLeaderId ? await this.leaders.identityOf(leader.uplineLeaderId, m) : null;
    const upline2 = upline1?.uplineLeaderId ? await this.leaders.identityOf(upline1.uplineLeaderId, m) : null;
    // A leader never earns a referral on their own orders (a loop in the tree).
    const uplines: Upline[] = [upline1, upline2]
      .filter((u): u is NonNullable<typeof u> => u !== null && u.id !== order.leaderId)
      .map((u) => ({ leaderId: u.id }));

    const facts = await this.catalog.skuCommissionFacts(
      lines.map((line) => line.skuId),
      m,
    );
    const paidShares = allocatePaid(
      lines.map((line) => line.lineTotal),
      order.paidAmount,
    );
    const inputs: CommissionLineInput[] = lines.map((line, index) => ({
      label: `${line.productName}${line.specText ? ` ${line.specText}` : ''} × ${line.quantity}`,
      productId: line.productId,
      categoryIds: facts.get(line.skuId)?.categoryIds ?? [],
      quantity: line.quantity,
      paidFen: paidShares[index],
      unitCostFen: facts.get(line.skuId)?.cost ?? 0,
    }));

    const ruleSet = await this.ruleSets.requireInForceAt(m, completedAt);
    const { accrual, referrals } = calculateOrderCommission({
      order: { orderId, paidFen: order.paidAmount, lines: inputs },
      leader: { leaderId: order.leaderId, levelId: leader?.levelId ?? null },
      uplines,
      rules: ruleSet.rules,
    });
    const availableAt = new Date(completedAt.getTime() + ruleSet.rules.frozenDays * DAY_MS);
    const status = availableAt.getTime() <= Date.now() ? 'available' : 'frozen';
    const base = {
      orderId,
      status,
      availableAt,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
    } as const;
    const entries: NewEntry[] = [
      {
        ...base,
        leaderId: order.leaderId,
        type: 'accrual',
        amount: accrual.amount,
        entryKey: `accrual:${orderId}`,
        details: accrual.details,
      },
      ...referrals.map((referral): NewEntry => ({
        ...base,
        leaderId: referral.leaderId,
        type: 'referral',
        amount: referral.amount,
        entryKey: `referral:${orderId}:${referral.depth}`,
        details: referral.details,
        note: `下级团长 ${leader?.name ?? order.leaderId} 的订单 ${order.orderNo}`,
      })),
    ];

    // The recruitment reward, once, when this was the new leader's N-th completed order.
    const account = await this.ledger.lockAccount(m, order.leaderId);
    const completedOrders = account.completedOrders + 1;
    await m.getRepository(CommissionAccountEntity).update({ leaderId: order.leaderId }, { completedOrders });
    const reward = ruleSet.rules.recruitmentReward;
    if (reward && upline1 && upline1.id !== order.leaderId && recruitmentRewardDue(reward, completedOrders)) {
      entries.push({
        ...base,
        leaderId: upline1.id,
        type: 'recruitment_reward',
        amount: reward.rewardFen,
        entryKey: `recruit:${order.leaderId}`,
        details: [
          recruitmentLine(leader?.name ?? String(order.leaderId), reward.afterOrders, reward.rewardFen),
        ],
        note: `推荐的团长 ${leader?.name ?? order.leaderId} 完成第 ${reward.afterOrders} 单`,
      });
    }

    await m.getRepository(CommissionOrderEntity).insert({
      orderId,
      orderNo: order.orderNo,
      leaderId: order.leaderId,
      levelId: leader?.levelId ?? null,
      upline1Id: uplines[0]?.leaderId ?? null,
      upline2Id: uplines[1]?.leaderId ?? null,
      completedAt,
      paidAmount: order.paidAmount,
      refundedAmount: 0,
      lines: inputs,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      accrualAmount: accrual.amount,
      referral1Amount: referrals.find((r) => r.depth === 1)?.amount ?? 0,
      referral2Amount: referrals.find((r) => r.depth === 2)?.amount ?? 0,
    });
    await this.ledger.append(m, entries);
  }

  /** Reverses an order's accrual and referrals in proportion to a refund (after completion only). */
  async clawBack(
    m: EntityManager,
    refund: { orderId: number; refundId: number; refundFen: number; at: Date },
  ): Promise<void> {
    const repo = m.getRepository(CommissionOrderEntity);
    const completed = await repo.findOneBy({ orderId: refund.orderId });
    if (!completed) {
      const [record] = await this.orders.recordsByIds(m, [refund.orderId]);
      // Refunded before pickup: it never earned anything. After pickup: the accrual is on its way.
      if (record?.order.pickedUpAt) throw new AccrualPendingError(refund.orderId);
      return;
    }
    const entriesRepo = m.getRepository(CommissionEntryEntity);
    const earned = await entriesRepo.find({
      where: { orderId: refund.orderId, type: In(['accrual', 'referral']) },
      order: { id: 'ASC' },
    });
    // A refund is reversed once (its entries carry its id in their keys).
    if (await entriesRepo.existsBy({ entryKey: Like(`reversal:${refund.refundId}:%`) })) return;
    const reversals = await entriesRepo.find({ where: { orderId: refund.orderId, type: 'reversal' } });
    const reversedSoFar = new Map<number, number>();
    for (const r of reversals) {
      // bigint columns come back from mysql2 as strings: key by number, as the entries' ids are.
      if (r.sourceEntryId !== null) {
        const source = Number(r.sourceEntryId);
        reversedSoFar.set(source, (reversedSoFar.get(source) ?? 0) + r.amount);
      }
    }
    const refundFen = Math.min(refund.refundFen, completed.paidAmount - completed.refundedAmount);
    if (refundFen <= 0) return;
    const amounts = reverseForRefund({
      entries: earned.map((e) => ({
        entryId: e.id,
        amount: e.amount,
        reversedSoFar: reversedSoFar.get(e.id) ?? 0,
      })),
      refundFen,
      paidFen: completed.paidAmount,
      refundedBeforeFen: completed.refundedAmount,
    });
    const byId = new Map(earned.map((e) => [e.id, e]));
    const now = new Date();
    await this.ledger.append(
      m,
      amounts.map(({ entryId, amount }): NewEntry => {
        const source = byId.get(entryId)!;
        // Still frozen: the reversal waits with it, so the frozen balance nets out. Else it counts now.
        const frozen = source.status === 'frozen';
        return {
          leaderId: source.leaderId,
          orderId: refund.orderId,
          type: 'reversal',
          amount,
          status: frozen ? 'frozen' : 'available',
          availableAt: frozen ? source.availableAt : now,
          ruleSetId: source.ruleSetId,
          ruleSetVersion: source.ruleSetVersion,
          entryKey: `reversal:${refund.refundId}:${entryId}`,
          sourceEntryId: entryId,
          details: [reversalLine(refundFen, completed.paidAmount, source.amount, amount)],
          note: `订单 ${completed.orderNo} 退款 ¥${(refundFen / 100).toFixed(2)}`,
        };
      }),
    );
    await repo.update({ orderId: refund.orderId }, { refundedAmount: completed.refundedAmount + refundFen });
    this.logger.debug({ orderId: refund.orderId, reversals: amounts.length }, 'commission clawed back');
  }
}

function recruitmentLine(leaderName: string, afterOrders: number, rewardFen: number): CommissionDetailLine {
  return {
    label: `推荐的团长 ${leaderName} 完成第 ${afterOrders} 单`,
    baseFen: null,
    rateBps: null,
    fixedFen: rewardFen,
    units: 1,
    amount: rewardFen,
    rule: '招募奖励',
  };
}

function reversalLine(
  refundFen: number,
  paidFen: number,
  sourceFen: number,
  amount: number,
): CommissionDetailLine {
  return {
    label: `退款 ¥${(refundFen / 100).toFixed(2)} / 实付 ¥${(paidFen / 100).toFixed(2)}，按比例冲回原佣金 ¥${(sourceFen / 100).toFixed(2)}`,
    baseFen: sourceFen,
    rateBps: null,
    fixedFen: null,
    units: null,
    amount,
    rule: '退款冲回',
  };
}
