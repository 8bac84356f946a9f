import {
  type ChoosePickupPointRequest,
  type MemberProfile,
  type Paged,
  type PickupPointChoice,
} from '@linli/shared-types';
import { get, post } from './request';
import { saveMember } from './session';

/** Buyer-side member endpoints. Silent: the pickup page shows errors itself. */

export function fetchPickupPoints(query: Record<string, string | number>): Promise<Paged<PickupPointChoice>> {
  return get<Paged<PickupPointChoice>>('/api/app/pickup-points', query, { silent: true });
}

/** Switches the buyer's pickup point and stores the updated profile (首页 and 我的 follow it). */
export async function choosePickupPoint(leaderId: number): Promise<MemberProfile> {
  const body: ChoosePickupPointRequest = { leaderId };
  const member = await post<MemberProfile>('/api/app/me/pickup-point', body, { silent: true });
  saveMember(member);
  return member;
}
