import type {
  CommissionBasis,
  CommissionOverride,
  CommissionRules,
  LeaderLevel,
  ReferralRule,
  TierBonusRule,
} from '@linli/shared-types';
import type { FormFieldError } from '../../api/errors';
import { fenToYuan, yuanToFen } from '../../utils/money';
import { bpsToPercent, percentToBps } from '../leaders/levels-service';
import { renameErrorFields } from './field-errors';

/**
 * The rule-set editor's values: money in 元 and rates in percent as staff type them, optional parts as a
 * switch plus their fields (kept while switched off, so turning a part back on restores what was typed).
 * `toRules` turns them into the API's fen and basis points.
 */
export interface LevelRateRow {
  levelId: number;
  /** Empty: leaders of this level earn the default rate (the level is left out of `levelRates`). */
  ratePercent: number | null;
}
export interface OverrideRow {
  targetKind: CommissionOverride['targetKind'];
  targetId: number | null;
  mode: CommissionOverride['mode'];
  ratePercent: number | null;
  fixedYuan: number | null;
}
export interface TierRow {
  thresholdYuan: number | null;
  ratePercent: number | null;
}
export interface RulesFormValues {
  name: string;
  basis: CommissionBasis;
  defaultRatePercent: number | null;
  frozenDays: number | null;
  levelRates: LevelRateRow[];
  overrides: OverrideRow[];
  tierBonus: { enabled: boolean; mode: TierBonusRule['mode']; tiers: TierRow[] };
  referral: {
    enabled: boolean;
    base: ReferralRule['base'];
    level1Percent: number | null;
    level2Percent: number | null;
  };
  recruitmentReward: { enabled: boolean; afterOrders: number | null; rewardYuan: number | null };
}

/** Top-level form fields, for mapping server errors onto them. */
export const RULES_FORM_FIELDS = [
  'name',
  'basis',
  'defaultRatePercent',
  'frozenDays',
  'levelRates',
  'overrides',
  'tierBonus',
  'referral',
  'recruitmentReward',
] as const;

/** The same bounds the server checks (rules-validation), so most mistakes never leave the form. */
export const LIMITS = {
  maxRatePercent: 100,
  /** Tier and referral rates are extras on top of the commission. */
  maxBonusPercent: 50,
  /** Fixed per-unit amounts and the recruitment reward. */
  maxFixedYuan: 10_000,
  maxTiers: 10,
  maxAfterOrders: 1_000,
  maxFrozenDays: 60,
} as const;

export const EMPTY_OVERRIDE: OverrideRow = {
  targetKind: 'product',
  targetId: null,
  mode: 'rate',
  ratePercent: null,
  fixedYuan: null,
};
export const EMPTY_TIER: TierRow = { thresholdYuan: null, ratePercent: null };

const byRank = (a: LeaderLevel, b: LeaderLevel) => a.rank - b.rank || a.id - b.id;

/**
 * One level-rate row per level (lowest rank first), so every level can be given a rate; a rate for a level
 * that no longer exists stays as a row of its own, where staff can see and clear it.
 */
export function toFormValues(
  name: string,
  rules: CommissionRules,
  levels: readonly LeaderLevel[],
): RulesFormValues {
  const rates = new Map(rules.levelRates.map((r) => [r.levelId, r.rateBps]));
  const known = new Set(levels.map((l) => l.id));
  const rate = (levelId: number) => {
    const bps = rates.get(levelId);
    return bps === undefined ? null : bpsToPercent(bps);
  };
  return {
    name,
    basis: rules.basis,
    defaultRatePercent: bpsToPercent(rules.defaultRateBps),
    frozenDays: rules.frozenDays,
    levelRates: [
      ...[...levels].sort(byRank).map((l) => ({ levelId: l.id, ratePercent: rate(l.id) })),
      ...rules.levelRates
        .filter((r) => !known.has(r.levelId))
        .map((r) => ({ levelId: r.levelId, ratePercent: bpsToPercent(r.rateBps) })),
    ],
    overrides: rules.overrides.map((o) => ({
      targetKind: o.targetKind,
      targetId: o.targetId,
      mode: o.mode,
      ratePercent: o.rateBps === null ? null : bpsToPercent(o.rateBps),
      fixedYuan: o.fixedFen === null ? null : fenToYuan(o.fixedFen),
    })),
    tierBonus: {
      enabled: rules.tierBonus !== null,
      mode: rules.tierBonus?.mode ?? 'whole_month',
      tiers: (rules.tierBonus?.tiers ?? []).map((t) => ({
        thresholdYuan: fenToYuan(t.thresholdFen),
        ratePercent: bpsToPercent(t.rateBps),
      })),
    },
    referral: {
      enabled: rules.referral !== null,
      base: rules.referral?.base ?? 'commission',
      level1Percent: rules.referral ? bpsToPercent(rules.referral.level1Bps) : null,
      level2Percent: rules.referral ? bpsToPercent(rules.referral.level2Bps) : null,
    },
    recruitmentReward: {
      enabled: rules.recruitmentReward !== null,
      afterOrders: rules.recruitmentReward?.afterOrders ?? 1,
      rewardYuan: rules.recruitmentReward ? fenToYuan(rules.recruitmentReward.rewardFen) : null,
    },
  };
}

