import type { IsoDateTime, PageQuery, Paged } from './common';
import type { PickupPointSummary } from './app';
import type { MemberCommunity } from './communities';
import type { TagChip } from './tags';

/**
 * How a member first reached us (来源渠道). Fixed at first contact, never changed afterwards.
 * `direct`: opened the mini-program with no leader link (search, a friend's forward without a scene).
 */
export const MemberChannel = {
  POSTER: 'poster',
  SHARE_CARD: 'share_card',
  GROUP_QR: 'group_qr',
  SEARCH: 'search',
  IMPORT: 'import',
  DIRECT: 'direct',
} as const;
export type MemberChannel = (typeof MemberChannel)[keyof typeof MemberChannel];

export const MEMBER_CHANNEL_LABELS: Record<MemberChannel, string> = {
  poster: '海报',
  share_card: '分享卡片',
  group_qr: '群二维码',
  search: '搜索',
  import: '导入',
  direct: '直接访问',
};

/**
 * Entry context a client sends at login (WechatLoginRequest / DevLoginRequest gain `entry`).
 * `leaderCode` is a leader's invite code from the share link / poster scene; `channel` says which.
 */
export interface MemberEntry {
  leaderCode?: string;
  channel?: MemberChannel;
  /**
   * A community invite code (from a community QR/link, scene `c=<code>`). Joins the member to the
   * community; for a new member it also sets channel group_qr, first leader and first community.
   * Takes precedence over leaderCode.
   */
  communityCode?: string;
}

/** Source attribution (来源): first contact only. */
export interface MemberSource {
  channel: MemberChannel;
  firstLeaderId: number | null;
  firstLeaderName: string | null;
  /** The community whose invite brought them in, if any. */
  firstCommunityId: number | null;
  firstCommunityName: string | null;
  /** Set by the Orders issue; null until the first order. */
  firstOrderAt: IsoDateTime | null;
  attributedAt: IsoDateTime;
}

/** Why a member's current leader changed. */
export const BindingReason = {
  /** First binding through a leader's link or poster. */
  ENTRY_LINK: 'entry_link',
  /** The buyer chose another pickup point. */
  BUYER_SWITCH: 'buyer_switch',
  /** Staff moved the member (e.g. the leader quit). */
  STAFF_MOVE: 'staff_move',
  /** A leader is bound to their own pickup point when approved. */
  LEADER_APPROVED: 'leader_approved',
} as const;
export type BindingReason = (typeof BindingReason)[keyof typeof BindingReason];

export const BINDING_REASON_LABELS: Record<BindingReason, string> = {
  entry_link: '通过团长链接进入',
  buyer_switch: '买家自行切换',
  staff_move: '后台调整',
  leader_approved: '成为团长',
};

export interface BindingChange {
  id: number;
  fromLeaderId: number | null;
  fromLeaderName: string | null;
  toLeaderId: number;
  toLeaderName: string | null;
  reason: BindingReason;
  /** Free text from staff (STAFF_MOVE), else null. */
  note: string | null;
  actorType: 'member' | 'staff' | 'system';
  actorName: string | null;
  createdAt: IsoDateTime;
}

/**
 * GET /api/app/pickup-points?latitude=&longitude=&keyword=&page=&pageSize= (member token): pickup points
 * of ACTIVE leaders, nearest first when coordinates are given (else by name).
 */
export interface PickupPointSearchQuery extends PageQuery {
  latitude?: number;
  longitude?: number;
  keyword?: string;
}

export interface PickupPointChoice {
  leaderId: number;
  leaderName: string;
  pickupPoint: PickupPointSummary;
  /** Metres from the given coordinates, rounded; null without coordinates or when the point has none. */
  distanceMeters: number | null;
  /** True for the buyer's current pickup point. */
  current: boolean;
}

/** POST /api/app/me/pickup-point (member token) → MemberProfile. Switching to an inactive leader: 400. */
export interface ChoosePickupPointRequest {
  leaderId: number;
}

/** GET /api/admin/members (members.read). */
export interface MemberListQuery extends PageQuery {
  /**
   * 4–11 digits: the phone number starts with it; an openid: that member; anything else: the nickname
   * starts with it. (Prefixes are index ranges; "contains" would scan every member.)
   */
  keyword?: string;
  /** Current leader. */
  leaderId?: number;
  channel?: MemberChannel;
  /** ISO date-times, inclusive: when the member joined. */
  joinedFrom?: IsoDateTime;
  joinedTo?: IsoDateTime;
  /** Members who have this tag. */
  tagId?: number;
  /** Members of this community. */
  communityId?: number;
}

export interface MemberListItem {
  id: number;
  nickname: string;
  phone: string | null;
  currentLeaderId: number | null;
  currentLeaderName: string | null;
  channel: MemberChannel;
  firstLeaderName: string | null;
  isLeader: boolean;
  tags: TagChip[];
  joinedAt: IsoDateTime;
}

/** GET /api/admin/members (members.read) → MemberPage. */
export interface MemberPage extends Paged<MemberListItem> {
  /**
   * True when more than 10,000 members match: `total` is then 10,000 and the list says "10,000+"
   * (counting a million rows on every page view would cost seconds).
   */
  totalCapped: boolean;
}

/** GET /api/admin/members/:id (members.read). */
export interface MemberDetail extends MemberListItem {
  avatarUrl: string | null;
  openid: string;
  unionid: string | null;
  currentPickupPoint: PickupPointSummary | null;
  source: MemberSource;
  /** Newest first. */
  bindingHistory: BindingChange[];
  /** Every community the member is in, newest first. */
  communities: MemberCommunity[];
  lastActiveAt: IsoDateTime | null;
}

/** POST /api/admin/members/:id/move (members.write) → MemberDetail. */
export interface MoveMemberRequest {
  toLeaderId: number;
  /** 2–200 chars */
  reason: string;
}

/**
 * POST /api/admin/leaders/:id/transfer-members (members.write): move every member currently bound to this
 * leader to another ACTIVE leader (e.g. the leader quits). One binding change per member, one audit row.
 */
export interface TransferMembersRequest {
  toLeaderId: number;
  reason: string;
}
export interface TransferMembersResponse {
  moved: number;
}
