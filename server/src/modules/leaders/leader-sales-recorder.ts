import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LeaderDailySalesEntity } from './persistence/leader-daily-sales.entity';

/**
 * Adds sales to a leader's business day (leader_daily_sales). The orders context calls it when an order
 * completes (negative amounts on a refund) in a later issue; the demo seed uses it today.
 */
@Injectable()
export class LeaderSalesRecorder {
  /** `salesDate` is the Asia/Shanghai date (YYYY-MM-DD) the sale counts for. */
  async addWith(
    m: EntityManager,
    leaderId: number,
    salesDate: string,
    gmvFen: number,
    orderCount: number,
  ): Promise<void> {
    // An atomic increment first: concurrent orders of the same day never lose each other's amounts.
    const updated = await m
      .createQueryBuilder()
      .update(LeaderDailySalesEntity)
      .set({
        gmvFen: () => `gmv_fen + ${Math.trunc(gmvFen)}`,
        orderCount: () => `order_count + ${Math.trunc(orderCount)}`,
      })
      .where('leader_id = :leaderId AND sales_date = :salesDate', { leaderId, salesDate })
      .execute();
    if ((updated.affected ?? 0) > 0) return;
    await m.getRepository(LeaderDailySalesEntity).insert({ leaderId, salesDate, gmvFen, orderCount });
  }
}
