import Taro from '@tarojs/taro';
import {
  type AppAuthOptions,
  type DevLoginRequest,
  type LogoutRequest,
  type MemberLoginResponse,
  type MemberProfile,
  type WechatLoginRequest,
} from '@linli/shared-types';
import { ApiError, ClientErrorCode } from './api-error';
import { chooseDevOpenid } from './dev-openid';
import { joinCommunity } from './communities';
import {
  entryForLogin,
  hasUndeliveredLeaderEntry,
  markEntryDelivered,
  undeliveredCommunityCode,
} from './entry';
import { get, post, setReloginHandler } from './request';
import {
  clearSession,
  currentMember,
  hasSession,
  isSignedOut,
  markSignedOut,
  saveLogin,
  saveMember,
  tokenStore,
} from './session';
import { singleFlight } from './single-flight';

const DEV_OPENID_KEY = 'linli.devOpenid';

function queryOpenid(): string | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null;
  return new URLSearchParams(window.location.search).get('openid');
}

/**
 * H5 only: settles which dev openid this browser uses. When `?openid=` names someone else than the
 * stored session's member, that session is dropped so the next login is the requested member.
 */
export function prepareDevIdentity(): string {
  const stored = Taro.getStorageSync<string>(DEV_OPENID_KEY) || null;
  const { openid, changed } = chooseDevOpenid(stored, queryOpenid());
  if (changed) {
    Taro.setStorageSync(DEV_OPENID_KEY, openid);
    clearSession();
  }
  return openid;
}

async function loginInWechat(): Promise<MemberLoginResponse> {
  const { code } = await Taro.login();
  const body: WechatLoginRequest = { code, entry: entryForLogin() };
  return post<MemberLoginResponse>('/api/app/auth/wechat-login', body, { auth: false, silent: true });
}

async function loginInBrowser(): Promise<MemberLoginResponse> {
  const options = await get<AppAuthOptions>('/api/app/auth/options', undefined, {
    auth: false,
    silent: true,
  });
  if (!options.devLogin) {
    throw new ApiError(0, {
      code: ClientErrorCode.LOGIN_UNAVAILABLE,
      message: '网页版暂不支持登录，请在微信小程序中打开',
      requestId: '',
    });
  }
  const body: DevLoginRequest = { openid: prepareDevIdentity(), entry: entryForLogin() };
  return post<MemberLoginResponse>('/api/app/auth/dev-login', body, { auth: false, silent: true });
}

/** Logs in (WeChat code on weapp, dev login on H5) and stores the session. Concurrent calls share one login. */
export const login = singleFlight(async (): Promise<MemberProfile> => {
  const response = process.env.TARO_ENV === 'weapp' ? await loginInWechat() : await loginInBrowser();
  saveLogin(response);
  markEntryDelivered();
  return response.member;
});

/**
 * The member for a page to show: the stored one, or a fresh login. Null when the member chose
 * 退出登录 (we wait for them to tap 登录 instead of signing them straight back in).
 */
export async function ensureLogin(): Promise<MemberProfile | null> {
  if (process.env.TARO_ENV === 'h5') prepareDevIdentity();
  const stored = currentMember();
  if (stored && hasSession()) {
    const communityCode = undeliveredCommunityCode();
    if (communityCode) return joinInvitedCommunity(stored, communityCode);
    if (stored.currentLeader || !hasUndeliveredLeaderEntry()) return stored;
    // An unbound member opening a leader's link logs in again: login is where the server binds them.
    return login().catch(() => stored);
  }
  if (isSignedOut()) return null;
  return login();
}

/**
 * A signed-in member opening a community invite joins it (the server also binds them when unbound).
 * Once only per invite; a failure is shown, never blocks the page.
 */
async function joinInvitedCommunity(stored: MemberProfile, communityCode: string): Promise<MemberProfile> {
  markEntryDelivered();
  try {
    const result = await joinCommunity(communityCode);
    void Taro.showToast({
      title: result.joined ? `已加入「${result.communityName}」` : `你已在「${result.communityName}」`,
      icon: 'none',
    });
    return stored.currentLeader ? stored : await refreshProfile();
  } catch (caught) {
    void Taro.showToast({
      title: caught instanceof ApiError ? caught.message : '加入社群失败',
      icon: 'none',
    });
    return stored;
  }
}

/** Re-reads GET /api/app/me (leader and pickup point may change on the server). */
export async function refreshProfile(): Promise<MemberProfile> {
  const member = await get<MemberProfile>('/api/app/me', undefined, { silent: true });
  saveMember(member);
  return member;
}

export async function logout(): Promise<void> {
  const refreshToken = tokenStore.refreshToken();
  markSignedOut();
  if (refreshToken) {
    const body: LogoutRequest = { refreshToken };
    // Public endpoint: the refresh token is the credential, so an expired access token cannot trigger a
    // refresh that would rotate (and orphan) the very token we are revoking. Best effort either way.
    await post<void>('/api/app/auth/logout', body, { auth: false, silent: true }).catch(() => undefined);
  }
  clearSession();
}

setReloginHandler(async () => {
  if (isSignedOut()) return false;
  try {
    await login();
    return true;
  } catch {
    return false;
  }
});