// Required fields are checked by the form first; the fallbacks only keep the types honest.
const bps = (percent: number | null) => percentToBps(percent ?? 0);
const fen = (yuan: number | null) => yuanToFen(yuan ?? 0);

/** The form as the API's rules: fen, basis points, and null for every part switched off. */
export function toRules(values: RulesFormValues): CommissionRules {
  const { tierBonus, referral, recruitmentReward } = values;
  return {
    basis: values.basis,
    defaultRateBps: bps(values.defaultRatePercent),
    levelRates: values.levelRates
      .filter((row) => row.ratePercent !== null && row.ratePercent !== undefined)
      .map((row) => ({ levelId: row.levelId, rateBps: bps(row.ratePercent) })),
    overrides: values.overrides.map((row) => ({
      targetKind: row.targetKind,
      targetId: row.targetId ?? 0,
      mode: row.mode,
      rateBps: row.mode === 'rate' ? bps(row.ratePercent) : null,
      fixedFen: row.mode === 'fixed' ? fen(row.fixedYuan) : null,
    })),
    tierBonus: tierBonus.enabled
      ? {
          mode: tierBonus.mode,
          tiers: tierBonus.tiers.map((t) => ({
            thresholdFen: fen(t.thresholdYuan),
            rateBps: bps(t.ratePercent),
          })),
        }
      : null,
    referral: referral.enabled
      ? {
          base: referral.base,
          level1Bps: bps(referral.level1Percent),
          level2Bps: bps(referral.level2Percent),
        }
      : null,
    recruitmentReward: recruitmentReward.enabled
      ? { afterOrders: recruitmentReward.afterOrders ?? 1, rewardFen: fen(recruitmentReward.rewardYuan) }
      : null,
    frozenDays: values.frozenDays ?? 0,
  };
}

/** Form row of each entry of `toRules(values).levelRates` (rows without a rate are not sent). */
function sentLevelRows(values: RulesFormValues): number[] {
  return values.levelRates.flatMap((row, index) =>
    row.ratePercent === null || row.ratePercent === undefined ? [] : [index],
  );
}

const RENAMED: Record<string, string> = {
  defaultRateBps: 'defaultRatePercent',
  rateBps: 'ratePercent',
  fixedFen: 'fixedYuan',
  thresholdFen: 'thresholdYuan',
  level1Bps: 'level1Percent',
  level2Bps: 'level2Percent',
  rewardFen: 'rewardYuan',
};
/** A problem with a whole optional part shows on its first field (its switch has no room for a message). */
const PART_FIRST_FIELD: Record<string, string> = {
  tierBonus: 'tierBonus.mode',
  referral: 'referral.base',
  recruitmentReward: 'recruitmentReward.afterOrders',
};

/**
 * A server field path (`rules.levelRates.0.rateBps`, `rules.overrides.2.fixedFen`) as the path of the
 * form field that shows it (`levelRates.3.ratePercent`, `overrides.2.fixedYuan`). Paths outside the rules
 * (`name`) stay as they are.
 */
export function formFieldOf(field: string, values: RulesFormValues): string {
  if (!field.startsWith('rules.')) return field;
  const parts = field.slice('rules.'.length).split('.');
  if (parts[0] === 'levelRates' && parts.length > 1) {
    const row = sentLevelRows(values)[Number(parts[1])];
    // The level's name is not editable: a problem with the level id shows on its rate.
    return row === undefined ? 'levelRates' : `levelRates.${row}.ratePercent`;
  }
  if (parts.length === 1 && PART_FIRST_FIELD[parts[0]]) return PART_FIRST_FIELD[parts[0]];
  return parts.map((part) => RENAMED[part] ?? part).join('.');
}

/** The server's error with its field paths moved onto the form's fields (for useApiFeedback.showFormError). */
export function withFormFields(error: unknown, values: RulesFormValues): unknown {
  return renameErrorFields(error, (field) => formFieldOf(field, values));
}

/**
 * What the field rules cannot see because it spans rows: one override per product or category, tier
 * thresholds rising. Each problem sits on the later row, as the server reports it.
 */
export function crossRowProblems(values: RulesFormValues): FormFieldError[] {
  const problems: FormFieldError[] = [];
  const seen = new Set<string>();
  values.overrides.forEach((row, index) => {
    if (row.targetId === null || row.targetId === undefined) return;
    const key = `${row.targetKind}:${row.targetId}`;
    if (seen.has(key))
      problems.push({
        name: ['overrides', index, 'targetId'],
        errors: [
          row.targetKind === 'product' ? '同一商品只能设置一条覆盖规则' : '同一分类只能设置一条覆盖规则',
        ],
      });
    seen.add(key);
  });
  if (values.tierBonus.enabled) {
    const tiers = values.tierBonus.tiers;
    tiers.forEach((tier, index) => {
      const previous = tiers[index - 1]?.thresholdYuan;
      if (index > 0 && tier.thresholdYuan !== null && previous !== null && previous !== undefined)
        if (tier.thresholdYuan <= previous)
          problems.push({
            name: ['tierBonus', 'tiers', index, 'thresholdYuan'],
            errors: ['门槛须从低到高排列，且不能重复'],
          });
    });
  }
  return problems;
}
