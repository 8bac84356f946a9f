import type { StaffLoginRequest, StaffLoginResponse, StaffProfile } from '@linli/shared-types';
import { api, sessionStore } from '../api';

export async function login(body: StaffLoginRequest): Promise<StaffLoginResponse> {
  const response = await api.post<StaffLoginResponse>('/api/admin/auth/login', body, { auth: false });
  sessionStore.signIn(response);
  return response;
}

export function fetchMe(): Promise<StaffProfile> {
  return api.get<StaffProfile>('/api/admin/auth/me');
}

/** Revokes the refresh token on the server; the local session ends even when that call fails. */
export async function logout(): Promise<void> {
  const refreshToken = sessionStore.session?.refreshToken;
  try {
    if (refreshToken) await api.post<void>('/api/admin/auth/logout', { refreshToken });
  } catch {
    // Offline or already revoked: nothing more to do than forget the tokens.
  } finally {
    sessionStore.clear(null);
  }
}
