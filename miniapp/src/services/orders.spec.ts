import { ApiError, networkError } from './api-error';
import {
  attemptFor,
  checkoutAttempts,
  checkoutFingerprint,
  fetchOrders,
  isUncertainOutcome,
  newIdempotencyKey,
  payCountdown,
  placeOrder,
} from './orders';

const mockStorage = new Map<string, unknown>();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => mockStorage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => mockStorage.set(key, value),
    removeStorageSync: (key: string) => mockStorage.delete(key),
    switchTab: () => Promise.resolve(),
  },
}));

const mockPost = jest.fn();
const mockGet = jest.fn();
jest.mock('./request', () => ({
  post: (...args: unknown[]) => mockPost(...args),
  get: (...args: unknown[]) => mockGet(...args),
}));

describe('placeOrder', () => {
  beforeEach(() => {
    mockPost.mockReset();
  });

  test('sends the Idempotency-Key as a header of that request', async () => {
    mockPost.mockResolvedValue({ id: 9 });
    const body = { campaignId: 1, lines: [{ itemId: 4, quantity: 1 }], remark: null };
    await expect(placeOrder(body, 'key-123456')).resolves.toEqual({ id: 9 });
    expect(mockPost).toHaveBeenCalledWith('/api/app/orders', body, {
      silent: true,
      headers: { 'Idempotency-Key': 'key-123456' },
    });
  });
});

test('newIdempotencyKey is UUID-shaped and fits the server pattern', () => {
  const key = newIdempotencyKey();
  expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(newIdempotencyKey()).not.toBe(key);
});

describe('checkout attempts', () => {
  const body = {
    campaignId: 1,
    lines: [
      { itemId: 6, quantity: 1 },
      { itemId: 4, quantity: 2 },
    ],
    remark: ' 放门口 ',
  };

  test('the fingerprint ignores line order and remark padding, not the member or the content', () => {
    const same = { ...body, lines: [...body.lines].reverse(), remark: '放门口' };
    expect(checkoutFingerprint(7, same)).toBe(checkoutFingerprint(7, body));
    expect(checkoutFingerprint(8, body)).not.toBe(checkoutFingerprint(7, body));
    expect(checkoutFingerprint(7, { ...body, remark: '' })).toBe(
      checkoutFingerprint(7, { ...body, remark: null }),
    );
    expect(checkoutFingerprint(7, { ...body, remark: '别敲门' })).not.toBe(checkoutFingerprint(7, body));
  });

  test('a retry of the same body keeps its key; another body gets a new one', () => {
    let n = 0;
    const newKey = () => `key-${(n += 1)}`;
    const first = attemptFor(null, 'fp-a', newKey);
    expect(first).toEqual({ fingerprint: 'fp-a', key: 'key-1' });
    expect(attemptFor(first, 'fp-a', newKey)).toBe(first);
    expect(attemptFor(first, 'fp-b', newKey)).toEqual({ fingerprint: 'fp-b', key: 'key-2' });
  });

  test('only outcomes that may have gone through keep the attempt', () => {
    const refusal = (status: number, code: string) =>
      new ApiError(status, { code, message: '', requestId: '' });
    expect(isUncertainOutcome(networkError('r'))).toBe(true);
    expect(isUncertainOutcome(refusal(503, 'ORDER_FLASH_SALE_BUSY'))).toBe(true);
    expect(isUncertainOutcome(refusal(502, 'INTERNAL_ERROR'))).toBe(true);
    expect(isUncertainOutcome(refusal(409, 'ORDER_IN_PROGRESS'))).toBe(true);
    expect(isUncertainOutcome(new Error('boom'))).toBe(true);
    expect(isUncertainOutcome(refusal(409, 'ORDER_SOLD_OUT'))).toBe(false);
    expect(isUncertainOutcome(refusal(409, 'ORDER_LIMIT_EXCEEDED'))).toBe(false);
    expect(isUncertainOutcome(refusal(400, 'VALIDATION_FAILED'))).toBe(false);
  });

  test('are kept in storage across pages', () => {
    expect(checkoutAttempts.load()).toBeNull();
    checkoutAttempts.save({ fingerprint: 'fp', key: 'key-1' });
    expect(checkoutAttempts.load()).toEqual({ fingerprint: 'fp', key: 'key-1' });
    checkoutAttempts.clear();
    expect(checkoutAttempts.load()).toBeNull();
    mockStorage.set('linli.checkoutAttempt', '{broken');
    expect(checkoutAttempts.load()).toBeNull();
  });
});

test('payCountdown', () => {
  const now = new Date('2026-12-08T10:00:00Z');
  expect(payCountdown('2026-12-08T10:14:31.200Z', now)).toBe('14:32');
  expect(payCountdown('2026-12-08T11:05:09Z', now)).toBe('1:05:09');
  expect(payCountdown('2026-12-08T10:00:00Z', now)).toBeNull();
  expect(payCountdown(null, now)).toBeNull();
  expect(payCountdown('not a date', now)).toBeNull();
});

test('fetchOrders leaves out the all tab and empty paging', async () => {
  mockGet.mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 10 });
  await fetchOrders({ tab: 'all', page: 2, pageSize: 10 });
  await fetchOrders({ tab: 'to_pickup' });
  expect(mockGet.mock.calls[0][1]).toEqual({ page: 2, pageSize: 10 });
  expect(mockGet.mock.calls[1][1]).toEqual({ tab: 'to_pickup' });
});
