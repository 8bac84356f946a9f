import { likePattern, lockForUpdate } from '../../../platform';
import { Brackets, In, type EntityManager } from 'typeorm';
import type { MemberListQuery } from '@linli/shared-types';
import { MemberBindingEntity } from './member-binding.entity';
import { MemberEntity } from './member.entity';

/**
 * The member row as committed now, locked until the transaction ends on MySQL (SQLite transactions are
 * serialised in-process). Every binding change reads its `from` here, so concurrent changes queue up and
 * each history row starts where the previous one ended.
 */
export async function lockMember(m: EntityManager, memberId: number): Promise<MemberEntity | null> {
  const qb = m.getRepository(MemberEntity).createQueryBuilder('m').where('m.id = :memberId', { memberId });
  return lockForUpdate(qb).getOne();
}

/** Moves the member only if they are still at `from`; false when someone else moved them first. */
export async function moveIfAt(
  m: EntityManager,
  memberId: number,
  from: number | null,
  to: number,
): Promise<boolean> {
  const qb = m.createQueryBuilder().update(MemberEntity).set({ currentLeaderId: to });
  if (from === null) qb.where('id = :memberId AND current_leader_id IS NULL', { memberId });
  else qb.where('id = :memberId AND current_leader_id = :from', { memberId, from });
  const result = await qb.execute();
  return (result.affected ?? 0) > 0;
}

/** The next batch of members bound to a leader (ids ascending), locked on MySQL. */
export async function lockMemberIdsAt(
  m: EntityManager,
  leaderId: number,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const qb = m
    .getRepository(MemberEntity)
    .createQueryBuilder('m')
    .select('m.id', 'id')
    .where('m.current_leader_id = :leaderId AND m.id > :afterId', { leaderId, afterId })
    .orderBy('m.id', 'ASC')
    .limit(limit);
  const rows = await lockForUpdate(qb).getRawMany<{ id: number | string }>();
  return rows.map((r) => Number(r.id));
}

/** Moves a batch from one leader to another; returns how many rows moved. */
export async function moveBatch(m: EntityManager, ids: number[], from: number, to: number): Promise<number> {
  const result = await m
    .createQueryBuilder()
    .update(MemberEntity)
    .set({ currentLeaderId: to })
    .where({ id: In(ids) })
    .andWhere('current_leader_id = :from', { from })
    .execute();
  return result.affected ?? 0;
}

export async function insertBindings(
  m: EntityManager,
  rows: Array<Omit<MemberBindingEntity, 'id' | 'createdAt'>>,
): Promise<void> {
  if (rows.length === 0) return;
  await m.getRepository(MemberBindingEntity).insert(rows);
}

/** Newest first (ids follow creation), filtered by keyword, current leader, channel and join date. */
export function findMemberPage(
  m: EntityManager,
  query: MemberListQuery & { page: number; pageSize: number },
): Promise<[MemberEntity[], number]> {
  const qb = m.getRepository(MemberEntity).createQueryBuilder('m');
  const keyword = query.keyword?.trim();
  if (keyword) {
    const pattern = likePattern(keyword);
    qb.andWhere(
      new Brackets((w) =>
        w
          .where("m.nickname LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere("m.phone LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere("m.openid LIKE :pattern ESCAPE '!'", { pattern }),
      ),
    );
  }
  if (query.leaderId !== undefined)
    qb.andWhere('m.current_leader_id = :leaderId', { leaderId: query.leaderId });
  if (query.channel) qb.andWhere('m.channel = :channel', { channel: query.channel });
  if (query.joinedFrom)
    qb.andWhere('m.created_at >= :joinedFrom', { joinedFrom: new Date(query.joinedFrom) });
  if (query.joinedTo) qb.andWhere('m.created_at <= :joinedTo', { joinedTo: new Date(query.joinedTo) });
  return qb
    .orderBy('m.id', 'DESC')
    .skip((query.page - 1) * query.pageSize)
    .take(query.pageSize)
    .getManyAndCount();
}

/** Newest first. */
export function bindingHistoryOf(
  m: EntityManager,
  memberId: number,
  limit: number,
): Promise<MemberBindingEntity[]> {
  return m
    .getRepository(MemberBindingEntity)
    .find({ where: { memberId }, order: { id: 'DESC' }, take: limit });
}
