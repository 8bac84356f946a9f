import type { AfterSalesReason, AfterSalesSource } from '@linli/shared-types';

/** The rules staff edit without code (the aftersales_settings row). */
export interface AfterSalesRules {
  autoApproveMaxFen: number;
  autoApproveAfterHours: number;
}

export const RULE_LIMITS = { maxFen: 100_000_000, maxHours: 24 * 30 } as const;

/**
 * Approve at once? Shortage / damage reported at the pickup point always; a buyer's case when its
 * amount is at most the small-amount threshold (0 switches that rule off).
 */
export function approvesAtOnce(source: AfterSalesSource, amountFen: number, rules: AfterSalesRules): boolean {
  if (source === 'pickup_report') return true;
  return rules.autoApproveMaxFen > 0 && amountFen > 0 && amountFen <= rules.autoApproveMaxFen;
}

/** When a pending case is approved if nobody answered (null: the rule is off). */
export function autoApproveAt(createdAt: Date, rules: AfterSalesRules): Date | null {
  if (rules.autoApproveAfterHours <= 0) return null;
  return new Date(createdAt.getTime() + rules.autoApproveAfterHours * 3_600_000);
}

/** Problems of a rules edit (empty: fine). */
export function rulesProblems(rules: AfterSalesRules): string[] {
  const problems: string[] = [];
  if (
    !Number.isSafeInteger(rules.autoApproveMaxFen) ||
    rules.autoApproveMaxFen < 0 ||
    rules.autoApproveMaxFen > RULE_LIMITS.maxFen
  )
    problems.push('小额自动退款金额须在 0 到 1,000,000 元之间（单位：分）');
  if (
    !Number.isSafeInteger(rules.autoApproveAfterHours) ||
    rules.autoApproveAfterHours < 0 ||
    rules.autoApproveAfterHours > RULE_LIMITS.maxHours
  )
    problems.push('超时自动同意的小时数须在 0 到 720 之间');
  return problems;
}

/** Reasons a buyer may give (shortage / damage come only from the pickup point). */
export function buyerMayGive(reason: AfterSalesReason): boolean {
  return reason !== 'shortage' && reason !== 'damage';
}

/** `SH<yymmdd>` + the order id + `-` + a per-order sequence: unique and readable. */
export function caseNumber(orderNo: string, sequence: number): string {
  return `SH${orderNo}-${sequence}`;
}
