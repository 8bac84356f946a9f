import { describe, expect, it } from 'vitest';
import type { CommissionRules, LeaderLevel } from '@linli/shared-types';
import { ApiError } from '../../api/errors';
import { crossRowProblems, formFieldOf, toFormValues, toRules, withFormFields } from './rules-form';

const level = (id: number, rank: number, name: string): LeaderLevel => ({
  id,
  name,
  rank,
  commissionRateBps: 1000,
  upgrade: { minGmv30dFen: 0, minActiveCustomers30d: 0 },
  keep: { minGmv30dFen: 0, minActiveCustomers30d: 0 },
  leaderCount: 0,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
});
const LEVELS = [level(3, 3, '金牌'), level(1, 1, '普通'), level(2, 2, '银牌')];

const RULES: CommissionRules = {
  basis: 'gross_profit',
  defaultRateBps: 1000,
  levelRates: [
    { levelId: 2, rateBps: 1250 },
    { levelId: 3, rateBps: 1505 },
  ],
  overrides: [
    { targetKind: 'product', targetId: 41, mode: 'rate', rateBps: 2000, fixedFen: null },
    { targetKind: 'category', targetId: 7, mode: 'fixed', rateBps: null, fixedFen: 150 },
  ],
  tierBonus: {
    mode: 'marginal',
    tiers: [
      { thresholdFen: 1_000_000, rateBps: 100 },
      { thresholdFen: 5_000_050, rateBps: 250 },
    ],
  },
  referral: { base: 'gmv', level1Bps: 300, level2Bps: 100 },
  recruitmentReward: { afterOrders: 10, rewardFen: 5000 },
  frozenDays: 7,
};

describe('rules ↔ form', () => {
  it('shows money in 元 and rates in percent, one level row per level by rank', () => {
    const values = toFormValues('2027 春季方案', RULES, LEVELS);
    expect(values.levelRates).toEqual([
      { levelId: 1, ratePercent: null },
      { levelId: 2, ratePercent: 12.5 },
      { levelId: 3, ratePercent: 15.05 },
    ]);
    expect(values.overrides[1]).toEqual({
      targetKind: 'category',
      targetId: 7,
      mode: 'fixed',
      ratePercent: null,
      fixedYuan: 1.5,
    });
    expect(values.tierBonus).toEqual({
      enabled: true,
      mode: 'marginal',
      tiers: [
        { thresholdYuan: 10_000, ratePercent: 1 },
        { thresholdYuan: 50_000.5, ratePercent: 2.5 },
      ],
    });
    expect(values.referral).toEqual({ enabled: true, base: 'gmv', level1Percent: 3, level2Percent: 1 });
    expect(values.recruitmentReward).toEqual({ enabled: true, afterOrders: 10, rewardYuan: 50 });
    expect(values).toMatchObject({ name: '2027 春季方案', defaultRatePercent: 10, frozenDays: 7 });
  });

  it('round-trips to the same rules', () => {
    expect(toRules(toFormValues('x', RULES, LEVELS))).toEqual(RULES);
  });

  it('sends switched-off parts as null but keeps what was typed in the form', () => {
    const values = toFormValues('x', RULES, LEVELS);
    values.tierBonus.enabled = false;
    values.referral.enabled = false;
    values.recruitmentReward.enabled = false;
    const rules = toRules(values);
    expect([rules.tierBonus, rules.referral, rules.recruitmentReward]).toEqual([null, null, null]);
    expect(values.tierBonus.tiers).toHaveLength(2);
  });

  it('starts parts that are off with sensible defaults', () => {
    const values = toFormValues(
      '',
      { ...RULES, tierBonus: null, referral: null, recruitmentReward: null, levelRates: [] },
      [],
    );
    expect(values.tierBonus).toEqual({ enabled: false, mode: 'whole_month', tiers: [] });
    expect(values.referral).toEqual({
      enabled: false,
      base: 'commission',
      level1Percent: null,
      level2Percent: null,
    });
    expect(values.recruitmentReward).toEqual({ enabled: false, afterOrders: 1, rewardYuan: null });
  });

  it('keeps the rate of a deleted level as a row of its own', () => {
    const values = toFormValues('x', { ...RULES, levelRates: [{ levelId: 99, rateBps: 800 }] }, LEVELS);
    expect(values.levelRates.at(-1)).toEqual({ levelId: 99, ratePercent: 8 });
    expect(toRules(values).levelRates).toEqual([{ levelId: 99, rateBps: 800 }]);
  });

  it('turns typed decimals into whole basis points and fen without float noise', () => {
    const values = toFormValues('x', RULES, LEVELS);
    values.defaultRatePercent = 12.34;
    values.overrides[1].fixedYuan = 0.1 + 0.2;
    values.tierBonus.tiers[0].thresholdYuan = 19.99;
    const rules = toRules(values);
    expect(rules.defaultRateBps).toBe(1234);
    expect(rules.overrides[1].fixedFen).toBe(30);
    expect(rules.tierBonus?.tiers[0].thresholdFen).toBe(1999);
  });

  it('sends only the mode’s value of an override', () => {
    const values = toFormValues('x', RULES, LEVELS);
    values.overrides[0] = { ...values.overrides[0], mode: 'fixed', fixedYuan: 2 };
    expect(toRules(values).overrides[0]).toEqual({
      targetKind: 'product',
      targetId: 41,
      mode: 'fixed',
      rateBps: null,
      fixedFen: 200,
    });
  });
});

