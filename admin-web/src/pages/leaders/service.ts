import type {
  LeaderDetail,
  LeaderListItem,
  LeaderListQuery,
  LeaderStatus,
  LeaderStatusReasonRequest,
  Paged,
} from '@linli/shared-types';
import { ErrorCode, LeaderStatus as LeaderStatuses } from '@linli/shared-types';
import { api, isApiError } from '../../api';
import { formatCoordinates, formatDateTime } from '../../utils/format';
import { pageFromSearch, pageToSearch, parseRouteId } from '../../utils/url-query';

export const leaderKeys = {
  all: ['leaders'] as const,
  list: (query: LeaderListQuery) => ['leaders', 'list', query] as const,
  detail: (id: number) => ['leaders', 'detail', id] as const,
};

export function fetchLeaders(query: LeaderListQuery): Promise<Paged<LeaderListItem>> {
  return api.get<Paged<LeaderListItem>>('/api/admin/leaders', { ...query });
}

export function fetchLeader(id: number): Promise<LeaderDetail> {
  return api.get<LeaderDetail>(`/api/admin/leaders/${id}`);
}

/** What staff can do to a leader; each is one POST /api/admin/leaders/:id/<action>. */
export type LeaderAction = 'approve' | 'reject' | 'suspend' | 'reactivate';

export function runLeaderAction(id: number, action: LeaderAction, reason?: string): Promise<LeaderDetail> {
  const body: LeaderStatusReasonRequest | undefined = needsReason(action)
    ? { reason: reason ?? '' }
    : undefined;
  return api.post<LeaderDetail>(`/api/admin/leaders/${id}/${action}`, body);
}

/** The state machine as the back office sees it: which buttons a leader in `status` gets. */
export function actionsFor(status: LeaderStatus): LeaderAction[] {
  switch (status) {
    case 'pending':
      return ['approve', 'reject'];
    case 'active':
      return ['suspend'];
    case 'suspended':
      return ['reactivate'];
    case 'rejected':
      return [];
  }
}

export function needsReason(action: LeaderAction): action is 'reject' | 'suspend' {
  return action === 'reject' || action === 'suspend';
}

export const LEADER_ACTION_LABELS: Record<LeaderAction, string> = {
  approve: '通过',
  reject: '拒绝',
  suspend: '停用',
  reactivate: '恢复',
};

/** The toast after a successful action, naming the leader. */
export function actionDoneText(action: LeaderAction, name: string): string {
  switch (action) {
    case 'approve':
      return `已通过 ${name} 的团长申请`;
    case 'reject':
      return `已拒绝 ${name} 的团长申请`;
    case 'suspend':
      return `已停用团长 ${name}，其自提点暂停接单`;
    case 'reactivate':
      return `已恢复团长 ${name}`;
  }
}

export const REASON_MIN = 2;
export const REASON_MAX = 200;

/** Same rule as the server (2–200 characters after trimming); the reason is shown to the applicant/leader. */
export function reasonProblem(reason: string | undefined): string | null {
  const text = (reason ?? '').trim();
  if (!text) return '请填写原因';
  if ([...text].length < REASON_MIN) return `原因至少 ${REASON_MIN} 个字`;
  if ([...text].length > REASON_MAX) return `原因最多 ${REASON_MAX} 个字`;
  return null;
}

/**
 * True when the action failed because the leader is no longer in the state the page showed (someone else
 * acted first) or is gone: the page must say so and reload instead of offering a retry.
 */
export function isStaleLeaderError(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === ErrorCode.LEADER_INVALID_STATUS ||
      error.code === ErrorCode.LEADER_NOT_FOUND ||
      error.status === 404)
  );
}

const STATUSES = Object.values(LeaderStatuses) as string[];

/** The list query lives in the URL (?status=active&levelId=2&page=2) so reloads, links and 返回 keep it. */
export { formatCoordinates, formatDateTime };

export function queryFromSearch(params: URLSearchParams): LeaderListQuery {
  const status = params.get('status') ?? '';
  const keyword = params.get('keyword')?.trim();
  const levelId = Number(params.get('levelId'));
  return {
    ...pageFromSearch(params),
    status: STATUSES.includes(status) ? (status as LeaderStatus) : undefined,
    keyword: keyword || undefined,
    levelId: Number.isInteger(levelId) && levelId > 0 ? levelId : undefined,
  };
}

export function searchFromQuery(query: LeaderListQuery): Record<string, string> {
  const out = pageToSearch(query);
  if (query.status) out.status = query.status;
  if (query.keyword) out.keyword = query.keyword;
  if (query.levelId) out.levelId = String(query.levelId);
  return out;
}

/** A positive integer id from the route, or null for `/leaders/abc`. */
export const parseLeaderId = parseRouteId;
