import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BindingReason } from '@linli/shared-types';
import { BusinessError, ConflictError, NotFoundError, RequestContext } from '../../platform';
import { LeadersService } from '../leaders';
import { bindingNoteFor, decideBindingChange } from './domain/binding-rules';
import type { BindingActorType } from './persistence/member-binding.entity';
import { MemberEntity } from './persistence/member.entity';
import {
  insertBindings,
  lockMember,
  lockMemberIdsAt,
  moveBatch,
  moveIfAt,
} from './persistence/member.repository';

export interface BindingActor {
  type: BindingActorType;
  id: number | null;
  name: string | null;
}

/** Rows per batch of a transfer: bounded memory and statement size for leaders with many members. */
const TRANSFER_BATCH = 500;

/**
 * Every change of a member's current leader goes through here: read the current leader under a lock,
 * update conditionally, append the history row, all in the caller's transaction.
 */
@Injectable()
export class MemberBindingsService {
  constructor(private readonly leaders: LeadersService) {}

  /** Who acts, as the history names them (member nickname, staff name, system job). */
  async actorOf(m: EntityManager, ctx: RequestContext): Promise<BindingActor> {
    const actor = ctx.actor;
    if (actor.type === 'staff') return { type: 'staff', id: actor.staffId, name: actor.name };
    if (actor.type === 'member') {
      const member = await m
        .getRepository(MemberEntity)
        .findOne({ where: { id: actor.memberId }, select: { id: true, nickname: true } });
      return { type: 'member', id: actor.memberId, name: member?.nickname ?? null };
    }
    return { type: 'system', id: null, name: actor.type === 'system' ? actor.name : null };
  }

  /**
   * Moves one member to an ACTIVE leader (buyer switch, staff move). 400 when the target is not active,
   * 409 when the member is already there. Returns the leader they left.
   */
  async changeWith(
    m: EntityManager,
    memberId: number,
    toLeaderId: number,
    change: { reason: BindingReason; note: string | null; actor: BindingActor },
  ): Promise<{ fromLeaderId: number | null }> {
    const member = await lockMember(m, memberId);
    if (!member) throw new NotFoundError('MEMBER_NOT_FOUND', '会员不存在');
    const active = await this.leaders.activeLeaderIds([toLeaderId], m);
    const decision = decideBindingChange(member.currentLeaderId, toLeaderId, active.has(toLeaderId));
    if (!decision.ok && decision.error === 'target_invalid') {
      throw new BusinessError(
        'MEMBER_TARGET_LEADER_INVALID',
        '目标团长不存在或未在营业，请选择其他自提点',
        400,
      );
    }
    if (!decision.ok) throw new ConflictError('MEMBER_ALREADY_AT_LEADER', '会员已在该团长的自提点');
    await this.record(m, member, toLeaderId, change);
    return { fromLeaderId: member.currentLeaderId };
  }

  /** Binds the member only when they have no leader yet (entry links, approvals); false otherwise. */
  async bindIfUnboundWith(
    m: EntityManager,
    memberId: number,
    toLeaderId: number,
    change: { reason: BindingReason; actor: BindingActor },
  ): Promise<boolean> {
    const member = await lockMember(m, memberId);
    if (!member || member.currentLeaderId !== null) return false;
    await this.record(m, member, toLeaderId, { ...change, note: null });
    return true;
  }

  /** Moves every member of `fromLeaderId` to `toLeaderId` in batches; one history row per member. */
  async transferAllWith(
    m: EntityManager,
    fromLeaderId: number,
    toLeaderId: number,
    change: { note: string; actor: BindingActor },
  ): Promise<number> {
    let moved = 0;
    let afterId = 0;
    for (;;) {
      const ids = await lockMemberIdsAt(m, fromLeaderId, afterId, TRANSFER_BATCH);
      if (ids.length === 0) return moved;
      const count = await moveBatch(m, ids, fromLeaderId, toLeaderId);
      // The rows are locked (MySQL) or the transaction serialised (SQLite): all of them must have moved.
      if (count !== ids.length) throw new ConflictError('CONFLICT', '会员绑定关系已变化，请重试');
      await insertBindings(
        m,
        ids.map((memberId) => ({
          memberId,
          fromLeaderId,
          toLeaderId,
          reason: BindingReason.STAFF_MOVE,
          note: change.note,
          actorType: change.actor.type,
          actorId: change.actor.id,
          actorName: change.actor.name,
        })),
      );
      moved += ids.length;
      afterId = ids[ids.length - 1];
    }
  }

  private async record(
    m: EntityManager,
    member: MemberEntity,
    toLeaderId: number,
    change: { reason: BindingReason; note: string | null; actor: BindingActor },
  ): Promise<void> {
    if (!(await moveIfAt(m, member.id, member.currentLeaderId, toLeaderId))) {
      throw new ConflictError('CONFLICT', '会员绑定关系已变化，请重试');
    }
    await insertBindings(m, [
      {
        memberId: member.id,
        fromLeaderId: member.currentLeaderId,
        toLeaderId,
        reason: change.reason,
        note: bindingNoteFor(change.reason, change.note),
        actorType: change.actor.type,
        actorId: change.actor.id,
        actorName: change.actor.name,
      },
    ]);
    member.currentLeaderId = toLeaderId;
  }
}