describe('server field errors on the form', () => {
  const values = toFormValues('x', RULES, LEVELS);

  it('maps rule paths to the form’s fields, level rates by the rows actually sent', () => {
    expect(formFieldOf('rules.levelRates.0.rateBps', values)).toBe('levelRates.1.ratePercent');
    expect(formFieldOf('rules.levelRates.1.levelId', values)).toBe('levelRates.2.ratePercent');
    expect(formFieldOf('rules.levelRates.5.rateBps', values)).toBe('levelRates');
    expect(formFieldOf('rules.defaultRateBps', values)).toBe('defaultRatePercent');
    expect(formFieldOf('rules.overrides.1.fixedFen', values)).toBe('overrides.1.fixedYuan');
    expect(formFieldOf('rules.overrides.0.targetId', values)).toBe('overrides.0.targetId');
    expect(formFieldOf('rules.tierBonus.tiers.1.thresholdFen', values)).toBe(
      'tierBonus.tiers.1.thresholdYuan',
    );
    expect(formFieldOf('rules.tierBonus.tiers', values)).toBe('tierBonus.tiers');
    expect(formFieldOf('rules.referral.level2Bps', values)).toBe('referral.level2Percent');
    expect(formFieldOf('rules.recruitmentReward.rewardFen', values)).toBe('recruitmentReward.rewardYuan');
    expect(formFieldOf('rules.tierBonus', values)).toBe('tierBonus.mode');
    expect(formFieldOf('rules.referral', values)).toBe('referral.base');
    expect(formFieldOf('rules.frozenDays', values)).toBe('frozenDays');
    expect(formFieldOf('name', values)).toBe('name');
    expect(formFieldOf('rules', values)).toBe('rules');
  });

  it('rewrites a COMMISSION_RULES_INVALID error and leaves others alone', () => {
    const error = new ApiError(400, {
      code: 'COMMISSION_RULES_INVALID',
      message: '佣金规则有误',
      requestId: 'r1',
      fields: [{ field: 'rules.overrides.0.rateBps', errors: ['覆盖费率须为 0–100%'] }],
    });
    expect((withFormFields(error, values) as ApiError).body).toEqual({
      code: 'COMMISSION_RULES_INVALID',
      message: '佣金规则有误',
      requestId: 'r1',
      fields: [{ field: 'overrides.0.ratePercent', errors: ['覆盖费率须为 0–100%'] }],
    });
    const plain = new ApiError(409, {
      code: 'COMMISSION_RULE_SET_PUBLISHED',
      message: '已发布',
      requestId: 'r',
    });
    expect(withFormFields(plain, values)).toBe(plain);
  });
});

describe('crossRowProblems', () => {
  it('flags a second override of the same target and falling tier thresholds', () => {
    const values = toFormValues('x', RULES, LEVELS);
    values.overrides.push({ ...values.overrides[0], ratePercent: 5 });
    values.overrides.push({ ...values.overrides[1], targetKind: 'product' }); // product 7 ≠ category 7
    values.tierBonus.tiers.push({ thresholdYuan: 50_000.5, ratePercent: 3 });
    expect(crossRowProblems(values)).toEqual([
      { name: ['overrides', 2, 'targetId'], errors: ['同一商品只能设置一条覆盖规则'] },
      { name: ['tierBonus', 'tiers', 2, 'thresholdYuan'], errors: ['门槛须从低到高排列，且不能重复'] },
    ]);
  });

  it('ignores tiers that are switched off and rows still being filled in', () => {
    const values = toFormValues('x', RULES, LEVELS);
    values.tierBonus.tiers.push({ thresholdYuan: 1, ratePercent: 1 });
    values.tierBonus.enabled = false;
    values.overrides.push({ ...values.overrides[0], targetId: null });
    expect(crossRowProblems(values)).toEqual([]);
  });
});
