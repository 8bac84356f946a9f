import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BulkTagRequest, BulkTagResponse, MemberDetail } from '@linli/shared-types';
import {
  BusinessError,
  NotFoundError,
  RequestContext,
  requirePermission,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { bulkSelectionOf, isManagedByHand } from './domain/tag-rules';
import { MemberAdminService } from './member-admin.service';
import { MemberEntity } from './persistence/member.entity';
import { TagEntity } from './persistence/tag.entity';
import {
  addMemberTags,
  countSelection,
  deleteTagsForSelection,
  insertTagForSelection,
  recountTags,
  removeMemberTag,
  type MemberSelection,
} from './persistence/tag.repository';
import { ruleManaged } from './tags.service';

/** Putting manual tags on members and taking them off: one member at a time or in bulk. */
@Injectable()
export class MemberTagsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly memberAdmin: MemberAdminService,
  ) {}

  /** Adds the tags the member does not have yet (those already there are a no-op, not an error). */
  async add(ctx: RequestContext, memberId: number, tagIds: number[]): Promise<MemberDetail> {
    const staffId = requirePermission(ctx, 'members.write')?.staffId ?? null;
    const wanted = [...new Set(tagIds)];
    return this.tx.run(async (m) => {
      await assertMember(m, memberId);
      await loadAssignableTags(m, wanted);
      const added = await addMemberTags(m, memberId, wanted, staffId);
      if (added.length > 0) {
        await this.audit.record(m, ctx, {
          action: 'member.addTags',
          entityType: 'member',
          entityId: memberId,
          after: { tagIds: added },
        });
      }
      // Joins this transaction, so the detail shows the tags just added.
      return this.memberAdmin.get(ctx, memberId);
    });
  }

  /** Seeds and jobs: gives the member these tags (ids known to be manual tags) without an audit row. */
  async addWith(m: EntityManager, memberId: number, tagIds: number[]): Promise<void> {
    await addMemberTags(m, memberId, [...new Set(tagIds)], null);
  }

  /** Takes the tag off the member (not there: a no-op). */
  async remove(ctx: RequestContext, memberId: number, tagId: number): Promise<MemberDetail> {
    requirePermission(ctx, 'members.write');
    return this.tx.run(async (m) => {
      await assertMember(m, memberId);
      await loadAssignableTags(m, [tagId]);
      if (await removeMemberTag(m, memberId, tagId)) {
        await this.audit.record(m, ctx, {
          action: 'member.removeTag',
          entityType: 'member',
          entityId: memberId,
          before: { tagId },
        });
      }
      return this.memberAdmin.get(ctx, memberId);
    });
  }

  /**
   * Adds or removes tags over explicit ids or every member matching a list filter: set-based statements
   * (one INSERT … SELECT per tag, one DELETE), counts recomputed in one UPDATE, one audit row.
   */
  async bulk(ctx: RequestContext, request: BulkTagRequest): Promise<BulkTagResponse> {
    const staffId = requirePermission(ctx, 'members.write')?.staffId ?? null;
    const chosen = bulkSelectionOf(request.memberIds, request.filter);
    if (!chosen.ok) throw new BusinessError('VALIDATION_FAILED', chosen.message, 400);
    const selection: MemberSelection =
      chosen.by === 'ids'
        ? { by: 'ids', memberIds: chosen.memberIds }
        : { by: 'filter', filter: chosen.filter };
    const tagIds = [...new Set(request.tagIds)];
    return this.tx.run(async (m) => {
      await loadAssignableTags(m, tagIds);
      const matched = await countSelection(m, selection);
      let changed = 0;
      if (matched > 0) {
        if (request.action === 'add') {
          for (const tagId of tagIds) changed += await insertTagForSelection(m, selection, tagId, staffId);
        } else {
          changed = await deleteTagsForSelection(m, selection, tagIds);
        }
        if (changed > 0) await recountTags(m, tagIds);
      }
      await this.audit.record(m, ctx, {
        action: request.action === 'add' ? 'member.bulkAddTags' : 'member.bulkRemoveTags',
        entityType: 'member',
        entityId: null,
        after: {
          tagIds,
          ...(selection.by === 'ids' ? { memberIds: selection.memberIds } : { filter: selection.filter }),
          matched,
          changed,
        },
      });
      return { matched, changed };
    });
  }
}

async function assertMember(m: EntityManager, id: number): Promise<void> {
  if (!(await m.getRepository(MemberEntity).existsBy({ id }))) {
    throw new NotFoundError('MEMBER_NOT_FOUND', '会员不存在');
  }
}

/** Every id must be a manual tag: unknown → 404 TAG_NOT_FOUND, a rule tag → 400 TAG_RULE_MANAGED. */
async function loadAssignableTags(m: EntityManager, ids: number[]): Promise<TagEntity[]> {
  const tags = ids.length === 0 ? [] : await m.getRepository(TagEntity).findBy(ids.map((id) => ({ id })));
  if (tags.length !== ids.length) throw new NotFoundError('TAG_NOT_FOUND', '标签不存在或已被删除');
  if (tags.some((t) => !isManagedByHand(t.kind))) throw ruleManaged();
  return tags;
}
