import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@linli/shared-types';
import { ApiError } from '../../api';
import {
  caseActions,
  filtersFromSearch,
  formToSettings,
  isFiltered,
  isStaleCaseError,
  oldestFirstWindow,
  rejectReasonProblem,
  searchFromFilters,
  settingsToForm,
  toCaseListQuery,
  toSettingsFormErrorBody,
} from './service';

const params = (query: string) => new URLSearchParams(query);

describe('after-sales list filters in the URL', () => {
  it('opens on 待处理 with default paging and no filters', () => {
    const filters = filtersFromSearch(params(''));
    expect(filters).toEqual({
      tab: 'pending',
      page: 1,
      pageSize: 20,
      leaderId: undefined,
      orderNo: undefined,
    });
    expect(searchFromFilters(filters)).toEqual({});
    expect(isFiltered(filters)).toBe(false);
  });

  it('round-trips a tab, leader, order number and page', () => {
    const filters = filtersFromSearch(
      params('status=approved&leaderId=12&orderNo=%20LN2026%20&page=3&pageSize=50'),
    );
    expect(filters).toEqual({ tab: 'approved', page: 3, pageSize: 50, leaderId: 12, orderNo: 'LN2026' });
    expect(searchFromFilters(filters)).toEqual({
      status: 'approved',
      leaderId: '12',
      orderNo: 'LN2026',
      page: '3',
      pageSize: '50',
    });
    expect(isFiltered(filters)).toBe(true);
  });

  it('ignores what a hand-edited URL gets wrong', () => {
    const filters = filtersFromSearch(params('status=closed&leaderId=abc&pageSize=7&page=-1&orderNo='));
    expect(filters).toEqual({
      tab: 'pending',
      page: 1,
      pageSize: 20,
      leaderId: undefined,
      orderNo: undefined,
    });
  });

  it('keeps 全部 in the URL and sends no status for it', () => {
    const filters = filtersFromSearch(params('status=all'));
    expect(searchFromFilters(filters)).toEqual({ status: 'all' });
    expect(toCaseListQuery(filters).status).toBeUndefined();
    expect(toCaseListQuery(filtersFromSearch(params(''))).status).toBe('pending');
  });
});

describe('oldestFirstWindow', () => {
  it('reads the last rows of the newest-first order for page 1', () => {
    // 45 pending, 20 a page: oldest-first page 1 = newest-first rows 25..44 (server pages 2 and 3).
    expect(oldestFirstWindow(45, 1, 20)).toEqual({ start: 25, end: 45, serverPages: [2, 3] });
    expect(oldestFirstWindow(45, 2, 20)).toEqual({ start: 5, end: 25, serverPages: [1, 2] });
    expect(oldestFirstWindow(45, 3, 20)).toEqual({ start: 0, end: 5, serverPages: [1] });
  });

  it('needs one server page when the window is aligned, none past the end', () => {
    expect(oldestFirstWindow(40, 1, 20)).toEqual({ start: 20, end: 40, serverPages: [2] });
    expect(oldestFirstWindow(7, 1, 20)).toEqual({ start: 0, end: 7, serverPages: [1] });
    expect(oldestFirstWindow(0, 1, 20)).toEqual({ start: 0, end: 0, serverPages: [] });
    expect(oldestFirstWindow(40, 3, 20)).toEqual({ start: 0, end: 0, serverPages: [] });
  });
});

describe('caseActions', () => {
  const line = {
    orderLineId: 1,
    skuId: 1,
    productName: '苹果',
    specText: '5斤',
    imageUrl: null,
    quantity: 1,
    amount: 100,
  };
  it('decides pending cases and returns the goods of approved ones once', () => {
    expect(caseActions({ status: 'pending', lines: [line], stockReturned: false })).toEqual([
      'approve',
      'reject',
    ]);
    expect(caseActions({ status: 'approved', lines: [line], stockReturned: false })).toEqual(['returnStock']);
    expect(caseActions({ status: 'approved', lines: [line], stockReturned: true })).toEqual([]);
    expect(caseActions({ status: 'approved', lines: [], stockReturned: false })).toEqual([]);
    expect(caseActions({ status: 'rejected', lines: [line], stockReturned: false })).toEqual([]);
  });
});

describe('reject reason and stale errors', () => {
  it('needs 1–200 characters after trimming', () => {
    expect(rejectReasonProblem(undefined)).toBe('请填写驳回原因');
    expect(rejectReasonProblem('   ')).toBe('请填写驳回原因');
    expect(rejectReasonProblem('否')).toBeNull();
    expect(rejectReasonProblem('字'.repeat(200))).toBeNull();
    expect(rejectReasonProblem('字'.repeat(201))).toBe('驳回原因最多 200 个字');
  });

  it('treats a case that moved on as stale, other failures not', () => {
    const error = (code: string, status = 409) =>
      new ApiError(status, { code, message: 'x', requestId: 'r' } as ApiError['body']);
    expect(isStaleCaseError(error(ErrorCode.AFTERSALES_STATUS))).toBe(true);
    expect(isStaleCaseError(error(ErrorCode.AFTERSALES_NOTHING_TO_RETURN))).toBe(true);
    expect(isStaleCaseError(error('VALIDATION_FAILED', 400))).toBe(false);
    expect(isStaleCaseError(new Error('boom'))).toBe(false);
  });
});

describe('settings: 元 on the form, fen in the API', () => {
  it('converts both ways without float drift', () => {
    expect(settingsToForm({ autoApproveMaxFen: 1999, autoApproveAfterHours: 48 })).toEqual({
      autoApproveMaxYuan: 19.99,
      autoApproveAfterHours: 48,
    });
    expect(formToSettings({ autoApproveMaxYuan: 19.99, autoApproveAfterHours: 48 })).toEqual({
      autoApproveMaxFen: 1999,
      autoApproveAfterHours: 48,
    });
    expect(
      formToSettings({ autoApproveMaxYuan: 0.1 + 0.2, autoApproveAfterHours: 0 }).autoApproveMaxFen,
    ).toBe(30);
    expect(formToSettings({ autoApproveMaxYuan: 0, autoApproveAfterHours: 0 })).toEqual({
      autoApproveMaxFen: 0,
      autoApproveAfterHours: 0,
    });
  });

  it('moves the server’s fen field errors onto the 元 field', () => {
    const body = toSettingsFormErrorBody({
      fields: [
        { field: 'autoApproveMaxFen', errors: ['金额过大'] },
        { field: 'autoApproveAfterHours', errors: ['小时数最多 720'] },
      ],
    });
    expect(body.fields?.map((f) => f.field)).toEqual(['autoApproveMaxYuan', 'autoApproveAfterHours']);
  });
});
