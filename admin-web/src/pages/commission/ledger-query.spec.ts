import { describe, expect, it } from 'vitest';
import {
  entriesFiltered,
  entriesOfLeader,
  ledgerFromSearch,
  ORDER_NO_MAX,
  searchFromLedger,
  toBalanceQuery,
  toEntryQuery,
} from './ledger-query';

const params = (query: string) => new URLSearchParams(query);

describe('佣金明细 in the URL', () => {
  it('opens 团长余额 by default, with its keyword and page', () => {
    expect(ledgerFromSearch(params('keyword=%20王&page=2&leaderId=3'))).toEqual({
      tab: 'balances',
      page: 2,
      pageSize: 20,
      keyword: '王',
    });
    expect(toBalanceQuery(ledgerFromSearch(params('keyword=王')))).toEqual({
      page: 1,
      pageSize: 20,
      keyword: '王',
    });
  });

  it('reads the 流水 filters and drops what is not valid', () => {
    expect(
      ledgerFromSearch(
        params(
          'tab=entries&leaderId=3&type=referral&status=frozen&orderNo=2026&from=2026-12-08&to=2026-12-01',
        ),
      ),
    ).toEqual({
      tab: 'entries',
      page: 1,
      pageSize: 20,
      leaderId: 3,
      type: 'referral',
      status: 'frozen',
      orderNo: '2026',
      from: '2026-12-01',
      to: '2026-12-08',
    });
    expect(ledgerFromSearch(params('tab=entries&type=bonus&status=gone&leaderId=x&from=2026-02-31'))).toEqual(
      {
        tab: 'entries',
        page: 1,
        pageSize: 20,
        leaderId: undefined,
        type: undefined,
        status: undefined,
        orderNo: undefined,
        from: undefined,
        to: undefined,
      },
    );
  });

  it('round-trips and links a leader’s 流水', () => {
    const search = ledgerFromSearch(params('tab=entries&leaderId=3&type=accrual&page=2'));
    expect(searchFromLedger(search)).toEqual({ tab: 'entries', leaderId: '3', type: 'accrual', page: '2' });
    expect(entriesOfLeader(12)).toEqual({ tab: 'entries', leaderId: '12' });
    expect(entriesFiltered(search)).toBe(true);
    expect(entriesFiltered(ledgerFromSearch(params('tab=entries')))).toBe(false);
  });

  it('asks the API for whole Shanghai days, the last one included', () => {
    expect(toEntryQuery(ledgerFromSearch(params('tab=entries&from=2026-12-01&to=2026-12-31')))).toEqual({
      page: 1,
      pageSize: 20,
      leaderId: undefined,
      type: undefined,
      status: undefined,
      orderNo: undefined,
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
  });
});

describe('order number filter', () => {
  it('keeps at most what the server accepts', () => {
    const long = '2612080913013942797812345678';
    const search = ledgerFromSearch(new URLSearchParams({ tab: 'entries', orderNo: ` ${long} ` }));
    expect(search.orderNo).toBe(long.slice(0, ORDER_NO_MAX));
    expect(search.orderNo).toHaveLength(24);
  });
});
