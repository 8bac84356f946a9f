/**
 * The commission of one completed order: the leader's accrual (one entry, one detail line per order line)
 * and the referral entries of up to two uplines. Pure, so the same function serves the ledger job and the
 * admin preview of a draft rule set. Each entry is summed exactly in fen × basis points and rounded once
 * (see rounding.ts). The rules are assumed to have passed `ruleProblems`; the order's own numbers are
 * checked here and a RangeError refuses negative or unsafe ones.
 */
import type {
  CommissionDetailLine,
  CommissionOverride,
  CommissionRules,
  ReferralRule,
} from '@linli/shared-types';
import { BPS_PER_WHOLE, exactProduct, exactSum, fenFromBpsProduct, requireSafeInteger } from './rounding';

export interface CommissionLineInput {
  label: string;
  productId: number;
  /** The product's category first, then its parent; may be empty. */
  categoryIds: number[];
  quantity: number;
  /** What the buyer paid for the line, fen. */
  paidFen: number;
  unitCostFen: number;
}

export interface CommissionOrderInput {
  orderId: number;
  paidFen: number;
  lines: CommissionLineInput[];
}

export interface CommissionLeaderInput {
  leaderId: number;
  levelId: number | null;
}

/** uplines[0] is the recruiter (depth 1), uplines[1] their recruiter (depth 2). */
export interface Upline {
  leaderId: number;
}

export type DraftEntryType = 'accrual' | 'referral';
export type DraftEntryDepth = 0 | 1 | 2;

/** An entry to write: depth 0 is the order's own leader, 1 and 2 the uplines. */
export interface DraftEntry {
  leaderId: number;
  type: DraftEntryType;
  depth: DraftEntryDepth;
  amount: number;
  details: CommissionDetailLine[];
}

export interface OrderCommissionInput {
  order: CommissionOrderInput;
  leader: CommissionLeaderInput;
  uplines: Upline[];
  rules: CommissionRules;
}

export interface OrderCommission {
  /** Always present, even when 0, so the caller can record that nothing was earned and why. */
  accrual: DraftEntry;
  /** Only the non-zero ones. */
  referrals: DraftEntry[];
}

/** The `rule` of a detail line: which rule produced it. */
export const COMMISSION_RULE_LABELS = {
  level: '等级费率',
  default: '默认费率',
  product: '商品覆盖',
  category: '分类覆盖',
  referralDepth1: '推荐奖励（一级）',
  referralDepth2: '推荐奖励（二级）',
} as const;

/** What one order line earns: a rate on a basis, or a fixed amount per unit. */
type LinePricing =
  { kind: 'rate'; rateBps: number; rule: string } | { kind: 'fixed'; fixedFen: number; rule: string };

export function calculateOrderCommission({
  order,
  leader,
  uplines,
  rules,
}: OrderCommissionInput): OrderCommission {
  requireNonNegative(order.paidFen, `order ${order.orderId} paidFen`);

  let accrualExact = 0; // fen × bps
  const details: CommissionDetailLine[] = order.lines.map((line) => {
    const { lineExact, detail } = lineCommission(line, leader, rules);
    accrualExact = exactSum(accrualExact, lineExact);
    return detail;
  });
  const accrual: DraftEntry = {
    leaderId: leader.leaderId,
    type: 'accrual',
    depth: 0,
    amount: fenFromBpsProduct(accrualExact),
    details,
  };

  const referrals = rules.referral ? referralEntries(rules.referral, order, accrual.amount, uplines) : [];
  return { accrual, referrals };
}

