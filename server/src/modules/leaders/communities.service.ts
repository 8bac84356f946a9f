import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { toDataURL } from 'qrcode';
import {
  CommunityStatus,
  LeaderStatus,
  type CommunityInput,
  type CommunityInvite,
  type CommunityListItem,
  type CommunityListQuery,
  type CommunityUpdate,
  type CommunityView,
  type Paged,
} from '@linli/shared-types';
import {
  APP_CONFIG,
  AppConfig,
  ConflictError,
  ForbiddenError,
  isUniqueViolation,
  NotFoundError,
  RequestContext,
  requireMember,
  requirePermission,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import {
  communityH5Url,
  communityMiniProgramPath,
  communityScene,
  exceedsCommunityLimit,
  MAX_ACTIVE_COMMUNITIES_PER_LEADER,
} from './domain/community-rules';
import { generateInviteCode } from './domain/invite-code';
import { CommunityEntity } from './persistence/community.entity';
import {
  countActiveCommunities,
  findCommunityPage,
  leaderOfMember,
} from './persistence/community.repository';
import { namesOf } from './persistence/leader.repository';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
/** Invite codes are random; a clash on the unique index is retried with a fresh code. */
const INVITE_CODE_ATTEMPTS = 5;

type LeaderRef = { id: number; name: string };

export interface CreatedCommunity {
  id: number;
  name: string;
  leaderId: number;
  inviteCode: string;
}

/** A leader's communities (我的社群) with their invites, and the staff list of all communities. */
@Injectable()
export class CommunitiesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** GET /api/app/leader/communities: newest first. */
  async list(ctx: RequestContext): Promise<CommunityView[]> {
    return this.tx.run(async (m) => {
      const leader = await requireActiveLeader(m, ctx);
      const rows = await m
        .getRepository(CommunityEntity)
        .find({ where: { leaderId: leader.id }, order: { id: 'DESC' } });
      return rows.map(toCommunityView);
    });
  }

  /** POST /api/app/leader/communities */
  async create(ctx: RequestContext, input: CommunityInput): Promise<CommunityView> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx.run((m) => this.createWith(m, ctx, input.name.trim()));
      } catch (error) {
        // The only unique index is the invite code: another community got the same random code.
        if (!isUniqueViolation(error) || attempt >= INVITE_CODE_ATTEMPTS) throw error;
      }
    }
  }

  private async createWith(m: EntityManager, ctx: RequestContext, name: string): Promise<CommunityView> {
    // Locked: a leader's concurrent creates queue up, so the limit holds exactly.
    const leader = await requireActiveLeader(m, ctx, true);
    return toCommunityView(await this.insertWith(m, ctx, leader.id, name));
  }

  /**
   * Creates a community of a leader in the caller's transaction, audited (the app endpoint and the demo
   * seed). The caller makes sure the leader is active.
   */
  async createForLeaderWith(
    m: EntityManager,
    ctx: RequestContext,
    leaderId: number,
    name: string,
  ): Promise<CreatedCommunity> {
    const created = await this.insertWith(m, ctx, leaderId, name);
    return { id: created.id, name: created.name, leaderId, inviteCode: created.inviteCode };
  }

  private async insertWith(
    m: EntityManager,
    ctx: RequestContext,
    leaderId: number,
    name: string,
  ): Promise<CommunityEntity> {
    const active = await countActiveCommunities(m, leaderId);
    if (exceedsCommunityLimit(active, null, CommunityStatus.ACTIVE)) throw limitReached();
    const repo = m.getRepository(CommunityEntity);
    const row = repo.create({
      leaderId,
      name,
      inviteCode: generateInviteCode(),
      status: CommunityStatus.ACTIVE,
      memberCount: 0,
    });
    await repo.insert(row);
    const created = await repo.findOneByOrFail({ id: row.id });
    await this.audit.record(m, ctx, {
      action: 'community.create',
      entityType: 'community',
      entityId: created.id,
      before: null,
      after: auditSnapshot(created),
    });
    return created;
  }

  /** PATCH /api/app/leader/communities/:id: rename, archive or re-activate the caller's own community. */
  async update(ctx: RequestContext, id: number, patch: CommunityUpdate): Promise<CommunityView> {
    return this.tx.run(async (m) => {
      const leader = await requireActiveLeader(m, ctx, true);
      const community = await ownedCommunity(m, leader.id, id);
      const status = patch.status ?? community.status;
      if (exceedsCommunityLimit(await countActiveCommunities(m, leader.id), community.status, status)) {
        throw limitReached();
      }
      const changes: Partial<CommunityEntity> = { status };
      if (patch.name !== undefined) changes.name = patch.name.trim();
      const repo = m.getRepository(CommunityEntity);
      await repo.update({ id }, changes);
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(m, ctx, {
        action: 'community.update',
        entityType: 'community',
        entityId: id,
        before: auditSnapshot(community),
        after: auditSnapshot(after),
      });
      return toCommunityView(after);
    });
  }

  /** GET /api/app/leader/communities/:id/invite: the scene, links and a QR code of the H5 link. */
  async invite(ctx: RequestContext, id: number): Promise<CommunityInvite> {
    const { leader, community } = await this.tx.run(async (m) => {
      const owner = await requireActiveLeader(m, ctx);
      return { leader: owner, community: await ownedCommunity(m, owner.id, id) };
    });
    const h5Url = communityH5Url(this.config.publicBaseUrl, community.inviteCode);
    return {
      communityId: community.id,
      communityName: community.name,
      leaderName: leader.name,
      inviteCode: community.inviteCode,
      scene: communityScene(community.inviteCode),
      miniProgramPath: communityMiniProgramPath(community.inviteCode),
      h5Url,
      // Error-correction M and a quiet zone: still scans after WeChat recompresses a shared screenshot.
      qrPngDataUrl: await toDataURL(h5Url, { errorCorrectionLevel: 'M', margin: 2, width: 480 }),
    };
  }

  /** GET /api/admin/communities (leaders.read) */
  async adminList(ctx: RequestContext, query: CommunityListQuery): Promise<Paged<CommunityListItem>> {
    requirePermission(ctx, 'leaders.read');
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    return this.tx.run(async (m) => {
      const [rows, total] = await findCommunityPage(m, { ...query, page, pageSize });
      const names = await namesOf(
        m,
        rows.map((r) => r.leaderId),
      );
      const items = rows.map((r) => ({
        ...toCommunityView(r),
        leaderId: r.leaderId,
        leaderName: names.get(r.leaderId) ?? null,
      }));
      return { items, total, page, pageSize };
    });
  }
}

