import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { BindingReason, type MemberChannel, type MemberProfile } from '@linli/shared-types';
import {
  NotFoundError,
  prefixPattern,
  RequestContext,
  requireMember,
  TransactionRunner,
} from '../../platform';
import { LeaderLifecycleHooks, LeadersService, type JoinableCommunity } from '../leaders';
import { decideAttribution, entryBindingTarget } from './domain/binding-rules';
import { CommunityJoinsService } from './community-joins.service';
import { defaultNickname } from './domain/default-nickname';
import { phoneTailOf } from './domain/phone-tail';
import { markActiveHourlyWith } from './member-activity';
import { MemberBindingsService, type BindingActor } from './member-bindings.service';
import { insertBindings } from './persistence/member.repository';
import { MemberEntity } from './persistence/member.entity';

export interface MemberIdentity {
  openid: string;
  unionid: string | null;
  /** Used only when the member is created. */
  nickname?: string;
  /** Active leader whose share link / code the member came through: binds a member who has no leader yet. */
  entryLeaderId?: number | null;
  /** The channel the client claims (poster, share card…); attribution only, at creation. */
  entryChannel?: MemberChannel;
  /** The community whose invite the member opened: joined; for a new member also the first community. */
  entryCommunity?: JoinableCommunity | null;
}

/** What other contexts may know about a member to serve them. */
export interface MemberContact {
  id: number;
  nickname: string;
  phone: string | null;
  phoneTail: string | null;
  openid: string;
  currentLeaderId: number | null;
}

export interface NewMember {
  openid: string;
  nickname: string;
  avatarUrl?: string | null;
  phone?: string | null;
  currentLeaderId?: number | null;
  /** Source channel; by default a shared card when created bound to a leader, else direct. */
  channel?: MemberChannel;
  /** The community whose invite brought the member in. */
  firstCommunityId?: number | null;
}

const SYSTEM_ACTOR: BindingActor = { type: 'system', id: null, name: null };

