import type {
  CommissionDetailLine,
  CommissionOverride,
  CommissionRules,
  ReferralRule,
} from '@linli/shared-types';
import {
  calculateOrderCommission,
  type CommissionLineInput,
  type CommissionOrderInput,
  type DraftEntry,
  type Upline,
} from './order-commission';

const LEADER_ID = 7;
const RECRUITER: Upline = { leaderId: 70 };
const RECRUITERS_RECRUITER: Upline = { leaderId: 700 };
const PRODUCT = 501;
const OWN_CATEGORY = 11;
const PARENT_CATEGORY = 1;

const rules: CommissionRules = {
  basis: 'paid_amount',
  defaultRateBps: 500,
  levelRates: [
    { levelId: 1, rateBps: 1000 },
    { levelId: 2, rateBps: 1500 },
  ],
  overrides: [],
  tierBonus: null,
  referral: null,
  recruitmentReward: null,
  frozenDays: 7,
};

function line(patch: Partial<CommissionLineInput> = {}): CommissionLineInput {
  return {
    label: '东北大米 5斤装 × 2',
    productId: PRODUCT,
    categoryIds: [OWN_CATEGORY, PARENT_CATEGORY],
    quantity: 2,
    paidFen: 10_000,
    unitCostFen: 3000,
    ...patch,
  };
}

function order(
  lines: CommissionLineInput[],
  paidFen = lines.reduce((sum, l) => sum + l.paidFen, 0),
): CommissionOrderInput {
  return { orderId: 9001, paidFen, lines };
}

function rateOverride(
  targetKind: 'product' | 'category',
  targetId: number,
  rateBps: number,
): CommissionOverride {
  return { targetKind, targetId, mode: 'rate', rateBps, fixedFen: null };
}
function fixedOverride(
  targetKind: 'product' | 'category',
  targetId: number,
  fixedFen: number,
): CommissionOverride {
  return { targetKind, targetId, mode: 'fixed', rateBps: null, fixedFen };
}

function calculate(
  lines: CommissionLineInput[],
  options: {
    levelId?: number | null;
    rules?: Partial<CommissionRules>;
    uplines?: Upline[];
    paidFen?: number;
  } = {},
) {
  return calculateOrderCommission({
    order: order(lines, options.paidFen),
    leader: { leaderId: LEADER_ID, levelId: options.levelId === undefined ? null : options.levelId },
    uplines: options.uplines ?? [],
    rules: { ...rules, ...options.rules },
  });
}

