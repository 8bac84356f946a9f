import {
  AFTERSALES_STATUS_LABELS,
  ErrorCode,
  type AdminAfterSalesCaseView,
  type AfterSalesListQuery,
  type AfterSalesSettings,
  type AfterSalesSettingsInput,
  type AfterSalesStatus,
  type ApproveAfterSalesRequest,
  type Paged,
  type RejectAfterSalesRequest,
} from '@linli/shared-types';
import { api, isApiError } from '../../api';
import { fenToYuan, yuanToFen } from '../../utils/money';
import { pageFromSearch, pageToSearch, parseRouteId, positiveInt } from '../../utils/url-query';

export const AFTERSALES_STATUSES = Object.keys(AFTERSALES_STATUS_LABELS) as AfterSalesStatus[];

export const aftersalesKeys = {
  all: ['aftersales'] as const,
  list: (query: AfterSalesListQuery) => ['aftersales', 'list', query] as const,
  counts: (query: AfterSalesCountsQuery) => ['aftersales', 'counts', query] as const,
  detail: (id: number) => ['aftersales', 'detail', id] as const,
  settings: ['aftersales', 'settings'] as const,
};

export function fetchCases(query: AfterSalesListQuery): Promise<Paged<AdminAfterSalesCaseView>> {
  return api.get<Paged<AdminAfterSalesCaseView>>('/api/admin/aftersales', { ...query });
}

export function fetchCase(id: number): Promise<AdminAfterSalesCaseView> {
  return api.get<AdminAfterSalesCaseView>(`/api/admin/aftersales/${id}`);
}

export function fetchSettings(): Promise<AfterSalesSettings> {
  return api.get<AfterSalesSettings>('/api/admin/aftersales/settings');
}

export function saveSettings(input: AfterSalesSettingsInput): Promise<AfterSalesSettings> {
  return api.put<AfterSalesSettings>('/api/admin/aftersales/settings', input);
}

// ---- Actions --------------------------------------------------------------------------------------------

/** 同意退款 / 驳回 / 退货入库; each answers the case after the change. */
export type CaseAction = 'approve' | 'reject' | 'returnStock';

export function runCaseAction(id: number, action: CaseAction, reason?: string) {
  const base = `/api/admin/aftersales/${id}`;
  if (action === 'returnStock') return api.post<AdminAfterSalesCaseView>(`${base}/return-stock`, {});
  if (action === 'reject') {
    const body: RejectAfterSalesRequest = { reason: reason ?? '' };
    return api.post<AdminAfterSalesCaseView>(`${base}/reject`, body);
  }
  const body: ApproveAfterSalesRequest = { note: reason?.trim() || null };
  return api.post<AdminAfterSalesCaseView>(`${base}/approve`, body);
}

export const CASE_ACTION_TEXT: Record<CaseAction, { label: string; done: string }> = {
  approve: { label: '同意退款', done: '已同意，退款将原路退回买家' },
  reject: { label: '驳回', done: '已驳回售后申请' },
  returnStock: { label: '退货入库', done: '退货已入库，商品回到可售库存' },
};

/**
 * What staff can do to a case now: decide a pending one; book the goods of an approved case with items
 * back into stock once (a case for an amount only has nothing to return).
 */
export function caseActions(
  c: Pick<AdminAfterSalesCaseView, 'status' | 'lines' | 'stockReturned'>,
): CaseAction[] {
  if (c.status === 'pending') return ['approve', 'reject'];
  if (c.status === 'approved' && c.lines.length > 0 && !c.stockReturned) return ['returnStock'];
  return [];
}

/** The case moved on since the page loaded it (the leader, another clerk or the sweep acted first). */
export function isStaleCaseError(error: unknown): boolean {
  return (
    isApiError(error) &&
    (
      [
        ErrorCode.AFTERSALES_STATUS,
        ErrorCode.AFTERSALES_NOTHING_TO_RETURN,
        ErrorCode.AFTERSALES_NOT_FOUND,
      ] as string[]
    ).includes(error.code)
  );
}

/** Same rule as the server: the reject reason is 1–200 characters after trimming; the buyer reads it. */
export const REJECT_REASON_MAX = 200;

export function rejectReasonProblem(reason: string | undefined): string | null {
  const length = [...(reason ?? '').trim()].length;
  if (length === 0) return '请填写驳回原因';
  if (length > REJECT_REASON_MAX) return `驳回原因最多 ${REJECT_REASON_MAX} 个字`;
  return null;
}

// ---- List filters in the URL ---------------------------------------------------------------------------

/** 待处理 first (what the page is opened for), 全部 last. */
export type CaseTab = AfterSalesStatus | 'all';
export const CASE_TABS: CaseTab[] = [...AFTERSALES_STATUSES, 'all'];
const DEFAULT_TAB: CaseTab = 'pending';

export interface CaseListFilters {
  tab: CaseTab;
  page: number;
  pageSize: number;
  leaderId?: number;
  orderNo?: string;
}

export function filtersFromSearch(params: URLSearchParams): CaseListFilters {
  const status = params.get('status') ?? '';
  return {
    ...pageFromSearch(params),
    tab: (CASE_TABS as string[]).includes(status) ? (status as CaseTab) : DEFAULT_TAB,
    leaderId: positiveInt(params.get('leaderId')),
    orderNo: params.get('orderNo')?.trim().slice(0, 32) || undefined,
  };
}

