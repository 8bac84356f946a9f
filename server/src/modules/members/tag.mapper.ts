import type { Tag, TagGroup } from '@linli/shared-types';
import type { TagGroupEntity } from './persistence/tag-group.entity';
import type { TagEntity } from './persistence/tag.entity';

export function toTag(tag: TagEntity): Tag {
  return {
    id: tag.id,
    groupId: tag.groupId,
    name: tag.name,
    color: tag.color,
    kind: tag.kind,
    memberCount: tag.memberCount,
    createdAt: tag.createdAt.toISOString(),
  };
}

export function toTagGroup(group: TagGroupEntity, tags: TagEntity[]): TagGroup {
  return {
    id: group.id,
    name: group.name,
    sort: group.sort,
    tags: tags.filter((t) => t.groupId === group.id).map(toTag),
  };
}

/** What the audit log keeps of a tag. */
export function tagSnapshot(tag: TagEntity): Record<string, unknown> {
  return { groupId: tag.groupId, name: tag.name, color: tag.color, kind: tag.kind };
}
