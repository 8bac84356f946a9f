import { likePattern, suffixPattern } from '../../../platform';
import { Brackets, In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { CommunityMembershipEntity } from './community-membership.entity';
import { isPhoneTail } from '../domain/phone-tail';
import { MemberEntity } from './member.entity';

export interface CustomerPageQuery {
  keyword?: string;
  offset: number;
  limit: number;
}

export interface CustomerRow {
  member: MemberEntity;
  /** When they became this customer: the membership for a community, else the member's registration. */
  joinedAt: Date;
}

/**
 * Members currently bound to the leader, newest first. Two steps: the ids come from
 * idx_members_leader_search alone (the keyword columns are in it, so even a 30,000-customer leader's
 * search never reads the table; MariaDB does not push the condition into a backwards index walk, so
 * the one-step query read every row: 0.3–1.5 s), then the page's rows by primary key.
 */
export async function findBoundCustomerPage(
  m: EntityManager,
  leaderId: number,
  query: CustomerPageQuery,
): Promise<{ rows: CustomerRow[]; total: number }> {
  const bound = () =>
    withKeyword(
      m
        .getRepository(MemberEntity)
        .createQueryBuilder('m')
        .where('m.current_leader_id = :leaderId', { leaderId }),
      query.keyword,
    );
  const total = await countOf(bound());
  const ids = await bound()
    .select('m.id', 'id')
    .orderBy('m.id', 'DESC')
    .offset(query.offset)
    .limit(query.limit)
    .getRawMany<{ id: number | string }>();
  const members = await membersInOrder(
    m,
    ids.map((r) => Number(r.id)),
  );
  return { rows: members.map((member) => ({ member, joinedAt: member.createdAt })), total };
}

/**
 * The community's members, newest membership first, by idx_community_memberships_community
 * (community_id, id). Without a keyword the count reads that index only (no member rows).
 */
export async function findCommunityCustomerPage(
  m: EntityManager,
  communityId: number,
  query: CustomerPageQuery,
): Promise<{ rows: CustomerRow[]; total: number }> {
  const memberships = () => {
    const qb = m
      .getRepository(CommunityMembershipEntity)
      .createQueryBuilder('cm')
      .where('cm.community_id = :communityId', { communityId });
    if (!query.keyword?.trim()) return qb;
    return withKeyword(qb.innerJoin(MemberEntity, 'm', 'm.id = cm.member_id'), query.keyword);
  };
  const total = await countOf(memberships());
  const page = await memberships()
    .select(['cm.id', 'cm.memberId', 'cm.joinedAt'])
    .orderBy('cm.id', 'DESC')
    .offset(query.offset)
    .limit(query.limit)
    .getMany();
  if (page.length === 0) return { rows: [], total };
  const byId = new Map(
    (
      await membersInOrder(
        m,
        page.map((p) => p.memberId),
      )
    ).map((x) => [x.id, x]),
  );
  const rows = page.flatMap((p) => {
    const member = byId.get(p.memberId);
    return member ? [{ member, joinedAt: p.joinedAt }] : [];
  });
  return { rows, total };
}

/** COUNT(*): every row here is one member, so TypeORM's COUNT(DISTINCT id) only costs more. */
async function countOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<number> {
  const row = await qb.select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
  return Number(row?.n ?? 0);
}

/** The members with these ids, in the order of the ids. */
async function membersInOrder(m: EntityManager, ids: number[]): Promise<MemberEntity[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await m.getRepository(MemberEntity).findBy({ id: In(ids) })).map((x) => [x.id, x]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Nickname contains the keyword, or (digits only) the phone ends with it. */
function withKeyword<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  keyword: string | undefined,
): SelectQueryBuilder<T> {
  const value = keyword?.trim();
  if (!value) return qb;
  // Four digits are a 尾号: one range of idx_members_leader_phone_tail instead of a LIKE over every customer.
  if (isPhoneTail(value)) return qb.andWhere('m.phone_tail = :phoneTail', { phoneTail: value });
  return qb.andWhere(
    new Brackets((w) => {
      w.where("m.nickname LIKE :nicknamePattern ESCAPE '!'", { nicknamePattern: likePattern(value) });
      if (/^\d+$/.test(value))
        w.orWhere("m.phone LIKE :phonePattern ESCAPE '!'", { phonePattern: suffixPattern(value) });
    }),
  );
}
