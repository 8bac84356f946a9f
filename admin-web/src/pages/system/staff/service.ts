import type {
  CreateStaffRequest,
  Paged,
  ResetStaffPasswordRequest,
  RoleDefinition,
  StaffListQuery,
  StaffProfile,
  StaffRole,
  StaffStatus,
  UpdateStaffRequest,
} from '@linli/shared-types';
import { StaffRole as StaffRoles, StaffStatus as StaffStatuses } from '@linli/shared-types';
import { api } from '../../../api';
import { pageFromSearch, pageToSearch } from '../../../utils/url-query';

export const staffKeys = {
  all: ['staff'] as const,
  list: (query: StaffListQuery) => ['staff', 'list', query] as const,
  roles: ['roles'] as const,
};

export function fetchStaffList(query: StaffListQuery): Promise<Paged<StaffProfile>> {
  return api.get<Paged<StaffProfile>>('/api/admin/staff', { ...query });
}

export function fetchRoles(): Promise<RoleDefinition[]> {
  return api.get<RoleDefinition[]>('/api/admin/roles');
}

export function createStaff(body: CreateStaffRequest): Promise<StaffProfile> {
  return api.post<StaffProfile>('/api/admin/staff', body);
}

export function updateStaff(id: number, body: UpdateStaffRequest): Promise<StaffProfile> {
  return api.patch<StaffProfile>(`/api/admin/staff/${id}`, body);
}

export function resetStaffPassword(id: number, body: ResetStaffPasswordRequest): Promise<void> {
  return api.post<void>(`/api/admin/staff/${id}/reset-password`, body);
}

export function setStaffEnabled(id: number, enabled: boolean): Promise<StaffProfile> {
  return api.post<StaffProfile>(`/api/admin/staff/${id}/${enabled ? 'enable' : 'disable'}`);
}

/** The list query lives in the URL (?page=2&role=finance) so reloads and shared links keep it. */
export function queryFromSearch(params: URLSearchParams): StaffListQuery {
  const role = params.get('role');
  const status = params.get('status');
  const keyword = params.get('keyword')?.trim();
  return {
    ...pageFromSearch(params),
    keyword: keyword || undefined,
    role: (Object.values(StaffRoles) as string[]).includes(role ?? '') ? (role as StaffRole) : undefined,
    status: (Object.values(StaffStatuses) as string[]).includes(status ?? '')
      ? (status as StaffStatus)
      : undefined,
  };
}

export function searchFromQuery(query: StaffListQuery): Record<string, string> {
  const out = pageToSearch(query);
  if (query.keyword) out.keyword = query.keyword;
  if (query.role) out.role = query.role;
  if (query.status) out.status = query.status;
  return out;
}

export const PASSWORD_POLICY_HINT = '8–128 位，需同时包含字母和数字，不能含空格';

/** Mirrors the server's policy so most mistakes are caught before the round trip. */
export function passwordPolicyError(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码最多 128 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码需同时包含字母和数字';
  if (/\s/.test(password)) return '密码不能包含空格';
  return null;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;
/** Same rule as the server: mobile or landline, optional +country code, digits/spaces/dashes. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,19}$/;
