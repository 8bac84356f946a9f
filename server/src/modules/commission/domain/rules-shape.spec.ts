import type { CommissionRules } from '@linli/shared-types';
import { normalizeRules } from './rules-shape';

describe('normalizeRules', () => {
  it('keeps the contract fields and drops whatever else came along', () => {
    const sent = {
      basis: 'paid_amount',
      defaultRateBps: 500,
      levelRates: [{ levelId: 1, rateBps: 800, extra: true }],
      overrides: [
        { targetKind: 'product', targetId: 3, mode: 'fixed', rateBps: 999, fixedFen: 50, note: 'x' },
        { targetKind: 'category', targetId: 4, mode: 'rate', rateBps: 300, fixedFen: 7 },
      ],
      tierBonus: { mode: 'marginal', tiers: [{ thresholdFen: 100, rateBps: 10, label: 'a' }], more: 1 },
      referral: null,
      recruitmentReward: { afterOrders: 3, rewardFen: 5000, bonus: 1 },
      frozenDays: 7,
      hacked: 'yes',
    } as unknown as CommissionRules;
    expect(normalizeRules(sent)).toEqual({
      basis: 'paid_amount',
      defaultRateBps: 500,
      levelRates: [{ levelId: 1, rateBps: 800 }],
      overrides: [
        { targetKind: 'product', targetId: 3, mode: 'fixed', rateBps: null, fixedFen: 50 },
        { targetKind: 'category', targetId: 4, mode: 'rate', rateBps: 300, fixedFen: null },
      ],
      tierBonus: { mode: 'marginal', tiers: [{ thresholdFen: 100, rateBps: 10 }] },
      referral: null,
      recruitmentReward: { afterOrders: 3, rewardFen: 5000 },
      frozenDays: 7,
    });
  });
});