describe('calculateOrderCommission: which rate a line gets (product > category > parent > level > default)', () => {
  // One line of 2 units, 10 000 fen paid (basis paid_amount).
  it.each<[string, CommissionOverride[], number | null, number[], string, number, number]>([
    ['no level → default rate', [], null, [OWN_CATEGORY], '默认费率', 500, 500],
    ['a listed level → its rate', [], 1, [OWN_CATEGORY], '等级费率', 1000, 1000],
    ['another listed level', [], 2, [OWN_CATEGORY], '等级费率', 1500, 1500],
    ['an unlisted level → default rate', [], 99, [OWN_CATEGORY], '默认费率', 500, 500],
    [
      'parent category override beats the level',
      [rateOverride('category', PARENT_CATEGORY, 2000)],
      1,
      [OWN_CATEGORY, PARENT_CATEGORY],
      '分类覆盖',
      2000,
      2000,
    ],
    [
      'own category beats its parent (whatever the order of the overrides)',
      [rateOverride('category', PARENT_CATEGORY, 2000), rateOverride('category', OWN_CATEGORY, 3000)],
      1,
      [OWN_CATEGORY, PARENT_CATEGORY],
      '分类覆盖',
      3000,
      3000,
    ],
    [
      'product beats both categories',
      [
        rateOverride('category', OWN_CATEGORY, 3000),
        rateOverride('category', PARENT_CATEGORY, 2000),
        rateOverride('product', PRODUCT, 4000),
      ],
      1,
      [OWN_CATEGORY, PARENT_CATEGORY],
      '商品覆盖',
      4000,
      4000,
    ],
    [
      "another product's override does not apply",
      [rateOverride('product', PRODUCT + 1, 4000), rateOverride('category', OWN_CATEGORY, 3000)],
      1,
      [OWN_CATEGORY, PARENT_CATEGORY],
      '分类覆盖',
      3000,
      3000,
    ],
    [
      'a category override whose id is a product id does not apply',
      [rateOverride('category', PRODUCT, 4000)],
      1,
      [OWN_CATEGORY],
      '等级费率',
      1000,
      1000,
    ],
    [
      'a product override whose id is a category id does not apply',
      [rateOverride('product', OWN_CATEGORY, 4000)],
      null,
      [OWN_CATEGORY],
      '默认费率',
      500,
      500,
    ],
    ['no categories → level', [rateOverride('category', OWN_CATEGORY, 3000)], 1, [], '等级费率', 1000, 1000],
    [
      "an unrelated category's override does not apply",
      [rateOverride('category', 99, 3000)],
      null,
      [OWN_CATEGORY, PARENT_CATEGORY],
      '默认费率',
      500,
      500,
    ],
    [
      'an override of 0 wins (it does not fall through)',
      [rateOverride('product', PRODUCT, 0)],
      2,
      [],
      '商品覆盖',
      0,
      0,
    ],
  ])('%s', (_name, overrides, levelId, categoryIds, rule, rateBps, amount) => {
    const { accrual } = calculate([line({ categoryIds })], { levelId, rules: { overrides } });
    expect(accrual.amount).toBe(amount);
    expect(accrual.details).toEqual<CommissionDetailLine[]>([
      { label: '东北大米 5斤装 × 2', baseFen: 10_000, rateBps, fixedFen: null, units: null, amount, rule },
    ]);
  });

  it.each<[string, CommissionOverride[], string, number]>([
    ['product fixed', [fixedOverride('product', PRODUCT, 150)], '商品覆盖', 150],
    ['own category fixed', [fixedOverride('category', OWN_CATEGORY, 120)], '分类覆盖', 120],
    ['parent category fixed', [fixedOverride('category', PARENT_CATEGORY, 80)], '分类覆盖', 80],
    [
      'product fixed beats a category rate',
      [rateOverride('category', OWN_CATEGORY, 3000), fixedOverride('product', PRODUCT, 150)],
      '商品覆盖',
      150,
    ],
    ['a fixed 0 pays nothing', [fixedOverride('product', PRODUCT, 0)], '商品覆盖', 0],
  ])('%s pays fixedFen × quantity exactly', (_name, overrides, rule, fixedFen) => {
    const { accrual } = calculate([line({ quantity: 3 })], { levelId: 1, rules: { overrides } });
    expect(accrual.amount).toBe(fixedFen * 3);
    expect(accrual.details).toEqual<CommissionDetailLine[]>([
      {
        label: '东北大米 5斤装 × 2',
        baseFen: null,
        rateBps: null,
        fixedFen,
        units: 3,
        amount: fixedFen * 3,
        rule,
      },
    ]);
  });
});

describe('calculateOrderCommission: the basis', () => {
  it.each<[string, CommissionRules['basis'], Partial<CommissionLineInput>, number, number]>([
    ['paid amount', 'paid_amount', { paidFen: 10_000, unitCostFen: 3000, quantity: 2 }, 10_000, 1000],
    [
      'gross profit: 10 000 − 3 000 × 2',
      'gross_profit',
      { paidFen: 10_000, unitCostFen: 3000, quantity: 2 },
      4000,
      400,
    ],
    [
      'gross profit of a line sold at cost',
      'gross_profit',
      { paidFen: 6000, unitCostFen: 3000, quantity: 2 },
      0,
      0,
    ],
    [
      'gross profit with cost above price → 0',
      'gross_profit',
      { paidFen: 1000, unitCostFen: 800, quantity: 2 },
      0,
      0,
    ],
    ['gross profit with no cost', 'gross_profit', { paidFen: 1000, unitCostFen: 0, quantity: 2 }, 1000, 100],
    ['a free line', 'paid_amount', { paidFen: 0 }, 0, 0],
  ])('%s', (_name, basis, patch, baseFen, amount) => {
    const { accrual } = calculate([line(patch)], { levelId: 1, rules: { basis } });
    expect(accrual.details[0]).toMatchObject({ baseFen, rateBps: 1000, amount });
    expect(accrual.amount).toBe(amount);
  });

  it('a fixed override ignores the basis, even a loss-making line', () => {
    const lossMaking = line({ paidFen: 1000, unitCostFen: 800, quantity: 2 });
    const { accrual } = calculate([lossMaking], {
      rules: { basis: 'gross_profit', overrides: [fixedOverride('product', PRODUCT, 50)] },
    });
    expect(accrual.amount).toBe(100);
  });
});

