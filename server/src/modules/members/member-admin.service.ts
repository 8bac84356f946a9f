import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  BindingReason,
  type MemberDetail,
  type MemberListQuery,
  type MemberPage,
  type TransferMembersResponse,
} from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  NotFoundError,
  RequestContext,
  requirePermission,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { CommunityDirectory, LeadersService } from '../leaders';
import { decideBindingChange } from './domain/binding-rules';
import { MemberBindingsService } from './member-bindings.service';
import { toBindingChange, toMemberCommunity, toMemberDetail, toMemberListItem } from './member.mapper';
import { membershipsOfMember } from './persistence/community-membership.repository';
import { MemberEntity } from './persistence/member.entity';
import { bindingHistoryOf, findMemberPage } from './persistence/member.repository';
import { tagChipsOf } from './persistence/tag.repository';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
const DETAIL_HISTORY = 200;

/** Staff looking after members: the list, the detail with source and history, moves and transfers. */
@Injectable()
export class MemberAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly leaders: LeadersService,
    private readonly bindings: MemberBindingsService,
    private readonly communities: CommunityDirectory,
  ) {}

  async list(ctx: RequestContext, query: MemberListQuery): Promise<MemberPage> {
    requirePermission(ctx, 'members.read');
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    return this.tx.run(async (m) => {
      const { rows, total, totalCapped } = await findMemberPage(m, { ...query, page, pageSize });
      const leaderIds = rows.flatMap((r) => [r.currentLeaderId, r.firstLeaderId]).filter(isId);
      const [leaders, activeLeaders, tags] = await Promise.all([
        this.leaders.getSummaries(leaderIds, m),
        this.leaders.activeLeaderMemberIds(
          rows.map((r) => r.id),
          m,
        ),
        tagChipsOf(
          m,
          rows.map((r) => r.id),
        ),
      ]);
      return {
        items: rows.map((r) => toMemberListItem(r, leaders, activeLeaders.has(r.id), tags.get(r.id) ?? [])),
        total,
        totalCapped,
        page,
        pageSize,
      };
    });
  }

  async get(ctx: RequestContext, id: number): Promise<MemberDetail> {
    requirePermission(ctx, 'members.read');
    return this.tx.run((m) => this.detail(m, id));
  }

  /** Moves one member to another ACTIVE leader with a reason; history row and audit row in one transaction. */
  async move(ctx: RequestContext, id: number, toLeaderId: number, reason: string): Promise<MemberDetail> {
    requirePermission(ctx, 'members.write');
    const note = reason.trim();
    return this.tx.run(async (m) => {
      const actor = await this.bindings.actorOf(m, ctx);
      const { fromLeaderId } = await this.bindings.changeWith(m, id, toLeaderId, {
        reason: BindingReason.STAFF_MOVE,
        note,
        actor,
      });
      await this.audit.record(m, ctx, {
        action: 'member.move',
        entityType: 'member',
        entityId: id,
        before: { currentLeaderId: fromLeaderId },
        after: { currentLeaderId: toLeaderId, reason: note },
      });
      return this.detail(m, id);
    });
  }

  /** Moves every member of a leader (e.g. one who quits) to another ACTIVE leader; one audit row. */
  async transfer(
    ctx: RequestContext,
    fromLeaderId: number,
    toLeaderId: number,
    reason: string,
  ): Promise<TransferMembersResponse> {
    requirePermission(ctx, 'members.write');
    const note = reason.trim();
    return this.tx.run(async (m) => {
      if (!(await this.leaders.getSummary(fromLeaderId, m))) {
        throw new NotFoundError('LEADER_NOT_FOUND', '团长不存在');
      }
      const active = await this.leaders.activeLeaderIds([toLeaderId], m);
      const decision = decideBindingChange(fromLeaderId, toLeaderId, active.has(toLeaderId));
      if (!decision.ok && decision.error === 'target_invalid') {
        throw new BusinessError(
          'MEMBER_TARGET_LEADER_INVALID',
          '目标团长不存在或未在营业，请选择其他团长',
          400,
        );
      }
      if (!decision.ok) throw new ConflictError('MEMBER_ALREADY_AT_LEADER', '不能转移给同一位团长');
      const actor = await this.bindings.actorOf(m, ctx);
      const moved = await this.bindings.transferAllWith(m, fromLeaderId, toLeaderId, { note, actor });
      await this.audit.record(m, ctx, {
        action: 'leader.transferMembers',
        entityType: 'leader',
        entityId: fromLeaderId,
        before: { leaderId: fromLeaderId },
        after: { toLeaderId, moved, reason: note },
      });
      return { moved };
    });
  }

  private async detail(m: EntityManager, id: number): Promise<MemberDetail> {
    const member = await m.getRepository(MemberEntity).findOneBy({ id });
    if (!member) throw new NotFoundError('MEMBER_NOT_FOUND', '会员不存在');
    const history = await bindingHistoryOf(m, id, DETAIL_HISTORY);
    const memberships = await membershipsOfMember(m, id);
    const communityRefs = await this.communities.refsOf(
      memberships.map((c) => c.communityId),
      m,
    );
    const leaderIds = [
      member.currentLeaderId,
      member.firstLeaderId,
      ...history.flatMap((h) => [h.fromLeaderId, h.toLeaderId]),
    ].filter(isId);
    const [leaders, activeLeaders, tags] = await Promise.all([
      this.leaders.getSummaries(leaderIds, m),
      this.leaders.activeLeaderMemberIds([id], m),
      tagChipsOf(m, [id]),
    ]);
    return toMemberDetail(
      member,
      leaders,
      activeLeaders.has(id),
      history.map((h) => toBindingChange(h, leaders)),
      tags.get(id) ?? [],
      memberships.map((c) => toMemberCommunity(c, communityRefs.get(c.communityId))),
    );
  }
}

const isId = (id: number | null): id is number => id !== null;
