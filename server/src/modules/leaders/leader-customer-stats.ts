import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What the members context answers about a leader's customers (members bound to them). */
export interface LeaderCustomerStatsProvider {
  /** Members currently bound to each leader; leaders without any are absent. */
  customerCounts(leaderIds: number[], manager: EntityManager): Promise<Map<number, number>>;
  /** Of those, members who used the mini-program after `since`. */
  activeCustomerCounts(
    leaderIds: number[],
    since: Date,
    manager: EntityManager,
  ): Promise<Map<number, number>>;
}

/**
 * Customers live in the members context, which depends on leaders, so leaders cannot import it. Members
 * registers its implementation here at start-up (like LeaderLifecycleHooks); until then, and in a test
 * module without members, every leader has no customers.
 */
@Injectable()
export class LeaderCustomerStats implements LeaderCustomerStatsProvider {
  private provider: LeaderCustomerStatsProvider | null = null;

  register(provider: LeaderCustomerStatsProvider): void {
    this.provider = provider;
  }

  customerCounts(leaderIds: number[], manager: EntityManager): Promise<Map<number, number>> {
    if (!this.provider || leaderIds.length === 0) return Promise.resolve(new Map());
    return this.provider.customerCounts(leaderIds, manager);
  }

  activeCustomerCounts(
    leaderIds: number[],
    since: Date,
    manager: EntityManager,
  ): Promise<Map<number, number>> {
    if (!this.provider || leaderIds.length === 0) return Promise.resolve(new Map());
    return this.provider.activeCustomerCounts(leaderIds, since, manager);
  }
}
