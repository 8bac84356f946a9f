import { describe, expect, it } from 'vitest';
import { LeaderStatus } from '@linli/shared-types';
import { ApiError } from '../../api';
import {
  actionDoneText,
  actionsFor,
  formatCoordinates,
  isStaleLeaderError,
  needsReason,
  parseLeaderId,
  queryFromSearch,
  reasonProblem,
  searchFromQuery,
} from './service';

describe('leader list query in the URL', () => {
  it('round-trips status, keyword, level and paging', () => {
    const query = { page: 3, pageSize: 50, status: 'suspended' as const, keyword: '翠苑', levelId: 2 };
    expect(queryFromSearch(new URLSearchParams(searchFromQuery(query)))).toEqual(query);
  });

  it('keeps the defaults out of the URL', () => {
    expect(searchFromQuery({ page: 1, pageSize: 20 })).toEqual({});
  });

  it('drops an unknown status, a bad page and a blank keyword', () => {
    expect(queryFromSearch(new URLSearchParams('status=deleted&page=-2&pageSize=7&keyword=%20%20'))).toEqual({
      page: 1,
      pageSize: 20,
      status: undefined,
      keyword: undefined,
    });
  });
});

describe('actionsFor', () => {
  it('offers exactly the transitions the server allows', () => {
    expect(actionsFor(LeaderStatus.PENDING)).toEqual(['approve', 'reject']);
    expect(actionsFor(LeaderStatus.ACTIVE)).toEqual(['suspend']);
    expect(actionsFor(LeaderStatus.SUSPENDED)).toEqual(['reactivate']);
    expect(actionsFor(LeaderStatus.REJECTED)).toEqual([]);
  });

  it('asks for a reason only when rejecting or suspending', () => {
    expect(['approve', 'reject', 'suspend', 'reactivate'].filter((a) => needsReason(a as never))).toEqual([
      'reject',
      'suspend',
    ]);
  });

  it('names the leader in the success text', () => {
    expect(actionDoneText('approve', '李梅')).toBe('已通过 李梅 的团长申请');
    expect(actionDoneText('suspend', '李梅')).toContain('暂停接单');
  });
});

describe('reasonProblem', () => {
  it('accepts 2 to 200 characters after trimming', () => {
    expect(reasonProblem('地址不全')).toBeNull();
    expect(reasonProblem(' 好 ')).toBe('原因至少 2 个字');
    expect(reasonProblem('好吧')).toBeNull();
    expect(reasonProblem('字'.repeat(200))).toBeNull();
    expect(reasonProblem('字'.repeat(201))).toBe('原因最多 200 个字');
  });

  it('requires something', () => {
    expect(reasonProblem(undefined)).toBe('请填写原因');
    expect(reasonProblem('   ')).toBe('请填写原因');
  });

  it('counts an emoji as one character, as people do', () => {
    expect(reasonProblem('👍👍')).toBeNull();
  });
});

describe('isStaleLeaderError', () => {
  const err = (status: number, code: string) => new ApiError(status, { code, message: 'x', requestId: 'r' });

  it('recognises "someone else acted first" and a vanished leader', () => {
    expect(isStaleLeaderError(err(409, 'LEADER_INVALID_STATUS'))).toBe(true);
    expect(isStaleLeaderError(err(404, 'LEADER_NOT_FOUND'))).toBe(true);
  });

  it('leaves other failures to the normal error toast', () => {
    expect(isStaleLeaderError(err(403, 'FORBIDDEN'))).toBe(false);
    expect(isStaleLeaderError(err(400, 'VALIDATION_FAILED'))).toBe(false);
    expect(isStaleLeaderError(new Error('boom'))).toBe(false);
  });
});

describe('small formatters', () => {
  it('formats coordinates with six decimals, or null when missing', () => {
    expect(formatCoordinates(30.2741, 120.1551)).toBe('30.274100, 120.155100');
    expect(formatCoordinates(null, 120.1)).toBeNull();
    expect(formatCoordinates(0, 0)).toBe('0.000000, 0.000000');
  });

  it('parses route ids strictly', () => {
    expect(parseLeaderId('12')).toBe(12);
    expect(parseLeaderId('0')).toBeNull();
    expect(parseLeaderId('12abc')).toBeNull();
    expect(parseLeaderId('applications')).toBeNull();
    expect(parseLeaderId(undefined)).toBeNull();
  });
});
