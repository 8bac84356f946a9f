import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  ConfigError,
  FILE_STORAGE,
  type FileStorage,
  type RequestContext,
  systemContext,
  TransactionRunner,
} from '../platform';
import { CampaignsService } from '../modules/campaigns';
import { addDays, shanghaiDate, shanghaiTime } from '../platform/time/shanghai';
import { CatalogService, CategoriesService, SuppliersService } from '../modules/catalog';
import { StaffService } from '../modules/identity';
import { BindingReason, LeaderStatus, MemberChannel } from '@linli/shared-types';
import {
  CommunitiesService,
  CURRENT_LEADER_AGREEMENT,
  LeaderLevelsService,
  LeaderSalesRecorder,
  LeadersService,
  type JoinableCommunity,
} from '../modules/leaders';
import { DEV_OPENID_PREFIX, MembersService, MemberTagsService, TagsService } from '../modules/members';
import { seedDemoCatalog } from './demo-catalog-seed';
import { DEMO_COMMUNITIES, DEMO_LEADERS, DEMO_MEMBERS, DEMO_TAG_GROUPS } from './demo-data';
import { seedDemoLevels } from './demo-levels';

export interface SeedResult {
  seeded: boolean;
  admin?: { username: string; password: string };
}

export const DEMO_ADMIN_USERNAME = 'admin';

