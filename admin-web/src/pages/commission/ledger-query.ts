import {
  COMMISSION_ENTRY_STATUS_LABELS,
  COMMISSION_ENTRY_TYPE_LABELS,
  type CommissionEntryQuery,
  type CommissionEntryStatus,
  type CommissionEntryType,
} from '@linli/shared-types';
import { DEFAULT_PAGE_SIZE, pageFromSearch, pageToSearch, positiveInt } from '../../utils/url-query';
import { dayOrUndefined } from '../orders/service';
import type { LeaderBalanceQuery } from './service';
import { dayRangeToIso } from './time';

export const ENTRY_TYPES = Object.keys(COMMISSION_ENTRY_TYPE_LABELS) as CommissionEntryType[];
export const ENTRY_STATUSES = Object.keys(COMMISSION_ENTRY_STATUS_LABELS) as CommissionEntryStatus[];

export type LedgerTab = 'balances' | 'entries';
/** The server refuses longer order numbers (ours are 20 characters). */
export const ORDER_NO_MAX = 24;

/**
 * 佣金明细 as it lives in the URL: the tab, and the tab's own filters (days as Asia/Shanghai `YYYY-MM-DD`),
 * so 明细 on a balance row is a link and a reload keeps the view.
 */
export interface LedgerSearch {
  tab: LedgerTab;
  page: number;
  pageSize: number;
  /** 团长余额: name / phone. */
  keyword?: string;
  /** 流水 filters. */
  leaderId?: number;
  type?: CommissionEntryType;
  status?: CommissionEntryStatus;
  orderNo?: string;
  from?: string;
  to?: string;
}

const oneOf = <T extends string>(allowed: readonly T[], raw: string | null): T | undefined =>
  raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;

export function ledgerFromSearch(params: URLSearchParams): LedgerSearch {
  const tab: LedgerTab = params.get('tab') === 'entries' ? 'entries' : 'balances';
  const paging = pageFromSearch(params);
  if (tab === 'balances')
    return { tab, ...paging, keyword: params.get('keyword')?.trim().slice(0, 32) || undefined };
  let from = dayOrUndefined(params.get('from'));
  let to = dayOrUndefined(params.get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    tab,
    ...paging,
    leaderId: positiveInt(params.get('leaderId')),
    type: oneOf(ENTRY_TYPES, params.get('type')),
    status: oneOf(ENTRY_STATUSES, params.get('status')),
    orderNo: params.get('orderNo')?.trim().slice(0, ORDER_NO_MAX) || undefined,
    from,
    to,
  };
}

export function searchFromLedger(search: LedgerSearch): Record<string, string> {
  const out = pageToSearch(search);
  if (search.tab === 'entries') out.tab = 'entries';
  const optional = ['keyword', 'leaderId', 'type', 'status', 'orderNo', 'from', 'to'] as const;
  for (const key of optional) {
    const value = search[key];
    if (value !== undefined && value !== '') out[key] = String(value);
  }
  return out;
}

/** 流水 of one leader: what 明细 on a balance row opens. */
export function entriesOfLeader(leaderId: number): Record<string, string> {
  return searchFromLedger({ tab: 'entries', page: 1, pageSize: DEFAULT_PAGE_SIZE, leaderId });
}

export function toBalanceQuery(search: LedgerSearch): LeaderBalanceQuery {
  return { page: search.page, pageSize: search.pageSize, keyword: search.keyword };
}

export function toEntryQuery(search: LedgerSearch): CommissionEntryQuery {
  return {
    page: search.page,
    pageSize: search.pageSize,
    leaderId: search.leaderId,
    type: search.type,
    status: search.status,
    orderNo: search.orderNo,
    ...dayRangeToIso(search.from, search.to),
  };
}

/** Whether the 流水 tab narrows the list (its empty state then offers to clear). */
export function entriesFiltered(search: LedgerSearch): boolean {
  return Boolean(
    search.leaderId || search.type || search.status || search.orderNo || search.from || search.to,
  );
}
