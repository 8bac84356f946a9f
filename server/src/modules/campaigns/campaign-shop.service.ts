import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CampaignPageView,
  CampaignProductOption,
  CampaignProductView,
  CampaignView,
  SpecDimension,
} from '@linli/shared-types';
import { NotFoundError, RequestContext, requireMember, TransactionRunner } from '../../platform';
import { CatalogService } from '../catalog';
import { LeadersService } from '../leaders';
import { MembersService } from '../members';
import { CampaignPresenter, itemView, isSellable } from './campaign-presenter';
import { isOfferedAt, type AudienceLeader } from './domain/campaign-audience';
import { isOpenAt } from './domain/campaign-rules';
import { CampaignLeaderDirectory, type CampaignLeader } from './leader-directory';
import {
  attachDetails,
  findOpenCampaigns,
  loadCampaign,
  type CampaignRecord,
} from './persistence/campaign.repository';

const notFound = () => new NotFoundError('CAMPAIGN_NOT_FOUND', '活动不存在或未开始');

/** The buyer's side (/api/app/campaigns): what is offered at their current leader. */
@Injectable()
export class CampaignShopService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly presenter: CampaignPresenter,
    private readonly catalog: CatalogService,
    private readonly members: MembersService,
    private readonly leaders: LeadersService,
    private readonly directory: CampaignLeaderDirectory,
  ) {}

  /**
   * GET /api/app/campaigns: live campaigns open now and offered at the buyer's current leader; none while
   * that leader is not active (a suspended leader keeps its customers, and offers nothing).
   */
  async listForMember(ctx: RequestContext, now: Date = new Date()): Promise<CampaignView[]> {
    const buyerLeader = await this.buyerLeader(ctx);
    if (buyerLeader.suspended) return [];
    return this.tx.run(async (m) => {
      const open = await findOpenCampaigns(m, now);
      const records = (await attachDetails(m, open)).filter((r) =>
        isOfferedAt(r.audience, buyerLeader.leader),
      );
      const skus = await this.presenter.skusOf(records, m);
      // A campaign whose every product went off sale has nothing to show: leave it out of the list.
      return records.map((r) => this.presenter.view(r, skus)).filter((view) => view.items.length > 0);
    });
  }

  /**
   * GET /api/app/campaigns/:id: a live or ended campaign the buyer may see (see `visibleRecord`), and
   * whether they can order it at their leader.
   */
  async page(
    ctx: RequestContext,
    id: number,
    leaderCode?: string,
    now: Date = new Date(),
  ): Promise<CampaignPageView> {
    const buyerLeader = await this.buyerLeader(ctx);
    return this.tx.run(async (m) => {
      const record = await this.visibleRecord(m, id, buyerLeader, leaderCode);
      const skus = await this.presenter.skusOf([record], m);
      const summary = buyerLeader.leader ? await this.leaders.getSummary(buyerLeader.leader.id, m) : null;
      return {
        ...this.presenter.view(record, skus),
        offeredHere: this.offeredHere(record.campaign, record.audience, buyerLeader, now),
        leader: summary ? { id: summary.id, name: summary.name, pickupPoint: summary.pickupPoint } : null,
      };
    });
  }

  /** GET /api/app/campaigns/:campaignId/products/:productId: the product page with the campaign's SKUs. */
  async product(
    ctx: RequestContext,
    campaignId: number,
    productId: number,
    leaderCode?: string,
    now: Date = new Date(),
  ): Promise<CampaignProductView> {
    const buyerLeader = await this.buyerLeader(ctx);
    return this.tx.run(async (m) => {
      const record = await this.visibleRecord(m, campaignId, buyerLeader, leaderCode);
      const skus = await this.presenter.skusOf([record], m);
      const offered = record.items.filter((item) => {
        const sku = skus.get(item.skuId);
        return isSellable(sku) && sku.productId === productId;
      });
      const page = offered.length > 0 ? await this.catalog.getProductPage(productId, m) : null;
      if (!page) throw new NotFoundError('PRODUCT_NOT_FOUND', '该商品不在本次团购中');
      const options: CampaignProductOption[] = offered.map((item) => {
        const sku = skus.get(item.skuId)!;
        const view = itemView(item, sku);
        return {
          itemId: item.id,
          skuId: item.skuId,
          specValues: sku.specValues,
          specText: sku.specText,
          groupPrice: item.groupPrice,
          originalPrice: item.originalPrice,
          perMemberLimit: item.perMemberLimit,
          soldQuantity: item.soldQuantity,
          remaining: view.remaining,
        };
      });
      const { campaign } = record;
      return {
        campaignId: campaign.id,
        campaignTitle: campaign.title,
        campaignStatus: campaign.status,
        cutoffAt: campaign.cutoffAt.toISOString(),
        pickupDate: campaign.pickupDate,
        offeredHere: this.offeredHere(campaign, record.audience, buyerLeader, now),
        productId: page.productId,
        name: page.name,
        subtitle: page.subtitle,
        description: page.description,
        unit: page.unit,
        images: page.images,
        specDimensions: offeredDimensions(page.specDimensions, options),
        options,
        bundleContents: page.bundleContents,
      };
    });
  }

  /**
   * The campaign, when this buyer may see it: live or ended, and offered at their current leader (an
   * audience-wide check, so an ended one stays visible to the same buyers), or else offered at the ACTIVE
   * leader whose invite code the link carries (a share card or poster; the buyer is bound elsewhere and
   * sees it with offeredHere false). Anything else is 404, so ids cannot be walked to read campaigns
   * meant for other leaders.
   */
  private async visibleRecord(
    m: EntityManager,
    id: number,
    buyer: BuyerLeader,
    leaderCode: string | undefined,
  ): Promise<CampaignRecord> {
    const record = await loadCampaign(m, id);
    if (!record || (record.campaign.status !== 'live' && record.campaign.status !== 'ended'))
      throw notFound();
    if (isOfferedAt(record.audience, buyer.leader)) return record;
    const linkLeader = leaderCode ? await this.activeLeaderByCode(m, leaderCode) : null;
    if (linkLeader && isOfferedAt(record.audience, linkLeader)) return record;
    throw notFound();
  }

  private async activeLeaderByCode(m: EntityManager, code: string): Promise<CampaignLeader | null> {
    const leaderId = await this.leaders.findActiveLeaderIdByInviteCode(code, m);
    const leader = leaderId === null ? null : await this.directory.byId(leaderId, m);
    return leader?.active ? leader : null;
  }

  private offeredHere(
    campaign: Parameters<typeof isOpenAt>[0],
    audience: Parameters<typeof isOfferedAt>[0],
    buyer: BuyerLeader,
    now: Date,
  ): boolean {
    return !buyer.suspended && isOpenAt(campaign, now) && isOfferedAt(audience, buyer.leader);
  }

  private async buyerLeader(ctx: RequestContext): Promise<BuyerLeader> {
    const { memberId } = requireMember(ctx);
    const leaderId = await this.members.currentLeaderIdOf(memberId);
    if (leaderId === null) return { leader: null, suspended: false };
    const leader: CampaignLeader | null = await this.directory.byId(leaderId);
    if (!leader || !leader.active) return { leader: null, suspended: true };
    return { leader, suspended: false };
  }
}

interface BuyerLeader {
  leader: AudienceLeader | null;
  /** Bound to a leader who takes no orders now (suspended, or gone). */
  suspended: boolean;
}

/** The product's dimensions with only the values some offered SKU uses, in the product's order. */
export function offeredDimensions(
  dimensions: SpecDimension[],
  options: Array<{ specValues: string[] }>,
): SpecDimension[] {
  return dimensions.map((dimension, index) => ({
    name: dimension.name,
    values: dimension.values.filter((value) => options.some((o) => o.specValues[index] === value)),
  }));
}
