/**
 * The stored form of valid rules: exactly the contract's fields, in a fixed order. Rules arrive as JSON,
 * and whatever else a client sent along (unknown keys) must not end up in a published version.
 */
import type { CommissionRules } from '@linli/shared-types';

export function normalizeRules(rules: CommissionRules): CommissionRules {
  return {
    basis: rules.basis,
    defaultRateBps: rules.defaultRateBps,
    levelRates: rules.levelRates.map(({ levelId, rateBps }) => ({ levelId, rateBps })),
    overrides: rules.overrides.map(({ targetKind, targetId, mode, rateBps, fixedFen }) => ({
      targetKind,
      targetId,
      mode,
      rateBps: mode === 'rate' ? rateBps : null,
      fixedFen: mode === 'fixed' ? fixedFen : null,
    })),
    tierBonus: rules.tierBonus
      ? {
          mode: rules.tierBonus.mode,
          tiers: rules.tierBonus.tiers.map(({ thresholdFen, rateBps }) => ({ thresholdFen, rateBps })),
        }
      : null,
    referral: rules.referral
      ? {
          base: rules.referral.base,
          level1Bps: rules.referral.level1Bps,
          level2Bps: rules.referral.level2Bps,
        }
      : null,
    recruitmentReward: rules.recruitmentReward
      ? { afterOrders: rules.recruitmentReward.afterOrders, rewardFen: rules.recruitmentReward.rewardFen }
      : null,
    frozenDays: rules.frozenDays,
  };
}
