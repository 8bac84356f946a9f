import {
  type CampaignPageView,
  type CampaignProductView,
  type CampaignShareView,
  type CampaignView,
  type LeaderCampaignView,
} from '@linli/shared-types';
import { linkQuery } from '@/utils/campaign-links';
import { get } from './request';

export { campaignPageUrl, productPageUrl } from '@/utils/campaign-links';

/** Group-buy campaigns: the buyer's pages and the leader's 分享. All silent: screens show errors in place. */

export function fetchLiveCampaigns(): Promise<CampaignView[]> {
  return get<CampaignView[]>('/api/app/campaigns', undefined, { silent: true });
}

/** `leaderCode`: from the share card / poster link; lets a buyer bound elsewhere see the campaign. */
export function fetchCampaignPage(id: number, leaderCode?: string | null): Promise<CampaignPageView> {
  return get<CampaignPageView>(`/api/app/campaigns/${id}`, linkQuery(leaderCode), { silent: true });
}

export function fetchCampaignProduct(
  campaignId: number,
  productId: number,
  leaderCode?: string | null,
): Promise<CampaignProductView> {
  return get<CampaignProductView>(
    `/api/app/campaigns/${campaignId}/products/${productId}`,
    linkQuery(leaderCode),
    { silent: true },
  );
}

export function fetchLeaderCampaigns(): Promise<LeaderCampaignView[]> {
  return get<LeaderCampaignView[]>('/api/app/leader/campaigns', undefined, { silent: true });
}

export function fetchCampaignShare(id: number): Promise<CampaignShareView> {
  return get<CampaignShareView>(`/api/app/leader/campaigns/${id}/share`, undefined, { silent: true });
}
