import {
  fetchLeaderPickups,
  isCompletePickupCode,
  pickupRefusalTitle,
  scannedPickupCode,
  spacedPickupCode,
  typedPickupCode,
  verifyPickupCode,
} from './pickups';

const mockGet = jest.fn();
const mockPost = jest.fn();
jest.mock('./request', () => ({
  get: (...args: unknown[]) => mockGet(...args),
  post: (...args: unknown[]) => mockPost(...args),
}));

test('typed codes keep digits only, at most six', () => {
  expect(typedPickupCode('493 215')).toBe('493215');
  expect(typedPickupCode('49-32a15999')).toBe('493215');
  expect(typedPickupCode('')).toBe('');
  expect(isCompletePickupCode('493215')).toBe(true);
  expect(isCompletePickupCode('49321')).toBe(false);
});

test('a scanned QR is passed on as the buyer’s QR text, or a bare code', () => {
  expect(scannedPickupCode(' LINLI-PICKUP:26120806103363641417:493215 ')).toBe(
    'LINLI-PICKUP:26120806103363641417:493215',
  );
  expect(scannedPickupCode('493215')).toBe('493215');
  expect(scannedPickupCode('https://example.com/x')).toBeNull();
  expect(scannedPickupCode('LINLI-PICKUP:1:12')).toBeNull();
});

test('spacedPickupCode', () => {
  expect(spacedPickupCode('493215')).toBe('493 215');
  expect(spacedPickupCode('abc')).toBe('abc');
});

test('every refusal of the contract has its own title', () => {
  const titles = [
    'PICKUP_CODE_INVALID',
    'PICKUP_CODE_OTHER_LEADER',
    'PICKUP_ALREADY_DONE',
    'PICKUP_NOT_READY',
  ].map(pickupRefusalTitle);
  expect(new Set(titles).size).toBe(4);
  expect(pickupRefusalTitle('INTERNAL_ERROR')).toBe('核销没有成功');
});

test('the wrappers call the contract’s endpoints', async () => {
  mockGet.mockResolvedValue({ items: [] });
  mockPost.mockResolvedValue({ orderId: 1 });
  await fetchLeaderPickups({ status: 'waiting', campaignId: 3, keyword: '', page: 1 });
  expect(mockGet).toHaveBeenCalledWith(
    '/api/app/leader/pickups',
    { status: 'waiting', campaignId: 3, page: 1 },
    { silent: true },
  );
  await verifyPickupCode('493215');
  expect(mockPost).toHaveBeenCalledWith(
    '/api/app/leader/pickups/verify',
    { code: '493215' },
    { silent: true },
  );
});
