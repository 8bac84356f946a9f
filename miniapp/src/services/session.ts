import Taro from '@tarojs/taro';
import { type MemberLoginResponse, type MemberProfile } from '@linli/shared-types';
import { type TokenStore } from './api-client';

/** The member session, kept in Taro storage so it survives restarts of the mini-program and page reloads. */

const KEYS = {
  accessToken: 'linli.accessToken',
  refreshToken: 'linli.refreshToken',
  member: 'linli.member',
  /** Set by an explicit 退出登录 so that pages do not silently log the member back in. */
  signedOut: 'linli.signedOut',
} as const;

type Listener = (member: MemberProfile | null) => void;
const listeners = new Set<Listener>();

function read(key: string): string | null {
  const value: unknown = Taro.getStorageSync(key);
  return typeof value === 'string' && value !== '' ? value : null;
}

function notify(): void {
  const member = currentMember();
  for (const listener of listeners) listener(member);
}

export function currentMember(): MemberProfile | null {
  const raw = read(KEYS.member);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as MemberProfile;
  } catch {
    return null;
  }
}

export function hasSession(): boolean {
  return read(KEYS.accessToken) !== null || read(KEYS.refreshToken) !== null;
}

export function saveLogin(login: MemberLoginResponse): void {
  Taro.setStorageSync(KEYS.accessToken, login.accessToken);
  Taro.setStorageSync(KEYS.refreshToken, login.refreshToken);
  Taro.setStorageSync(KEYS.member, JSON.stringify(login.member));
  Taro.removeStorageSync(KEYS.signedOut);
  notify();
}

export function saveMember(member: MemberProfile): void {
  Taro.setStorageSync(KEYS.member, JSON.stringify(member));
  notify();
}

export function clearSession(): void {
  Taro.removeStorageSync(KEYS.accessToken);
  Taro.removeStorageSync(KEYS.refreshToken);
  Taro.removeStorageSync(KEYS.member);
  notify();
}

export function markSignedOut(): void {
  Taro.setStorageSync(KEYS.signedOut, '1');
}

export function isSignedOut(): boolean {
  return read(KEYS.signedOut) === '1';
}

/** Subscribes to logins, profile updates and logouts; returns the unsubscribe function. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const tokenStore: TokenStore = {
  accessToken: () => read(KEYS.accessToken),
  refreshToken: () => read(KEYS.refreshToken),
  saveLogin,
  clear: clearSession,
};
