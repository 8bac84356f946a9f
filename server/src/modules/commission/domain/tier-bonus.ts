/**
 * The monthly GMV tier bonus (阶梯奖励), written by the month-end job for the month just closed.
 * `whole_month` pays the highest reached tier's rate on the whole GMV; `marginal` pays each tier's rate
 * on the slice of GMV between its threshold and the next one (the last tier up to the GMV), like a tax
 * bracket. Tiers are sorted here, so an unsorted rule still computes the same bonus. Rounded once.
 */
import type { CommissionDetailLine, TierBonusRule } from '@linli/shared-types';
import { BPS_PER_WHOLE, exactProduct, exactSum, fenFromBpsProduct, requireSafeInteger } from './rounding';

export interface TierBonus {
  amount: number;
  details: CommissionDetailLine[];
}

export const TIER_BONUS_RULE_LABELS: Record<TierBonusRule['mode'], string> = {
  whole_month: '阶梯奖励（整月）',
  marginal: '阶梯奖励（分段）',
};

export function calculateTierBonus(monthGmvFen: number, rule: TierBonusRule): TierBonus {
  requireSafeInteger(monthGmvFen, 'monthGmvFen');
  if (monthGmvFen <= 0) return { amount: 0, details: [] };
  const tiers = [...rule.tiers].sort((a, b) => a.thresholdFen - b.thresholdFen);
  const reached = tiers.filter((tier) => tier.thresholdFen <= monthGmvFen);
  if (reached.length === 0) return { amount: 0, details: [] };

  if (rule.mode === 'whole_month') {
    const tier = reached[reached.length - 1];
    const exact = exactProduct(monthGmvFen, tier.rateBps);
    return {
      amount: fenFromBpsProduct(exact),
      details: [
        {
          label: `第 ${tiers.indexOf(tier) + 1} 档：月销售额 ≥ ${yuan(tier.thresholdFen)}，按整月销售额计`,
          baseFen: monthGmvFen,
          rateBps: tier.rateBps,
          fixedFen: null,
          units: null,
          amount: exact / BPS_PER_WHOLE,
          rule: TIER_BONUS_RULE_LABELS.whole_month,
        },
      ],
    };
  }

  let totalExact = 0;
  const details: CommissionDetailLine[] = [];
  // `reached` is a prefix of the sorted tiers, so an index in one is the same tier in the other.
  reached.forEach((tier, index) => {
    const next = tiers[index + 1];
    const sliceEndFen = next && next.thresholdFen < monthGmvFen ? next.thresholdFen : monthGmvFen;
    const sliceFen = sliceEndFen - tier.thresholdFen;
    if (sliceFen <= 0) return; // GMV exactly at the threshold, or a duplicate threshold
    const exact = exactProduct(sliceFen, tier.rateBps);
    totalExact = exactSum(totalExact, exact);
    details.push({
      label: `第 ${index + 1} 档：月销售额 ${yuan(tier.thresholdFen)}–${yuan(sliceEndFen)} 部分`,
      baseFen: sliceFen,
      rateBps: tier.rateBps,
      fixedFen: null,
      units: null,
      amount: exact / BPS_PER_WHOLE,
      rule: TIER_BONUS_RULE_LABELS.marginal,
    });
  });
  return { amount: fenFromBpsProduct(totalExact), details };
}

/** ¥1,234.56 from fen, for the people reading the detail lines. */
function yuan(fen: number): string {
  const whole = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(fen % 100).padStart(2, '0');
  return `¥${whole}.${cents}`;
}
