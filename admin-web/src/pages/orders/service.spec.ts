import { describe, expect, it } from 'vitest';
import type { AdminOrderDetail, OrderStatusCounts } from '@linli/shared-types';
import { ApiError } from '../../api';
import {
  filtersFromSearch,
  hasRefundInFlight,
  isFiltered,
  isStaleOrderError,
  reasonProblem,
  searchFromFilters,
  shanghaiDayStart,
  shanghaiTime,
  toCountsQuery,
  toOrderListQuery,
  totalOf,
} from './service';

const params = (query: string) => new URLSearchParams(query);

describe('order list filters in the URL', () => {
  it('reads every filter and drops what is not valid', () => {
    expect(
      filtersFromSearch(
        params(
          'status=paid&keyword=%2020261208&leaderId=3&campaignId=7&memberId=12&createdFrom=2026-12-01&createdTo=2026-12-08&page=2',
        ),
      ),
    ).toEqual({
      page: 2,
      pageSize: 20,
      status: 'paid',
      keyword: '20261208',
      leaderId: 3,
      campaignId: 7,
      memberId: 12,
      createdFrom: '2026-12-01',
      createdTo: '2026-12-08',
    });
    expect(
      filtersFromSearch(params('status=delivered&leaderId=abc&memberId=0&createdFrom=2026-02-31')),
    ).toEqual({ page: 1, pageSize: 20 });
  });

  it('swaps days given in the wrong order and round-trips to the same URL', () => {
    const filters = filtersFromSearch(params('createdFrom=2026-12-08&createdTo=2026-12-01&memberId=5'));
    expect(filters).toMatchObject({ createdFrom: '2026-12-01', createdTo: '2026-12-08' });
    expect(searchFromFilters(filters)).toEqual({
      memberId: '5',
      createdFrom: '2026-12-01',
      createdTo: '2026-12-08',
    });
  });

  it('counts the status tab as no filter (the empty state offers to clear only real filters)', () => {
    expect(isFiltered(filtersFromSearch(params('status=paid')))).toBe(false);
    expect(isFiltered(filtersFromSearch(params('memberId=3')))).toBe(true);
  });
});

describe('Asia/Shanghai days become ISO bounds', () => {
  it('starts a day at 00:00 +08:00 and ends the range at 00:00 of the day after (exclusive)', () => {
    expect(shanghaiDayStart('2026-12-08')).toBe('2026-12-07T16:00:00.000Z');
    const query = toOrderListQuery(filtersFromSearch(params('createdFrom=2026-12-01&createdTo=2026-12-08')));
    expect(query.createdFrom).toBe('2026-11-30T16:00:00.000Z');
    expect(query.createdTo).toBe('2026-12-08T16:00:00.000Z');
    // Across a month end.
    expect(toOrderListQuery(filtersFromSearch(params('createdTo=2026-12-31'))).createdTo).toBe(
      '2026-12-31T16:00:00.000Z',
    );
  });

  it('shows instants as Shanghai wall-clock time', () => {
    expect(shanghaiTime('2026-12-07T16:05:00.000Z')).toBe('2026-12-08 00:05');
    expect(shanghaiTime(null)).toBeNull();
  });

  it('asks the tab counts with the same filters but no status or page', () => {
    const query = toOrderListQuery(filtersFromSearch(params('status=paid&page=3&leaderId=4&keyword=1385')));
    expect(toCountsQuery(query)).toEqual({
      keyword: '1385',
      leaderId: 4,
      campaignId: undefined,
      memberId: undefined,
      createdFrom: undefined,
      createdTo: undefined,
    });
  });

  it('sums the counts for 全部 and knows nothing before they load', () => {
    const counts: OrderStatusCounts = {
      pending_payment: 1,
      paid: 2,
      locked: 0,
      shipped: 0,
      ready_for_pickup: 0,
      picked_up: 4,
      cancelled: 0,
      refunded: 1,
    };
    expect(totalOf(counts)).toBe(8);
    expect(totalOf(undefined)).toBeUndefined();
  });
});

describe('staff actions', () => {
  it('wants a reason of 2–100 characters, as the server does', () => {
    expect(reasonProblem(undefined)).toBe('请填写原因');
    expect(reasonProblem('   ')).toBe('请填写原因');
    expect(reasonProblem('退')).toBe('原因至少 2 个字');
    expect(reasonProblem('买家要求')).toBeNull();
    expect(reasonProblem('退'.repeat(101))).toBe('原因最多 100 个字');
  });

  it('reloads the detail when the order moved on, not on other failures', () => {
    const refused = new ApiError(409, {
      code: 'ORDER_CANCEL_NOT_ALLOWED',
      message: '已提货',
      requestId: 'r',
    });
    const busy = new ApiError(503, { code: 'INTERNAL_ERROR', message: '稍后', requestId: 'r' });
    expect(isStaleOrderError(refused)).toBe(true);
    expect(isStaleOrderError(busy)).toBe(false);
    expect(isStaleOrderError(new Error('x'))).toBe(false);
  });

  it('keeps polling only while a refund waits for the provider', () => {
    const withRefunds = (...statuses: Array<'processing' | 'succeeded' | 'failed'>) =>
      ({ refunds: statuses.map((status, id) => ({ id, status })) }) as unknown as AdminOrderDetail;
    expect(hasRefundInFlight(withRefunds('processing'))).toBe(true);
    expect(hasRefundInFlight(withRefunds('failed', 'succeeded'))).toBe(false);
    expect(hasRefundInFlight(undefined)).toBe(false);
  });
});
