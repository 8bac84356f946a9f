import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, ConfigError, systemContext, TransactionRunner } from '../platform';
import {
  addDays,
  CampaignsService,
  shanghaiDate,
  shanghaiTime,
  type CampaignItemDraft,
} from '../modules/campaigns';
import { CatalogService, ProductStatus } from '../modules/catalog';
import { StaffService } from '../modules/identity';
import { BindingReason, LeaderStatus } from '@linli/shared-types';
import { CURRENT_LEADER_AGREEMENT, LeadersService } from '../modules/leaders';
import { DEV_OPENID_PREFIX, MembersService } from '../modules/members';
import { DEMO_LEADERS, DEMO_MEMBERS, DEMO_PRODUCTS } from './demo-data';

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
    private readonly tx: TransactionRunner,
    private readonly staff: StaffService,
    private readonly members: MembersService,
    private readonly leaders: LeadersService,
    private readonly catalog: CatalogService,
    private readonly campaigns: CampaignsService,
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
    for (const member of DEMO_MEMBERS) {
      await this.members.createWith(m, {
        openid: DEV_OPENID_PREFIX + member.key,
        nickname: member.nickname,
        phone: member.phone,
        currentLeaderId: leaderIds[member.leader],
      });
    }

    const items: CampaignItemDraft[] = [];
    for (const product of DEMO_PRODUCTS) {
      const { skuIds } = await this.catalog.createProductWith(m, ctx, {
        name: product.name,
        description: product.description,
        coverUrl: null,
        status: ProductStatus.ON_SALE,
        skus: product.skus.map(({ specText, price, cost, stock, lowStockThreshold }) => ({
          specText,
          price,
          cost,
          stock,
          lowStockThreshold,
        })),
      });
      product.skus.forEach((sku, i) => {
        if (sku.groupPrice === undefined) return;
        items.push({
          skuId: skuIds[i],
          groupPrice: sku.groupPrice,
          originalPrice: sku.price,
          perMemberLimit: sku.perMemberLimit ?? 0,
          stockCap: null,
        });
      });
    }

    const schedule = demoCampaignSchedule(now);
    await this.campaigns.createWith(m, ctx, {
      title: '邻里鲜果蔬菜团',
      coverUrl: null,
      description: '产地直采，今晚 22:00 截单，次日下午送到自提点，凭提货码取货。',
      status: 'live',
      audience: 'all',
      ...schedule,
      items,
    });
    this.logger.log(
      `demo data seeded: admin, ${DEMO_LEADERS.length} leaders, ${DEMO_LEADERS.length + DEMO_MEMBERS.length} members, ${DEMO_PRODUCTS.length} products, 1 live campaign`,
    );
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
