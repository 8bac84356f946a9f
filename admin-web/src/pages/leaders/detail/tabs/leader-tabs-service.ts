import type { CommunityListItem, MemberListItem, Paged } from '@linli/shared-types';
import { api } from '../../../../api';

/** Data of the leader detail's 客户 and 社群 tabs (paged in the tab, not in the URL). */

export const leaderTabKeys = {
  customers: (leaderId: number, page: number, pageSize: number) =>
    ['members', 'list', { leaderId, page, pageSize }] as const,
  communities: (leaderId: number, page: number, pageSize: number) =>
    ['communities', 'list', { leaderId, page, pageSize }] as const,
};

/** The members currently bound to the leader, newest first. */
export function fetchLeaderCustomers(
  leaderId: number,
  page: number,
  pageSize: number,
): Promise<Paged<MemberListItem>> {
  return api.get<Paged<MemberListItem>>('/api/admin/members', { leaderId, page, pageSize });
}

/** The leader's communities (any status), newest first. */
export function fetchLeaderCommunities(
  leaderId: number,
  page: number,
  pageSize: number,
): Promise<Paged<CommunityListItem>> {
  return api.get<Paged<CommunityListItem>>('/api/admin/communities', { leaderId, page, pageSize });
}
