import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MemberProfile } from '@linli/shared-types';
import { NotFoundError, RequestContext, requireMember, TransactionRunner } from '../../platform';
import { LeaderLifecycleHooks, LeadersService } from '../leaders';
import { defaultNickname } from './domain/default-nickname';
import { MemberEntity } from './persistence/member.entity';

export interface MemberIdentity {
  openid: string;
  unionid: string | null;
  /** Used only when the member is created. */
  nickname?: string;
  /** Leader whose share link / code the member came through: binds a member who has no leader yet. */
  inviteLeaderId?: number | null;
}

export interface NewMember {
  openid: string;
  nickname: string;
  avatarUrl?: string | null;
  phone?: string | null;
  currentLeaderId?: number | null;
}

@Injectable()
export class MembersService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly leaders: LeadersService,
    private readonly leaderHooks: LeaderLifecycleHooks,
  ) {}

  onModuleInit(): void {
    // A newly approved leader buys at their own pickup point, unless they already buy somewhere.
    this.leaderHooks.onApproved((manager, { leaderId, memberId }) =>
      this.bindIfUnboundWith(manager, memberId, leaderId),
    );
  }

  /** Binds the member to the leader only when they have no leader yet (never moves a bound member). */
  async bindIfUnboundWith(manager: EntityManager, memberId: number, leaderId: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(MemberEntity)
      .set({ currentLeaderId: leaderId })
      .where('id = :memberId AND current_leader_id IS NULL', { memberId })
      .execute();
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
      if (existing.currentLeaderId === null && identity.inviteLeaderId)
        changes.currentLeaderId = identity.inviteLeaderId;
      if (Object.keys(changes).length > 0) {
        await repo.update({ id: existing.id }, changes);
        Object.assign(existing, changes);
      }
      return { member: existing, isNew: false };
    }
    const member = await this.createWith(manager, {
      openid: identity.openid,
      nickname: identity.nickname?.trim() || defaultNickname(identity.openid),
      currentLeaderId: identity.inviteLeaderId ?? null,
    });
    if (identity.unionid && !(await repo.exists({ where: { unionid: identity.unionid } }))) {
      await repo.update({ id: member.id }, { unionid: identity.unionid });
      member.unionid = identity.unionid;
    }
    return { member, isNew: true };
  }

  /** Inserts a member in the caller's transaction (logins and the demo seed). */
  async createWith(manager: EntityManager, input: NewMember): Promise<MemberEntity> {
    const repo = manager.getRepository(MemberEntity);
    const member = repo.create({
      openid: input.openid,
      unionid: null,
      nickname: input.nickname,
      avatarUrl: input.avatarUrl ?? null,
      phone: input.phone ?? null,
      currentLeaderId: input.currentLeaderId ?? null,
    });
    await repo.insert(member);
    return repo.findOneByOrFail({ id: member.id });
  }

  /** Binds a member to a leader (pickup point). Binding history and reasons come with issue 3. */
  async setCurrentLeaderWith(
    manager: EntityManager,
    memberId: number,
    leaderId: number | null,
  ): Promise<void> {
    await manager.getRepository(MemberEntity).update({ id: memberId }, { currentLeaderId: leaderId });
  }

  async exists(memberId: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(MemberEntity).exists({ where: { id: memberId } });
  }

  /** The leader the member buys at, or null when unbound (or unknown). */
  async currentLeaderIdOf(memberId: number): Promise<number | null> {
    const member = await this.dataSource
      .getRepository(MemberEntity)
      .findOne({ where: { id: memberId }, select: { id: true, currentLeaderId: true } });
    return member?.currentLeaderId ?? null;
  }

  /** GET /api/app/me */
  async me(ctx: RequestContext): Promise<MemberProfile> {
    const { memberId } = requireMember(ctx);
    return this.tx.run((m) => this.profileOf(m, memberId));
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