/** The uplines' referral entries: a rate of the (rounded) accrual or of the order's paid amount, each rounded once. */
function referralEntries(
  referral: ReferralRule,
  order: CommissionOrderInput,
  accrualFen: number,
  uplines: Upline[],
): DraftEntry[] {
  const referralBaseFen = referral.base === 'commission' ? accrualFen : order.paidFen;
  const label =
    referral.base === 'commission'
      ? `下级团长订单佣金（订单 ${order.orderId}）`
      : `下级团长订单实付（订单 ${order.orderId}）`;
  const depths: Array<{ depth: 1 | 2; rateBps: number; rule: string }> = [
    { depth: 1, rateBps: referral.level1Bps, rule: COMMISSION_RULE_LABELS.referralDepth1 },
    { depth: 2, rateBps: referral.level2Bps, rule: COMMISSION_RULE_LABELS.referralDepth2 },
  ];
  const entries: DraftEntry[] = [];
  for (const { depth, rateBps, rule } of depths) {
    const upline = uplines[depth - 1];
    if (!upline) break;
    const exact = exactProduct(referralBaseFen, rateBps);
    const amount = fenFromBpsProduct(exact);
    if (amount === 0) continue;
    const detail: CommissionDetailLine = {
      label,
      baseFen: referralBaseFen,
      rateBps,
      fixedFen: null,
      units: null,
      amount: exact / BPS_PER_WHOLE,
      rule,
    };
    entries.push({ leaderId: upline.leaderId, type: 'referral', depth, amount, details: [detail] });
  }
  return entries;
}

/** The basis a rate applies to: the paid amount, or gross profit never below 0. */
function lineBasisFen(line: CommissionLineInput, basis: CommissionRules['basis']): number {
  if (basis === 'paid_amount') return line.paidFen;
  const costFen = exactProduct(line.unitCostFen, line.quantity);
  return Math.max(0, line.paidFen - costFen);
}

/**
 * The pricing of a line, by precedence: the product's override, then the first category override among
 * `categoryIds` (own category before its parent), then the leader's level rate, then the default rate.
 */
function linePricing(
  line: CommissionLineInput,
  leader: CommissionLeaderInput,
  rules: CommissionRules,
): LinePricing {
  const productOverride = rules.overrides.find(
    (o) => o.targetKind === 'product' && o.targetId === line.productId,
  );
  if (productOverride) return overridePricing(productOverride, COMMISSION_RULE_LABELS.product);
  for (const categoryId of line.categoryIds) {
    const categoryOverride = rules.overrides.find(
      (o) => o.targetKind === 'category' && o.targetId === categoryId,
    );
    if (categoryOverride) return overridePricing(categoryOverride, COMMISSION_RULE_LABELS.category);
  }
  const levelRate =
    leader.levelId === null ? undefined : rules.levelRates.find((l) => l.levelId === leader.levelId);
  if (levelRate) return { kind: 'rate', rateBps: levelRate.rateBps, rule: COMMISSION_RULE_LABELS.level };
  return { kind: 'rate', rateBps: rules.defaultRateBps, rule: COMMISSION_RULE_LABELS.default };
}

function overridePricing(override: CommissionOverride, rule: string): LinePricing {
  if (override.mode === 'fixed') return { kind: 'fixed', fixedFen: override.fixedFen ?? 0, rule };
  return { kind: 'rate', rateBps: override.rateBps ?? 0, rule };
}

/** One line's exact value in fen × bps and its detail line. */
function lineCommission(
  line: CommissionLineInput,
  leader: CommissionLeaderInput,
  rules: CommissionRules,
): { lineExact: number; detail: CommissionDetailLine } {
  requireNonNegative(line.quantity, `line "${line.label}" quantity`);
  requireNonNegative(line.paidFen, `line "${line.label}" paidFen`);
  requireNonNegative(line.unitCostFen, `line "${line.label}" unitCostFen`);

  const pricing = linePricing(line, leader, rules);
  if (pricing.kind === 'fixed') {
    const fixedTotalFen = exactProduct(pricing.fixedFen, line.quantity);
    const lineExact = exactProduct(fixedTotalFen, BPS_PER_WHOLE);
    return {
      lineExact,
      detail: {
        label: line.label,
        baseFen: null,
        rateBps: null,
        fixedFen: pricing.fixedFen,
        units: line.quantity,
        amount: fixedTotalFen,
        rule: pricing.rule,
      },
    };
  }
  const baseFen = lineBasisFen(line, rules.basis);
  const lineExact = exactProduct(baseFen, pricing.rateBps);
  return {
    lineExact,
    detail: {
      label: line.label,
      baseFen,
      rateBps: pricing.rateBps,
      fixedFen: null,
      units: null,
      amount: lineExact / BPS_PER_WHOLE,
      rule: pricing.rule,
    },
  };
}

function requireNonNegative(value: number, what: string): void {
  requireSafeInteger(value, what);
  if (value < 0) throw new RangeError(`${what} must not be negative, got ${value}`);
}
