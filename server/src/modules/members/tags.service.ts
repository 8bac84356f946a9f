import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TagKind, type Tag, type TagGroup, type TagGroupInput, type TagInput } from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  RequestContext,
  requirePermission,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { isManagedByHand, isTagColor, normalizeTagName } from './domain/tag-rules';
import { tagSnapshot, toTag, toTagGroup } from './tag.mapper';
import { TagGroupEntity } from './persistence/tag-group.entity';
import { TagEntity } from './persistence/tag.entity';
import { deleteMemberTagsOf } from './persistence/tag.repository';

/** Tag groups and tags (标签管理): staff create manual tags; rule tags stay with the rule engine. */
@Injectable()
export class TagsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** Groups by sort then id, each with its tags by id. */
  async listGroups(ctx: RequestContext): Promise<TagGroup[]> {
    requirePermission(ctx, 'members.read');
    return this.tx.run(async (m) => {
      const [groups, tags] = await Promise.all([
        m.getRepository(TagGroupEntity).find({ order: { sort: 'ASC', id: 'ASC' } }),
        m.getRepository(TagEntity).find({ order: { id: 'ASC' } }),
      ]);
      return groups.map((g) => toTagGroup(g, tags));
    });
  }

  async createGroup(ctx: RequestContext, input: TagGroupInput): Promise<TagGroup> {
    requirePermission(ctx, 'members.write');
    return this.tx.run((m) => this.createGroupWith(m, ctx, input));
  }

  async createGroupWith(m: EntityManager, ctx: RequestContext, input: TagGroupInput): Promise<TagGroup> {
    const name = checkedName(input.name, '标签组');
    await assertGroupNameFree(m, name, null);
    const group = await insertOrConflict(
      () => m.getRepository(TagGroupEntity).save(m.create(TagGroupEntity, { name, sort: input.sort ?? 0 })),
      groupDuplicate,
    );
    await this.audit.record(m, ctx, {
      action: 'tagGroup.create',
      entityType: 'tag_group',
      entityId: group.id,
      after: { name, sort: group.sort },
    });
    return toTagGroup(group, []);
  }

  async updateGroup(ctx: RequestContext, id: number, input: TagGroupInput): Promise<TagGroup> {
    requirePermission(ctx, 'members.write');
    const name = checkedName(input.name, '标签组');
    return this.tx.run(async (m) => {
      const group = await loadGroup(m, id);
      await assertGroupNameFree(m, name, id);
      const before = { name: group.name, sort: group.sort };
      group.name = name;
      if (input.sort !== undefined) group.sort = input.sort;
      await insertOrConflict(() => m.getRepository(TagGroupEntity).save(group), groupDuplicate);
      await this.audit.record(m, ctx, {
        action: 'tagGroup.update',
        entityType: 'tag_group',
        entityId: id,
        before,
        after: { name: group.name, sort: group.sort },
      });
      const tags = await m.getRepository(TagEntity).find({ where: { groupId: id }, order: { id: 'ASC' } });
      return toTagGroup(group, tags);
    });
  }

  async deleteGroup(ctx: RequestContext, id: number): Promise<void> {
    requirePermission(ctx, 'members.write');
    await this.tx.run(async (m) => {
      const group = await loadGroup(m, id);
      const tagCount = await m.getRepository(TagEntity).countBy({ groupId: id });
      if (tagCount > 0) {
        throw new ConflictError(
          'TAG_GROUP_NOT_EMPTY',
          `该标签组下还有 ${tagCount} 个标签，请先删除或移走标签`,
        );
      }
      await m.getRepository(TagGroupEntity).delete({ id });
      await this.audit.record(m, ctx, {
        action: 'tagGroup.delete',
        entityType: 'tag_group',
        entityId: id,
        before: { name: group.name, sort: group.sort },
      });
    });
  }

  async createTag(ctx: RequestContext, input: TagInput): Promise<Tag> {
    requirePermission(ctx, 'members.write');
    return this.tx.run((m) => this.createTagWith(m, ctx, input));
  }

  /** Creates a manual tag (staff never create rule tags). */
  async createTagWith(m: EntityManager, ctx: RequestContext, input: TagInput): Promise<Tag> {
    const { name, color } = checkedTagInput(input);
    await loadGroup(m, input.groupId);
    await assertTagNameFree(m, input.groupId, name, null);
    const tag = await insertOrConflict(
      () =>
        m
          .getRepository(TagEntity)
          .save(
            m.create(TagEntity, { groupId: input.groupId, name, color, kind: TagKind.MANUAL, rule: null }),
          ),
      tagDuplicate,
    );
    const saved = await m.getRepository(TagEntity).findOneByOrFail({ id: tag.id });
    await this.audit.record(m, ctx, {
      action: 'tag.create',
      entityType: 'tag',
      entityId: saved.id,
      after: tagSnapshot(saved),
    });
    return toTag(saved);
  }

  /** Renames, recolours or moves a manual tag to another group. */
  async updateTag(ctx: RequestContext, id: number, input: TagInput): Promise<Tag> {
    requirePermission(ctx, 'members.write');
    const { name, color } = checkedTagInput(input);
    return this.tx.run(async (m) => {
      const tag = await loadManualTag(m, id);
      if (input.groupId !== tag.groupId) await loadGroup(m, input.groupId);
      await assertTagNameFree(m, input.groupId, name, id);
      const before = tagSnapshot(tag);
      Object.assign(tag, { groupId: input.groupId, name, color });
      await insertOrConflict(() => m.getRepository(TagEntity).save(tag), tagDuplicate);
      await this.audit.record(m, ctx, {
        action: 'tag.update',
        entityType: 'tag',
        entityId: id,
        before,
        after: tagSnapshot(tag),
      });
      return toTag(tag);
    });
  }

  /** Deletes a manual tag and takes it off every member; the audit row says from how many. */
  async deleteTag(ctx: RequestContext, id: number): Promise<void> {
    requirePermission(ctx, 'members.write');
    await this.tx.run(async (m) => {
      const tag = await loadManualTag(m, id);
      const removedFromMembers = await deleteMemberTagsOf(m, id);
      await m.getRepository(TagEntity).delete({ id });
      await this.audit.record(m, ctx, {
        action: 'tag.delete',
        entityType: 'tag',
        entityId: id,
        // How many members lost the tag, counted from the rows actually deleted.
        before: { ...tagSnapshot(tag), removedFromMembers },
      });
    });
  }
}

