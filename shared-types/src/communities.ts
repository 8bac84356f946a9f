import type { IsoDateTime, PageQuery } from './common';
import type { MemberChannel } from './members';

/**
 * Communities (社群): a leader's WeChat groups. Each has an invite code that is the scene of its invite
 * QR/link; opening it joins the member to the community (one member row, many memberships) and, for a
 * NEW member, fixes the source: channel group_qr, first leader = the community's leader, first community.
 * An unbound member is also bound to the community's leader.
 */
export const CommunityStatus = {
  ACTIVE: 'active',
  /** Takes no new members; existing memberships stay. */
  ARCHIVED: 'archived',
} as const;
export type CommunityStatus = (typeof CommunityStatus)[keyof typeof CommunityStatus];

export const COMMUNITY_STATUS_LABELS: Record<CommunityStatus, string> = {
  active: '使用中',
  archived: '已归档',
};

/** The leader's view: GET /api/app/leader/communities (active leader token) → CommunityView[] newest first. */
export interface CommunityView {
  id: number;
  name: string;
  inviteCode: string;
  status: CommunityStatus;
  memberCount: number;
  createdAt: IsoDateTime;
}

/** POST /api/app/leader/communities → CommunityView (201). PATCH /api/app/leader/communities/:id → CommunityView. */
export interface CommunityInput {
  /** 2–32 chars, e.g. 翠苑一区1号楼团购群 */
  name: string;
}
export interface CommunityUpdate {
  name?: string;
  status?: CommunityStatus;
}

/**
 * GET /api/app/leader/communities/:id/invite (the owning leader) → CommunityInvite.
 * `scene` is what a WeChat mini-program code carries (≤ 32 chars): `c=<inviteCode>`.
 * `h5Url` opens the H5 build with `?communityCode=<inviteCode>`; `qrPngDataUrl` is a QR code of it
 * (data:image/png;base64,…) the leader can show or save and post in the group.
 */
export interface CommunityInvite {
  communityId: number;
  communityName: string;
  leaderName: string;
  inviteCode: string;
  scene: string;
  miniProgramPath: string;
  h5Url: string;
  qrPngDataUrl: string;
}

/**
 * POST /api/app/communities/join (member token) {communityCode} → JoinCommunityResponse.
 * Also happens at login when MemberEntry.communityCode is given. Unknown/archived code: 400
 * COMMUNITY_INVITE_INVALID. Joining twice is a no-op (`joined: false`).
 */
export interface JoinCommunityRequest {
  communityCode: string;
}
export interface JoinCommunityResponse {
  communityId: number;
  communityName: string;
  leaderId: number;
  leaderName: string;
  /** False when the member already was in it. */
  joined: boolean;
}

/**
 * GET /api/app/leader/customers (active leader token): 我的客户.
 * Without communityId: members currently bound to the leader. With communityId (must be the leader's own,
 * else 404): the members of that community. `keyword`: exactly four digits match the phone's last four
 * (尾号, an index lookup); anything else matches the nickname (contains) or, when digits, the phone's end.
 * Newest first.
 */
export interface LeaderCustomerQuery extends PageQuery {
  keyword?: string;
  communityId?: number;
}
export interface LeaderCustomerView {
  memberId: number;
  nickname: string;
  avatarUrl: string | null;
  /** Masked: 138****5678 */
  phoneMasked: string | null;
  channel: MemberChannel;
  /** True when the member is currently bound to (picks up at) this leader. */
  boundToMe: boolean;
  /** This leader's communities the member is in. */
  communities: Array<{ id: number; name: string }>;
  joinedAt: IsoDateTime;
}

/** GET /api/admin/communities (leaders.read): all communities, filterable. */
export interface CommunityListQuery extends PageQuery {
  leaderId?: number;
  /** Matches the community name. */
  keyword?: string;
  status?: CommunityStatus;
}
export interface CommunityListItem extends CommunityView {
  leaderId: number;
  leaderName: string | null;
}

/** A member's memberships (MemberDetail.communities). */
export interface MemberCommunity {
  communityId: number;
  name: string;
  leaderId: number;
  leaderName: string | null;
  channel: MemberChannel;
  joinedAt: IsoDateTime;
}
