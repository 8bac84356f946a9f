import type {
  BulkTagRequest,
  BulkTagResponse,
  CommunityListItem,
  MemberDetail,
  Paged,
  Tag,
  TagGroup,
  TagGroupInput,
  TagInput,
} from '@linli/shared-types';
import { TagKind } from '@linli/shared-types';
import { api } from '../../api';

export const tagKeys = {
  groups: ['tag-groups'] as const,
};

export function fetchTagGroups(): Promise<TagGroup[]> {
  return api.get<TagGroup[]>('/api/admin/tag-groups');
}

export function createTagGroup(body: TagGroupInput): Promise<TagGroup> {
  return api.post<TagGroup>('/api/admin/tag-groups', body);
}

export function updateTagGroup(id: number, body: TagGroupInput): Promise<TagGroup> {
  return api.request<TagGroup>('PUT', `/api/admin/tag-groups/${id}`, { body });
}

export function deleteTagGroup(id: number): Promise<void> {
  return api.request<void>('DELETE', `/api/admin/tag-groups/${id}`);
}

export function createTag(body: TagInput): Promise<Tag> {
  return api.post<Tag>('/api/admin/tags', body);
}

export function updateTag(id: number, body: TagInput): Promise<Tag> {
  return api.request<Tag>('PUT', `/api/admin/tags/${id}`, { body });
}

export function deleteTag(id: number): Promise<void> {
  return api.request<void>('DELETE', `/api/admin/tags/${id}`);
}

export function addMemberTags(memberId: number, tagIds: number[]): Promise<MemberDetail> {
  return api.post<MemberDetail>(`/api/admin/members/${memberId}/tags`, { tagIds });
}

export function removeMemberTag(memberId: number, tagId: number): Promise<MemberDetail> {
  return api.request<MemberDetail>('DELETE', `/api/admin/members/${memberId}/tags/${tagId}`);
}

export function bulkTag(body: BulkTagRequest): Promise<BulkTagResponse> {
  return api.post<BulkTagResponse>('/api/admin/members/bulk-tags', body);
}

/** Communities by name for the member list filter (server-side search: there may be thousands). */
export function searchCommunities(keyword: string): Promise<Paged<CommunityListItem>> {
  return api.get<Paged<CommunityListItem>>('/api/admin/communities', {
    keyword: keyword.trim() || undefined,
    page: 1,
    pageSize: 20,
  });
}

export interface TagOptionGroup {
  label: string;
  title: string;
  options: Array<{ value: number; label: string; color: Tag['color']; disabled?: boolean }>;
}

/**
 * Select options grouped by tag group. Rule tags are offered for filtering but not for assigning by hand
 * (`assignable`), where they are left out; groups left empty are dropped.
 */
export function tagOptions(groups: TagGroup[], purpose: 'filter' | 'assign'): TagOptionGroup[] {
  return groups
    .map((group) => ({
      label: group.name,
      title: group.name,
      options: group.tags
        .filter((tag) => purpose === 'filter' || tag.kind === TagKind.MANUAL)
        .map((tag) => ({ value: tag.id, label: tag.name, color: tag.color })),
    }))
    .filter((group) => group.options.length > 0);
}

/** Tag by id across groups. */
export function tagById(groups: TagGroup[] | undefined, id: number | undefined): Tag | undefined {
  if (!groups || id === undefined) return undefined;
  for (const group of groups) {
    const tag = group.tags.find((t) => t.id === id);
    if (tag) return tag;
  }
  return undefined;
}

/** The confirm text before deleting a tag: it leaves every member that has it. */
export function deleteTagWarning(tag: Pick<Tag, 'name' | 'memberCount'>): string {
  return tag.memberCount > 0
    ? `删除后，「${tag.name}」将从 ${tag.memberCount} 名会员身上移除，且不可恢复。`
    : `「${tag.name}」还没有会员使用，删除后不可恢复。`;
}

/** The toast after a bulk operation. */
export function bulkResultText(action: BulkTagRequest['action'], result: BulkTagResponse): string {
  if (result.matched === 0) return '没有符合条件的会员，未做任何修改';
  const verb = action === 'add' ? '新增' : '移除';
  const unchanged =
    result.changed === 0 ? (action === 'add' ? '，他们都已有这些标签' : '，他们都没有这些标签') : '';
  return `已选中 ${result.matched} 名会员，${verb} ${result.changed} 个会员标签${unchanged}`;
}
