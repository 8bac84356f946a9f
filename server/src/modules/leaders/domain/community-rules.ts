import { CommunityStatus } from '@linli/shared-types';

/** A leader runs at most this many active communities (archived ones do not count). */
export const MAX_ACTIVE_COMMUNITIES_PER_LEADER = 50;

export const COMMUNITY_NAME_MIN = 2;
export const COMMUNITY_NAME_MAX = 32;

/** The scene a mini-program code carries (≤ 32 chars). */
export function communityScene(inviteCode: string): string {
  return `c=${inviteCode}`;
}

/** The mini-program page a community share card / code opens, with the scene as WeChat passes it. */
export function communityMiniProgramPath(inviteCode: string): string {
  return `pages/index/index?scene=${encodeURIComponent(communityScene(inviteCode))}`;
}

/** The H5 address of an invite; `publicBaseUrl` has no trailing slash. */
export function communityH5Url(publicBaseUrl: string, inviteCode: string): string {
  return `${publicBaseUrl}/h5/?communityCode=${encodeURIComponent(inviteCode)}`;
}

/**
 * Whether a change would take the leader over the limit: creating one, or re-activating an archived one.
 * Renaming and archiving never do.
 */
export function exceedsCommunityLimit(
  activeCount: number,
  from: CommunityStatus | null,
  to: CommunityStatus,
): boolean {
  const adds = to === CommunityStatus.ACTIVE && from !== CommunityStatus.ACTIVE;
  return adds && activeCount >= MAX_ACTIVE_COMMUNITIES_PER_LEADER;
}
