import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LeaderCustomerStats, type LeaderCustomerStatsProvider } from '../leaders';
import { MemberEntity } from './persistence/member.entity';

/** Answers the leaders context's questions about customers (members bound to a leader). */
@Injectable()
export class MemberLeaderCustomerStats implements LeaderCustomerStatsProvider, OnModuleInit {
  constructor(private readonly stats: LeaderCustomerStats) {}

  onModuleInit(): void {
    this.stats.register(this);
  }

  customerCounts(leaderIds: number[], manager: EntityManager): Promise<Map<number, number>> {
    return countByLeader(manager, leaderIds, null);
  }

  activeCustomerCounts(
    leaderIds: number[],
    since: Date,
    manager: EntityManager,
  ): Promise<Map<number, number>> {
    return countByLeader(manager, leaderIds, since);
  }
}

/** Uses idx_members_leader_active (current_leader_id, last_active_at). */
async function countByLeader(
  manager: EntityManager,
  leaderIds: number[],
  activeSince: Date | null,
): Promise<Map<number, number>> {
  if (leaderIds.length === 0) return new Map();
  const qb = manager
    .getRepository(MemberEntity)
    .createQueryBuilder('m')
    .select('m.current_leader_id', 'leaderId')
    .addSelect('COUNT(*)', 'n')
    .where('m.current_leader_id IN (:...leaderIds)', { leaderIds });
  if (activeSince) qb.andWhere('m.last_active_at > :activeSince', { activeSince });
  const rows = await qb
    .groupBy('m.current_leader_id')
    .getRawMany<{ leaderId: number | string; n: number | string }>();
  return new Map(rows.map((r) => [Number(r.leaderId), Number(r.n)]));
}
