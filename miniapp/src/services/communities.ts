import {
  type CommunityInput,
  type CommunityInvite,
  type CommunityUpdate,
  type CommunityView,
  type JoinCommunityResponse,
  type LeaderCustomerQuery,
  type LeaderCustomerView,
  type Paged,
} from '@linli/shared-types';
import { get, post, request } from './request';

/** Communities (社群) and 我的客户. All calls are silent: the screens show errors in place. */

export function joinCommunity(communityCode: string): Promise<JoinCommunityResponse> {
  return post<JoinCommunityResponse>('/api/app/communities/join', { communityCode }, { silent: true });
}

export function fetchMyCommunities(): Promise<CommunityView[]> {
  return get<CommunityView[]>('/api/app/leader/communities', undefined, { silent: true });
}

export function createCommunity(body: CommunityInput): Promise<CommunityView> {
  return post<CommunityView>('/api/app/leader/communities', body, { silent: true });
}

export function updateCommunity(id: number, body: CommunityUpdate): Promise<CommunityView> {
  return request<CommunityView>('PATCH', `/api/app/leader/communities/${id}`, body, { silent: true });
}

export function fetchCommunityInvite(id: number): Promise<CommunityInvite> {
  return get<CommunityInvite>(`/api/app/leader/communities/${id}/invite`, undefined, { silent: true });
}

export function fetchCustomers(query: LeaderCustomerQuery): Promise<Paged<LeaderCustomerView>> {
  const params: Record<string, string | number> = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
  if (query.keyword) params.keyword = query.keyword;
  if (query.communityId !== undefined) params.communityId = query.communityId;
  return get<Paged<LeaderCustomerView>>('/api/app/leader/customers', params, { silent: true });
}
