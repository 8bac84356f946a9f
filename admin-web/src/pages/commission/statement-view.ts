import {
  COMMISSION_ENTRY_TYPE_LABELS,
  type CommissionEntryType,
  type CommissionStatement,
  type Fen,
  type StatementPeriod,
  type StatementSummary,
} from '@linli/shared-types';
import { positiveInt } from '../../utils/url-query';
import { dayOrUndefined } from '../orders/service';
import { ENTRY_TYPES } from './ledger-query';

export type StatementMode = 'leader' | 'summary';
export const STATEMENT_PERIODS: StatementPeriod[] = ['day', 'week', 'month'];

/** 对账单 as it lives in the URL: one leader's or everyone's, the period, and any day in it. */
export interface StatementSearch {
  mode: StatementMode;
  leaderId?: number;
  period: StatementPeriod;
  /** Asia/Shanghai `YYYY-MM-DD`; the server finds the period around it (weeks start on Monday). */
  date: string;
}

/** Missing or broken values fall back to this month of `today`. */
export function statementFromSearch(params: URLSearchParams, today: string): StatementSearch {
  const period = params.get('period');
  return {
    mode: params.get('mode') === 'summary' ? 'summary' : 'leader',
    leaderId: positiveInt(params.get('leaderId')),
    period: (STATEMENT_PERIODS as string[]).includes(period ?? '') ? (period as StatementPeriod) : 'month',
    date: dayOrUndefined(params.get('date')) ?? today,
  };
}

export function searchFromStatement(search: StatementSearch): Record<string, string> {
  const out: Record<string, string> = { period: search.period, date: search.date };
  if (search.mode === 'summary') out.mode = 'summary';
  if (search.leaderId) out.leaderId = String(search.leaderId);
  return out;
}

/** `2026-12-01 ~ 2026-12-31`, or the one day of a daily statement. */
export function periodText(from: string, to: string): string {
  return from === to ? from : `${from} ~ ${to}`;
}

export interface TypeTotal {
  type: CommissionEntryType;
  label: string;
  amount: Fen;
}

/** Every entry type in ledger order with its total; a type the server left out counts as ¥0.00. */
export function typeTotalRows(byType: Partial<Record<CommissionEntryType, Fen>>): TypeTotal[] {
  return ENTRY_TYPES.map((type) => ({
    type,
    label: COMMISSION_ENTRY_TYPE_LABELS[type],
    amount: byType[type] ?? 0,
  }));
}

/**
 * The contract's promise: Σ by type = total = orders + entries without an order. A statement that breaks
 * it is shown with a warning rather than silently (finance pays from these figures).
 */
export function totalsAddUp(totals: CommissionStatement['totals']): boolean {
  const byType = typeTotalRows(totals.byType).reduce((sum, t) => sum + t.amount, 0);
  return byType === totals.total && totals.ordersTotal + totals.withoutOrder === totals.total;
}

/** The summary's promise: its grand total is the sum of its rows. */
export function summaryAddsUp(summary: Pick<StatementSummary, 'rows' | 'total'>): boolean {
  return summary.rows.reduce((sum, row) => sum + row.total, 0) === summary.total;
}

/** The summary's column totals by type (the server gives only the grand total). */
export function summaryTypeTotals(
  rows: StatementSummary['rows'],
): Record<CommissionEntryType, Fen> & { orders: number } {
  const totals = { ...Object.fromEntries(ENTRY_TYPES.map((t) => [t, 0])), orders: 0 } as Record<
    CommissionEntryType,
    Fen
  > & { orders: number };
  for (const row of rows) {
    totals.orders += row.orders;
    for (const type of ENTRY_TYPES) totals[type] += row.byType[type] ?? 0;
  }
  return totals;
}

/** The summary's type columns: those with any amount (订单佣金 always), so the table stays narrow. */
export function summaryColumns(rows: StatementSummary['rows']): CommissionEntryType[] {
  return ENTRY_TYPES.filter(
    (type) => type === 'accrual' || rows.some((row) => (row.byType[type] ?? 0) !== 0),
  );
}

/** A name for the Excel file when the server sends none. */
export function statementFileName(
  kind: 'leader' | 'summary',
  period: { from: string; to: string },
  leaderName?: string,
): string {
  const range = period.from === period.to ? period.from : `${period.from}至${period.to}`;
  return kind === 'leader' ? `佣金对账单-${leaderName ?? ''}-${range}.xlsx` : `佣金汇总-${range}.xlsx`;
}
