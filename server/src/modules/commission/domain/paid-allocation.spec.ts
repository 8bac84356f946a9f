import { allocatePaid } from './paid-allocation';

describe('allocatePaid', () => {
  it('keeps the line totals when the order was paid in full', () => {
    expect(allocatePaid([4590, 1200], 5790)).toEqual([4590, 1200]);
  });

  it('spreads a discount in proportion, adding up to exactly what was paid', () => {
    // 1000 off 3000: two thirds each, the odd fen to the larger remainder.
    const shares = allocatePaid([1000, 1000, 1000], 2000);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(shares).toEqual([667, 667, 666]);
    expect(allocatePaid([999, 1], 500)).toEqual([500, 0]);
  });

  it('gives nothing to lines when nothing was paid and handles an empty order', () => {
    expect(allocatePaid([500, 500], 0)).toEqual([0, 0]);
    expect(allocatePaid([], 0)).toEqual([]);
  });

  it('always sums to the paid amount', () => {
    for (let paid = 0; paid <= 1000; paid += 37) {
      const shares = allocatePaid([333, 334, 333, 1], paid);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(paid);
      expect(shares.every((share) => share >= 0)).toBe(true);
    }
  });
});
