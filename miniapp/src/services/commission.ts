import {
  type CommissionEntryStatus,
  type CommissionEntryType,
  type CommissionEntryView,
  type CommissionStatement,
  type LeaderCommissionOverview,
  type Paged,
  type SimulateTransferRequest,
  type StatementPeriod,
  type WithdrawalConfirmation,
  type WithdrawalRequest,
  type WithdrawalView,
} from '@linli/shared-types';
import { get, post } from './request';

/** The leader's commission (我的佣金) endpoints. All silent: the screens show errors in place. */

const BASE = '/api/app/leader/commission';

export function fetchCommissionOverview(): Promise<LeaderCommissionOverview> {
  return get<LeaderCommissionOverview>(BASE, undefined, { silent: true });
}

export interface LeaderEntryQuery {
  type?: CommissionEntryType;
  status?: CommissionEntryStatus;
  page: number;
  pageSize: number;
}

export function fetchCommissionEntries(query: LeaderEntryQuery): Promise<Paged<CommissionEntryView>> {
  const params: Record<string, string | number> = { page: query.page, pageSize: query.pageSize };
  if (query.type) params.type = query.type;
  if (query.status) params.status = query.status;
  return get<Paged<CommissionEntryView>>(`${BASE}/entries`, params, { silent: true });
}

/** `date`: any Asia/Shanghai day (YYYY-MM-DD) of the period. */
export function fetchCommissionStatement(
  period: StatementPeriod,
  date: string,
): Promise<CommissionStatement> {
  return get<CommissionStatement>(`${BASE}/statement`, { period, date }, { silent: true });
}

export function fetchWithdrawals(page: number, pageSize: number): Promise<Paged<WithdrawalView>> {
  return get<Paged<WithdrawalView>>(`${BASE}/withdrawals`, { page, pageSize }, { silent: true });
}

/** The body's requestId makes a repeated submit of the same request return the first withdrawal. */
export function requestWithdrawal(body: WithdrawalRequest): Promise<WithdrawalView> {
  return post<WithdrawalView>(`${BASE}/withdrawals`, body, { silent: true });
}

/** Fresh parameters for 确认收款 (WeChat's page, or the simulator sheet in the embedded mode). */
export function requestWithdrawalConfirmation(id: number): Promise<WithdrawalConfirmation> {
  return post<WithdrawalConfirmation>(`${BASE}/withdrawals/${id}/confirmation`, {}, { silent: true });
}

/** After WeChat's 确认收款 page: ask the server to check the transfer's outcome with WeChat Pay. */
export function syncWithdrawal(id: number): Promise<unknown> {
  return post<unknown>(`${BASE}/withdrawals/${id}/sync`, {}, { silent: true });
}

/** Simulator only: the leader accepts (true) or declines (false; the money returns to the balance). */
export function simulateWithdrawalTransfer(id: number, accept: boolean): Promise<unknown> {
  const body: SimulateTransferRequest = { accept };
  return post<unknown>(`${BASE}/withdrawals/${id}/simulate`, body, { silent: true });
}

// ---- Where the commission screens live (leader sub-package) ----------------------------------------------

export const COMMISSION_URL = '/leader/commission/index';
export const WITHDRAW_URL = '/leader/withdraw/index';
export const WITHDRAWALS_URL = '/leader/withdrawals/index';
export const STATEMENT_URL = '/leader/commission-statement/index';

export function commissionEntriesUrl(status?: CommissionEntryStatus): string {
  return `/leader/commission-entries/index${status ? `?status=${status}` : ''}`;
}
