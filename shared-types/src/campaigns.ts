import type {
  CampaignItemView,
  CampaignStatus,
  CampaignView,
  ProductImageView,
  SpecDimension,
} from './catalog';
import type { Fen, IsoDateTime, PageQuery } from './common';
import type { PickupPointSummary } from './app';

/**
 * Campaigns (团购活动, issue 4). Admin endpoints under /api/admin/campaigns (campaigns.read / .write).
 *
 * Status flow: 草稿 draft → 已排期 scheduled → 进行中 live → 已结束 ended.
 * - POST /:id/schedule: draft → scheduled (re-validates; startAt must be in the future, otherwise it goes
 *   straight to live when now < endAt). Delayed jobs move it to live at startAt and to ended at endAt; a
 *   periodic sweep catches a lost job. Every move is a conditional update (status and time checked in the
 *   WHERE), so jobs, sweeps and staff never race each other into a wrong state.
 * - POST /:id/unschedule: scheduled → draft (撤回排期).
 * - POST /:id/end: live or scheduled → ended now (提前结束).
 * - POST /:id/duplicate {startAt?} → CampaignDetail (201): a new draft with the same content, shifted by
 *   whole weeks so its start is in the future (复制到下周), or to the given start.
 * Editing (PUT /:id): draft and scheduled campaigns fully; live ones only title, cover, description,
 * a later endAt/cutoffAt, pickupDate, new items and raised caps (no price or limit changes while buyers
 * may hold them in a cart: 409 CAMPAIGN_LIVE_FIELD_LOCKED); ended ones not at all (409 CAMPAIGN_ENDED).
 * Times already passed (400 "截单时间已过"/"活动结束时间已过") are refused for scheduled campaigns and,
 * for live ones, only on a cutoffAt/endAt the PUT actually changes, so a live campaign past its cut-off
 * can still get a new title, description or pickup date.
 * A wrong transition is 409 CAMPAIGN_INVALID_STATUS.
 */
export type CampaignAudienceKind = 'all' | 'levels' | 'leaders';
export const CAMPAIGN_AUDIENCE_LABELS: Record<CampaignAudienceKind, string> = {
  all: '全部团长',
  levels: '指定等级',
  leaders: '指定团长',
};

export interface CampaignAudience {
  kind: CampaignAudienceKind;
  /** For 'levels': leader level ids (≥ 1). */
  levelIds: number[];
  /** For 'leaders': leader ids (≥ 1, ≤ 1000). */
  leaderIds: number[];
}

export interface CampaignItemInput {
  skuId: number;
  /** 团购价, fen, ≤ originalPrice. */
  groupPrice: Fen;
  /** 划线价, fen. */
  originalPrice: Fen;
  /** 0 = no limit. Counted over all of a member's orders in this campaign. */
  perMemberLimit: number;
  /** Optional cap on units this campaign may sell; null = only the SKU's stock limits it. */
  stockCap: number | null;
}

/** POST /api/admin/campaigns (201 CampaignDetail) and PUT /api/admin/campaigns/:id (CampaignDetail). */
export interface CampaignInput {
  /** 1–40 chars. */
  title: string;
  /** Storage key from POST /api/admin/uploads, or null (then the first item's product cover is used). */
  coverKey: string | null;
  description: string | null;
  startAt: IsoDateTime;
  endAt: IsoDateTime;
  cutoffAt: IsoDateTime;
  /** Asia/Shanghai YYYY-MM-DD, not before the cut-off date. */
  pickupDate: string;
  audience: CampaignAudience;
  /**
   * 秒杀 (flash sale): orders pass a Redis gate (campaign stock and per-member counts) before the database,
   * so a rush of buyers is answered fast and never oversells. Fixed once live. Absent: false when
   * creating, unchanged when updating.
   */
  flashSale?: boolean;
  /**
   * 1–100 items, each SKU once; SKUs of draft products or disabled SKUs are refused. A draft may keep SKUs
   * of products taken off sale; scheduling refuses them (400, field `items.N.skuId`), and items added to
   * a scheduled or live campaign must be on sale and active.
   */
  items: CampaignItemInput[];
}

export interface CampaignAdminItem extends CampaignItemView {
  stockCap: number | null;
  /** The SKU's retail price, for reference. */
  retailPrice: Fen;
  cost: Fen;
  productStatus: string;
}