describe('calculateOrderCommission: one rounding per entry, half up', () => {
  const halfFen = { paidFen: 1, quantity: 1, unitCostFen: 0 };
  it.each<[string, CommissionLineInput[], number, number, number[]]>([
    ['1 fen × 5000 bps = 0.5 → 1', [line(halfFen)], 5000, 1, [0.5]],
    ['3 fen × 5000 bps = 1.5 → 2', [line({ ...halfFen, paidFen: 3 })], 5000, 2, [1.5]],
    ['1 fen × 4999 bps → 0', [line(halfFen)], 4999, 0, [0.4999]],
    // Rounded per line these would make 1 + 1 = 2; summed exactly they make 1.0.
    ['two lines of 0.5 → 1, not 2', [line(halfFen), line(halfFen)], 5000, 1, [0.5, 0.5]],
    ['three lines of 0.5 → 1.5 → 2', [line(halfFen), line(halfFen), line(halfFen)], 5000, 2, [0.5, 0.5, 0.5]],
    // Rounded per line these would make 0 + 0 = 0.
    ['two lines of 0.4999 → 0.9998 → 1', [line(halfFen), line(halfFen)], 4999, 1, [0.4999, 0.4999]],
  ])('%s', (_name, lines, defaultRateBps, amount, lineAmounts) => {
    const { accrual } = calculate(lines, { rules: { defaultRateBps } });
    expect(accrual.amount).toBe(amount);
    expect(accrual.details.map((d) => d.amount)).toEqual(lineAmounts);
  });

  it('keeps the exact line amount and rounds only the entry', () => {
    const { accrual } = calculate([line({ paidFen: 20_090 })], { rules: { defaultRateBps: 500 } });
    expect(accrual.details[0].amount).toBe(1004.5);
    expect(accrual.amount).toBe(1005);
  });
});

describe('calculateOrderCommission: the accrual entry', () => {
  it('is returned with 0 when nothing is earned, saying why', () => {
    const { accrual, referrals } = calculate([line()], {
      rules: { defaultRateBps: 0, referral: { base: 'gmv', level1Bps: 0, level2Bps: 0 } },
      uplines: [RECRUITER],
    });
    expect(accrual).toEqual<DraftEntry>({
      leaderId: LEADER_ID,
      type: 'accrual',
      depth: 0,
      amount: 0,
      details: [
        {
          label: '东北大米 5斤装 × 2',
          baseFen: 10_000,
          rateBps: 0,
          fixedFen: null,
          units: null,
          amount: 0,
          rule: '默认费率',
        },
      ],
    });
    expect(referrals).toEqual([]);
  });

  it('is returned with 0 and no lines for an order without lines', () => {
    expect(calculate([]).accrual).toEqual<DraftEntry>({
      leaderId: LEADER_ID,
      type: 'accrual',
      depth: 0,
      amount: 0,
      details: [],
    });
  });

  it('combines every kind of line, one detail line each, in order', () => {
    const lines = [
      line({
        label: 'A 商品覆盖固定',
        productId: 1,
        categoryIds: [10, 1],
        quantity: 4,
        paidFen: 4000,
        unitCostFen: 500,
      }),
      line({
        label: 'B 商品覆盖费率',
        productId: 2,
        categoryIds: [10, 1],
        quantity: 1,
        paidFen: 3333,
        unitCostFen: 1000,
      }),
      line({
        label: 'C 分类覆盖',
        productId: 3,
        categoryIds: [10, 1],
        quantity: 2,
        paidFen: 5000,
        unitCostFen: 1000,
      }),
      line({
        label: 'D 父分类覆盖',
        productId: 4,
        categoryIds: [20, 2],
        quantity: 1,
        paidFen: 999,
        unitCostFen: 100,
      }),
      line({
        label: 'E 等级费率',
        productId: 5,
        categoryIds: [30, 3],
        quantity: 3,
        paidFen: 2997,
        unitCostFen: 1200,
      }),
    ];
    const { accrual } = calculate(lines, {
      levelId: 2,
      rules: {
        basis: 'gross_profit',
        overrides: [
          fixedOverride('product', 1, 25),
          rateOverride('product', 2, 1234),
          rateOverride('category', 10, 800),
          rateOverride('category', 2, 2500),
          rateOverride('category', 1, 9999), // parent of 10, but 10 has its own
        ],
      },
    });
    expect(
      accrual.details.map(({ label, baseFen, rateBps, fixedFen, units, amount, rule }) => [
        label,
        baseFen,
        rateBps,
        fixedFen,
        units,
        amount,
        rule,
      ]),
    ).toEqual([
      ['A 商品覆盖固定', null, null, 25, 4, 100, '商品覆盖'],
      ['B 商品覆盖费率', 2333, 1234, null, null, 287.8922, '商品覆盖'],
      ['C 分类覆盖', 3000, 800, null, null, 240, '分类覆盖'],
      ['D 父分类覆盖', 899, 2500, null, null, 224.75, '分类覆盖'],
      ['E 等级费率', 0, 1500, null, null, 0, '等级费率'],
    ]);
    // 100 + 287.8922 + 240 + 224.75 + 0 = 852.6422 → 853
    expect(accrual.amount).toBe(853);
  });
});

