import { TAG_COLORS, TagKind, type MemberListQuery, type TagColor } from '@linli/shared-types';

export const TAG_NAME_MAX = 16;
export const BULK_MAX_MEMBER_IDS = 1000;
export const MAX_TAG_IDS = 20;

export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

/**
 * Tag and tag-group names: trimmed, inner runs of whitespace collapsed to one space, 1–16 characters
 * (counted as the user sees them, so an emoji is one).
 */
export function normalizeTagName(raw: string, what: '标签' | '标签组'): NameCheck {
  const name = raw.trim().replace(/\s+/g, ' ');
  const length = [...name].length;
  if (length === 0) return { ok: false, message: `${what}名称不能为空` };
  if (length > TAG_NAME_MAX) return { ok: false, message: `${what}名称最长 ${TAG_NAME_MAX} 个字` };
  return { ok: true, name };
}

export function isTagColor(value: unknown): value is TagColor {
  return typeof value === 'string' && (TAG_COLORS as readonly string[]).includes(value);
}

/** Rule tags belong to the rule engine: staff can neither assign, remove, edit nor delete them. */
export function isManagedByHand(kind: TagKind): boolean {
  return kind === TagKind.MANUAL;
}

export type BulkFilter = Omit<MemberListQuery, 'page' | 'pageSize'>;
export type BulkSelection =
  | { ok: true; by: 'ids'; memberIds: number[] }
  | { ok: true; by: 'filter'; filter: BulkFilter }
  | { ok: false; message: string };

/** Exactly one of explicit member ids (1–1000, deduplicated) or a list filter. */
export function bulkSelectionOf(
  memberIds: number[] | undefined,
  filter: BulkFilter | undefined,
): BulkSelection {
  const hasIds = memberIds !== undefined && memberIds !== null;
  const hasFilter = filter !== undefined && filter !== null;
  if (hasIds === hasFilter) {
    return { ok: false, message: '请选择会员（memberIds）或筛选条件（filter）中的一种，且只能选一种' };
  }
  if (hasIds) {
    const unique = [...new Set(memberIds)];
    if (unique.length === 0) return { ok: false, message: '请至少选择 1 位会员' };
    if (unique.length > BULK_MAX_MEMBER_IDS) {
      return { ok: false, message: `一次最多选择 ${BULK_MAX_MEMBER_IDS} 位会员，更多请按筛选结果操作` };
    }
    return { ok: true, by: 'ids', memberIds: unique };
  }
  return { ok: true, by: 'filter', filter: filter as BulkFilter };
}
