import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { LeaderStatus, type LeaderSummary, type PickupPointSummary } from '@linli/shared-types';
import { ConflictError, RequestContext } from '../../platform';
import { AuditService } from '../audit';
import { generateInviteCode } from './domain/invite-code';
import type { LatLng } from './domain/geo';
import { toPickupPointSummary } from './leader.mapper';
import { findLeaderPage } from './persistence/leader.repository';
import { LeaderEntity } from './persistence/leader.entity';
import { PickupPointEntity } from './persistence/pickup-point.entity';
import { searchActivePickupPoints } from './persistence/pickup-point-search';

export interface NewPickupPoint {
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  openingHours: string | null;
  contactPhone: string | null;
}

export interface NewLeader {
  memberId: number;
  name: string;
  phone: string | null;
  status: LeaderStatus;
  uplineLeaderId: number | null;
  pickupPoint: NewPickupPoint;
  /** The agreement the leader signed (电子签约), when they signed one. */
  agreement?: { version: string; acceptedAt: Date } | null;
}

export interface ActivePickupPoint {
  leaderId: number;
  leaderName: string;
  pickupPoint: PickupPointSummary;
  /** Exact metres from the origin; null without an origin or coordinates. */
  distanceMeters: number | null;
}

const INVITE_CODE_ATTEMPTS = 5;

/** What other contexts need to know about a leader to offer and share campaigns. */
export interface LeaderIdentity {
  id: number;
  memberId: number;
  name: string;
  levelId: number | null;
  active: boolean;
  /** pending / rejected: an application, never a leader; suspended: a leader who stopped. */
  status: LeaderStatus;
  inviteCode: string;
  /** The leader who recruited this one (推荐人), if any. */
  uplineLeaderId: number | null;
}