/** GET /api/admin/campaigns/:id */
export interface CampaignDetail {
  id: number;
  title: string;
  coverKey: string | null;
  coverUrl: string | null;
  description: string | null;
  status: CampaignStatus;
  startAt: IsoDateTime;
  endAt: IsoDateTime;
  cutoffAt: IsoDateTime;
  pickupDate: string;
  audience: CampaignAudience;
  flashSale: boolean;
  /** Names for the audience ids, for display. */
  audienceLevelNames: string[];
  audienceLeaderNames: string[];
  items: CampaignAdminItem[];
  soldQuantity: number;
  /** Where this campaign was copied from, when duplicated. */
  duplicatedFromId: number | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** GET /api/admin/campaigns?keyword&status&from&to&page&pageSize → Paged<CampaignListItem>, newest start first. */
export interface CampaignListQuery extends PageQuery {
  keyword?: string;
  status?: CampaignStatus;
  /** Campaigns whose window overlaps [from, to). */
  from?: IsoDateTime;
  to?: IsoDateTime;
}
export interface CampaignListItem {
  id: number;
  title: string;
  coverUrl: string | null;
  status: CampaignStatus;
  startAt: IsoDateTime;
  endAt: IsoDateTime;
  cutoffAt: IsoDateTime;
  pickupDate: string;
  audience: CampaignAudienceKind;
  flashSale: boolean;
  itemCount: number;
  soldQuantity: number;
  /** Lowest group price over items, fen. */
  minGroupPrice: Fen;
}

/** POST /api/admin/campaigns/:id/duplicate */
export interface CampaignDuplicateRequest {
  /** Start of the copy; defaults to the original's start plus whole weeks until it is in the future. */
  startAt?: IsoDateTime;
}

/**
 * GET /api/admin/campaigns/:id/preview → CampaignView: exactly what a buyer would see (items of products
 * not on sale dropped), whatever the campaign's status and time.
 */
export type CampaignPreview = CampaignView;

// ---- Buyer side (/api/app) --------------------------------------------------------------------------

/**
 * GET /api/app/campaigns → CampaignView[]: live campaigns open now and offered at the buyer's current
 * leader, leaving out any whose items are all off sale (nothing to buy).
 *
 * GET /api/app/campaigns/:id?leaderCode → CampaignPageView: one campaign for the campaign page. Only live
 * or ended campaigns (ended: shown with status, nothing to buy), and only when the buyer may see them:
 * - offered at the buyer's current leader (its audience includes them; 'all' also for a buyer without a
 *   leader), or
 * - the request carries `leaderCode` (from a share card / poster link) of an ACTIVE leader in the
 *   campaign's audience: then it is shown with `offeredHere: false` (the buyer is bound elsewhere and
 *   cannot order there).
 * Everything else is 404 CAMPAIGN_NOT_FOUND (drafts, scheduled, unknown ids, audiences that include
 * neither leader), so ids cannot be walked to read other leaders' campaigns. Ended campaigns follow the
 * same rule. `offeredHere` says whether it can be ordered at the buyer's current leader now.
 */
export interface CampaignPageView extends CampaignView {
  offeredHere: boolean;
  /** The buyer's current leader and pickup point (where they would pick up), or null. */
  leader: { id: number; name: string; pickupPoint: PickupPointSummary | null } | null;
}

/** Query of the buyer's campaign and product pages: the leader code of the share link they came from. */
export interface CampaignPageQuery {
  leaderCode?: string;
}

/**
 * GET /api/app/campaigns/:campaignId/products/:productId?leaderCode → CampaignProductView: the product page
 * with its spec selector. Visible under the same rule as the campaign page (pass the link's `leaderCode`
 * on, 404 CAMPAIGN_NOT_FOUND otherwise). Only SKUs that are items of this campaign are offered; `options` maps each item to its
 * spec values so the client can grey out combinations that are not offered or sold out.
 */
export interface CampaignProductView {
  campaignId: number;
  campaignTitle: string;
  campaignStatus: CampaignStatus;
  cutoffAt: IsoDateTime;
  pickupDate: string;
  offeredHere: boolean;
  productId: number;
  name: string;
  subtitle: string | null;
  description: string | null;
  unit: string;
  images: ProductImageView[];
  /** Dimensions restricted to the values some offered SKU uses. Empty for a single-SKU product. */
  specDimensions: SpecDimension[];
  options: CampaignProductOption[];
  /** For a bundle: what is inside (名称 规格 × 数量). */
  bundleContents: { productName: string; specText: string; quantity: number }[];
}
export interface CampaignProductOption {
  itemId: number;
  skuId: number;
  specValues: string[];
  specText: string;
  groupPrice: Fen;
  originalPrice: Fen;
  perMemberLimit: number;
  soldQuantity: number;
  remaining: number;
}

// ---- Leader sharing (/api/app/leader) ------------------------------------------------------------------

/**
 * GET /api/app/leader/campaigns → LeaderCampaignView[]: LIVE campaigns open now and offered at the calling
 * leader (active leaders only: 403 LEADER_NOT_ACTIVE), soonest cut-off first, for the 分享 list. Scheduled
 * ones are not listed: buyers could not open them yet. (`status`/`startAt` stay in the view.)
 */
export interface LeaderCampaignView {
  id: number;
  title: string;
  coverUrl: string | null;
  status: CampaignStatus;
  startAt: IsoDateTime;
  cutoffAt: IsoDateTime;
  pickupDate: string;
  itemCount: number;
  minGroupPrice: Fen;
  soldQuantity: number;
}

/**
 * GET /api/app/leader/campaigns/:id/share → CampaignShareView: what the 分享 page needs. The share card
 * (onShareAppMessage) uses `sharePath`/`shareTitle`/`shareImageUrl`; the poster is a PNG rendered on the
 * server (cover, up to 4 items with group prices, leader name and pickup point, and a code) and cached in
 * file storage by content, so the same poster is not drawn twice.
 *
 * The code is a real WeChat mini-program code (wxacode.getUnlimited, page pages/campaign/index, scene
 * `g=<campaignId>&l=<leaderInviteCode>`) when WeChat is configured, otherwise a QR of `h5Link`.
 * Opening either attributes a NEW buyer to the leader (channel poster / share_card) and binds an unbound one.
 * 404 CAMPAIGN_NOT_FOUND when the campaign is not live and open now, or not offered at this leader.
 * 503 POSTER_FONT_MISSING when no CJK font is installed on the server.
 */
export interface CampaignShareView {
  campaignId: number;
  posterUrl: string;
  posterWidth: number;
  posterHeight: number;
  /** 'wxacode' (mini-program code) or 'qrcode' (QR of h5Link). */
  codeKind: 'wxacode' | 'qrcode';
  /** Mini-program path for the share card: /pages/campaign/index?id=<id>&leaderCode=<code>&channel=share_card */
  sharePath: string;
  shareTitle: string;
  shareImageUrl: string | null;
  /** `${PUBLIC_BASE_URL}/h5/pages/campaign/index?id=<id>&leaderCode=<code>&channel=poster` (H5 uses browser history under /h5). */
  h5Link: string;
}
