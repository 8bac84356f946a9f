import { likePattern, lockForUpdate } from '../../../platform';
import { Brackets, EntityManager, In } from 'typeorm';
import type { LeaderListQuery, LeaderStatus } from '@linli/shared-types';
import { LeaderEntity } from './leader.entity';
import { PickupPointEntity } from './pickup-point.entity';

/** The admin list: newest application first, filtered by status, level and a keyword. */
export async function findLeaderPage(
  manager: EntityManager,
  query: LeaderListQuery & { page: number; pageSize: number },
): Promise<[LeaderEntity[], number]> {
  const qb = manager
    .getRepository(LeaderEntity)
    .createQueryBuilder('l')
    .leftJoin(PickupPointEntity, 'p', 'p.leader_id = l.id');
  if (query.status) qb.andWhere('l.status = :status', { status: query.status });
  if (query.levelId) qb.andWhere('l.level_id = :levelId', { levelId: query.levelId });
  const keyword = query.keyword?.trim();
  if (keyword) {
    const pattern = likePattern(keyword);
    qb.andWhere(
      new Brackets((w) =>
        w
          .where("l.name LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere("l.phone LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere("l.invite_code LIKE :pattern ESCAPE '!'", { pattern: likePattern(keyword.toUpperCase()) })
          .orWhere("p.name LIKE :pattern ESCAPE '!'", { pattern }),
      ),
    );
  }
  const total = await qb.getCount();
  const rows = await qb
    .orderBy('l.applied_at', 'DESC')
    .addOrderBy('l.id', 'DESC')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .getMany();
  return [rows, total];
}

/** Number of direct recruits per leader. */
export async function countRecruits(
  manager: EntityManager,
  leaderIds: number[],
): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (leaderIds.length === 0) return result;
  const rows = await manager
    .getRepository(LeaderEntity)
    .createQueryBuilder('l')
    .select('l.upline_leader_id', 'uplineId')
    .addSelect('COUNT(*)', 'n')
    .where('l.upline_leader_id IN (:...ids)', { ids: leaderIds })
    .groupBy('l.upline_leader_id')
    .getRawMany<{ uplineId: number | string; n: number | string }>();
  for (const row of rows) result.set(Number(row.uplineId), Number(row.n));
  return result;
}

export async function findRecruits(
  manager: EntityManager,
  leaderId: number,
  limit: number,
): Promise<LeaderEntity[]> {
  return manager.getRepository(LeaderEntity).find({
    where: { uplineLeaderId: leaderId },
    order: { appliedAt: 'DESC', id: 'DESC' },
    take: limit,
  });
}

export async function pickupPointsOf(
  manager: EntityManager,
  leaderIds: number[],
): Promise<Map<number, PickupPointEntity>> {
  if (leaderIds.length === 0) return new Map();
  const points = await manager.getRepository(PickupPointEntity).findBy({ leaderId: In(leaderIds) });
  return new Map(points.map((p) => [p.leaderId, p]));
}

export async function namesOf(
  manager: EntityManager,
  leaderIds: Array<number | null>,
): Promise<Map<number, string>> {
  const ids = [...new Set(leaderIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await manager
    .getRepository(LeaderEntity)
    .find({ where: { id: In(ids) }, select: { id: true, name: true } });
  return new Map(rows.map((l) => [l.id, l.name]));
}

/**
 * Moves a leader from `from` to `to` only if it is still in `from` (two reviewers at once: exactly one
 * update matches). Returns whether this call made the change.
 */
export async function transitionStatus(
  manager: EntityManager,
  leaderId: number,
  from: LeaderStatus,
  changes: Partial<LeaderEntity> & { status: LeaderStatus },
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(LeaderEntity)
    .set(changes)
    .where('id = :id AND status = :from', { id: leaderId, from })
    .execute();
  return (result.affected ?? 0) > 0;
}

/**
 * The row as committed now. On MySQL a plain read inside a transaction returns its first snapshot, so a
 * lost conditional update re-reads with a lock to name the state the winner left.
 */
export async function reloadCurrent(manager: EntityManager, leaderId: number): Promise<LeaderEntity | null> {
  const qb = manager
    .getRepository(LeaderEntity)
    .createQueryBuilder('l')
    .where('l.id = :id', { id: leaderId });
  return lockForUpdate(qb).getOne();
}