function checkedName(raw: string, what: '标签' | '标签组'): string {
  const check = normalizeTagName(raw ?? '', what);
  if (!check.ok) throw new BusinessError('VALIDATION_FAILED', check.message, 400);
  return check.name;
}

function checkedTagInput(input: TagInput): { name: string; color: TagInput['color'] } {
  const name = checkedName(input.name, '标签');
  if (!isTagColor(input.color)) throw new BusinessError('VALIDATION_FAILED', '请选择预设的标签颜色', 400);
  return { name, color: input.color };
}

async function loadGroup(m: EntityManager, id: number): Promise<TagGroupEntity> {
  const group = await m.getRepository(TagGroupEntity).findOneBy({ id });
  if (!group) throw new NotFoundError('TAG_GROUP_NOT_FOUND', '标签组不存在');
  return group;
}

async function loadManualTag(m: EntityManager, id: number): Promise<TagEntity> {
  const tag = await m.getRepository(TagEntity).findOneBy({ id });
  if (!tag) throw new NotFoundError('TAG_NOT_FOUND', '标签不存在');
  if (!isManagedByHand(tag.kind)) throw ruleManaged();
  return tag;
}

export function ruleManaged(): BusinessError {
  return new BusinessError('TAG_RULE_MANAGED', '规则标签由系统自动维护，不能手动修改', 400);
}

const groupDuplicate = () => new ConflictError('TAG_GROUP_DUPLICATE', '已有同名标签组');
const tagDuplicate = () => new ConflictError('TAG_DUPLICATE', '该标签组下已有同名标签');

async function assertGroupNameFree(m: EntityManager, name: string, exceptId: number | null): Promise<void> {
  const same = await m.getRepository(TagGroupEntity).findOneBy({ name });
  if (same && same.id !== exceptId) throw groupDuplicate();
}

async function assertTagNameFree(
  m: EntityManager,
  groupId: number,
  name: string,
  exceptId: number | null,
): Promise<void> {
  const same = await m.getRepository(TagEntity).findOneBy({ groupId, name });
  if (same && same.id !== exceptId) throw tagDuplicate();
}

/** A lost race on the unique index becomes the same 409 as the check before it. */
async function insertOrConflict<T>(write: () => Promise<T>, conflict: () => ConflictError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
