// Direct API calls the browser tests use to set up or cross-check what the UI shows.
import type { MemberEntry, MemberLoginResponse, StaffLoginResponse } from '@linli/shared-types';
import { baseUrl } from './browser';

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(baseUrl() + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} → HTTP ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export async function get<T>(path: string, accessToken: string): Promise<T> {
  const res = await fetch(baseUrl() + path, { headers: { authorization: `Bearer ${accessToken}` } });
  if (!res.ok) throw new Error(`GET ${path} → HTTP ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export function staffLogin(username: string, password: string): Promise<StaffLoginResponse> {
  return post<StaffLoginResponse>('/api/admin/auth/login', { username, password });
}

/** `entry` is how the member arrived (a leader's invite code and the channel), as the mini-program sends it. */
export function devLogin(
  openid: string,
  extra: { nickname?: string; entry?: MemberEntry } = {},
): Promise<MemberLoginResponse> {
  return post<MemberLoginResponse>('/api/app/auth/dev-login', { openid, ...extra });
}

/** Any API call, with an optional bearer token; never throws on an HTTP error, so tests can assert refusals. */
export async function call<T = unknown>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(baseUrl() + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}
