import type { CommissionRules, FieldError } from '@linli/shared-types';
import { ruleProblems, type KnownIds } from './rules-validation';

const known: KnownIds = {
  levelIds: new Set([1, 2, 3]),
  productIds: new Set([501, 502]),
  categoryIds: new Set([11, 1]),
};

const valid: CommissionRules = {
  basis: 'gross_profit',
  defaultRateBps: 500,
  levelRates: [
    { levelId: 1, rateBps: 1000 },
    { levelId: 2, rateBps: 10_000 },
  ],
  overrides: [
    { targetKind: 'product', targetId: 501, mode: 'fixed', rateBps: null, fixedFen: 1_000_000 },
    { targetKind: 'category', targetId: 11, mode: 'rate', rateBps: 0, fixedFen: null },
    // The same id as a product and as a category are different targets.
    { targetKind: 'category', targetId: 1, mode: 'rate', rateBps: 2000, fixedFen: null },
  ],
  tierBonus: {
    mode: 'marginal',
    tiers: [
      { thresholdFen: 0, rateBps: 0 },
      { thresholdFen: 100_000, rateBps: 5000 },
    ],
  },
  referral: { base: 'commission', level1Bps: 5000, level2Bps: 0 },
  recruitmentReward: { afterOrders: 1000, rewardFen: 1_000_000 },
  frozenDays: 60,
};

function problems(patch: Partial<CommissionRules>): FieldError[] {
  return ruleProblems({ ...valid, ...patch }, known);
}

const tiersOf = (...list: Array<[number, number]>) => ({
  mode: 'whole_month' as const,
  tiers: list.map(([thresholdFen, rateBps]) => ({ thresholdFen, rateBps })),
});

