import type {
  BindingChange,
  LeaderListItem,
  MemberChannel,
  MemberDetail,
  MemberListQuery,
  MoveMemberRequest,
  MemberPage,
  Paged,
  TransferMembersRequest,
  TransferMembersResponse,
} from '@linli/shared-types';
import { BINDING_REASON_LABELS, ErrorCode, MemberChannel as MemberChannels } from '@linli/shared-types';
import dayjs from 'dayjs';
import { api, isApiError } from '../../api';
import { pageFromSearch, pageToSearch, parseRouteId, positiveInt } from '../../utils/url-query';

export const memberKeys = {
  all: ['members'] as const,
  list: (query: MemberListQuery) => ['members', 'list', query] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
  /** Members bound to one leader: only the count is read (leader detail, transfer modal). */
  countAtLeader: (leaderId: number) => ['members', 'count-at-leader', leaderId] as const,
};

export function fetchMembers(query: MemberListQuery): Promise<MemberPage> {
  return api.get<MemberPage>('/api/admin/members', { ...query });
}

export function fetchMember(id: number): Promise<MemberDetail> {
  return api.get<MemberDetail>(`/api/admin/members/${id}`);
}

export async function countMembersAtLeader(leaderId: number): Promise<number> {
  return (await fetchMembers({ leaderId, page: 1, pageSize: 1 })).total;
}

export function moveMember(id: number, body: MoveMemberRequest): Promise<MemberDetail> {
  return api.post<MemberDetail>(`/api/admin/members/${id}/move`, body);
}

export function transferMembers(
  fromLeaderId: number,
  body: TransferMembersRequest,
): Promise<TransferMembersResponse> {
  return api.post<TransferMembersResponse>(`/api/admin/leaders/${fromLeaderId}/transfer-members`, body);
}

/** Active leaders matching `keyword`, for the pickers (a move may only target an active leader). */
export function searchActiveLeaders(keyword: string): Promise<Paged<LeaderListItem>> {
  return api.get<Paged<LeaderListItem>>('/api/admin/leaders', {
    status: 'active',
    keyword: keyword.trim() || undefined,
    page: 1,
    pageSize: 20,
  });
}

/**
 * The list filters as they live in the URL: the join dates as plain days (`2026-11-01`) so a link reads
 * well; `toMemberListQuery` turns them into the inclusive instants the API wants.
 */
export interface MemberListFilters {
  page: number;
  pageSize: number;
  keyword?: string;
  leaderId?: number;
  channel?: MemberChannel;
  joinedFrom?: string;
  joinedTo?: string;
  tagId?: number;
  communityId?: number;
}

const CHANNELS = Object.values(MemberChannels) as string[];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayOrUndefined(raw: string | null): string | undefined {
  // The round trip rejects days that do not exist (2026-02-31 would roll over to March).
  return raw && DAY.test(raw) && dayjs(raw).format('YYYY-MM-DD') === raw ? raw : undefined;
}

export function filtersFromSearch(params: URLSearchParams): MemberListFilters {
  const channel = params.get('channel') ?? '';
  let joinedFrom = dayOrUndefined(params.get('joinedFrom'));
  let joinedTo = dayOrUndefined(params.get('joinedTo'));
  // A hand-edited URL with the days swapped still means "between these two days".
  if (joinedFrom && joinedTo && joinedFrom > joinedTo) [joinedFrom, joinedTo] = [joinedTo, joinedFrom];
  return {
    ...pageFromSearch(params),
    keyword: params.get('keyword')?.trim() || undefined,
    leaderId: positiveInt(params.get('leaderId')),
    channel: CHANNELS.includes(channel) ? (channel as MemberChannel) : undefined,
    joinedFrom,
    joinedTo,
    tagId: positiveInt(params.get('tagId')),
    communityId: positiveInt(params.get('communityId')),
  };
}

export function searchFromFilters(filters: MemberListFilters): Record<string, string> {
  const out = pageToSearch(filters);
  if (filters.keyword) out.keyword = filters.keyword;
  if (filters.leaderId) out.leaderId = String(filters.leaderId);
  if (filters.channel) out.channel = filters.channel;
  if (filters.joinedFrom) out.joinedFrom = filters.joinedFrom;
  if (filters.joinedTo) out.joinedTo = filters.joinedTo;
  if (filters.tagId) out.tagId = String(filters.tagId);
  if (filters.communityId) out.communityId = String(filters.communityId);
  return out;
}

/** Days are whole days of the operator's (the browser's) calendar: from 00:00:00.000 to 23:59:59.999. */
export function toMemberListQuery(filters: MemberListFilters): MemberListQuery {
  return {
    page: filters.page,
    pageSize: filters.pageSize,
    keyword: filters.keyword,
    leaderId: filters.leaderId,
    channel: filters.channel,
    joinedFrom: filters.joinedFrom ? dayjs(filters.joinedFrom).startOf('day').toISOString() : undefined,
    joinedTo: filters.joinedTo ? dayjs(filters.joinedTo).endOf('day').toISOString() : undefined,
    tagId: filters.tagId,
    communityId: filters.communityId,
  };
}

export function isFiltered(filters: MemberListFilters): boolean {
  return Boolean(
    filters.keyword ||
    filters.leaderId ||
    filters.channel ||
    filters.joinedFrom ||
    filters.joinedTo ||
    filters.tagId ||
    filters.communityId,
  );
}

/** A positive integer id from the route, or null for `/members/abc`. */
export const parseMemberId = parseRouteId;

/** Business codes about the chosen target leader: shown under the leader picker, not as a toast. */
export const MOVE_CODE_TO_FIELD: Readonly<Record<string, string>> = {
  [ErrorCode.MEMBER_TARGET_LEADER_INVALID]: 'toLeaderId',
  [ErrorCode.MEMBER_ALREADY_AT_LEADER]: 'toLeaderId',
};

/** The member is gone: the page must say so and go back instead of offering a retry. */
export function isMemberGoneError(error: unknown): boolean {
  return isApiError(error) && (error.code === ErrorCode.MEMBER_NOT_FOUND || error.status === 404);
}

/** `王丽华 → 陈建国`; a first binding reads `（无）→ 王丽华`. */
export function bindingPath(change: BindingChange): { from: string; to: string } {
  const from =
    change.fromLeaderId === null ? '（无）' : (change.fromLeaderName ?? `团长 #${change.fromLeaderId}`);
  const to = change.toLeaderName ?? `团长 #${change.toLeaderId}`;
  return { from, to };
}

const ACTOR_TYPE_LABELS: Record<BindingChange['actorType'], string> = {
  member: '会员本人',
  staff: '员工',
  system: '系统',
};

/** Who made the change, e.g. `员工 · 系统管理员`, `会员本人`, `系统`. */
export function bindingActor(change: BindingChange): string {
  const type = ACTOR_TYPE_LABELS[change.actorType];
  return change.actorType !== 'member' && change.actorName ? `${type} · ${change.actorName}` : type;
}

export function bindingReasonLabel(change: BindingChange): string {
  return BINDING_REASON_LABELS[change.reason] ?? change.reason;
}

/** The toast after a transfer: how many moved, and to whom. */
export function transferDoneText(moved: number, toLeaderName: string): string {
  return moved === 0 ? '该团长名下没有会员，无需转移' : `已将 ${moved} 名会员转移给 ${toLeaderName}`;
}
