import type { AuditLogEntry, TagGroup } from '@linli/shared-types';
import type { TestApp } from '../../support/test-app';
import { bearer } from '../support/modules-test-kit';

export async function tagGroups(t: TestApp, token: string): Promise<TagGroup[]> {
  const res = await t
    .http()
    .get('/api/admin/tag-groups')
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`tag groups: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TagGroup[];
}

/** Tag ids by name across all groups (seeded names are unique). */
export async function tagIdsByName(t: TestApp, token: string): Promise<Record<string, number>> {
  const groups = await tagGroups(t, token);
  return Object.fromEntries(groups.flatMap((g) => g.tags.map((tag) => [tag.name, tag.id])));
}

/** Member ids by nickname. */
export async function memberIdsByNickname(t: TestApp): Promise<Record<string, number>> {
  const rows = (await t.dataSource.query('SELECT id, nickname FROM members')) as Array<{
    id: number | string;
    nickname: string;
  }>;
  return Object.fromEntries(rows.map((r) => [r.nickname, Number(r.id)]));
}

/** member_tags rows of a tag (the truth member_count must match). */
export async function taggedMemberIds(t: TestApp, tagId: number): Promise<number[]> {
  const rows = (await t.dataSource.query(
    'SELECT member_id FROM member_tags WHERE tag_id = ? ORDER BY member_id',
    [tagId],
  )) as Array<{ member_id: number | string }>;
  return rows.map((r) => Number(r.member_id));
}

export async function storedMemberCount(t: TestApp, tagId: number): Promise<number> {
  const rows = (await t.dataSource.query('SELECT member_count FROM tags WHERE id = ?', [tagId])) as Array<{
    member_count: number | string;
  }>;
  return Number(rows[0].member_count);
}

/** Every tag's member_count equals its member_tags rows. */
export async function expectCountsConsistent(t: TestApp): Promise<void> {
  const rows = (await t.dataSource.query(
    'SELECT t.id, t.member_count, (SELECT COUNT(*) FROM member_tags mt WHERE mt.tag_id = t.id) AS real_count FROM tags t',
  )) as Array<{ id: number | string; member_count: number | string; real_count: number | string }>;
  for (const row of rows) {
    expect({ id: Number(row.id), count: Number(row.member_count) }).toEqual({
      id: Number(row.id),
      count: Number(row.real_count),
    });
  }
}

export async function auditOf(t: TestApp, token: string, action: string): Promise<AuditLogEntry[]> {
  const res = await t
    .http()
    .get('/api/admin/audit-logs')
    .query({ action, pageSize: 100 })
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`audit: ${res.status}`);
  return res.body.items as AuditLogEntry[];
}
