import type { Fen, IsoDateTime } from './common';

/** Campaign (团购活动) status flow: draft → scheduled → live → ended. */
export const CampaignStatus = {
  DRAFT: 'draft',
  SCHEDULED: 'scheduled',
  LIVE: 'live',
  ENDED: 'ended',
} as const;
export type CampaignStatus = (typeof CampaignStatus)[keyof typeof CampaignStatus];

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '草稿',
  scheduled: '已排期',
  live: '进行中',
  ended: '已结束',
};

export interface CampaignItemView {
  id: number;
  skuId: number;
  productName: string;
  skuName: string;
  imageUrl: string | null;
  groupPrice: Fen;
  originalPrice: Fen;
  /** 0 = no per-member limit. */
  perMemberLimit: number;
}

/** GET /api/app/campaigns: the live campaigns offered at the buyer's current leader. */
export interface CampaignView {
  id: number;
  title: string;
  coverUrl: string | null;
  description: string | null;
  status: CampaignStatus;
  startAt: IsoDateTime;
  endAt: IsoDateTime;
  /** 截单 time. */
  cutoffAt: IsoDateTime;
  pickupDate: string;
  items: CampaignItemView[];
}