describe('calculateOrderCommission: referral', () => {
  // 20 090 fen at 500 bps: the accrual is exactly 1 004.5 → 1 005.
  const paidFen = 20_090;
  const referral = (base: ReferralRule['base']): ReferralRule => ({ base, level1Bps: 1000, level2Bps: 500 });

  it.each<[string, ReferralRule['base'], Upline[], Array<[number, 1 | 2, number, number, number, string]>]>([
    // [leaderId, depth, amount, baseFen, exact amount, rule]
    [
      'commission base, both depths, on the rounded accrual (1 005, not 1 004.5)',
      'commission',
      [RECRUITER, RECRUITERS_RECRUITER],
      [
        [70, 1, 101, 1005, 100.5, '推荐奖励（一级）'],
        [700, 2, 50, 1005, 50.25, '推荐奖励（二级）'],
      ],
    ],
    [
      'commission base, only a recruiter',
      'commission',
      [RECRUITER],
      [[70, 1, 101, 1005, 100.5, '推荐奖励（一级）']],
    ],
    ['commission base, no upline', 'commission', [], []],
    [
      'GMV base, both depths, on the order paid amount',
      'gmv',
      [RECRUITER, RECRUITERS_RECRUITER],
      [
        [70, 1, 2009, 20_090, 2009, '推荐奖励（一级）'],
        [700, 2, 1005, 20_090, 1004.5, '推荐奖励（二级）'],
      ],
    ],
    ['GMV base, only a recruiter', 'gmv', [RECRUITER], [[70, 1, 2009, 20_090, 2009, '推荐奖励（一级）']]],
    ['GMV base, no upline', 'gmv', [], []],
  ])('%s', (_name, base, uplines, expected) => {
    const { accrual, referrals } = calculate([line({ paidFen })], {
      rules: { referral: referral(base) },
      uplines,
    });
    expect(accrual.amount).toBe(1005);
    expect(referrals).toEqual<DraftEntry[]>(
      expected.map(([leaderId, depth, amount, baseFen, exact, rule]) => ({
        leaderId,
        type: 'referral',
        depth,
        amount,
        details: [
          {
            label: expect.stringContaining('订单 9001') as unknown as string,
            baseFen,
            rateBps: depth === 1 ? 1000 : 500,
            fixedFen: null,
            units: null,
            amount: exact,
            rule,
          },
        ],
      })),
    );
  });

  it('the GMV base is the order paid amount, not the sum of the lines', () => {
    const { referrals } = calculate([line({ paidFen: 1000 })], {
      paidFen: 1200, // e.g. a delivery fee the lines do not carry
      rules: { referral: { base: 'gmv', level1Bps: 1000, level2Bps: 0 } },
      uplines: [RECRUITER],
    });
    expect(referrals.map((r) => r.amount)).toEqual([120]);
  });

  it.each<[string, ReferralRule, number, number[]]>([
    ['a zero depth-2 rate leaves depth 2 out', { base: 'gmv', level1Bps: 1000, level2Bps: 0 }, 10_000, [1]],
    ['a zero depth-1 rate still pays depth 2', { base: 'gmv', level1Bps: 0, level2Bps: 500 }, 10_000, [2]],
    [
      'a referral that rounds to 0 is left out',
      { base: 'commission', level1Bps: 1000, level2Bps: 1000 },
      80,
      [],
    ],
    ['0.5 fen rounds up to 1', { base: 'commission', level1Bps: 5000, level2Bps: 5000 }, 20, [1, 2]],
  ])('%s', (_name, referralRule, linePaidFen, depths) => {
    // default 500 bps: 80 fen → accrual 4 (referral 0.4 → 0); 20 fen → accrual 1 (referral 0.5 → 1)
    const { referrals } = calculate([line({ paidFen: linePaidFen })], {
      rules: { referral: referralRule },
      uplines: [RECRUITER, RECRUITERS_RECRUITER],
    });
    expect(referrals.map((r) => r.depth)).toEqual(depths);
  });

  it('pays no referral when the rules have none, even with uplines', () => {
    expect(calculate([line()], { uplines: [RECRUITER, RECRUITERS_RECRUITER] }).referrals).toEqual([]);
  });

  it('pays no commission-based referral on a zero accrual', () => {
    const { referrals } = calculate([line()], {
      rules: { defaultRateBps: 0, referral: { base: 'commission', level1Bps: 5000, level2Bps: 5000 } },
      uplines: [RECRUITER, RECRUITERS_RECRUITER],
    });
    expect(referrals).toEqual([]);
  });

  it('combines level, overrides, gross profit and a GMV referral', () => {
    const { accrual, referrals } = calculate(
      [
        line({ productId: 1, quantity: 2, paidFen: 5000, unitCostFen: 1000 }), // level 1000 bps × 3000 = 300
        line({ productId: 2, quantity: 5, paidFen: 2500, unitCostFen: 600 }), // fixed 30 × 5 = 150
      ],
      {
        levelId: 1,
        rules: {
          basis: 'gross_profit',
          overrides: [fixedOverride('product', 2, 30)],
          referral: { base: 'gmv', level1Bps: 300, level2Bps: 100 },
        },
        uplines: [RECRUITER, RECRUITERS_RECRUITER],
      },
    );
    expect(accrual.amount).toBe(450);
    expect(referrals.map((r) => [r.leaderId, r.amount])).toEqual([
      [70, 225], // 7 500 × 3%
      [700, 75], // 7 500 × 1%
    ]);
  });
});

