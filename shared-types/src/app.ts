import type { IsoDateTime } from './common';
import type { TokenPair } from './identity';
import type { MemberEntry } from './members';

/** What the mini-program (buyers and leaders) sees. Endpoints live under /api/app. */

/** GET /api/app/auth/options: which login methods this server offers. */
export interface AppAuthOptions {
  /** True when WECHAT_APPID/WECHAT_SECRET are configured (code2session works). */
  wechatLogin: boolean;
  /** True only when DEV_LOGIN=true and not in production. H5 uses it in demos and tests. */
  devLogin: boolean;
}

/** POST /api/app/auth/wechat-login: `code` from Taro.login(). */
export interface WechatLoginRequest {
  code: string;
  /** Invite scene (leader or community) the buyer entered through, when any. */
  scene?: string;
  /** Where the buyer came from (leader link / poster); attributes a NEW member and binds an unbound one. */
  entry?: MemberEntry;
}

/** POST /api/app/auth/dev-login: only when dev login is enabled. Same openid, same member. */
export interface DevLoginRequest {
  /** 1–64 chars, letters/digits/`_`/`-`. Defaults to a fixed demo buyer. */
  openid?: string;
  nickname?: string;
  /** As in WechatLoginRequest. */
  entry?: MemberEntry;
}

export interface MemberLoginResponse extends TokenPair {
  member: MemberProfile;
  /** True when this login created the member. */
  isNew: boolean;
}

export interface PickupPointSummary {
  id: number;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  openingHours: string | null;
  contactPhone: string | null;
  /** Photo of the pickup point (storefront), or null. */
  photoUrl: string | null;
}

export interface LeaderSummary {
  id: number;
  name: string;
  phone: string | null;
  pickupPoint: PickupPointSummary | null;
}

/** GET /api/app/me */
export interface MemberProfile {
  id: number;
  nickname: string;
  avatarUrl: string | null;
  phone: string | null;
  /** True when this member is also an active leader (团长). */
  isLeader: boolean;
  /** The leader (pickup point) this buyer is currently bound to, if any. */
  currentLeader: LeaderSummary | null;
  createdAt: IsoDateTime;
}
