import type { CommunityListItem, Paged } from '@linli/shared-types';
import { api } from '../../../../api';

/** Data of the leader detail's 社群 tab (its 客户 tab uses the member list's service). */

export const leaderCommunityKeys = {
  page: (leaderId: number, page: number, pageSize: number) =>
    ['communities', 'list', { leaderId, page, pageSize }] as const,
};

/** The leader's communities (any status), newest first. */
export function fetchLeaderCommunities(
  leaderId: number,
  page: number,
  pageSize: number,
): Promise<Paged<CommunityListItem>> {
  return api.get<Paged<CommunityListItem>>('/api/admin/communities', { leaderId, page, pageSize });
}