export function searchFromFilters(filters: CaseListFilters): Record<string, string> {
  const out = pageToSearch(filters);
  if (filters.tab !== DEFAULT_TAB) out.status = filters.tab;
  if (filters.leaderId) out.leaderId = String(filters.leaderId);
  if (filters.orderNo) out.orderNo = filters.orderNo;
  return out;
}

export function toCaseListQuery(filters: CaseListFilters): AfterSalesListQuery {
  return {
    page: filters.page,
    pageSize: filters.pageSize,
    status: filters.tab === 'all' ? undefined : filters.tab,
    leaderId: filters.leaderId,
    orderNo: filters.orderNo,
  };
}

/** Filters besides the tab (what 清除筛选 clears). */
export function isFiltered(filters: CaseListFilters): boolean {
  return Boolean(filters.leaderId || filters.orderNo);
}

/** The per-status counts follow the other filters. */
export type AfterSalesCountsQuery = Pick<AfterSalesListQuery, 'leaderId' | 'orderNo'>;
export type AfterSalesCounts = Record<AfterSalesStatus, number>;

/**
 * The API has no counts endpoint; each status's `total` (a one-row page) gives its count. Three tiny
 * requests, with the same leader / order filters as the list.
 */
export async function fetchCounts(query: AfterSalesCountsQuery): Promise<AfterSalesCounts> {
  const totals = await Promise.all(
    AFTERSALES_STATUSES.map((status) => fetchCases({ ...query, status, page: 1, pageSize: 1 })),
  );
  return Object.fromEntries(AFTERSALES_STATUSES.map((s, i) => [s, totals[i].total])) as AfterSalesCounts;
}

// ---- Pending cases oldest first --------------------------------------------------------------------------

/**
 * The server lists newest first only. The 待处理 queue is worked oldest first, so its page `page` is the
 * window [start, end) of the newest-first order, read backwards: `end = total − (page−1)·size`. The window
 * is not aligned to the server's pages, so it spans at most two of them (same size).
 */
export function oldestFirstWindow(
  total: number,
  page: number,
  pageSize: number,
): { start: number; end: number; serverPages: number[] } {
  const end = Math.max(0, total - (page - 1) * pageSize);
  const start = Math.max(0, end - pageSize);
  if (end === 0) return { start: 0, end: 0, serverPages: [] };
  const first = Math.floor(start / pageSize) + 1;
  const last = Math.floor((end - 1) / pageSize) + 1;
  return { start, end, serverPages: first === last ? [first] : [first, last] };
}

export async function fetchCasesOldestFirst(
  query: AfterSalesListQuery,
): Promise<Paged<AdminAfterSalesCaseView>> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { total } = await fetchCases({ ...query, page: 1, pageSize: 1 });
  const window = oldestFirstWindow(total, page, pageSize);
  const pages = await Promise.all(window.serverPages.map((p) => fetchCases({ ...query, page: p, pageSize })));
  const offset = ((window.serverPages[0] ?? 1) - 1) * pageSize;
  const rows = pages.flatMap((p) => p.items);
  // A case decided or added between the two calls shifts the window by a row; the next refresh settles it.
  const items = rows.slice(window.start - offset, window.end - offset).reverse();
  return { items, total, page, pageSize };
}

/** The pending tab reads oldest first; the others newest first like the server. */
export function fetchCaseList(query: AfterSalesListQuery): Promise<Paged<AdminAfterSalesCaseView>> {
  return query.status === 'pending' ? fetchCasesOldestFirst(query) : fetchCases(query);
}

/** A positive integer id from the route, or null for `/aftersales/abc`. */
export const parseCaseId = parseRouteId;

// ---- Settings form: staff type 元, the API stores fen --------------------------------------------------

export interface SettingsForm {
  /** 元, 2 decimals; 0 = no instant approval. */
  autoApproveMaxYuan: number;
  autoApproveAfterHours: number;
}

export const MAX_AUTO_APPROVE_YUAN = 1_000_000;
export const MAX_AUTO_APPROVE_HOURS = 720;

export function settingsToForm(settings: AfterSalesSettingsInput): SettingsForm {
  return {
    autoApproveMaxYuan: fenToYuan(settings.autoApproveMaxFen),
    autoApproveAfterHours: settings.autoApproveAfterHours,
  };
}

export function formToSettings(form: SettingsForm): AfterSalesSettingsInput {
  return {
    autoApproveMaxFen: yuanToFen(form.autoApproveMaxYuan ?? 0),
    autoApproveAfterHours: Math.round(form.autoApproveAfterHours ?? 0),
  };
}

/** The API names the fields in fen; the form's money field is in 元. */
const SETTINGS_FIELD_OF: Record<string, keyof SettingsForm> = {
  autoApproveMaxFen: 'autoApproveMaxYuan',
  autoApproveAfterHours: 'autoApproveAfterHours',
};

/** A validation error of PUT settings with its field names moved onto the form's. */
export function toSettingsFormErrorBody<B extends { fields?: Array<{ field: string; errors: string[] }> }>(
  body: B,
): B {
  if (!body.fields) return body;
  return {
    ...body,
    fields: body.fields.map((f) => ({ ...f, field: SETTINGS_FIELD_OF[f.field] ?? f.field })),
  };
}
