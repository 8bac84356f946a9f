import {
  checkoutRequestHash,
  IDEMPOTENCY_KEY_PATTERN,
  normalizeLines,
  normalizeRemark,
} from './checkout-request';

describe('checkout request', () => {
  it('merges repeated items and sorts lines by item', () => {
    expect(
      normalizeLines([
        { itemId: 9, quantity: 1 },
        { itemId: 3, quantity: 2 },
        { itemId: 9, quantity: 4 },
      ]),
    ).toEqual([
      { itemId: 3, quantity: 2 },
      { itemId: 9, quantity: 5 },
    ]);
  });

  it('hashes the same order the same way whatever the line order', () => {
    const a = checkoutRequestHash({
      campaignId: 1,
      lines: [
        { itemId: 2, quantity: 1 },
        { itemId: 1, quantity: 3 },
      ],
      remark: null,
    });
    const b = checkoutRequestHash({
      campaignId: 1,
      lines: [
        { itemId: 1, quantity: 1 },
        { itemId: 2, quantity: 1 },
        { itemId: 1, quantity: 2 },
      ],
      remark: '',
    });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['another campaign', { campaignId: 2, lines: [{ itemId: 1, quantity: 1 }], remark: null }],
    ['another quantity', { campaignId: 1, lines: [{ itemId: 1, quantity: 2 }], remark: null }],
    ['another item', { campaignId: 1, lines: [{ itemId: 3, quantity: 1 }], remark: null }],
    ['a remark', { campaignId: 1, lines: [{ itemId: 1, quantity: 1 }], remark: '放门口' }],
  ])('tells %s apart', (_label, other) => {
    const base = checkoutRequestHash({ campaignId: 1, lines: [{ itemId: 1, quantity: 1 }], remark: null });
    expect(checkoutRequestHash(other)).not.toBe(base);
  });

  it('accepts UUIDs and refuses short or odd keys', () => {
    expect(IDEMPOTENCY_KEY_PATTERN.test('3f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f')).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test('short')).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('has space in it')).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('x'.repeat(65))).toBe(false);
  });

  it('stores a blank remark as null', () => {
    expect(normalizeRemark('  ')).toBeNull();
    expect(normalizeRemark(' 放门口 ')).toBe('放门口');
    expect(normalizeRemark(undefined)).toBeNull();
  });
});
