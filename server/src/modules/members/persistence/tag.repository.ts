import { In, type EntityManager, type QueryResult, type QueryRunner, type SelectQueryBuilder } from 'typeorm';
import { TagKind, type TagChip } from '@linli/shared-types';
import { MemberEntity } from './member.entity';
import { applyMemberFilter, type MemberFilter } from './member.repository';
import { MemberTagEntity } from './member-tag.entity';
import { TagEntity } from './tag.entity';

/** Who a bulk operation selects: explicit ids or the list filter. */
export type MemberSelection = { by: 'ids'; memberIds: number[] } | { by: 'filter'; filter: MemberFilter };

/** `SELECT m.id FROM members m WHERE …` for the selection. */
function selectionQuery(m: EntityManager, selection: MemberSelection): SelectQueryBuilder<MemberEntity> {
  const qb = m.getRepository(MemberEntity).createQueryBuilder('m').select('m.id');
  if (selection.by === 'ids')
    return qb.where('m.id IN (:...selectedIds)', { selectedIds: selection.memberIds });
  return applyMemberFilter(qb, selection.filter);
}

export async function countSelection(m: EntityManager, selection: MemberSelection): Promise<number> {
  return selectionQuery(m, selection).getCount();
}

/**
 * Gives the tag to every selected member who does not have it yet, in one INSERT … SELECT (no per-row
 * loop, so it stays fast over a million members). Returns the rows inserted.
 */
export async function insertTagForSelection(
  m: EntityManager,
  selection: MemberSelection,
  tagId: number,
  staffId: number | null,
): Promise<number> {
  const select = selectionQuery(m, selection)
    .select('m.id')
    .addSelect(':bulkTagId')
    .addSelect(':bulkSource')
    .addSelect(':bulkStaffId')
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM member_tags et WHERE et.member_id = m.id AND et.tag_id = :bulkTagId)',
    )
    .setParameters({ bulkTagId: tagId, bulkSource: TagKind.MANUAL, bulkStaffId: staffId });
  const [sql, parameters] = select.getQueryAndParameters();
  const result = await runnerOf(m).query(
    `INSERT INTO member_tags (member_id, tag_id, source, created_by_staff_id) ${sql}`,
    parameters,
    true,
  );
  return affectedOf(result);
}

/** Takes the tags off every selected member in one DELETE … WHERE member_id IN (subquery). */
export async function deleteTagsForSelection(
  m: EntityManager,
  selection: MemberSelection,
  tagIds: number[],
): Promise<number> {
  const [sql, selectionParameters] = selectionQuery(m, selection).getQueryAndParameters();
  const placeholders = tagIds.map(() => '?').join(', ');
  const result = await runnerOf(m).query(
    `DELETE FROM member_tags WHERE tag_id IN (${placeholders}) AND member_id IN (${sql})`,
    [...tagIds, ...selectionParameters],
    true,
  );
  return affectedOf(result);
}

/** Sets member_count of the tags to their real row counts (one UPDATE, index on tag_id). */
export async function recountTags(m: EntityManager, tagIds: number[]): Promise<void> {
  if (tagIds.length === 0) return;
  const placeholders = tagIds.map(() => '?').join(', ');
  await m.query(
    `UPDATE tags SET member_count = (SELECT COUNT(*) FROM member_tags mt WHERE mt.tag_id = tags.id)
     WHERE id IN (${placeholders})`,
    tagIds,
  );
}

/** Adds tags to one member; returns the tag ids actually added (those it already had are skipped). */
export async function addMemberTags(
  m: EntityManager,
  memberId: number,
  tagIds: number[],
  staffId: number | null,
): Promise<number[]> {
  const existing = await m.getRepository(MemberTagEntity).find({
    select: { tagId: true },
    where: { memberId, tagId: In(tagIds) },
  });
  const have = new Set(existing.map((row) => row.tagId));
  const added = tagIds.filter((id) => !have.has(id));
  if (added.length === 0) return [];
  await m
    .getRepository(MemberTagEntity)
    .insert(added.map((tagId) => ({ memberId, tagId, source: TagKind.MANUAL, createdByStaffId: staffId })));
  await shiftMemberCounts(m, added, +1);
  return added;
}

/** Removes one tag from one member; false when they did not have it. */
export async function removeMemberTag(m: EntityManager, memberId: number, tagId: number): Promise<boolean> {
  const result = await m.getRepository(MemberTagEntity).delete({ memberId, tagId });
  if ((result.affected ?? 0) === 0) return false;
  await shiftMemberCounts(m, [tagId], -1);
  return true;
}

async function shiftMemberCounts(m: EntityManager, tagIds: number[], delta: 1 | -1): Promise<void> {
  await m
    .createQueryBuilder()
    .update(TagEntity)
    .set({ memberCount: () => (delta > 0 ? 'member_count + 1' : 'member_count - 1') })
    .where({ id: In(tagIds) })
    .execute();
}

/** The tag chips of each member, in one query for the whole page (group sort, then tag id). */
export async function tagChipsOf(m: EntityManager, memberIds: number[]): Promise<Map<number, TagChip[]>> {
  const chips = new Map<number, TagChip[]>(memberIds.map((id) => [id, []]));
  if (memberIds.length === 0) return chips;
  const rows = await m
    .getRepository(MemberTagEntity)
    .createQueryBuilder('mt')
    .innerJoin(TagEntity, 't', 't.id = mt.tag_id')
    .innerJoin('tag_groups', 'g', 'g.id = t.group_id')
    .select(['mt.member_id AS memberId', 't.id AS id', 't.name AS name', 't.color AS color'])
    .where('mt.member_id IN (:...memberIds)', { memberIds })
    .orderBy('g.sort', 'ASC')
    .addOrderBy('g.id', 'ASC')
    .addOrderBy('t.id', 'ASC')
    .getRawMany<{ memberId: number | string; id: number | string; name: string; color: TagChip['color'] }>();
  for (const row of rows) {
    chips.get(Number(row.memberId))?.push({ id: Number(row.id), name: row.name, color: row.color });
  }
  return chips;
}

export async function deleteMemberTagsOf(m: EntityManager, tagId: number): Promise<number> {
  const result = await m.getRepository(MemberTagEntity).delete({ tagId });
  return result.affected ?? 0;
}

/** The transaction's query runner: its structured result carries the affected-row count on both drivers. */
function runnerOf(m: EntityManager): QueryRunner {
  if (!m.queryRunner) throw new Error('bulk tag statements must run inside a transaction');
  return m.queryRunner;
}

function affectedOf(result: QueryResult): number {
  return Number(result.affected ?? 0);
}
