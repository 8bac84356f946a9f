import type {
  CampaignDetail,
  CampaignDuplicateRequest,
  CampaignInput,
  CampaignListItem,
  CampaignListQuery,
  CampaignPreview,
  CampaignStatus,
  Paged,
} from '@linli/shared-types';
import { api } from '../../api';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (query: CampaignListQuery) => ['campaigns', 'list', query] as const,
  detail: (id: number) => ['campaigns', 'detail', id] as const,
  preview: (id: number) => ['campaigns', 'preview', id] as const,
};

export function fetchCampaigns(query: CampaignListQuery): Promise<Paged<CampaignListItem>> {
  return api.get<Paged<CampaignListItem>>('/api/admin/campaigns', { ...query });
}
export function fetchCampaign(id: number): Promise<CampaignDetail> {
  return api.get<CampaignDetail>(`/api/admin/campaigns/${id}`);
}
export function fetchCampaignPreview(id: number): Promise<CampaignPreview> {
  return api.get<CampaignPreview>(`/api/admin/campaigns/${id}/preview`);
}
export function createCampaign(body: CampaignInput): Promise<CampaignDetail> {
  return api.post<CampaignDetail>('/api/admin/campaigns', body);
}
export function updateCampaign(id: number, body: CampaignInput): Promise<CampaignDetail> {
  return api.put<CampaignDetail>(`/api/admin/campaigns/${id}`, body);
}

export type CampaignAction = 'schedule' | 'unschedule' | 'end' | 'duplicate';

export function runCampaignAction(id: number, action: CampaignAction): Promise<CampaignDetail> {
  if (action === 'duplicate') {
    const body: CampaignDuplicateRequest = {};
    return api.post<CampaignDetail>(`/api/admin/campaigns/${id}/duplicate`, body);
  }
  return api.post<CampaignDetail>(`/api/admin/campaigns/${id}/${action}`);
}

/** The actions a campaign in `status` offers, in button order. */
export function actionsFor(status: CampaignStatus): CampaignAction[] {
  switch (status) {
    case 'draft':
      return ['schedule', 'duplicate'];
    case 'scheduled':
      return ['unschedule', 'end', 'duplicate'];
    case 'live':
      return ['end', 'duplicate'];
    case 'ended':
      return ['duplicate'];
  }
}

export const ACTION_TEXT: Record<
  CampaignAction,
  { label: string; confirm: string; detail: string; done: string }
> = {
  schedule: {
    label: '排期',
    confirm: '确认排期？',
    detail: '到开始时间自动上线（开始时间已过则立即上线），截单后停止下单，到结束时间自动结束。',
    done: '已排期',
  },
  unschedule: {
    label: '撤回排期',
    confirm: '撤回排期？',
    detail: '活动回到草稿，不会自动上线，可以继续修改。',
    done: '已撤回为草稿',
  },
  end: {
    label: '提前结束',
    confirm: '提前结束活动？',
    detail: '立即结束：买家不能再下单，已下的订单不受影响。此操作不可撤销。',
    done: '活动已结束',
  },
  duplicate: {
    label: '复制到下周',
    confirm: '复制到下周？',
    detail: '复制出一个草稿：商品、价格和可见范围相同，时间顺延整周到未来。',
    done: '已复制为新草稿',
  },
};
