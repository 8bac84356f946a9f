import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CampaignStatus, CampaignView } from '@linli/shared-types';
import { BusinessError, RequestContext, requireMember } from '../../platform';
import { AuditService } from '../audit';
import { CatalogService } from '../catalog';
import { LeadersService } from '../leaders';
import { MembersService } from '../members';
import {
  campaignProblems,
  isOfferedAt,
  type CampaignAudience,
  type CampaignItemDraft,
  type CampaignSchedule,
} from './domain/campaign-rules';
import { CampaignItemEntity } from './persistence/campaign-item.entity';
import { CampaignEntity } from './persistence/campaign.entity';

export interface NewCampaign extends CampaignSchedule {
  title: string;
  coverUrl: string | null;
  description: string | null;
  status: CampaignStatus;
  audience: CampaignAudience;
  items: CampaignItemDraft[];
}

@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly members: MembersService,
    private readonly leaders: LeadersService,
  ) {}

  /** Creates a campaign with its items in the caller's transaction, audited. */
  async createWith(manager: EntityManager, ctx: RequestContext, input: NewCampaign): Promise<{ id: number }> {
    const problems = campaignProblems(input, input.items);
    const skus = await this.catalog.getSkuDetails(
      input.items.map((i) => i.skuId),
      manager,
    );
    input.items.forEach((item, i) => {
      if (!skus.has(item.skuId)) problems.push({ field: `items.${i}.skuId`, errors: ['商品规格不存在'] });
    });
    if (problems.length > 0) throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, problems);

    const { items, ...fields } = input;
    const campaign = manager.getRepository(CampaignEntity).create(fields);
    await manager.getRepository(CampaignEntity).insert(campaign);
    const rows = items.map((item, sortOrder) =>
      manager.getRepository(CampaignItemEntity).create({ ...item, campaignId: campaign.id, sortOrder }),
    );
    for (const row of rows) await manager.getRepository(CampaignItemEntity).insert(row);
    await this.audit.record(manager, ctx, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: campaign.id,
      before: null,
      after: { ...input, id: campaign.id },
    });
    return { id: campaign.id };
  }

  /**
   * GET /api/app/campaigns: live campaigns open now and offered at the buyer's current leader; none while
   * that leader is not active.
   */
  async listForMember(ctx: RequestContext, now: Date = new Date()): Promise<CampaignView[]> {
    const { memberId } = requireMember(ctx);
    const leaderId = await this.members.currentLeaderIdOf(memberId);
    // A suspended leader's pickup point takes no orders; their customers stay bound and see nothing.
    if (leaderId !== null && !(await this.leaders.takesOrders(leaderId))) return [];
    const campaigns = await this.dataSource
      .getRepository(CampaignEntity)
      .createQueryBuilder('c')
      .where('c.status = :status', { status: 'live' })
      .andWhere('c.startAt <= :now', { now })
      .andWhere('c.endAt > :now', { now })
      .orderBy('c.cutoffAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    const offered = campaigns.filter((c) => isOfferedAt(c, leaderId));
    if (offered.length === 0) return [];

    const items = await this.dataSource.getRepository(CampaignItemEntity).find({
      where: { campaignId: In(offered.map((c) => c.id)) },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
    const skus = await this.catalog.getSkuDetails(items.map((i) => i.skuId));
    return offered.map((c) => ({
      id: c.id,
      title: c.title,
      coverUrl: c.coverUrl,
      description: c.description,
      status: c.status,
      startAt: c.startAt.toISOString(),
      endAt: c.endAt.toISOString(),
      cutoffAt: c.cutoffAt.toISOString(),
      pickupDate: c.pickupDate,
      items: items
        .filter((i) => i.campaignId === c.id)
        .flatMap((i) => {
          const sku = skus.get(i.skuId);
          // A SKU whose product was taken off sale is not offered, even inside a live campaign.
          if (!sku || sku.productStatus !== 'on_sale') return [];
          return [
            {
              id: i.id,
              skuId: i.skuId,
              productName: sku.productName,
              skuName: sku.specText,
              imageUrl: sku.coverUrl,
              groupPrice: i.groupPrice,
              originalPrice: i.originalPrice,
              perMemberLimit: i.perMemberLimit,
            },
          ];
        }),
    }));
  }
}