describe('ruleProblems', () => {
  it('accepts a well-formed rule set, including every bound', () => {
    expect(ruleProblems(valid, known)).toEqual([]);
  });

  it('accepts the minimal rule set', () => {
    expect(
      problems({
        levelRates: [],
        overrides: [],
        tierBonus: null,
        referral: null,
        recruitmentReward: null,
        frozenDays: 0,
      }),
    ).toEqual([]);
  });

  it.each<[string, Partial<CommissionRules>, FieldError[]]>([
    // basis, default rate, frozen days
    [
      'an unknown basis',
      { basis: 'net' as CommissionRules['basis'] },
      [{ field: 'rules.basis', errors: ['计佣基数须为“按实付金额”或“按毛利”'] }],
    ],
    [
      'a default rate above 100%',
      { defaultRateBps: 10_001 },
      [{ field: 'rules.defaultRateBps', errors: ['默认费率须为 0–100%（0–10000 基点）的整数'] }],
    ],
    [
      'a negative default rate',
      { defaultRateBps: -1 },
      [{ field: 'rules.defaultRateBps', errors: ['默认费率须为 0–100%（0–10000 基点）的整数'] }],
    ],
    [
      'a fractional default rate',
      { defaultRateBps: 12.5 },
      [{ field: 'rules.defaultRateBps', errors: ['默认费率须为 0–100%（0–10000 基点）的整数'] }],
    ],
    [
      '61 frozen days',
      { frozenDays: 61 },
      [{ field: 'rules.frozenDays', errors: ['冻结天数须为 0–60 的整数'] }],
    ],
    [
      'negative frozen days',
      { frozenDays: -1 },
      [{ field: 'rules.frozenDays', errors: ['冻结天数须为 0–60 的整数'] }],
    ],
    [
      'half a frozen day',
      { frozenDays: 1.5 },
      [{ field: 'rules.frozenDays', errors: ['冻结天数须为 0–60 的整数'] }],
    ],

    // level rates
    [
      'a level rate out of range',
      { levelRates: [{ levelId: 1, rateBps: 10_001 }] },
      [{ field: 'rules.levelRates.0.rateBps', errors: ['等级费率须为 0–100%（0–10000 基点）的整数'] }],
    ],
    [
      'an unknown level',
      { levelRates: [{ levelId: 9, rateBps: 100 }] },
      [{ field: 'rules.levelRates.0.levelId', errors: ['团长等级不存在'] }],
    ],
    [
      'a level listed twice',
      {
        levelRates: [
          { levelId: 1, rateBps: 100 },
          { levelId: 2, rateBps: 100 },
          { levelId: 1, rateBps: 200 },
        ],
      },
      [{ field: 'rules.levelRates.2.levelId', errors: ['该等级的费率重复设置'] }],
    ],

    // overrides
    [
      'an unknown product',
      { overrides: [{ targetKind: 'product', targetId: 11, mode: 'rate', rateBps: 100, fixedFen: null }] },
      [{ field: 'rules.overrides.0.targetId', errors: ['商品不存在'] }],
    ],
    [
      'an unknown category',
      { overrides: [{ targetKind: 'category', targetId: 501, mode: 'rate', rateBps: 100, fixedFen: null }] },
      [{ field: 'rules.overrides.0.targetId', errors: ['分类不存在'] }],
    ],
    [
      'an unknown target kind',
      {
        overrides: [
          { targetKind: 'sku' as 'product', targetId: 501, mode: 'rate', rateBps: 100, fixedFen: null },
        ],
      },
      [{ field: 'rules.overrides.0.targetKind', errors: ['覆盖对象须为商品或分类'] }],
    ],
    [
      'a product overridden twice',
      {
        overrides: [
          { targetKind: 'product', targetId: 501, mode: 'rate', rateBps: 100, fixedFen: null },
          { targetKind: 'product', targetId: 501, mode: 'fixed', rateBps: null, fixedFen: 10 },
        ],
      },
      [{ field: 'rules.overrides.1.targetId', errors: ['同一商品只能设置一条覆盖规则'] }],
    ],
    [
      'a category overridden twice',
      {
        overrides: [
          { targetKind: 'category', targetId: 11, mode: 'rate', rateBps: 100, fixedFen: null },
          { targetKind: 'category', targetId: 11, mode: 'rate', rateBps: 200, fixedFen: null },
        ],
      },
      [{ field: 'rules.overrides.1.targetId', errors: ['同一分类只能设置一条覆盖规则'] }],
    ],
    [
      'a rate override without a rate',
      { overrides: [{ targetKind: 'product', targetId: 501, mode: 'rate', rateBps: null, fixedFen: null }] },
      [{ field: 'rules.overrides.0.rateBps', errors: ['按费率覆盖须填写费率'] }],
    ],
    [
      'a rate override with a fixed amount too',
      { overrides: [{ targetKind: 'product', targetId: 501, mode: 'rate', rateBps: 100, fixedFen: 5 }] },
      [{ field: 'rules.overrides.0.fixedFen', errors: ['按费率覆盖不能填写固定金额'] }],
    ],
    [
      'a rate override out of range',
      {
        overrides: [{ targetKind: 'product', targetId: 501, mode: 'rate', rateBps: 10_001, fixedFen: null }],
      },
      [{ field: 'rules.overrides.0.rateBps', errors: ['覆盖费率须为 0–100%（0–10000 基点）的整数'] }],
    ],
    [
      'a fixed override without an amount',
      { overrides: [{ targetKind: 'product', targetId: 501, mode: 'fixed', rateBps: null, fixedFen: null }] },
      [{ field: 'rules.overrides.0.fixedFen', errors: ['固定金额覆盖须填写每件金额'] }],
    ],
    [
      'a fixed override with a rate too',
      { overrides: [{ targetKind: 'product', targetId: 501, mode: 'fixed', rateBps: 100, fixedFen: 5 }] },
      [{ field: 'rules.overrides.0.rateBps', errors: ['固定金额覆盖不能填写费率'] }],
    ],
    [
      'a fixed amount above ¥10 000',
      {
        overrides: [
          { targetKind: 'product', targetId: 501, mode: 'fixed', rateBps: null, fixedFen: 1_000_001 },
        ],
      },
      [
        {
          field: 'rules.overrides.0.fixedFen',
          errors: ['每件固定金额须为 0–10000 元（0–1000000 分）的整数'],
        },
      ],
    ],
    [
      'a negative fixed amount',
      { overrides: [{ targetKind: 'product', targetId: 501, mode: 'fixed', rateBps: null, fixedFen: -1 }] },
      [
        {
          field: 'rules.overrides.0.fixedFen',
          errors: ['每件固定金额须为 0–10000 元（0–1000000 分）的整数'],
        },
      ],
    ],
    [
      'a fixed amount in yuan',
      { overrides: [{ targetKind: 'product', targetId: 501, mode: 'fixed', rateBps: null, fixedFen: 1.5 }] },
      [
        {
          field: 'rules.overrides.0.fixedFen',
          errors: ['每件固定金额须为 0–10000 元（0–1000000 分）的整数'],
        },
      ],
    ],
    [
      'an unknown mode',
      {
        overrides: [
          { targetKind: 'product', targetId: 501, mode: 'percent' as 'rate', rateBps: 100, fixedFen: null },
        ],
      },
      [{ field: 'rules.overrides.0.mode', errors: ['覆盖方式须为按费率或固定金额'] }],
    ],

    // tiers
    [
      'an unknown tier mode',
      { tierBonus: { mode: 'yearly' as 'marginal', tiers: [] } },
      [{ field: 'rules.tierBonus.mode', errors: ['阶梯方式须为“整月”或“分段”'] }],
    ],
    [
      'tiers out of order',
      { tierBonus: tiersOf([100, 10], [50, 20]) },
      [{ field: 'rules.tierBonus.tiers.1.thresholdFen', errors: ['门槛须从低到高排列，且不能重复'] }],
    ],
    [
      'a repeated threshold',
      { tierBonus: tiersOf([0, 10], [100, 20], [100, 30]) },
      [{ field: 'rules.tierBonus.tiers.2.thresholdFen', errors: ['门槛须从低到高排列，且不能重复'] }],
    ],
    [
      'a negative threshold',
      { tierBonus: tiersOf([-1, 10]) },
      [{ field: 'rules.tierBonus.tiers.0.thresholdFen', errors: ['门槛须为非负整数（分）'] }],
    ],
    [
      'a fractional threshold',
      { tierBonus: tiersOf([0.5, 10]) },
      [{ field: 'rules.tierBonus.tiers.0.thresholdFen', errors: ['门槛须为非负整数（分）'] }],
    ],
    [
      'a tier rate above 50%',
      { tierBonus: tiersOf([0, 5001]) },
      [{ field: 'rules.tierBonus.tiers.0.rateBps', errors: ['阶梯费率须为 0–50%（0–5000 基点）的整数'] }],
    ],
    [
      'a negative tier rate',
      { tierBonus: tiersOf([0, -1]) },
      [{ field: 'rules.tierBonus.tiers.0.rateBps', errors: ['阶梯费率须为 0–50%（0–5000 基点）的整数'] }],
    ],
    [
      '11 tiers',
      { tierBonus: tiersOf(...Array.from({ length: 11 }, (_, i): [number, number] => [i * 100, 10])) },
      [{ field: 'rules.tierBonus.tiers', errors: ['阶梯最多 10 档'] }],
    ],

    // referral
    [
      'an unknown referral base',
      { referral: { base: 'profit' as 'gmv', level1Bps: 100, level2Bps: 100 } },
      [{ field: 'rules.referral.base', errors: ['推荐奖励基数须为下级佣金或下级销售额'] }],
    ],
    [
      'referral rates above 50%',
      { referral: { base: 'gmv', level1Bps: 5001, level2Bps: 10_000 } },
      [
        { field: 'rules.referral.level1Bps', errors: ['一级推荐费率须为 0–50%（0–5000 基点）的整数'] },
        { field: 'rules.referral.level2Bps', errors: ['二级推荐费率须为 0–50%（0–5000 基点）的整数'] },
      ],
    ],
    [
      'a negative referral rate',
      { referral: { base: 'gmv', level1Bps: 100, level2Bps: -1 } },
      [{ field: 'rules.referral.level2Bps', errors: ['二级推荐费率须为 0–50%（0–5000 基点）的整数'] }],
    ],

    // recruitment reward
    [
      'a reward after 0 orders',
      { recruitmentReward: { afterOrders: 0, rewardFen: 100 } },
      [{ field: 'rules.recruitmentReward.afterOrders', errors: ['完成订单数须为 1–1000 的整数'] }],
    ],
    [
      'a reward after 1 001 orders',
      { recruitmentReward: { afterOrders: 1001, rewardFen: 100 } },
      [{ field: 'rules.recruitmentReward.afterOrders', errors: ['完成订单数须为 1–1000 的整数'] }],
    ],
    [
      'a reward above ¥10 000',
      { recruitmentReward: { afterOrders: 1, rewardFen: 1_000_001 } },
      [
        {
          field: 'rules.recruitmentReward.rewardFen',
          errors: ['招募奖励须为 0–10000 元（0–1000000 分）的整数'],
        },
      ],
    ],
    [
      'a negative reward',
      { recruitmentReward: { afterOrders: 1, rewardFen: -1 } },
      [
        {
          field: 'rules.recruitmentReward.rewardFen',
          errors: ['招募奖励须为 0–10000 元（0–1000000 分）的整数'],
        },
      ],
    ],
  ])('refuses %s', (_name, patch, expected) => {
    expect(problems(patch)).toEqual(expected);
  });

  it('reports every problem, grouped by field, in the order of the form', () => {
    const result = problems({
      defaultRateBps: -5,
      levelRates: [{ levelId: 9, rateBps: 20_000 }],
      overrides: [{ targetKind: 'product', targetId: 999, mode: 'rate', rateBps: null, fixedFen: 3 }],
      frozenDays: 90,
    });
    expect(result.map((p) => p.field)).toEqual([
      'rules.defaultRateBps',
      'rules.levelRates.0.levelId',
      'rules.levelRates.0.rateBps',
      'rules.overrides.0.targetId',
      'rules.overrides.0.rateBps',
      'rules.overrides.0.fixedFen',
      'rules.frozenDays',
    ]);
  });

  it('refuses lists that are not lists (JSON from outside)', () => {
    const notAList = 'x' as unknown as [];
    expect(
      problems({
        levelRates: notAList,
        overrides: notAList,
        tierBonus: { mode: 'marginal', tiers: notAList },
      }),
    ).toEqual([
      { field: 'rules.levelRates', errors: ['等级费率须为列表'] },
      { field: 'rules.overrides', errors: ['覆盖规则须为列表'] },
      { field: 'rules.tierBonus.tiers', errors: ['阶梯须为列表'] },
    ]);
  });
});
