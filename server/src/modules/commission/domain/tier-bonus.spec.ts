import type { CommissionDetailLine, TierBonusRule } from '@linli/shared-types';
import { calculateTierBonus } from './tier-bonus';

// ¥1 000 → 1%, ¥5 000 → 2%, ¥10 000 → 3%
const tiers: TierBonusRule['tiers'] = [
  { thresholdFen: 100_000, rateBps: 100 },
  { thresholdFen: 500_000, rateBps: 200 },
  { thresholdFen: 1_000_000, rateBps: 300 },
];
const wholeMonth: TierBonusRule = { mode: 'whole_month', tiers };
const marginal: TierBonusRule = { mode: 'marginal', tiers };
const unsorted = [tiers[2], tiers[0], tiers[1]];

describe('calculateTierBonus: whole_month (the highest reached tier on the whole GMV)', () => {
  it.each<[string, number, number, number | null]>([
    ['no GMV', 0, 0, null],
    ['negative GMV (refunds beyond sales)', -5000, 0, null],
    ['just below the first threshold', 99_999, 0, null],
    ['at the first threshold', 100_000, 1000, 100],
    ['just above the first threshold: 1 000.01 → 1 000', 100_001, 1000, 100],
    ['just below the second: 4 999.99 → 5 000', 499_999, 5000, 100],
    ['at the second', 500_000, 10_000, 200],
    ['just above the second: 10 000.02 → 10 000', 500_001, 10_000, 200],
    ['just below the third: 19 999.98 → 20 000', 999_999, 20_000, 200],
    ['at the third', 1_000_000, 30_000, 300],
    ['far above the last', 2_000_000, 60_000, 300],
  ])('%s (GMV %d → %d)', (_name, gmv, amount, rateBps) => {
    for (const rule of [wholeMonth, { ...wholeMonth, tiers: unsorted }]) {
      const bonus = calculateTierBonus(gmv, rule);
      expect(bonus.amount).toBe(amount);
      expect(bonus.details.map((d) => d.rateBps)).toEqual(rateBps === null ? [] : [rateBps]);
    }
  });

  it('explains itself in one detail line', () => {
    expect(calculateTierBonus(500_001, wholeMonth).details).toEqual<CommissionDetailLine[]>([
      {
        label: '第 2 档：月销售额 ≥ ¥5,000.00，按整月销售额计',
        baseFen: 500_001,
        rateBps: 200,
        fixedFen: null,
        units: null,
        amount: 10_000.02,
        rule: '阶梯奖励（整月）',
      },
    ]);
  });

  it('rounds half up: 1 fen × 5000 bps = 0.5 → 1, 3 fen → 2', () => {
    const rule: TierBonusRule = { mode: 'whole_month', tiers: [{ thresholdFen: 0, rateBps: 5000 }] };
    expect(calculateTierBonus(1, rule).amount).toBe(1);
    expect(calculateTierBonus(3, rule).amount).toBe(2);
  });
});

describe('calculateTierBonus: marginal (each tier on its slice of the GMV)', () => {
  it.each<[string, number, number, number[]]>([
    ['no GMV', 0, 0, []],
    ['negative GMV', -1, 0, []],
    ['just below the first threshold', 99_999, 0, []],
    ['at the first threshold: an empty slice', 100_000, 0, []],
    ['1 fen above the first: 0.01 → 0', 100_001, 0, [1]],
    ['half way into the first slice', 150_000, 500, [50_000]],
    ['at the second: 400 000 × 1%', 500_000, 4000, [400_000]],
    ['1 fen above the second: 4 000.02 → 4 000', 500_001, 4000, [400_000, 1]],
    ['at the third: 4 000 + 500 000 × 2%', 1_000_000, 14_000, [400_000, 500_000]],
    ['above the third: + 1 000 000 × 3%', 2_000_000, 44_000, [400_000, 500_000, 1_000_000]],
  ])('%s (GMV %d → %d)', (_name, gmv, amount, slices) => {
    for (const rule of [marginal, { ...marginal, tiers: unsorted }]) {
      const bonus = calculateTierBonus(gmv, rule);
      expect(bonus.amount).toBe(amount);
      expect(bonus.details.map((d) => d.baseFen)).toEqual(slices);
    }
  });

  it('explains each slice', () => {
    expect(calculateTierBonus(1_234_567, marginal).details).toEqual<CommissionDetailLine[]>([
      {
        label: '第 1 档：月销售额 ¥1,000.00–¥5,000.00 部分',
        baseFen: 400_000,
        rateBps: 100,
        fixedFen: null,
        units: null,
        amount: 4000,
        rule: '阶梯奖励（分段）',
      },
      {
        label: '第 2 档：月销售额 ¥5,000.00–¥10,000.00 部分',
        baseFen: 500_000,
        rateBps: 200,
        fixedFen: null,
        units: null,
        amount: 10_000,
        rule: '阶梯奖励（分段）',
      },
      {
        label: '第 3 档：月销售额 ¥10,000.00–¥12,345.67 部分',
        baseFen: 234_567,
        rateBps: 300,
        fixedFen: null,
        units: null,
        amount: 7037.01,
        rule: '阶梯奖励（分段）',
      },
    ]);
    expect(calculateTierBonus(1_234_567, marginal).amount).toBe(21_037);
  });

  it('rounds once over all slices: 0.5 + 0.5 → 1, not 2', () => {
    const rule: TierBonusRule = {
      mode: 'marginal',
      tiers: [
        { thresholdFen: 1, rateBps: 5000 },
        { thresholdFen: 0, rateBps: 5000 },
      ],
    };
    const bonus = calculateTierBonus(2, rule);
    expect(bonus.details.map((d) => d.amount)).toEqual([0.5, 0.5]);
    expect(bonus.amount).toBe(1);
  });

  it('a first threshold of 0 counts from the first fen', () => {
    const rule: TierBonusRule = { mode: 'marginal', tiers: [{ thresholdFen: 0, rateBps: 100 }] };
    expect(calculateTierBonus(150, rule).amount).toBe(2); // 1.5 → 2
  });
});

describe('calculateTierBonus: edge cases', () => {
  it.each<TierBonusRule['mode']>(['whole_month', 'marginal'])('%s without tiers pays nothing', (mode) => {
    expect(calculateTierBonus(1_000_000, { mode, tiers: [] })).toEqual({ amount: 0, details: [] });
  });

  it.each<TierBonusRule['mode']>(['whole_month', 'marginal'])(
    '%s refuses a GMV past the safe range',
    (mode) => {
      const rule: TierBonusRule = { mode, tiers: [{ thresholdFen: 0, rateBps: 5000 }] };
      expect(() => calculateTierBonus(2 ** 50, rule)).toThrow(RangeError);
      expect(() => calculateTierBonus(0.5, rule)).toThrow(RangeError);
    },
  );

  it('the two modes agree with a single tier from 0', () => {
    const single = [{ thresholdFen: 0, rateBps: 250 }];
    for (const gmv of [1, 2, 199, 200, 12_345, 9_999_999]) {
      expect(calculateTierBonus(gmv, { mode: 'marginal', tiers: single }).amount).toBe(
        calculateTierBonus(gmv, { mode: 'whole_month', tiers: single }).amount,
      );
    }
  });
});
