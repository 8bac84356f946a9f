import type { IsoDateTime } from './common';
import type { MemberListQuery } from './members';

/** Preset tag colours (antd Tag presets), so the admin web and the mini-program agree. */
export const TAG_COLORS = [
  'blue',
  'green',
  'gold',
  'orange',
  'red',
  'magenta',
  'purple',
  'cyan',
  'geekblue',
  'lime',
] as const;
export type TagColor = (typeof TAG_COLORS)[number];

/**
 * manual: staff assign and remove it. rule: assigned by a rule engine (a later issue; `rule` holds its
 * definition); staff cannot assign or remove it by hand (400 TAG_RULE_MANAGED).
 */
export const TagKind = { MANUAL: 'manual', RULE: 'rule' } as const;
export type TagKind = (typeof TagKind)[keyof typeof TagKind];

/** What a member row shows. */
export interface TagChip {
  id: number;
  name: string;
  color: TagColor;
}

export interface Tag extends TagChip {
  groupId: number;
  kind: TagKind;
  memberCount: number;
  createdAt: IsoDateTime;
}

export interface TagGroup {
  id: number;
  name: string;
  sort: number;
  tags: Tag[];
}

/**
 * GET    /api/admin/tag-groups (members.read) → TagGroup[] by sort, then id; tags by id.
 * POST   /api/admin/tag-groups (members.write) TagGroupInput → TagGroup (201). Duplicate name: 409 TAG_GROUP_DUPLICATE.
 * PUT    /api/admin/tag-groups/:id (members.write) TagGroupInput → TagGroup.
 * DELETE /api/admin/tag-groups/:id (members.write) → 204; 409 TAG_GROUP_NOT_EMPTY while it has tags.
 */
export interface TagGroupInput {
  /** 1–16 chars */
  name: string;
  sort?: number;
}

/**
 * POST   /api/admin/tags (members.write) TagInput → Tag (201). Duplicate name in the group: 409 TAG_DUPLICATE.
 * PUT    /api/admin/tags/:id (members.write) TagInput → Tag.
 * DELETE /api/admin/tags/:id (members.write) → 204; removes it from every member (audited with the count).
 * Staff create `manual` tags only.
 */
export interface TagInput {
  groupId: number;
  /** 1–16 chars */
  name: string;
  color: TagColor;
}

/**
 * POST   /api/admin/members/:id/tags (members.write) {tagIds} → MemberDetail: adds (already there: no-op).
 * DELETE /api/admin/members/:id/tags/:tagId (members.write) → MemberDetail.
 */
export interface AddMemberTagsRequest {
  /** 1–20 tag ids */
  tagIds: number[];
}

/**
 * POST /api/admin/members/bulk-tags (members.write): add or remove tags over either explicit member ids
 * or every member matching a list filter (the same filter as GET /api/admin/members). Exactly one of
 * memberIds / filter. Set-based, one transaction, one audit row. Returns how many rows changed.
 */
export interface BulkTagRequest {
  action: 'add' | 'remove';
  /** 1–20 tag ids */
  tagIds: number[];
  /** 1–1000 ids */
  memberIds?: number[];
  filter?: Omit<MemberListQuery, 'page' | 'pageSize'>;
}
export interface BulkTagResponse {
  /** Members the selection matched. */
  matched: number;
  /** Member-tag rows added or removed. */
  changed: number;
}
