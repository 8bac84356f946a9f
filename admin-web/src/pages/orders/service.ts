import dayjs from 'dayjs';
import {
  ErrorCode,
  OrderStatus as OrderStatuses,
  type AdminOrderDetail,
  type AdminOrderListItem,
  type AdminOrderListQuery,
  type OrderStatus,
  type OrderStatusCounts,
  type Paged,
  type StaffOrderActionRequest,
} from '@linli/shared-types';
import { api, isApiError } from '../../api';
import { pageFromSearch, pageToSearch, parseRouteId, positiveInt } from '../../utils/url-query';

/** Status tabs in the order of the order's life; 全部 comes first on the page. */
export const ORDER_STATUSES = Object.values(OrderStatuses) as OrderStatus[];

/** The list query minus status and paging: the status tab counts follow the other filters. */
export type OrderCountsQuery = Omit<AdminOrderListQuery, 'status' | 'page' | 'pageSize'>;

export const orderKeys = {
  all: ['orders'] as const,
  list: (query: AdminOrderListQuery) => ['orders', 'list', query] as const,
  counts: (query: OrderCountsQuery) => ['orders', 'counts', query] as const,
  detail: (id: number) => ['orders', 'detail', id] as const,
};

export function fetchOrders(query: AdminOrderListQuery): Promise<Paged<AdminOrderListItem>> {
  return api.get<Paged<AdminOrderListItem>>('/api/admin/orders', { ...query });
}

export function fetchOrderStatusCounts(query: OrderCountsQuery): Promise<OrderStatusCounts> {
  return api.get<OrderStatusCounts>('/api/admin/orders/status-counts', { ...query });
}

export function fetchOrder(id: number): Promise<AdminOrderDetail> {
  return api.get<AdminOrderDetail>(`/api/admin/orders/${id}`);
}

/** What staff can do to an order; each answers the order after the change. */
export type OrderAction = 'cancel' | 'refund' | 'markReady';

export function runOrderAction(id: number, action: OrderAction, reason?: string): Promise<AdminOrderDetail> {
  if (action === 'markReady') return api.post<AdminOrderDetail>(`/api/admin/orders/${id}/mark-ready`);
  const body: StaffOrderActionRequest = { reason: reason ?? '' };
  return api.post<AdminOrderDetail>(`/api/admin/orders/${id}/${action}`, body);
}

export function retryRefund(refundId: number): Promise<AdminOrderDetail> {
  return api.post<AdminOrderDetail>(`/api/admin/orders/refunds/${refundId}/retry`);
}

export const ORDER_ACTION_DONE: Record<OrderAction, string> = {
  cancel: '订单已取消',
  refund: '已发起退款，款项将原路退回买家',
  markReady: '已设为待提货，买家将收到到货通知',
};

/** Same rule as the server (2–100 characters after trimming); the reason is shown on the timeline. */
export const REASON_MIN = 2;
export const REASON_MAX = 100;

export function reasonProblem(reason: string | undefined): string | null {
  const length = [...(reason ?? '').trim()].length;
  if (length === 0) return '请填写原因';
  if (length < REASON_MIN) return `原因至少 ${REASON_MIN} 个字`;
  if (length > REASON_MAX) return `原因最多 ${REASON_MAX} 个字`;
  return null;
}

/**
 * The action was refused because the order moved on since the page loaded it (another staff member, the
 * buyer or a job acted first): the detail must be reloaded so the buttons match its real state.
 */
export function isStaleOrderError(error: unknown): boolean {
  return (
    isApiError(error) &&
    (
      [
        ErrorCode.ORDER_CANCEL_NOT_ALLOWED,
        ErrorCode.ORDER_REFUND_NOT_ALLOWED,
        ErrorCode.ORDER_NOT_READY_ALLOWED,
        ErrorCode.REFUND_NOT_RETRYABLE,
      ] as string[]
    ).includes(error.code)
  );
}

/** A refund the provider has not answered yet: the detail keeps asking until it settles. */
export function hasRefundInFlight(order: AdminOrderDetail | undefined): boolean {
  return order?.refunds.some((r) => r.status === 'processing') ?? false;
}

// ---- List filters in the URL ---------------------------------------------------------------------------

/**
 * The list filters as they live in the URL. Created dates are plain Asia/Shanghai days (`2026-12-08`) so a
 * link reads well and means the same day to every operator, whatever their browser's zone.
 */
