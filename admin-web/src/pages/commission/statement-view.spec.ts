import { describe, expect, it } from 'vitest';
import type { CommissionEntryType, Fen, StatementSummary } from '@linli/shared-types';
import {
  periodText,
  searchFromStatement,
  statementFileName,
  statementFromSearch,
  summaryAddsUp,
  summaryColumns,
  summaryTypeTotals,
  totalsAddUp,
  typeTotalRows,
} from './statement-view';

const params = (query: string) => new URLSearchParams(query);
const byType = (amounts: Partial<Record<CommissionEntryType, Fen>>) =>
  ({
    accrual: 0,
    reversal: 0,
    tier_bonus: 0,
    referral: 0,
    recruitment_reward: 0,
    adjustment: 0,
    withdrawal: 0,
    ...amounts,
  }) as Record<CommissionEntryType, Fen>;

describe('对账单 in the URL', () => {
  it('defaults to this month’s statement of a leader', () => {
    expect(statementFromSearch(params(''), '2026-12-08')).toEqual({
      mode: 'leader',
      leaderId: undefined,
      period: 'month',
      date: '2026-12-08',
    });
  });

  it('reads the summary, period and day, dropping a broken day or period', () => {
    const search = statementFromSearch(params('mode=summary&period=week&date=2026-11-30&leaderId=4'), 'x');
    expect(search).toEqual({ mode: 'summary', leaderId: 4, period: 'week', date: '2026-11-30' });
    expect(searchFromStatement(search)).toEqual({
      mode: 'summary',
      leaderId: '4',
      period: 'week',
      date: '2026-11-30',
    });
    expect(statementFromSearch(params('period=year&date=2026-02-30'), '2026-12-08')).toMatchObject({
      period: 'month',
      date: '2026-12-08',
    });
  });
});

describe('statement totals', () => {
  it('lists every type in ledger order, a missing one as zero', () => {
    const rows = typeTotalRows({ accrual: 1200, reversal: -200 });
    expect(rows.map((r) => [r.label, r.amount])).toEqual([
      ['订单佣金', 1200],
      ['退款冲回', -200],
      ['阶梯奖励', 0],
      ['推荐奖励', 0],
      ['招募奖励', 0],
      ['人工调整', 0],
      ['提现', 0],
    ]);
  });

  it('checks that the types, the orders and the loose entries all add up to the total', () => {
    const totals = {
      byType: byType({ accrual: 1200, adjustment: 300 }),
      total: 1500,
      ordersTotal: 1200,
      withoutOrder: 300,
    };
    expect(totalsAddUp(totals)).toBe(true);
    expect(totalsAddUp({ ...totals, total: 1501 })).toBe(false);
    expect(totalsAddUp({ ...totals, withoutOrder: 200 })).toBe(false);
  });

  it('shows one day or a range', () => {
    expect(periodText('2026-12-08', '2026-12-08')).toBe('2026-12-08');
    expect(periodText('2026-12-01', '2026-12-31')).toBe('2026-12-01 ~ 2026-12-31');
  });
});

describe('summary', () => {
  const rows: StatementSummary['rows'] = [
    {
      leaderId: 1,
      leaderName: '王丽华',
      orders: 3,
      byType: byType({ accrual: 900, referral: 50 }),
      total: 950,
    },
    {
      leaderId: 2,
      leaderName: '陈建国',
      orders: 1,
      byType: byType({ accrual: 300, reversal: -100 }),
      total: 200,
    },
  ];

  it('adds up each type column and the orders', () => {
    expect(summaryTypeTotals(rows)).toMatchObject({ accrual: 1200, referral: 50, reversal: -100, orders: 4 });
    expect(summaryTypeTotals([])).toMatchObject({ accrual: 0, orders: 0 });
  });

  it('checks the grand total against the rows', () => {
    expect(summaryAddsUp({ rows, total: 1150 })).toBe(true);
    expect(summaryAddsUp({ rows, total: 1100 })).toBe(false);
    expect(summaryAddsUp({ rows: [], total: 0 })).toBe(true);
  });

  it('shows only the types with amounts, 订单佣金 always', () => {
    expect(summaryColumns(rows)).toEqual(['accrual', 'reversal', 'referral']);
    expect(summaryColumns([])).toEqual(['accrual']);
  });

  it('names the Excel file when the server does not', () => {
    expect(statementFileName('leader', { from: '2026-12-01', to: '2026-12-31' }, '王丽华')).toBe(
      '佣金对账单-王丽华-2026-12-01至2026-12-31.xlsx',
    );
    expect(statementFileName('summary', { from: '2026-12-08', to: '2026-12-08' })).toBe(
      '佣金汇总-2026-12-08.xlsx',
    );
  });
});
