import type { EntityManager } from 'typeorm';
import { MemberEntity } from './persistence/member.entity';

/** Opening the mini-program counts at most once an hour: GET /api/app/me stays a cheap read. */
export const ACTIVITY_RESOLUTION_MS = 3600_000;

// Activity is not an edit of the member: updated_at keeps its meaning.
const KEEP_UPDATED_AT = () => 'updated_at';

/** At login: the member is active now. */
export async function markActiveWith(manager: EntityManager, memberId: number, now: Date): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(MemberEntity)
    .set({ lastActiveAt: now, updatedAt: KEEP_UPDATED_AT })
    .where('id = :memberId', { memberId })
    .execute();
}

/** On GET /api/app/me: one conditional update, which matches nothing within the hour after the last. */
export async function markActiveHourlyWith(
  manager: EntityManager,
  memberId: number,
  now: Date,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(MemberEntity)
    .set({ lastActiveAt: now, updatedAt: KEEP_UPDATED_AT })
    .where('id = :memberId', { memberId })
    .andWhere('(last_active_at IS NULL OR last_active_at < :staleBefore)', {
      staleBefore: new Date(now.getTime() - ACTIVITY_RESOLUTION_MS),
    })
    .execute();
}
