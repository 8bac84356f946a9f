import {
  type CampaignPageView,
  type CampaignProductView,
  type CampaignShareView,
  type CampaignView,
  type LeaderCampaignView,
} from '@linli/shared-types';
import { get } from './request';

/** Group-buy campaigns: the buyer's pages and the leader's 分享. All silent: screens show errors in place. */

export function fetchLiveCampaigns(): Promise<CampaignView[]> {
  return get<CampaignView[]>('/api/app/campaigns', undefined, { silent: true });
}

export function fetchCampaignPage(id: number): Promise<CampaignPageView> {
  return get<CampaignPageView>(`/api/app/campaigns/${id}`, undefined, { silent: true });
}

export function fetchCampaignProduct(campaignId: number, productId: number): Promise<CampaignProductView> {
  return get<CampaignProductView>(`/api/app/campaigns/${campaignId}/products/${productId}`, undefined, {
    silent: true,
  });
}

export function fetchLeaderCampaigns(): Promise<LeaderCampaignView[]> {
  return get<LeaderCampaignView[]>('/api/app/leader/campaigns', undefined, { silent: true });
}

export function fetchCampaignShare(id: number): Promise<CampaignShareView> {
  return get<CampaignShareView>(`/api/app/leader/campaigns/${id}/share`, undefined, { silent: true });
}

export function campaignPageUrl(id: number): string {
  return `/pages/campaign/index?id=${id}`;
}

export function productPageUrl(campaignId: number, productId: number): string {
  return `/pages/product/index?campaignId=${campaignId}&productId=${productId}`;
}