/** The caller as an ACTIVE leader (403 LEADER_NOT_ACTIVE otherwise), locked for writes on MySQL. */
async function requireActiveLeader(m: EntityManager, ctx: RequestContext, lock = false): Promise<LeaderRef> {
  const { memberId } = requireMember(ctx);
  const leader = await leaderOfMember(m, memberId, lock);
  if (!leader || leader.status !== LeaderStatus.ACTIVE) {
    throw new ForbiddenError('LEADER_NOT_ACTIVE', '只有正常状态的团长可以管理社群');
  }
  return { id: leader.id, name: leader.name };
}

/** Another leader's community is reported as missing, never as forbidden (ids are not confirmed). */
async function ownedCommunity(m: EntityManager, leaderId: number, id: number): Promise<CommunityEntity> {
  const community = await m.getRepository(CommunityEntity).findOneBy({ id, leaderId });
  if (!community) throw new NotFoundError('COMMUNITY_NOT_FOUND', '社群不存在');
  return community;
}

function limitReached(): ConflictError {
  return new ConflictError(
    'COMMUNITY_LIMIT_REACHED',
    `最多同时使用 ${MAX_ACTIVE_COMMUNITIES_PER_LEADER} 个社群，请先归档不再使用的社群`,
  );
}

export function toCommunityView(row: CommunityEntity): CommunityView {
  return {
    id: row.id,
    name: row.name,
    inviteCode: row.inviteCode,
    status: row.status,
    memberCount: row.memberCount,
    createdAt: row.createdAt.toISOString(),
  };
}

function auditSnapshot(row: CommunityEntity): Record<string, unknown> {
  return { leaderId: row.leaderId, name: row.name, inviteCode: row.inviteCode, status: row.status };
}
