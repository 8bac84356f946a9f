import { EntityManager, In } from 'typeorm';
import { LeaderDailySalesEntity } from './leader-daily-sales.entity';
import { LeaderLevelChangeEntity } from './leader-level-change.entity';
import { LeaderLevelEntity } from './leader-level.entity';
import { LeaderEntity } from './leader.entity';

/** The referral tree is shallow in practice; the limit only stops a corrupted (cyclic) tree. */
export const MAX_TREE_DEPTH = 64;

export function levelsByRank(manager: EntityManager): Promise<LeaderLevelEntity[]> {
  return manager.getRepository(LeaderLevelEntity).find({ order: { rank: 'ASC' } });
}

export async function levelNamesOf(
  manager: EntityManager,
  levelIds: Array<number | null>,
): Promise<Map<number, string>> {
  const ids = [...new Set(levelIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await manager
    .getRepository(LeaderLevelEntity)
    .find({ where: { id: In(ids) }, select: { id: true, name: true } });
  return new Map(rows.map((l) => [l.id, l.name]));
}

/** Leaders on each level (every status: a suspended leader still holds the level). */
export async function leaderCountsByLevel(manager: EntityManager): Promise<Map<number, number>> {
  const rows = await manager
    .getRepository(LeaderEntity)
    .createQueryBuilder('l')
    .select('l.level_id', 'levelId')
    .addSelect('COUNT(*)', 'n')
    .where('l.level_id IS NOT NULL')
    .groupBy('l.level_id')
    .getRawMany<{ levelId: number | string; n: number | string }>();
  return new Map(rows.map((r) => [Number(r.levelId), Number(r.n)]));
}

/** Sum of daily GMV per leader from `fromDate` (YYYY-MM-DD, Shanghai) on. */
export async function gmvSince(
  manager: EntityManager,
  leaderIds: number[],
  fromDate: string,
): Promise<Map<number, number>> {
  if (leaderIds.length === 0) return new Map();
  const rows = await manager
    .getRepository(LeaderDailySalesEntity)
    .createQueryBuilder('s')
    .select('s.leader_id', 'leaderId')
    .addSelect('SUM(s.gmv_fen)', 'gmv')
    .where('s.leader_id IN (:...ids)', { ids: leaderIds })
    .andWhere('s.sales_date >= :fromDate', { fromDate })
    .groupBy('s.leader_id')
    .getRawMany<{ leaderId: number | string; gmv: number | string | null }>();
  return new Map(rows.map((r) => [Number(r.leaderId), Number(r.gmv ?? 0)]));
}

export function levelHistoryOf(
  manager: EntityManager,
  leaderId: number,
  limit: number,
): Promise<LeaderLevelChangeEntity[]> {
  return manager
    .getRepository(LeaderLevelChangeEntity)
    .find({ where: { leaderId }, order: { id: 'DESC' }, take: limit });
}

/**
 * Moves a leader to `toLevelId` only while they are still on `fromLevelId` (a concurrent manual change
 * or evaluation wins; this one then changes nothing). Returns whether this call made the change.
 */
export async function moveLevel(
  manager: EntityManager,
  leaderId: number,
  fromLevelId: number | null,
  toLevelId: number,
  holdUntil?: Date | null,
): Promise<boolean> {
  const qb = manager
    .createQueryBuilder()
    .update(LeaderEntity)
    .set(holdUntil === undefined ? { levelId: toLevelId } : { levelId: toLevelId, levelHoldUntil: holdUntil })
    .where('id = :leaderId', { leaderId });
  if (fromLevelId === null) qb.andWhere('level_id IS NULL');
  else qb.andWhere('level_id = :fromLevelId', { fromLevelId });
  const result = await qb.execute();
  return (result.affected ?? 0) > 0;
}

/** Communities (社群) a leader runs; the communities code owns the table, counted here by leader_id. */
export async function communityCountOf(manager: EntityManager, leaderId: number): Promise<number> {
  const rows = (await manager.query('SELECT COUNT(*) AS n FROM communities WHERE leader_id = ?', [
    leaderId,
  ])) as Array<{ n: number | string }>;
  return Number(rows[0]?.n ?? 0);
}

/**
 * Recruits at any depth below each leader, in one recursive query (SQLite and MariaDB 10.2+ / MySQL 8).
 * DISTINCT and the depth limit keep a corrupted, cyclic tree from counting forever or twice.
 */
export async function descendantCounts(
  manager: EntityManager,
  leaderIds: number[],
): Promise<Map<number, number>> {
  if (leaderIds.length === 0) return new Map();
  const placeholders = leaderIds.map(() => '?').join(', ');
  const rows = (await manager.query(
    `WITH RECURSIVE downline (root_id, leader_id, depth) AS (
       SELECT l.upline_leader_id, l.id, 1 FROM leaders l WHERE l.upline_leader_id IN (${placeholders})
       UNION ALL
       SELECT d.root_id, c.id, d.depth + 1
         FROM leaders c JOIN downline d ON c.upline_leader_id = d.leader_id
        WHERE d.depth < ?
     )
     SELECT root_id AS rootId, COUNT(DISTINCT leader_id) AS n
       FROM downline WHERE leader_id <> root_id GROUP BY root_id`,
    [...leaderIds, MAX_TREE_DEPTH],
  )) as Array<{ rootId: number | string; n: number | string }>;
  return new Map(rows.map((r) => [Number(r.rootId), Number(r.n)]));
}

/** The upline chain from the root down to the leader's direct upline; stops at a cycle. */
export async function uplineChainOf(
  manager: EntityManager,
  leader: LeaderEntity,
): Promise<Array<{ leaderId: number; name: string }>> {
  const chain: Array<{ leaderId: number; name: string }> = [];
  const seen = new Set<number>([leader.id]);
  let nextId = leader.uplineLeaderId;
  while (nextId !== null && !seen.has(nextId) && chain.length < MAX_TREE_DEPTH) {
    seen.add(nextId);
    const upline = await manager
      .getRepository(LeaderEntity)
      .findOne({ where: { id: nextId }, select: { id: true, name: true, uplineLeaderId: true } });
    if (!upline) break;
    chain.unshift({ leaderId: upline.id, name: upline.name });
    nextId = upline.uplineLeaderId;
  }
  return chain;
}
