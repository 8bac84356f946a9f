/**
 * Checks a rule set before it is saved, so the calculator only ever sees sensible rules: rates within
 * bounds, overrides carrying exactly the value their mode needs, no target or level listed twice (which
 * one would win would be an accident of order), ids that exist, tiers ascending. Problems come back per
 * field in the API's FieldError shape, with Chinese messages for the admin form.
 */
import type { CommissionRules, FieldError } from '@linli/shared-types';

export const MAX_RATE_BPS = 10_000;
/** Tier and referral rates are extras on top of the commission: at most 50%. */
export const MAX_BONUS_RATE_BPS = 5_000;
/** ¥10,000 in fen: the bound of a fixed per-unit amount and of the recruitment reward. */
export const MAX_FIXED_FEN = 1_000_000;
export const MAX_TIERS = 10;
export const MAX_RECRUITMENT_AFTER_ORDERS = 1_000;
export const MAX_FROZEN_DAYS = 60;

export interface KnownIds {
  levelIds: Set<number>;
  productIds: Set<number>;
  categoryIds: Set<number>;
}

const BASES: ReadonlySet<string> = new Set(['paid_amount', 'gross_profit']);
const OVERRIDE_KINDS: ReadonlySet<string> = new Set(['product', 'category']);
const OVERRIDE_MODES: ReadonlySet<string> = new Set(['rate', 'fixed']);
const TIER_MODES: ReadonlySet<string> = new Set(['whole_month', 'marginal']);
const REFERRAL_BASES: ReadonlySet<string> = new Set(['commission', 'gmv']);

/** Problems with a rule set, one FieldError per field (paths like `rules.levelRates.0.rateBps`); [] when fine. */
export function ruleProblems(rules: CommissionRules, known: KnownIds): FieldError[] {
  const problems = new FieldProblems();

  if (!BASES.has(rules.basis)) problems.add('rules.basis', '计佣基数须为“按实付金额”或“按毛利”');
  checkRange(
    problems,
    'rules.defaultRateBps',
    rules.defaultRateBps,
    0,
    MAX_RATE_BPS,
    rateMessage('默认费率', MAX_RATE_BPS),
  );
  checkLevelRates(problems, rules, known);
  checkOverrides(problems, rules, known);
  checkTierBonus(problems, rules);
  checkReferral(problems, rules);
  checkRecruitmentReward(problems, rules);
  checkRange(
    problems,
    'rules.frozenDays',
    rules.frozenDays,
    0,
    MAX_FROZEN_DAYS,
    `冻结天数须为 0–${MAX_FROZEN_DAYS} 的整数`,
  );

  return problems.list();
}

function checkLevelRates(problems: FieldProblems, rules: CommissionRules, known: KnownIds): void {
  if (!Array.isArray(rules.levelRates)) {
    problems.add('rules.levelRates', '等级费率须为列表');
    return;
  }
  const seen = new Set<number>();
  rules.levelRates.forEach((levelRate, index) => {
    const path = `rules.levelRates.${index}`;
    if (!known.levelIds.has(levelRate.levelId)) problems.add(`${path}.levelId`, '团长等级不存在');
    else if (seen.has(levelRate.levelId)) problems.add(`${path}.levelId`, '该等级的费率重复设置');
    seen.add(levelRate.levelId);
    checkRange(
      problems,
      `${path}.rateBps`,
      levelRate.rateBps,
      0,
      MAX_RATE_BPS,
      rateMessage('等级费率', MAX_RATE_BPS),
    );
  });
}

function checkOverrides(problems: FieldProblems, rules: CommissionRules, known: KnownIds): void {
  if (!Array.isArray(rules.overrides)) {
    problems.add('rules.overrides', '覆盖规则须为列表');
    return;
  }
  const seenTargets = new Set<string>();
  rules.overrides.forEach((override, index) => {
    const path = `rules.overrides.${index}`;
    const kindKnown = OVERRIDE_KINDS.has(override.targetKind);
    if (!kindKnown) problems.add(`${path}.targetKind`, '覆盖对象须为商品或分类');
    else {
      const isProduct = override.targetKind === 'product';
      const targetKey = `${override.targetKind}:${override.targetId}`;
      const exists = (isProduct ? known.productIds : known.categoryIds).has(override.targetId);
      if (!exists) problems.add(`${path}.targetId`, isProduct ? '商品不存在' : '分类不存在');
      else if (seenTargets.has(targetKey)) {
        problems.add(
          `${path}.targetId`,
          isProduct ? '同一商品只能设置一条覆盖规则' : '同一分类只能设置一条覆盖规则',
        );
      }
      seenTargets.add(targetKey);
    }

    if (!OVERRIDE_MODES.has(override.mode)) {
      problems.add(`${path}.mode`, '覆盖方式须为按费率或固定金额');
    } else if (override.mode === 'rate') {
      if (override.rateBps === null || override.rateBps === undefined)
        problems.add(`${path}.rateBps`, '按费率覆盖须填写费率');
      else
        checkRange(
          problems,
          `${path}.rateBps`,
          override.rateBps,
          0,
          MAX_RATE_BPS,
          rateMessage('覆盖费率', MAX_RATE_BPS),
        );
      if (override.fixedFen !== null && override.fixedFen !== undefined) {
        problems.add(`${path}.fixedFen`, '按费率覆盖不能填写固定金额');
      }
    } else {
      if (override.fixedFen === null || override.fixedFen === undefined)
        problems.add(`${path}.fixedFen`, '固定金额覆盖须填写每件金额');
      else
        checkRange(
          problems,
          `${path}.fixedFen`,
          override.fixedFen,
          0,
          MAX_FIXED_FEN,
          fenMessage('每件固定金额', MAX_FIXED_FEN),
        );
      if (override.rateBps !== null && override.rateBps !== undefined) {
        problems.add(`${path}.rateBps`, '固定金额覆盖不能填写费率');
      }
    }
  });
}

