import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LeaderMetrics } from '@linli/shared-types';
import { activeSince, salesWindowStart } from './domain/business-day';
import { LeaderCustomerStats } from './leader-customer-stats';
import { gmvSince } from './persistence/level.repository';

/** The 30-day figures leaders are judged on, for many leaders at once. */
@Injectable()
export class LeaderMetricsService {
  constructor(private readonly customers: LeaderCustomerStats) {}

  async metricsOf(
    manager: EntityManager,
    leaderIds: number[],
    now: Date = new Date(),
  ): Promise<Map<number, LeaderMetrics>> {
    // GMV comes from leader_daily_sales, which the orders context fills (a later issue); until then it is 0.
    const [gmv, active] = await Promise.all([
      gmvSince(manager, leaderIds, salesWindowStart(now)),
      this.customers.activeCustomerCounts(leaderIds, activeSince(now), manager),
    ]);
    const measuredAt = now.toISOString();
    return new Map(
      leaderIds.map((id) => [
        id,
        { gmv30dFen: gmv.get(id) ?? 0, activeCustomers30d: active.get(id) ?? 0, measuredAt },
      ]),
    );
  }
}
