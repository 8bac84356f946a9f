import { Inject, Injectable } from '@nestjs/common';
import { toBuffer } from 'qrcode';
import type { CampaignShareView, LeaderCampaignView } from '@linli/shared-types';
import {
  APP_CONFIG,
  type AppConfig,
  FILE_STORAGE,
  type FileStorage,
  ForbiddenError,
  NotFoundError,
  RequestContext,
  requireMember,
  TransactionRunner,
} from '../../platform';
import { WechatClient } from '../identity';
import { LeadersService } from '../leaders';
import { CampaignPresenter, type SkuMap } from './campaign-presenter';
import { isOfferedAt } from './domain/campaign-audience';
import { isOpenAt } from './domain/campaign-rules';
import { CampaignLeaderDirectory, type CampaignLeader } from './leader-directory';
import {
  attachDetails,
  findOpenCampaigns,
  loadCampaign,
  type CampaignRecord,
} from './persistence/campaign.repository';
import { ensurePosterFonts } from './poster/poster-fonts';
import { posterKey } from './poster/poster-key';
import { PosterImages } from './poster/poster-images';
import {
  POSTER_HEIGHT,
  POSTER_MAX_ITEMS,
  POSTER_WIDTH,
  renderPoster,
  type PosterContent,
} from './poster/poster-renderer';
import { CAMPAIGN_PAGE, campaignH5Link, campaignScene, campaignSharePath } from './poster/share-links';

/** Pixel width asked of WeChat for the mini-program code (drawn at 200 px; sharper when scaled down). */
const WXACODE_WIDTH = 430;

/** The leader's 分享 page: campaigns they can share, the share card and the poster. */
@Injectable()
export class LeaderCampaignsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly tx: TransactionRunner,
    private readonly presenter: CampaignPresenter,
    private readonly directory: CampaignLeaderDirectory,
    private readonly leaders: LeadersService,
    private readonly wechat: WechatClient,
    private readonly images: PosterImages,
  ) {}

  /**
   * GET /api/app/leader/campaigns: live campaigns open now and offered at the caller, soonest cut-off first.
   * Not scheduled ones: a buyer opening the link before the start would find nothing (404).
   */
  async list(ctx: RequestContext, now: Date = new Date()): Promise<LeaderCampaignView[]> {
    const leader = await this.activeLeader(ctx);
    return this.tx.run(async (m) => {
      const records = (await attachDetails(m, await findOpenCampaigns(m, now))).filter((r) =>
        isOfferedAt(r.audience, leader),
      );
      const skus = await this.presenter.skusOf(records, m);
      return records.map((r) => this.presenter.leaderView(r, skus));
    });
  }

  /** GET /api/app/leader/campaigns/:id/share (live campaigns only): links for the share card and the poster (drawn once per content). */
  async share(ctx: RequestContext, id: number, now: Date = new Date()): Promise<CampaignShareView> {
    const leader = await this.activeLeader(ctx);
    const { record, skus, summary } = await this.tx.run(async (m) => {
      const found = await loadCampaign(m, id);
      const shareable = found && isOpenAt(found.campaign, now) && isOfferedAt(found.audience, leader);
      if (!shareable) throw new NotFoundError('CAMPAIGN_NOT_FOUND', '活动不存在或已结束');
      return {
        record: found,
        skus: await this.presenter.skusOf([found], m),
        summary: await this.leaders.getSummary(leader.id, m),
      };
    });
    const h5Link = campaignH5Link(this.config.publicBaseUrl, id, leader.inviteCode);
    const scene = campaignScene(id, leader.inviteCode);
    const codeKind = this.wechat.isConfigured() ? 'wxacode' : 'qrcode';
    const coverUrl = this.presenter.coverUrl(record, skus);
    const content = this.posterContent(record, skus, {
      coverUrl,
      leaderName: summary?.name ?? leader.name,
      pickupPointName: summary?.pickupPoint?.name ?? null,
      pickupAddress: summary?.pickupPoint?.address ?? null,
      codeKind,
      codePayload: codeKind === 'wxacode' ? scene : h5Link,
    });
    return {
      campaignId: id,
      posterUrl: await this.poster(content, record),
      posterWidth: POSTER_WIDTH,
      posterHeight: POSTER_HEIGHT,
      codeKind,
      sharePath: campaignSharePath(id, leader.inviteCode),
      shareTitle: `${summary?.name ?? leader.name}团长推荐：${record.campaign.title}`,
      shareImageUrl: coverUrl,
      h5Link,
    };
  }

  /** The poster's URL: from storage when this exact content was drawn before, else drawn and stored now. */
  private async poster(content: PosterContent, record: CampaignRecord): Promise<string> {
    const key = posterKey(content, record.campaign);
    if (await this.storage.exists(key)) return this.storage.urlFor(key);
    ensurePosterFonts(); // before asking WeChat for a code we could not draw
    const code =
      content.codeKind === 'wxacode'
        ? await this.wechat.getUnlimitedQrCode({
            scene: content.codePayload,
            page: CAMPAIGN_PAGE,
            width: WXACODE_WIDTH,
          })
        : // Error-correction M and a quiet zone: still scans after WeChat recompresses a saved poster.
          await toBuffer(content.codePayload, { errorCorrectionLevel: 'M', margin: 1, width: 440 });
    const [cover, ...items] = await Promise.all([
      this.images.load(content.coverUrl),
      ...content.items.map((item) => this.images.load(item.imageUrl)),
    ]);
    const png = await renderPoster(content, { cover, items, code });
    return this.storage.put(key, png, 'image/png');
  }

  private posterContent(
    record: CampaignRecord,
    skus: SkuMap,
    rest: Pick<
      PosterContent,
      'coverUrl' | 'leaderName' | 'pickupPointName' | 'pickupAddress' | 'codeKind' | 'codePayload'
    >,
  ): PosterContent {
    // One row per product first (two sizes of the same pineapple make a dull poster), then the rest.
    const all = this.presenter.buyerItems(record, skus);
    const firstOfProduct = all.filter(
      (item, i) => all.findIndex((o) => o.productId === item.productId) === i,
    );
    const items = [...firstOfProduct, ...all.filter((item) => !firstOfProduct.includes(item))];
    return {
      title: record.campaign.title,
      cutoffAt: record.campaign.cutoffAt.toISOString(),
      pickupDate: record.campaign.pickupDate,
      items: items.slice(0, POSTER_MAX_ITEMS).map((item) => ({
        name: item.productName,
        spec: item.skuName === '默认' ? '' : item.skuName,
        groupPrice: item.groupPrice,
        originalPrice: item.originalPrice,
        imageUrl: item.imageUrl,
      })),
      moreItems: Math.max(0, items.length - POSTER_MAX_ITEMS),
      ...rest,
    };
  }

  /** The caller as an ACTIVE leader (403 LEADER_NOT_ACTIVE otherwise). */
  private async activeLeader(ctx: RequestContext): Promise<CampaignLeader> {
    const { memberId } = requireMember(ctx);
    const leader = await this.directory.byMember(memberId);
    if (!leader || !leader.active)
      throw new ForbiddenError('LEADER_NOT_ACTIVE', '只有正常状态的团长可以分享活动');
    return leader;
  }
}
