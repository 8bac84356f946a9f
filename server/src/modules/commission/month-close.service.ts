import { Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '../../platform';
import { CommissionLedger, type NewEntry } from './commission-ledger';
import { periodRange, previousMonth, shanghaiMonth } from './domain/periods';
import { calculateTierBonus } from './domain/tier-bonus';
import { CommissionOrderEntity } from './persistence/commission-order.entity';
import { MonthCloseEntity } from './persistence/month-close.entity';
import { RuleSetsService } from './rule-sets.service';

const DAY_MS = 86_400_000;
/** How many ended months the sweep looks back at (a worker down for weeks still closes them). */
const MONTHS_LOOKED_BACK = 3;

/**
 * Month end (月结): each leader's GMV tier bonus (阶梯奖励) for a month that ended, under the rule set in
 * force at the month's last instant. GMV is what completed in the month, net of refunds known at closing.
 * A month is closed once (its row in commission_month_closes and the `tier:<leader>:<month>` keys).
 */
@Injectable()
export class MonthCloseService {
  private readonly logger = new Logger(MonthCloseService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly ruleSets: RuleSetsService,
    private readonly ledger: CommissionLedger,
  ) {}

  async closeEndedMonths(now: Date): Promise<string[]> {
    const closed: string[] = [];
    let month = previousMonth(shanghaiMonth(now));
    for (let i = 0; i < MONTHS_LOOKED_BACK; i += 1, month = previousMonth(month)) {
      if (await this.closeMonth(month)) closed.push(month);
    }
    return closed;
  }

  /** Closes a month (YYYY-MM) that has ended; false when it was closed already. */
  async closeMonth(month: string): Promise<boolean> {
    const { start, end } = periodRange('month', `${month}-01`);
    if (end.getTime() > Date.now()) throw new RangeError(`month ${month} has not ended`);
    return this.tx.run(async (m) => {
      if (await m.getRepository(MonthCloseEntity).existsBy({ month })) return false;
      const ruleSet = await this.ruleSets.inForceAt(m, new Date(end.getTime() - 1));
      const rule = ruleSet?.rules.tierBonus ?? null;
      const entries: NewEntry[] = [];
      if (ruleSet && rule && rule.tiers.length > 0) {
        const rows = await m
          .getRepository(CommissionOrderEntity)
          .createQueryBuilder('o')
          .select('o.leaderId', 'leaderId')
          .addSelect('SUM(o.paidAmount - o.refundedAmount)', 'gmv')
          .where('o.completedAt >= :start AND o.completedAt < :end', { start, end })
          .groupBy('o.leaderId')
          .getRawMany<{ leaderId: number | string; gmv: number | string | null }>();
        const availableAt = new Date(end.getTime() + ruleSet.rules.frozenDays * DAY_MS);
        const status = availableAt.getTime() <= Date.now() ? 'available' : 'frozen';
        for (const row of rows) {
          const gmv = Number(row.gmv ?? 0);
          const bonus = calculateTierBonus(gmv, rule);
          if (bonus.amount === 0) continue;
          entries.push({
            leaderId: Number(row.leaderId),
            orderId: null,
            type: 'tier_bonus',
            amount: bonus.amount,
            status,
            availableAt,
            ruleSetId: ruleSet.id,
            ruleSetVersion: ruleSet.version,
            entryKey: `tier:${row.leaderId}:${month}`,
            details: bonus.details,
            note: `${month} 月销售额 ¥${(gmv / 100).toFixed(2)}`,
          });
        }
      }
      // The close row first: a second worker closing the same month fails here and rolls back.
      await m.getRepository(MonthCloseEntity).insert({
        month,
        closedAt: new Date(),
        leaders: entries.length,
        total: entries.reduce((sum, e) => sum + e.amount, 0),
      });
      await this.ledger.append(m, entries);
      if (entries.length > 0) this.logger.log({ month, leaders: entries.length }, 'tier bonuses written');
      return true;
    });
  }
}