/**
 * Seeds the demo operator (admin account, leaders with pickup points, members, products, one live
 * campaign) in ONE transaction when the database has no staff yet. A second call does nothing.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly tx: TransactionRunner,
    private readonly staff: StaffService,
    private readonly members: MembersService,
    private readonly leaders: LeadersService,
    private readonly catalog: CatalogService,
    private readonly categories: CategoriesService,
    private readonly suppliers: SuppliersService,
    private readonly campaigns: CampaignsService,
    private readonly tags: TagsService,
    private readonly memberTags: MemberTagsService,
    private readonly communities: CommunitiesService,
    private readonly leaderLevels: LeaderLevelsService,
    private readonly leaderSales: LeaderSalesRecorder,
  ) {}

  async seedIfEmpty(now: Date = new Date()): Promise<SeedResult> {
    const adminPassword = this.config.adminInitialPassword;
    if (adminPassword === null) {
      throw new ConfigError('ADMIN_INITIAL_PASSWORD', '写入演示数据 (SEED_DEMO) 需要设置管理员初始密码');
    }
    try {
      return await this.tx.run(async (m) => {
        if ((await this.staff.count(m)) > 0) return { seeded: false };
        await this.seed(m, now, adminPassword);
        return {
          seeded: true,
          admin: { username: DEMO_ADMIN_USERNAME, password: adminPassword },
        };
      });
    } catch (error) {
      // Another process (API and worker starting together) seeded first: its admin insert won.
      if (await this.tx.run(async (m) => (await this.staff.count(m)) > 0)) {
        this.logger.warn('demo seed lost a race with another process; nothing to do');
        return { seeded: false };
      }
      throw error;
    }
  }

  private async seed(m: EntityManager, now: Date, adminPassword: string): Promise<void> {
    const ctx = systemContext('demo-seed');
    await this.staff.createWith(m, ctx, {
      username: DEMO_ADMIN_USERNAME,
      name: '系统管理员',
      password: adminPassword,
      roles: ['admin'],
    });

    const leaderIds: number[] = [];
    const leaderMemberIds: number[] = [];
    for (const leader of DEMO_LEADERS) {
      const member = await this.members.createWith(m, {
        openid: DEV_OPENID_PREFIX + leader.key,
        nickname: leader.name,
        phone: leader.phone,
      });
      const created = await this.leaders.createWith(m, ctx, {
        memberId: member.id,
        name: leader.name,
        phone: leader.phone,
        status: LeaderStatus.ACTIVE,
        uplineLeaderId: leaderIds[0] ?? null,
        pickupPoint: leader.pickupPoint,
        // The demo leaders signed the current agreement when they joined.
        agreement: { version: CURRENT_LEADER_AGREEMENT.version, acceptedAt: now },
      });
      leaderIds.push(created.id);
      leaderMemberIds.push(member.id);
    }
    // Leaders buy at their own pickup point.
    for (const [i, memberId] of leaderMemberIds.entries()) {
      await this.members.bindUnboundWith(m, memberId, leaderIds[i], BindingReason.LEADER_APPROVED);
    }
    await seedDemoLevels(m, this.leaderLevels, this.leaderSales, leaderIds, now, shanghaiDate(now));
    const communities = await this.seedCommunities(m, ctx, leaderIds);
    const demoMemberIds = new Map<string, number>();
    for (const member of DEMO_MEMBERS) {
      const arrivedThrough = communities.find((c) => c.demo.arrivedThrough.includes(member.key));
      const created = await this.members.createWith(m, {
        openid: DEV_OPENID_PREFIX + member.key,
        nickname: member.nickname,
        phone: member.phone,
        currentLeaderId: arrivedThrough?.community.leaderId ?? leaderIds[member.leader],
        ...(arrivedThrough && {
          channel: MemberChannel.GROUP_QR,
          firstCommunityId: arrivedThrough.community.id,
        }),
      });
      demoMemberIds.set(member.key, created.id);
    }
    for (const { demo, community } of communities) {
      for (const key of [...demo.arrivedThrough, ...demo.joinedLater]) {
        const memberId = demoMemberIds.get(key);
        if (memberId !== undefined) await this.members.joinCommunityWith(m, memberId, community);
      }
    }
    await this.seedTags(m, ctx, demoMemberIds);

    const { catalog, categories, suppliers, storage } = this;
    const demo = await seedDemoCatalog(m, ctx, { catalog, categories, suppliers, storage }, now);

    const schedule = demoCampaignSchedule(now);
    await this.campaigns.createWith(m, ctx, {
      title: '邻里鲜果蔬菜团',
      coverKey: demo.coverKey,
      description: '产地直采，今晚 22:00 截单，次日下午送到自提点，凭提货码取货。',
      status: 'live',
      audience: 'all',
      ...schedule,
      items: demo.items,
    });
    this.logger.log(
      `demo data seeded: admin, ${DEMO_LEADERS.length} leaders, ${DEMO_LEADERS.length + DEMO_MEMBERS.length} members, ${demo.productCount} products, 1 live campaign`,
    );
  }

  private async seedCommunities(
    m: EntityManager,
    ctx: RequestContext,
    leaderIds: number[],
  ): Promise<Array<{ demo: (typeof DEMO_COMMUNITIES)[number]; community: JoinableCommunity }>> {
    const result = [];
    for (const demo of DEMO_COMMUNITIES) {
      const leaderId = leaderIds[demo.leader];
      const created = await this.communities.createForLeaderWith(m, ctx, leaderId, demo.name);
      const leaderName = DEMO_LEADERS[demo.leader].name;
      result.push({ demo, community: { id: created.id, name: created.name, leaderId, leaderName } });
    }
    return result;
  }

  private async seedTags(
    m: EntityManager,
    ctx: RequestContext,
    memberIds: Map<string, number>,
  ): Promise<void> {
    for (const [sort, group] of DEMO_TAG_GROUPS.entries()) {
      const { id: groupId } = await this.tags.createGroupWith(m, ctx, { name: group.name, sort });
      for (const tag of group.tags) {
        const { id: tagId } = await this.tags.createTagWith(m, ctx, {
          groupId,
          name: tag.name,
          color: tag.color,
        });
        for (const key of tag.members) {
          const memberId = memberIds.get(key);
          if (memberId !== undefined) await this.memberTags.addWith(m, memberId, [tagId]);
        }
      }
    }
  }
}

/**
 * Started a day ago, ends in two days, cut-off tonight 22:00 Asia/Shanghai (tomorrow's 22:00 when
 * tonight's has passed), pickup the day after the cut-off.
 */
export function demoCampaignSchedule(now: Date): {
  startAt: Date;
  endAt: Date;
  cutoffAt: Date;
  pickupDate: string;
} {
  const today = shanghaiDate(now);
  let cutoffAt = shanghaiTime(today, 22);
  if (cutoffAt <= now) cutoffAt = shanghaiTime(addDays(today, 1), 22);
  return {
    startAt: new Date(now.getTime() - 86_400_000),
    endAt: new Date(now.getTime() + 2 * 86_400_000),
    cutoffAt,
    pickupDate: addDays(shanghaiDate(cutoffAt), 1),
  };
}
