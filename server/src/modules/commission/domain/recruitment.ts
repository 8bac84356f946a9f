/**
 * The recruitment reward (招募奖励): a one-off amount to the recruiting leader when the new leader's
 * `afterOrders`-th order completes. "Due" is true only at exactly that count, so a later order never pays
 * it again; the ledger's unique `recruit:<leaderId>` key makes a replay of the same order harmless.
 */
import type { RecruitmentRewardRule } from '@linli/shared-types';

export function recruitmentRewardDue(
  rule: RecruitmentRewardRule | null,
  completedOrdersOfNewLeader: number,
): boolean {
  return rule !== null && completedOrdersOfNewLeader === rule.afterOrders;
}
