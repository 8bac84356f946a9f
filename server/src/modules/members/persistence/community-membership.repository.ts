import { lockForUpdate } from '../../../platform';
import { In, type EntityManager } from 'typeorm';
import { CommunityMembershipEntity } from './community-membership.entity';

/** Whether the member is in the community, read under a lock (the latest committed row on MySQL). */
export async function lockMembership(
  m: EntityManager,
  communityId: number,
  memberId: number,
): Promise<boolean> {
  const qb = m
    .getRepository(CommunityMembershipEntity)
    .createQueryBuilder('cm')
    .select('cm.id')
    .where('cm.community_id = :communityId AND cm.member_id = :memberId', { communityId, memberId });
  return (await lockForUpdate(qb).getOne()) !== null;
}

/** A member's memberships, newest first (a member is in a handful at most). */
export function membershipsOfMember(
  m: EntityManager,
  memberId: number,
): Promise<CommunityMembershipEntity[]> {
  return m.getRepository(CommunityMembershipEntity).find({ where: { memberId }, order: { id: 'DESC' } });
}

/** Which of the leader's communities each member is in, by the (leader_id, member_id) index. */
export async function leaderCommunityIdsOf(
  m: EntityManager,
  leaderId: number,
  memberIds: readonly number[],
): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>();
  if (memberIds.length === 0) return result;
  const rows = await m.getRepository(CommunityMembershipEntity).find({
    where: { leaderId, memberId: In([...memberIds]) },
    select: { memberId: true, communityId: true },
    order: { id: 'ASC' },
  });
  for (const row of rows) result.set(row.memberId, [...(result.get(row.memberId) ?? []), row.communityId]);
  return result;
}
