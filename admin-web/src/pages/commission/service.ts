import type {
  CommissionAdjustmentRequest,
  CommissionEntryQuery,
  CommissionEntryView,
  CommissionPreview,
  CommissionPreviewRequest,
  CommissionRules,
  CommissionStatement,
  LeaderCommissionRow,
  PageQuery,
  Paged,
  PublishRuleSetRequest,
  RuleSetInput,
  RuleSetSimulation,
  RuleSetSimulationRequest,
  RuleSetView,
  StatementPeriod,
  StatementSummary,
  WithdrawalQuery,
  WithdrawalReviewRequest,
  WithdrawalView,
} from '@linli/shared-types';
import { api, type DownloadedFile } from '../../api';

const BASE = '/api/admin/commission';

/** GET /leaders: the contract names the parameters (keyword, page) but no query type. */
export interface LeaderBalanceQuery extends PageQuery {
  keyword?: string;
}

/** GET /statements (`date` is any Asia/Shanghai day in the period, YYYY-MM-DD). */
export interface StatementQuery {
  leaderId: number;
  period: StatementPeriod;
  date: string;
}
export type SummaryQuery = Omit<StatementQuery, 'leaderId'>;

export const commissionKeys = {
  all: ['commission'] as const,
  ruleSets: ['commission', 'rule-sets'] as const,
  ruleSet: (id: number) => ['commission', 'rule-sets', id] as const,
  template: ['commission', 'rule-set-template'] as const,
  balances: (query: LeaderBalanceQuery) => ['commission', 'balances', query] as const,
  entries: (query: CommissionEntryQuery) => ['commission', 'entries', query] as const,
  statement: (query: StatementQuery) => ['commission', 'statement', query] as const,
  summary: (query: SummaryQuery) => ['commission', 'summary', query] as const,
  withdrawals: ['commission', 'withdrawals'] as const,
  withdrawalList: (query: WithdrawalQuery) => ['commission', 'withdrawals', query] as const,
};

// ---- rule sets (佣金方案) ----
export function fetchRuleSets(): Promise<RuleSetView[]> {
  return api.get<RuleSetView[]>(`${BASE}/rule-sets`);
}
export function fetchRuleSet(id: number): Promise<RuleSetView> {
  return api.get<RuleSetView>(`${BASE}/rule-sets/${id}`);
}
export function fetchRuleSetTemplate(): Promise<CommissionRules> {
  return api.get<CommissionRules>(`${BASE}/rule-sets/template`);
}
export function createRuleSet(body: RuleSetInput): Promise<RuleSetView> {
  return api.post<RuleSetView>(`${BASE}/rule-sets`, body);
}
export function updateRuleSet(id: number, body: RuleSetInput): Promise<RuleSetView> {
  return api.put<RuleSetView>(`${BASE}/rule-sets/${id}`, body);
}
export function deleteRuleSet(id: number): Promise<void> {
  return api.delete<void>(`${BASE}/rule-sets/${id}`);
}
export function publishRuleSet(id: number, body: PublishRuleSetRequest): Promise<RuleSetView> {
  return api.post<RuleSetView>(`${BASE}/rule-sets/${id}/publish`, body);
}
export function copyRuleSet(id: number): Promise<RuleSetView> {
  return api.post<RuleSetView>(`${BASE}/rule-sets/${id}/copy`);
}
export function previewCommission(body: CommissionPreviewRequest): Promise<CommissionPreview> {
  return api.post<CommissionPreview>(`${BASE}/preview`, body);
}
export function simulateRuleSet(id: number, body: RuleSetSimulationRequest): Promise<RuleSetSimulation> {
  return api.post<RuleSetSimulation>(`${BASE}/rule-sets/${id}/simulate`, body);
}

// ---- ledger (佣金明细) ----
export function fetchLeaderBalances(query: LeaderBalanceQuery): Promise<Paged<LeaderCommissionRow>> {
  return api.get<Paged<LeaderCommissionRow>>(`${BASE}/leaders`, { ...query });
}
export function fetchEntries(query: CommissionEntryQuery): Promise<Paged<CommissionEntryView>> {
  return api.get<Paged<CommissionEntryView>>(`${BASE}/entries`, { ...query });
}
/** The contract does not say what an adjustment answers; the screens only refresh after it. */
export function createAdjustment(body: CommissionAdjustmentRequest): Promise<unknown> {
  return api.post<unknown>(`${BASE}/adjustments`, body);
}

// ---- statements (对账单) ----
export function fetchStatement(query: StatementQuery): Promise<CommissionStatement> {
  return api.get<CommissionStatement>(`${BASE}/statements`, { ...query });
}
export function downloadStatement(query: StatementQuery): Promise<DownloadedFile> {
  return api.download('GET', `${BASE}/statements`, { query: { ...query, format: 'xlsx' } });
}
export function fetchStatementSummary(query: SummaryQuery): Promise<StatementSummary> {
  return api.get<StatementSummary>(`${BASE}/statements/summary`, { ...query });
}
export function downloadStatementSummary(query: SummaryQuery): Promise<DownloadedFile> {
  return api.download('GET', `${BASE}/statements/summary`, { query: { ...query, format: 'xlsx' } });
}

// ---- withdrawals (提现审核) ----
export function fetchWithdrawals(query: WithdrawalQuery): Promise<Paged<WithdrawalView>> {
  return api.get<Paged<WithdrawalView>>(`${BASE}/withdrawals`, { ...query });
}

/** What finance does to a withdrawal; reject and mark-failed carry a reason. */
export type WithdrawalAction = 'approve' | 'reject' | 'markPaid' | 'markFailed';
const ACTION_PATHS: Record<WithdrawalAction, string> = {
  approve: 'approve',
  reject: 'reject',
  markPaid: 'mark-paid',
  markFailed: 'mark-failed',
};

export function runWithdrawalAction(id: number, action: WithdrawalAction, reason?: string): Promise<unknown> {
  const body: WithdrawalReviewRequest | undefined = reason === undefined ? undefined : { reason };
  return api.post<unknown>(`${BASE}/withdrawals/${id}/${ACTION_PATHS[action]}`, body);
}

/** The approved bank withdrawals as an Excel sheet to pay; they move to 打款中. */
export function exportBankBatch(): Promise<DownloadedFile> {
  return api.download('POST', `${BASE}/withdrawals/bank-batch`);
}
