import { likePattern, lockForUpdate } from '../../../platform';
import { EntityManager, In } from 'typeorm';
import { CommunityStatus, LeaderStatus, type CommunityListQuery } from '@linli/shared-types';
import { CommunityEntity } from './community.entity';
import { LeaderEntity } from './leader.entity';

/** The caller's leader row (id, status, name), locked on MySQL when `lock` (serialises a leader's creates). */
export async function leaderOfMember(
  m: EntityManager,
  memberId: number,
  lock = false,
): Promise<Pick<LeaderEntity, 'id' | 'status' | 'name'> | null> {
  const qb = m
    .getRepository(LeaderEntity)
    .createQueryBuilder('l')
    .select(['l.id', 'l.status', 'l.name'])
    .where('l.member_id = :memberId', { memberId });
  return (lock ? lockForUpdate(qb) : qb).getOne();
}

export function countActiveCommunities(m: EntityManager, leaderId: number): Promise<number> {
  return m.getRepository(CommunityEntity).count({ where: { leaderId, status: CommunityStatus.ACTIVE } });
}

/** The admin list: newest first, filtered by leader, name keyword and status. */
export async function findCommunityPage(
  m: EntityManager,
  query: CommunityListQuery & { page: number; pageSize: number },
): Promise<[CommunityEntity[], number]> {
  const qb = m.getRepository(CommunityEntity).createQueryBuilder('c');
  if (query.leaderId !== undefined) qb.andWhere('c.leader_id = :leaderId', { leaderId: query.leaderId });
  if (query.status) qb.andWhere('c.status = :status', { status: query.status });
  const keyword = query.keyword?.trim();
  if (keyword) qb.andWhere("c.name LIKE :pattern ESCAPE '!'", { pattern: likePattern(keyword) });
  const total = await qb.getCount();
  const rows = await qb
    .orderBy('c.id', 'DESC')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .getMany();
  return [rows, total];
}

/** An ACTIVE community of an ACTIVE leader by invite code, with the leader's name; null otherwise. */
export async function findJoinableByCode(
  m: EntityManager,
  inviteCode: string,
): Promise<{ community: CommunityEntity; leaderName: string } | null> {
  const community = await m
    .getRepository(CommunityEntity)
    .findOneBy({ inviteCode, status: CommunityStatus.ACTIVE });
  if (!community) return null;
  const leader = await m.getRepository(LeaderEntity).findOne({
    where: { id: community.leaderId, status: LeaderStatus.ACTIVE },
    select: { id: true, name: true },
  });
  return leader ? { community, leaderName: leader.name } : null;
}

/**
 * Locks the community row if it still takes members (FOR UPDATE on MySQL): the joins of one community
 * queue up here, before any membership lookup, so their gap locks on the membership index cannot
 * deadlock with each other. False when it is archived.
 */
export async function lockJoinable(m: EntityManager, communityId: number): Promise<boolean> {
  const qb = m
    .getRepository(CommunityEntity)
    .createQueryBuilder('c')
    .select('c.id')
    .where('c.id = :communityId AND c.status = :status', { communityId, status: CommunityStatus.ACTIVE });
  return (await lockForUpdate(qb).getOne()) !== null;
}

/** +1 member, only while the community still takes members; false when it no longer does. */
export async function incrementMemberCount(m: EntityManager, communityId: number): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .update(CommunityEntity)
    .set({ memberCount: () => 'member_count + 1' })
    .where('id = :communityId AND status = :status', { communityId, status: CommunityStatus.ACTIVE })
    .execute();
  return (result.affected ?? 0) > 0;
}

export function communitiesByIds(m: EntityManager, ids: readonly number[]): Promise<CommunityEntity[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return m.getRepository(CommunityEntity).findBy({ id: In([...new Set(ids)]) });
}