@Injectable()
export class MembersService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly leaders: LeadersService,
    private readonly leaderHooks: LeaderLifecycleHooks,
    private readonly bindings: MemberBindingsService,
    private readonly communityJoins: CommunityJoinsService,
  ) {}

  onModuleInit(): void {
    // A newly approved leader buys at their own pickup point, unless they already buy somewhere.
    this.leaderHooks.onApproved((manager, ctx, { leaderId, memberId }) =>
      this.bindIfUnboundWith(manager, memberId, leaderId, approverOf(ctx)),
    );
  }

  /** Binds the member to the leader only when they have no leader yet (never moves a bound member). */
  async bindIfUnboundWith(
    manager: EntityManager,
    memberId: number,
    leaderId: number,
    actor: BindingActor = { type: 'system', id: null, name: '团长审核通过' },
  ): Promise<void> {
    await this.bindings.bindIfUnboundWith(manager, memberId, leaderId, {
      reason: BindingReason.LEADER_APPROVED,
      actor,
    });
  }

  /**
   * The member with this openid, created on first login. A concurrent first login of the same openid
   * makes the insert fail on the unique index; the caller retries its transaction (see MemberAuthService).
   */
  async findOrCreate(
    manager: EntityManager,
    identity: MemberIdentity,
  ): Promise<{ member: MemberEntity; isNew: boolean }> {
    const repo = manager.getRepository(MemberEntity);
    const existing = await repo.findOneBy({ openid: identity.openid });
    if (existing) {
      const changes: Partial<MemberEntity> = {};
      if (
        !existing.unionid &&
        identity.unionid &&
        !(await repo.exists({ where: { unionid: identity.unionid } }))
      ) {
        changes.unionid = identity.unionid;
      }
      if (Object.keys(changes).length > 0) {
        await repo.update({ id: existing.id }, changes);
        Object.assign(existing, changes);
      }
      const bindTo = entryBindingTarget(existing.currentLeaderId, identity.entryLeaderId ?? null);
      if (bindTo !== null) {
        const bound = await this.bindings.bindIfUnboundWith(manager, existing.id, bindTo, {
          reason: BindingReason.ENTRY_LINK,
          actor: { type: 'member', id: existing.id, name: existing.nickname },
        });
        if (bound) existing.currentLeaderId = bindTo;
      }
      await this.joinEntryCommunity(manager, existing.id, identity.entryCommunity);
      return { member: existing, isNew: false };
    }
    const attribution = decideAttribution(identity.entryLeaderId ?? null, identity.entryChannel);
    const member = await this.createWith(
      manager,
      {
        openid: identity.openid,
        nickname: identity.nickname?.trim() || defaultNickname(identity.openid),
        currentLeaderId: attribution.firstLeaderId,
        channel: attribution.channel,
        firstCommunityId: identity.entryCommunity?.id ?? null,
      },
      'self',
    );
    await this.joinEntryCommunity(manager, member.id, identity.entryCommunity);
    if (identity.unionid && !(await repo.exists({ where: { unionid: identity.unionid } }))) {
      await repo.update({ id: member.id }, { unionid: identity.unionid });
      member.unionid = identity.unionid;
    }
    return { member, isNew: true };
  }

  /**
   * Inserts a member in the caller's transaction (logins and the demo seed) with their source, written
   * once here. A member created bound gets the first history row (entry link), by themselves or the system.
   */
  async createWith(
    manager: EntityManager,
    input: NewMember,
    boundBy: 'self' | 'system' = 'system',
  ): Promise<MemberEntity> {
    const repo = manager.getRepository(MemberEntity);
    const leaderId = input.currentLeaderId ?? null;
    const now = new Date();
    const member = repo.create({
      openid: input.openid,
      unionid: null,
      nickname: input.nickname,
      avatarUrl: input.avatarUrl ?? null,
      phone: input.phone ?? null,
      phoneTail: phoneTailOf(input.phone ?? null),
      currentLeaderId: leaderId,
      channel: input.channel ?? decideAttribution(leaderId, undefined).channel,
      firstLeaderId: leaderId,
      firstCommunityId: input.firstCommunityId ?? null,
      firstOrderAt: null,
      attributedAt: now,
    });
    await repo.insert(member);
    if (leaderId !== null) {
      const actor: BindingActor =
        boundBy === 'self' ? { type: 'member', id: member.id, name: input.nickname } : SYSTEM_ACTOR;
      await insertBindings(manager, [
        {
          memberId: member.id,
          fromLeaderId: null,
          toLeaderId: leaderId,
          reason: BindingReason.ENTRY_LINK,
          note: null,
          actorType: actor.type,
          actorId: actor.id,
          actorName: actor.name,
        },
      ]);
    }
    return repo.findOneByOrFail({ id: member.id });
  }

  /** Joins the member to the community if not in it yet, in the caller's transaction (logins, the seed). */
  async joinCommunityWith(
    manager: EntityManager,
    memberId: number,
    community: JoinableCommunity,
  ): Promise<boolean> {
    return (await this.communityJoins.joinWith(manager, memberId, community)) === 'joined';
  }

  /** A login through a community invite joins it; one archived since it was resolved is skipped. */
  private async joinEntryCommunity(
    manager: EntityManager,
    memberId: number,
    community: JoinableCommunity | null | undefined,
  ): Promise<void> {
    if (community) await this.communityJoins.joinWith(manager, memberId, community);
  }

  /** Binds an unbound member for a reason (the seed binds leaders to their own pickup point). */
  async bindUnboundWith(
    manager: EntityManager,
    memberId: number,
    leaderId: number,
    reason: BindingReason,
  ): Promise<void> {
    await this.bindings.bindIfUnboundWith(manager, memberId, leaderId, { reason, actor: SYSTEM_ACTOR });
  }

  async exists(memberId: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(MemberEntity).exists({ where: { id: memberId } });
  }

  /** The leader the member buys at, or null when unbound (or unknown). */
  async currentLeaderIdOf(
    memberId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number | null> {
    const member = await manager
      .getRepository(MemberEntity)
      .findOne({ where: { id: memberId }, select: { id: true, currentLeaderId: true } });
    return member?.currentLeaderId ?? null;
  }

  /** Names, phones and openids of members (orders show buyers; payments need the payer's openid). */
  async contactsOf(
    memberIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, MemberContact>> {
    if (memberIds.length === 0) return new Map();
    const rows = await manager.getRepository(MemberEntity).find({
      where: { id: In([...new Set(memberIds)]) },
      select: { id: true, nickname: true, phone: true, phoneTail: true, openid: true, currentLeaderId: true },
    });
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          nickname: r.nickname,
          phone: r.phone,
          phoneTail: r.phoneTail,
          openid: r.openid,
          currentLeaderId: r.currentLeaderId,
        },
      ]),
    );
  }

  /** Stamps the member's first order (source attribution shows it), once: later orders change nothing. */
  async markFirstOrderWith(manager: EntityManager, memberId: number, at: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(MemberEntity)
      .set({ firstOrderAt: at })
      .where('id = :memberId AND first_order_at IS NULL', { memberId })
      .execute();
  }

  /** Members whose phone starts with these digits (an index range), at most `limit`. */
  async idsByPhonePrefix(prefix: string, limit: number): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .where("m.phone LIKE :pattern ESCAPE '!'", { pattern: prefixPattern(prefix) })
      .orderBy('m.phone', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  /** Members of a leader whose phone ends with these 4 digits (尾号; indexed per leader). */
  async idsByPhoneTail(leaderId: number, tail: string): Promise<number[]> {
    const rows = await this.dataSource.getRepository(MemberEntity).find({
      where: { currentLeaderId: leaderId, phoneTail: tail },
      select: { id: true },
      take: 200,
    });
    return rows.map((r) => r.id);
  }

  /** GET /api/app/me */
  async me(ctx: RequestContext): Promise<MemberProfile> {
    const { memberId } = requireMember(ctx);
    return this.tx.run(async (m) => {
      await markActiveHourlyWith(m, memberId, new Date());
      return this.profileOf(m, memberId);
    });
  }

  async profileOf(manager: EntityManager, memberId: number): Promise<MemberProfile> {
    const member = await manager.getRepository(MemberEntity).findOneBy({ id: memberId });
    if (!member) throw new NotFoundError('MEMBER_NOT_FOUND', '会员不存在');
    const [currentLeader, isLeader] = await Promise.all([
      member.currentLeaderId === null ? null : this.leaders.getSummary(member.currentLeaderId, manager),
      this.leaders.isActiveLeader(member.id, manager),
    ]);
    return {
      id: member.id,
      nickname: member.nickname,
      avatarUrl: member.avatarUrl,
      phone: member.phone,
      isLeader,
      currentLeader,
      createdAt: member.createdAt.toISOString(),
    };
  }
}

/** The staff member who approved, for the binding history; the system when approved by a job or seed. */
function approverOf(ctx: RequestContext): BindingActor {
  const actor = ctx.actor;
  if (actor.type === 'staff') return { type: 'staff', id: actor.staffId, name: actor.name };
  return { type: 'system', id: null, name: '团长审核通过' };
}
