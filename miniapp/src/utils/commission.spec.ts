import { type CommissionDetailLine, type LeaderCommissionOverview } from '@linli/shared-types';
import {
  amountTone,
  detailFormula,
  effectiveEntryStatus,
  entryBadge,
  entryTitle,
  formatExactFen,
  formatRateBps,
  payoutSettlingSoon,
  signedFen,
  withdrawalNextStep,
  withdrawalProblem,
  withdrawalStatusBadge,
  withdrawAvailability,
} from './commission';

test('rates in basis points read as percentages', () => {
  expect(formatRateBps(1000)).toBe('10%');
  expect(formatRateBps(1250)).toBe('12.5%');
  expect(formatRateBps(5)).toBe('0.05%');
  expect(formatRateBps(0)).toBe('0%');
});

test('ledger amounts carry their sign and tone', () => {
  expect(signedFen(1234)).toBe('+¥12.34');
  expect(signedFen(-300)).toBe('-¥3.00');
  expect(signedFen(0)).toBe('¥0.00');
  expect([amountTone(1), amountTone(-1), amountTone(0)]).toEqual(['in', 'out', 'zero']);
});

test('exact line amounts keep fractions of a fen', () => {
  expect(formatExactFen(1234)).toBe('¥12.34');
  expect(formatExactFen(1234.5)).toBe('¥12.345');
  expect(formatExactFen(1234.25)).toBe('¥12.3425');
  expect(formatExactFen(-50.5)).toBe('-¥0.505');
  expect(formatExactFen(123456789.5)).toBe('¥1,234,567.895');
});

describe('detailFormula', () => {
  const line: CommissionDetailLine = {
    label: '土鸡蛋 30 枚',
    baseFen: 5990,
    rateBps: 1000,
    fixedFen: null,
    units: null,
    amount: 599,
    rule: '等级费率',
  };

  it('shows base × rate', () => {
    expect(detailFormula(line)).toBe('¥59.90 × 10%');
  });

  it('shows fixed × units', () => {
    expect(detailFormula({ ...line, baseFen: null, rateBps: null, fixedFen: 200, units: 3 })).toBe(
      '¥2.00 × 3 件',
    );
  });

  it('is empty for a plain amount', () => {
    expect(detailFormula({ ...line, baseFen: null, rateBps: null })).toBe('');
  });
});

describe('withdrawAvailability (the 提现 button)', () => {
  const overview: Pick<
    LeaderCommissionOverview,
    'balance' | 'minWithdrawFen' | 'openWithdrawal' | 'methods'
  > = {
    balance: { leaderId: 1, frozen: 0, available: 1000, withdrawn: 0, today: 0, thisMonth: 0 },
    minWithdrawFen: 1000,
    openWithdrawal: null,
    methods: ['wechat', 'bank'],
  };

  it('allows withdrawing from the minimum up', () => {
    expect(withdrawAvailability(overview)).toEqual({ allowed: true });
  });

  it('refuses below the minimum, naming it', () => {
    const below = { ...overview, balance: { ...overview.balance, available: 999 } };
    expect(withdrawAvailability(below)).toEqual({ allowed: false, reason: '可提现金额满 ¥10.00 才能提现' });
  });

  it('refuses while a withdrawal is open, whatever the balance', () => {
    const open = withdrawAvailability({
      ...overview,
      openWithdrawal: {} as LeaderCommissionOverview['openWithdrawal'],
    });
    expect(open.allowed).toBe(false);
  });

  it('refuses without a payout method', () => {
    expect(withdrawAvailability({ ...overview, methods: [] }).allowed).toBe(false);
  });
});