describe('calculateOrderCommission: refusals', () => {
  const nearLimit = Math.floor(Number.MAX_SAFE_INTEGER / 10_000); // 900 719 925 474

  it('accepts amounts up to the safe-integer limit of fen × bps', () => {
    const { accrual } = calculate([line({ paidFen: nearLimit })], { rules: { defaultRateBps: 10_000 } });
    expect(accrual.amount).toBe(nearLimit);
  });

  it.each<[string, CommissionLineInput[], Partial<CommissionRules>]>([
    ['a line whose fen × bps passes 2^53', [line({ paidFen: nearLimit + 1 })], { defaultRateBps: 10_000 }],
    [
      'lines whose sum passes 2^53',
      [line({ paidFen: nearLimit }), line({ paidFen: 1 })],
      { defaultRateBps: 10_000 },
    ],
    [
      'a cost × quantity past 2^53',
      [line({ unitCostFen: 2 ** 40, quantity: 2 ** 13 })],
      { basis: 'gross_profit' },
    ],
    [
      'a fixed amount × units × 10 000 past 2^53',
      [line({ quantity: 2 ** 40 })],
      { overrides: [fixedOverride('product', PRODUCT, 1000)] },
    ],
    ['a negative paid amount', [line({ paidFen: -1 })], {}],
    ['a negative quantity', [line({ quantity: -1 })], {}],
    ['a negative cost', [line({ unitCostFen: -1 })], {}],
    ['a fractional quantity', [line({ quantity: 1.5 })], {}],
    ['a paid amount in yuan', [line({ paidFen: 99.9 })], {}],
  ])('refuses %s', (_name, lines, rulesPatch) => {
    expect(() => calculate(lines, { rules: rulesPatch })).toThrow(RangeError);
  });

  it('refuses a GMV referral whose base × bps passes 2^53', () => {
    expect(() =>
      calculate([line({ paidFen: 1 })], {
        paidFen: 2 ** 52,
        rules: { referral: { base: 'gmv', level1Bps: 5000, level2Bps: 0 } },
        uplines: [RECRUITER],
      }),
    ).toThrow(RangeError);
  });

  it('refuses a negative order amount', () => {
    expect(() => calculate([line()], { paidFen: -1 })).toThrow(RangeError);
  });
});
