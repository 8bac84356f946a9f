import {
  commissionEntriesUrl,
  fetchCommissionEntries,
  fetchCommissionOverview,
  fetchCommissionStatement,
  fetchWithdrawals,
  requestWithdrawal,
  requestWithdrawalConfirmation,
  simulateWithdrawalTransfer,
  syncWithdrawal,
} from './commission';

const mockGet = jest.fn();
const mockPost = jest.fn();
jest.mock('./request', () => ({
  get: (...args: unknown[]) => mockGet(...args),
  post: (...args: unknown[]) => mockPost(...args),
}));

const silent = { silent: true };

beforeEach(() => {
  mockGet.mockReset().mockResolvedValue({});
  mockPost.mockReset().mockResolvedValue({});
});

test('reads call the contract’s leader endpoints', async () => {
  await fetchCommissionOverview();
  expect(mockGet).toHaveBeenLastCalledWith('/api/app/leader/commission', undefined, silent);

  await fetchCommissionEntries({ type: 'reversal', page: 2, pageSize: 20 });
  expect(mockGet).toHaveBeenLastCalledWith(
    '/api/app/leader/commission/entries',
    { type: 'reversal', page: 2, pageSize: 20 },
    silent,
  );
  await fetchCommissionEntries({ status: 'frozen', page: 1, pageSize: 20 });
  expect(mockGet).toHaveBeenLastCalledWith(
    '/api/app/leader/commission/entries',
    { status: 'frozen', page: 1, pageSize: 20 },
    silent,
  );

  await fetchCommissionStatement('week', '2026-11-25');
  expect(mockGet).toHaveBeenLastCalledWith(
    '/api/app/leader/commission/statement',
    { period: 'week', date: '2026-11-25' },
    silent,
  );

  await fetchWithdrawals(3, 20);
  expect(mockGet).toHaveBeenLastCalledWith(
    '/api/app/leader/commission/withdrawals',
    { page: 3, pageSize: 20 },
    silent,
  );
});

test('writes post to the withdrawal endpoints', async () => {
  const body = { amount: 2050, method: 'wechat' as const, requestId: 'k-1' };
  await requestWithdrawal(body);
  expect(mockPost).toHaveBeenLastCalledWith('/api/app/leader/commission/withdrawals', body, silent);

  await requestWithdrawalConfirmation(7);
  expect(mockPost).toHaveBeenLastCalledWith(
    '/api/app/leader/commission/withdrawals/7/confirmation',
    {},
    silent,
  );
  await syncWithdrawal(7);
  expect(mockPost).toHaveBeenLastCalledWith('/api/app/leader/commission/withdrawals/7/sync', {}, silent);
  await simulateWithdrawalTransfer(7, false);
  expect(mockPost).toHaveBeenLastCalledWith(
    '/api/app/leader/commission/withdrawals/7/simulate',
    { accept: false },
    silent,
  );
});

test('the entries page can open on a status', () => {
  expect(commissionEntriesUrl()).toBe('/leader/commission-entries/index');
  expect(commissionEntriesUrl('frozen')).toBe('/leader/commission-entries/index?status=frozen');
});