describe('withdrawal status', () => {
  it('reads 待确认收款 while WeChat waits for the leader', () => {
    expect(withdrawalStatusBadge({ status: 'paying', awaitingConfirmation: true })).toEqual({
      label: '待确认收款',
      tone: 'warning',
    });
    expect(withdrawalStatusBadge({ status: 'paid', awaitingConfirmation: false })).toEqual({
      label: '已到账',
      tone: 'success',
    });
    expect(withdrawalStatusBadge({ status: 'rejected', awaitingConfirmation: false }).tone).toBe('danger');
  });

  it('explains a rejection or a failure', () => {
    expect(withdrawalProblem({ status: 'rejected', reviewNote: '账户信息有误', failureReason: null })).toBe(
      '驳回原因：账户信息有误',
    );
    expect(withdrawalProblem({ status: 'failed', reviewNote: null, failureReason: null })).toBe(
      '失败原因：未说明',
    );
    expect(withdrawalProblem({ status: 'paid', reviewNote: null, failureReason: null })).toBeNull();
  });

  it('says what comes next only while it is under way', () => {
    expect(
      withdrawalNextStep({ status: 'reviewing', awaitingConfirmation: false, method: 'bank' }),
    ).toContain('审核');
    expect(withdrawalNextStep({ status: 'paying', awaitingConfirmation: true, method: 'wechat' })).toContain(
      '确认收款',
    );
    expect(withdrawalNextStep({ status: 'paid', awaitingConfirmation: false, method: 'wechat' })).toBeNull();
  });
});

describe('effectiveEntryStatus', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  it('counts a frozen entry past its after-sales window as available, like the balances do', () => {
    expect(effectiveEntryStatus({ status: 'frozen', availableAt: '2026-11-23T01:59:59Z' }, now)).toBe(
      'available',
    );
    expect(effectiveEntryStatus({ status: 'frozen', availableAt: '2026-11-23T02:00:00Z' }, now)).toBe(
      'available',
    );
  });
  it('keeps frozen ones still in the window, and every other status, as they are', () => {
    expect(effectiveEntryStatus({ status: 'frozen', availableAt: '2026-11-30T02:00:00Z' }, now)).toBe(
      'frozen',
    );
    expect(effectiveEntryStatus({ status: 'settled', availableAt: '2000-01-01T00:00:00Z' }, now)).toBe(
      'settled',
    );
    expect(effectiveEntryStatus({ status: 'frozen', availableAt: 'nope' }, now)).toBe('frozen');
  });
});

describe('payoutSettlingSoon (the screens check again in a few seconds)', () => {
  it('is true for a WeChat payout the server and WeChat Pay are still settling', () => {
    expect(payoutSettlingSoon({ method: 'wechat', status: 'approved', awaitingConfirmation: false })).toBe(
      true,
    );
    expect(payoutSettlingSoon({ method: 'wechat', status: 'paying', awaitingConfirmation: false })).toBe(
      true,
    );
  });
  it('is false while waiting for the leader, for bank payouts and once it ended', () => {
    expect(payoutSettlingSoon({ method: 'wechat', status: 'paying', awaitingConfirmation: true })).toBe(
      false,
    );
    expect(payoutSettlingSoon({ method: 'bank', status: 'paying', awaitingConfirmation: false })).toBe(false);
    expect(payoutSettlingSoon({ method: 'wechat', status: 'reviewing', awaitingConfirmation: false })).toBe(
      false,
    );
    expect(payoutSettlingSoon({ method: 'wechat', status: 'paid', awaitingConfirmation: false })).toBe(false);
  });
});

describe('entryTitle and entryBadge (a ledger row)', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const past = '2026-11-20T00:00:00Z';
  it('names the money coming back from a rejected or failed withdrawal 提现退回', () => {
    expect(entryTitle({ type: 'withdrawal', amount: -26000 })).toBe('提现');
    expect(entryTitle({ type: 'withdrawal', amount: 26000 })).toBe('提现退回');
    expect(entryTitle({ type: 'accrual', amount: 785 })).toBe('订单佣金');
    expect(entryTitle({ type: 'reversal', amount: -100 })).toBe('退款冲回');
  });
  it('shows no ledger status on withdrawal entries until the money left', () => {
    expect(entryBadge({ type: 'withdrawal', status: 'available', availableAt: past }, now)).toBeNull();
    expect(entryBadge({ type: 'withdrawal', status: 'settled', availableAt: past }, now)).toEqual({
      label: '已到账',
      tone: 'muted',
    });
  });
  it('shows the status the balances count for everything else', () => {
    expect(entryBadge({ type: 'accrual', status: 'frozen', availableAt: past }, now)?.label).toBe('可提现');
    expect(
      entryBadge({ type: 'accrual', status: 'frozen', availableAt: '2026-11-30T00:00:00Z' }, now)?.label,
    ).toBe('冻结中');
  });
});