function checkTierBonus(problems: FieldProblems, rules: CommissionRules): void {
  const tierBonus = rules.tierBonus;
  if (tierBonus === null || tierBonus === undefined) return;
  if (!TIER_MODES.has(tierBonus.mode)) problems.add('rules.tierBonus.mode', '阶梯方式须为“整月”或“分段”');
  if (!Array.isArray(tierBonus.tiers)) {
    problems.add('rules.tierBonus.tiers', '阶梯须为列表');
    return;
  }
  if (tierBonus.tiers.length > MAX_TIERS) problems.add('rules.tierBonus.tiers', `阶梯最多 ${MAX_TIERS} 档`);
  tierBonus.tiers.forEach((tier, index) => {
    const path = `rules.tierBonus.tiers.${index}`;
    const thresholdValid = Number.isSafeInteger(tier.thresholdFen) && tier.thresholdFen >= 0;
    if (!thresholdValid) problems.add(`${path}.thresholdFen`, '门槛须为非负整数（分）');
    else if (index > 0) {
      const previous = tierBonus.tiers[index - 1].thresholdFen;
      if (Number.isSafeInteger(previous) && tier.thresholdFen <= previous) {
        problems.add(`${path}.thresholdFen`, '门槛须从低到高排列，且不能重复');
      }
    }
    checkRange(
      problems,
      `${path}.rateBps`,
      tier.rateBps,
      0,
      MAX_BONUS_RATE_BPS,
      rateMessage('阶梯费率', MAX_BONUS_RATE_BPS),
    );
  });
}

function checkReferral(problems: FieldProblems, rules: CommissionRules): void {
  const referral = rules.referral;
  if (referral === null || referral === undefined) return;
  if (!REFERRAL_BASES.has(referral.base))
    problems.add('rules.referral.base', '推荐奖励基数须为下级佣金或下级销售额');
  const message = (what: string) => rateMessage(what, MAX_BONUS_RATE_BPS);
  checkRange(
    problems,
    'rules.referral.level1Bps',
    referral.level1Bps,
    0,
    MAX_BONUS_RATE_BPS,
    message('一级推荐费率'),
  );
  checkRange(
    problems,
    'rules.referral.level2Bps',
    referral.level2Bps,
    0,
    MAX_BONUS_RATE_BPS,
    message('二级推荐费率'),
  );
}

function checkRecruitmentReward(problems: FieldProblems, rules: CommissionRules): void {
  const reward = rules.recruitmentReward;
  if (reward === null || reward === undefined) return;
  checkRange(
    problems,
    'rules.recruitmentReward.afterOrders',
    reward.afterOrders,
    1,
    MAX_RECRUITMENT_AFTER_ORDERS,
    `完成订单数须为 1–${MAX_RECRUITMENT_AFTER_ORDERS} 的整数`,
  );
  checkRange(
    problems,
    'rules.recruitmentReward.rewardFen',
    reward.rewardFen,
    0,
    MAX_FIXED_FEN,
    fenMessage('招募奖励', MAX_FIXED_FEN),
  );
}

/** Adds `message` at `field` unless `value` is an integer in [min, max]. */
function checkRange(
  problems: FieldProblems,
  field: string,
  value: number,
  min: number,
  max: number,
  message: string,
): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) problems.add(field, message);
}

/** "X须为 0–100% 的整数基点（0–10000）" style message. */
function rateMessage(what: string, maxBps: number): string {
  return `${what}须为 0–${maxBps / 100}%（0–${maxBps} 基点）的整数`;
}

function fenMessage(what: string, maxFen: number): string {
  return `${what}须为 0–${maxFen / 100} 元（0–${maxFen} 分）的整数`;
}

/** Messages grouped by field, in the order the fields were first reported. */
class FieldProblems {
  private readonly byField = new Map<string, string[]>();

  add(field: string, message: string): void {
    const messages = this.byField.get(field);
    if (messages) messages.push(message);
    else this.byField.set(field, [message]);
  }

  list(): FieldError[] {
    return [...this.byField].map(([field, errors]) => ({ field, errors }));
  }
}
