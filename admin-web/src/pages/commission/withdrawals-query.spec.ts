import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import {
  isStaleWithdrawalError,
  searchFromWithdrawals,
  toWithdrawalQuery,
  withdrawalActions,
  withdrawalsFromSearch,
} from './withdrawals-query';

const params = (query: string) => new URLSearchParams(query);

describe('提现审核 in the URL', () => {
  it('opens 待审核 by default and keeps it out of the URL', () => {
    const search = withdrawalsFromSearch(params(''));
    expect(search).toEqual({ page: 1, pageSize: 20, tab: 'reviewing', leaderId: undefined });
    expect(searchFromWithdrawals(search)).toEqual({});
    expect(toWithdrawalQuery(search)).toEqual({
      page: 1,
      pageSize: 20,
      status: 'reviewing',
      leaderId: undefined,
    });
  });

  it('reads a status tab and a leader; 全部 asks without a status', () => {
    const all = withdrawalsFromSearch(params('status=all&leaderId=5&page=3'));
    expect(toWithdrawalQuery(all)).toEqual({ page: 3, pageSize: 20, status: undefined, leaderId: 5 });
    expect(searchFromWithdrawals(all)).toEqual({ status: 'all', leaderId: '5', page: '3' });
    expect(withdrawalsFromSearch(params('status=lost')).tab).toBe('reviewing');
  });
});

describe('withdrawalActions', () => {
  it('offers review while waiting, recall of a bank withdrawal before its batch, and settlement of bank payouts', () => {
    expect(withdrawalActions({ status: 'reviewing', method: 'wechat' })).toEqual(['approve', 'reject']);
    expect(withdrawalActions({ status: 'paying', method: 'bank' })).toEqual(['markPaid', 'markFailed']);
    expect(withdrawalActions({ status: 'paying', method: 'wechat' })).toEqual([]);
    // An approved bank withdrawal waits for a batch and can still be taken back; a WeChat one is on its way.
    expect(withdrawalActions({ status: 'approved', method: 'bank' })).toEqual(['reject']);
    expect(withdrawalActions({ status: 'approved', method: 'wechat' })).toEqual([]);
    for (const status of ['paid', 'rejected', 'failed'] as const)
      expect(withdrawalActions({ status, method: 'bank' })).toEqual([]);
  });

  it('treats a refusal because the state moved on as stale', () => {
    const err = (status: number, code: string) =>
      new ApiError(status, { code, message: 'x', requestId: 'r' });
    expect(isStaleWithdrawalError(err(409, 'WITHDRAWAL_INVALID_STATUS'))).toBe(true);
    expect(isStaleWithdrawalError(err(404, 'NOT_FOUND'))).toBe(true);
    expect(isStaleWithdrawalError(err(400, 'VALIDATION_FAILED'))).toBe(false);
    expect(isStaleWithdrawalError(new Error('x'))).toBe(false);
  });
});