export interface OrderListFilters {
  page: number;
  pageSize: number;
  status?: OrderStatus;
  keyword?: string;
  leaderId?: number;
  campaignId?: number;
  memberId?: number;
  createdFrom?: string;
  createdTo?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` day from a URL, or undefined when it is not a real day. */
export function dayOrUndefined(raw: string | null): string | undefined {
  // The round trip rejects days that do not exist (2026-02-31 would roll over to March).
  return raw && DAY.test(raw) && dayjs(raw).format('YYYY-MM-DD') === raw ? raw : undefined;
}

export function filtersFromSearch(params: URLSearchParams): OrderListFilters {
  const status = params.get('status') ?? '';
  let createdFrom = dayOrUndefined(params.get('createdFrom'));
  let createdTo = dayOrUndefined(params.get('createdTo'));
  // A hand-edited URL with the days swapped still means "between these two days".
  if (createdFrom && createdTo && createdFrom > createdTo)
    [createdFrom, createdTo] = [createdTo, createdFrom];
  return {
    ...pageFromSearch(params),
    status: (ORDER_STATUSES as string[]).includes(status) ? (status as OrderStatus) : undefined,
    keyword: params.get('keyword')?.trim().slice(0, 32) || undefined,
    leaderId: positiveInt(params.get('leaderId')),
    campaignId: positiveInt(params.get('campaignId')),
    memberId: positiveInt(params.get('memberId')),
    createdFrom,
    createdTo,
  };
}

export function searchFromFilters(filters: OrderListFilters): Record<string, string> {
  const out = pageToSearch(filters);
  if (filters.status) out.status = filters.status;
  if (filters.keyword) out.keyword = filters.keyword;
  if (filters.leaderId) out.leaderId = String(filters.leaderId);
  if (filters.campaignId) out.campaignId = String(filters.campaignId);
  if (filters.memberId) out.memberId = String(filters.memberId);
  if (filters.createdFrom) out.createdFrom = filters.createdFrom;
  if (filters.createdTo) out.createdTo = filters.createdTo;
  return out;
}

/** 00:00 of a Shanghai day as an ISO instant (Shanghai has no daylight saving: +08:00 is exact). */
export function shanghaiDayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** The filters as the API wants them: the day range becomes [00:00 of the first, 00:00 after the last). */
export function toOrderListQuery(filters: OrderListFilters): AdminOrderListQuery {
  return {
    page: filters.page,
    pageSize: filters.pageSize,
    status: filters.status,
    keyword: filters.keyword,
    leaderId: filters.leaderId,
    campaignId: filters.campaignId,
    memberId: filters.memberId,
    createdFrom: filters.createdFrom ? shanghaiDayStart(filters.createdFrom) : undefined,
    createdTo: filters.createdTo
      ? shanghaiDayStart(dayjs(filters.createdTo).add(1, 'day').format('YYYY-MM-DD'))
      : undefined,
  };
}

export function toCountsQuery(query: AdminOrderListQuery): OrderCountsQuery {
  const { status: _status, page: _page, pageSize: _pageSize, ...rest } = query;
  return rest;
}

/** Filters besides the status tab (the tab is not a "filter" the empty state offers to clear). */
export function isFiltered(filters: OrderListFilters): boolean {
  return Boolean(
    filters.keyword ||
    filters.leaderId ||
    filters.campaignId ||
    filters.memberId ||
    filters.createdFrom ||
    filters.createdTo,
  );
}

/** Sum of the per-status counts: the 全部 tab. */
export function totalOf(counts: OrderStatusCounts | undefined): number | undefined {
  return counts ? ORDER_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0) : undefined;
}

/** A positive integer id from the route, or null for `/orders/abc`. */
export const parseOrderId = parseRouteId;

// ---- Display --------------------------------------------------------------------------------------------

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** An instant as Shanghai wall-clock time (`2026-12-08 14:05`), the business time zone; null stays null. */
export function shanghaiTime(iso: string | null | undefined, format = 'YYYY-MM-DD HH:mm'): string | null {
  if (!iso) return null;
  const wall = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19);
  return dayjs(wall).format(format);
}

/** Today in Shanghai, `YYYY-MM-DD`, for the date presets. */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiTime(now.toISOString(), 'YYYY-MM-DD')!;
}
