import { LeaderStatus } from '@linli/shared-types';
import {
  actionNeedsReason,
  invalidTransitionMessage,
  nextLeaderStatus,
  type LeaderAction,
} from './leader-transitions';

const FROM: Array<LeaderStatus | null> = [null, ...Object.values(LeaderStatus)];
const ACTIONS: LeaderAction[] = ['apply', 'approve', 'reject', 'suspend', 'reactivate'];

/** The whole table, written out: every (from, action) pair not listed here must be refused. */
const ALLOWED: Array<[LeaderStatus | null, LeaderAction, LeaderStatus]> = [
  [null, 'apply', 'pending'],
  ['rejected', 'apply', 'pending'],
  ['pending', 'approve', 'active'],
  ['pending', 'reject', 'rejected'],
  ['active', 'suspend', 'suspended'],
  ['suspended', 'reactivate', 'active'],
];

describe('leader transitions', () => {
  for (const from of FROM) {
    for (const action of ACTIONS) {
      const allowed = ALLOWED.find(([f, a]) => f === from && a === action);
      const expected = allowed ? allowed[2] : null;
      it(`${from ?? '(none)'} --${action}--> ${expected ?? 'refused'}`, () => {
        expect(nextLeaderStatus(from, action)).toBe(expected);
      });
    }
  }

  it('needs a reason exactly for reject and suspend', () => {
    expect(ACTIONS.filter(actionNeedsReason)).toEqual(['reject', 'suspend']);
  });

  it('names the current state in Chinese when refusing', () => {
    expect(invalidTransitionMessage('active', 'approve')).toBe('团长当前状态为「正常」，不能审核通过');
    expect(invalidTransitionMessage('rejected', 'suspend')).toBe('团长当前状态为「已拒绝」，不能停用');
  });
});