@Injectable()
export class LeadersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Leader with pickup point, as buyers see it; null when there is no such leader. */
  async getSummary(
    leaderId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LeaderSummary | null> {
    return (await this.getSummaries([leaderId], manager)).get(leaderId) ?? null;
  }

  async getSummaries(
    leaderIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, LeaderSummary>> {
    const result = new Map<number, LeaderSummary>();
    if (leaderIds.length === 0) return result;
    const ids = [...new Set(leaderIds)];
    const [leaders, points] = await Promise.all([
      manager.getRepository(LeaderEntity).findBy({ id: In(ids) }),
      manager.getRepository(PickupPointEntity).findBy({ leaderId: In(ids) }),
    ]);
    const pointByLeader = new Map(points.map((p) => [p.leaderId, toPickupPointSummary(p)]));
    for (const leader of leaders) {
      result.set(leader.id, {
        id: leader.id,
        name: leader.name,
        phone: leader.phone,
        pickupPoint: pointByLeader.get(leader.id) ?? null,
      });
    }
    return result;
  }

  /** A leader by id, or null. */
  async identityOf(
    leaderId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LeaderIdentity | null> {
    const leader = await manager.getRepository(LeaderEntity).findOneBy({ id: leaderId });
    return leader ? toLeaderIdentity(leader) : null;
  }

  /** Several leaders by id (one query). */
  async identitiesOf(
    leaderIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, LeaderIdentity>> {
    if (leaderIds.length === 0) return new Map();
    const rows = await manager.getRepository(LeaderEntity).findBy({ id: In([...new Set(leaderIds)]) });
    return new Map(rows.map((leader) => [leader.id, toLeaderIdentity(leader)]));
  }

  /**
   * A page of leaders (newest application first, any status), by a keyword on name, phone, invite code
   * or pickup point: other contexts' per-leader lists (commission balances).
   */
  async pageOfIdentities(
    query: { keyword?: string; page: number; pageSize: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ items: LeaderIdentity[]; total: number }> {
    const [rows, total] = await findLeaderPage(manager, {
      keyword: query.keyword,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: rows.map(toLeaderIdentity), total };
  }

  /** The leader a member is (every leader is a member), or null. */
  async identityOfMember(
    memberId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LeaderIdentity | null> {
    const leader = await manager.getRepository(LeaderEntity).findOneBy({ memberId });
    return leader ? toLeaderIdentity(leader) : null;
  }

  async isActiveLeader(memberId: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(LeaderEntity).exists({ where: { memberId, status: LeaderStatus.ACTIVE } });
  }

  /**
   * Whether the leader's pickup point takes orders: only an active leader's does (a suspended one keeps
   * its customers but offers nothing). Unknown leaders take no orders either.
   */
  async takesOrders(leaderId: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return this.isActiveLeaderId(leaderId, manager);
  }

  private async isActiveLeaderId(leaderId: number, manager: EntityManager): Promise<boolean> {
    return manager
      .getRepository(LeaderEntity)
      .exists({ where: { id: leaderId, status: LeaderStatus.ACTIVE } });
  }

  /** Which of these leaders are active (may take members). */
  async activeLeaderIds(
    leaderIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<number>> {
    if (leaderIds.length === 0) return new Set();
    const rows = await manager.getRepository(LeaderEntity).find({
      where: { id: In([...new Set(leaderIds)]), status: LeaderStatus.ACTIVE },
      select: { id: true },
    });
    return new Set(rows.map((r) => r.id));
  }

  /** Which of these members are active leaders. */
  async activeLeaderMemberIds(
    memberIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<number>> {
    if (memberIds.length === 0) return new Set();
    const rows = await manager.getRepository(LeaderEntity).find({
      where: { memberId: In([...new Set(memberIds)]), status: LeaderStatus.ACTIVE },
      select: { id: true, memberId: true },
    });
    return new Set(rows.map((r) => r.memberId));
  }

  /** Buyers choosing a pickup point: active leaders only, nearest first when an origin is given. */
  async searchActivePickupPoints(
    query: { keyword?: string; origin: LatLng | null; offset: number; limit: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ items: ActivePickupPoint[]; total: number }> {
    const { hits, total } = await searchActivePickupPoints(manager, query);
    return {
      items: hits.map((h) => ({
        leaderId: h.leaderId,
        leaderName: h.leaderName,
        pickupPoint: toPickupPointSummary(h.point),
        distanceMeters: h.distanceMeters,
      })),
      total,
    };
  }

  /** The active leader owning an invite code (share links, posters), or null. */
  async findActiveLeaderIdByInviteCode(
    inviteCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number | null> {
    const leader = await manager
      .getRepository(LeaderEntity)
      .findOne({ where: { inviteCode, status: LeaderStatus.ACTIVE }, select: { id: true } });
    return leader?.id ?? null;
  }

  /**
   * Creates a leader with their pickup point in the caller's transaction, audited (staff and the demo
   * seed; members apply through LeaderApplicationsService). A leader created active counts as reviewed.
   */
  async createWith(
    manager: EntityManager,
    ctx: RequestContext,
    input: NewLeader,
  ): Promise<{ id: number; inviteCode: string }> {
    const leaders = manager.getRepository(LeaderEntity);
    if (await leaders.exists({ where: { memberId: input.memberId } })) {
      throw new ConflictError('LEADER_ALREADY_EXISTS', '该会员已经是团长或已提交申请');
    }
    const inviteCode = await this.unusedInviteCode(manager);
    const now = new Date();
    const leader = leaders.create({
      memberId: input.memberId,
      name: input.name,
      phone: input.phone,
      status: input.status,
      inviteCode,
      uplineLeaderId: input.uplineLeaderId,
      agreementVersion: input.agreement?.version ?? null,
      agreementAcceptedAt: input.agreement?.acceptedAt ?? null,
      appliedAt: now,
      reviewedAt: input.status === LeaderStatus.PENDING ? null : now,
      reviewedByStaffId:
        input.status !== LeaderStatus.PENDING && ctx.actor.type === 'staff' ? ctx.actor.staffId : null,
      reviewedByName: input.status === LeaderStatus.PENDING ? null : actorName(ctx),
      statusReason: null,
    });
    await leaders.insert(leader);
    const point = manager
      .getRepository(PickupPointEntity)
      .create({ leaderId: leader.id, ...input.pickupPoint });
    await manager.getRepository(PickupPointEntity).insert(point);
    await this.audit.record(manager, ctx, {
      action: 'leader.create',
      entityType: 'leader',
      entityId: leader.id,
      before: null,
      after: { ...input, id: leader.id, inviteCode },
    });
    return { id: leader.id, inviteCode };
  }

  private async unusedInviteCode(manager: EntityManager): Promise<string> {
    for (let attempt = 0; attempt < INVITE_CODE_ATTEMPTS; attempt++) {
      const code = generateInviteCode();
      if (!(await manager.getRepository(LeaderEntity).exists({ where: { inviteCode: code } }))) return code;
    }
    // 31^8 ≈ 8.5e11 codes: repeated collisions mean something else is wrong.
    throw new Error('could not find an unused invite code');
  }

  /** A fresh invite code for a new leader row (applications). */
  async newInviteCode(manager: EntityManager): Promise<string> {
    return this.unusedInviteCode(manager);
  }
}

function actorName(ctx: RequestContext): string | null {
  if (ctx.actor.type === 'staff') return ctx.actor.name;
  if (ctx.actor.type === 'system') return '系统';
  return null;
}

function toLeaderIdentity(leader: LeaderEntity): LeaderIdentity {
  return {
    id: leader.id,
    memberId: leader.memberId,
    name: leader.name,
    levelId: leader.levelId,
    active: leader.status === LeaderStatus.ACTIVE,
    status: leader.status,
    inviteCode: leader.inviteCode,
    uplineLeaderId: leader.uplineLeaderId,
  };
}
