import type { RecruitmentRewardRule } from '@linli/shared-types';
import { recruitmentRewardDue } from './recruitment';

const afterThird: RecruitmentRewardRule = { afterOrders: 3, rewardFen: 5000 };
const afterFirst: RecruitmentRewardRule = { afterOrders: 1, rewardFen: 1000 };

describe('recruitmentRewardDue', () => {
  it.each<[string, RecruitmentRewardRule | null, number, boolean]>([
    ['no rule', null, 3, false],
    ['before the N-th order', afterThird, 2, false],
    ['at the N-th order', afterThird, 3, true],
    ['after the N-th order (already paid then)', afterThird, 4, false],
    ['no orders yet', afterThird, 0, false],
    ['N = 1 at the first order', afterFirst, 1, true],
    ['N = 1 at the second order', afterFirst, 2, false],
  ])('%s → %s', (_name, rule, completedOrders, due) => {
    expect(recruitmentRewardDue(rule, completedOrders)).toBe(due);
  });
});
