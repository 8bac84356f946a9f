import {
  BPS_PER_WHOLE,
  exactProduct,
  exactSum,
  fenFromBpsProduct,
  proportion,
  requireSafeInteger,
} from './rounding';

const MAX = Number.MAX_SAFE_INTEGER;

describe('fenFromBpsProduct (÷ 10 000, once, half up, symmetric)', () => {
  it.each<[string, number, number]>([
    ['zero', 0, 0],
    ['1 fen × 5000 bps = 0.5 → 1', 1 * 5000, 1],
    ['3 fen × 5000 bps = 1.5 → 2', 3 * 5000, 2],
    ['5 fen × 5000 bps = 2.5 → 3 (half up, not to even)', 5 * 5000, 3],
    ['0.4999 → 0', 4999, 0],
    ['0.9999 → 1', 9999, 1],
    ['1.0000 → 1', 10_000, 1],
    ['1.4999 → 1', 14_999, 1],
    ['1.5001 → 2', 15_001, 2],
    ['12 345.6789 → 12 346', 123_456_789, 12_346],
    ['−0.5 → −1 (away from zero)', -5000, -1],
    ['−1.5 → −2', -15_000, -2],
    ['−0.4999 → 0', -4999, 0],
    ['−1.4999 → −1', -14_999, -1],
    ['−2.5001 → −3', -25_001, -3],
    ['the largest safe integer', MAX, 900_719_925_474],
    ['the smallest safe integer', -MAX, -900_719_925_474],
    ['a half just below the limit', 900_719_925_473 * 10_000 + 5000, 900_719_925_474],
  ])('%s', (_name, input, expected) => {
    expect(fenFromBpsProduct(input)).toBe(expected);
  });

  it('never returns −0', () => {
    expect(Object.is(fenFromBpsProduct(-4999), 0)).toBe(true);
    expect(Object.is(fenFromBpsProduct(-0), 0)).toBe(true);
  });

  it.each<[string, number]>([
    ['a fraction', 0.5],
    ['2^53', 2 ** 53],
    ['−2^53', -(2 ** 53)],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('refuses %s', (_name, input) => {
    expect(() => fenFromBpsProduct(input)).toThrow(RangeError);
  });

  it('is the mirror image for negatives', () => {
    for (let sum = 0; sum <= 40_000; sum += 250) {
      expect(fenFromBpsProduct(-sum) + fenFromBpsProduct(sum)).toBe(0);
    }
  });

  it('uses 10 000 bps as the whole', () => {
    expect(BPS_PER_WHOLE).toBe(10_000);
  });
});

describe('proportion (amount × numerator ÷ denominator, half up, symmetric)', () => {
  it.each<[number, number, number, number]>([
    [1, 1, 2, 1], // 0.5 → 1
    [3, 1, 2, 2], // 1.5 → 2
    [-1, 1, 2, -1], // −0.5 → −1
    [-3, 1, 2, -2], // −1.5 → −2
    [1, -1, 2, -1], // a negative numerator mirrors too
    [100, 1, 3, 33], // 33.33
    [200, 1, 3, 67], // 66.67
    [100, 2, 3, 67], // 66.67
    [-100, 2, 3, -67],
    [1, 49, 100, 0], // 0.49
    [1, 50, 100, 1], // 0.50
    [0, 5, 7, 0],
    [10, 0, 3, 0],
    [5, 3, 3, 5],
    [1000, 2500, 10_000, 250],
    [101, 2500, 10_000, 25], // 25.25
    // The product leaves the safe range; BigInt keeps it exact: 10^16 ÷ (10^8 + 1) = 99 999 999.000 000 01
    [100_000_000, 100_000_000, 100_000_001, 99_999_999],
    [MAX, MAX, MAX, MAX],
    [-MAX, MAX - 1, MAX, -(MAX - 1)],
  ])('%d × %d ÷ %d = %d', (amount, numerator, denominator, expected) => {
    expect(proportion(amount, numerator, denominator)).toBe(expected);
  });

  it('never returns −0', () => {
    expect(Object.is(proportion(-1, 1, 3), 0)).toBe(true);
  });

  it.each<[string, number, number, number]>([
    ['a zero denominator', 1, 1, 0],
    ['a negative denominator', 1, 1, -2],
    ['a fractional amount', 1.5, 1, 2],
    ['a fractional numerator', 1, 0.5, 2],
    ['an unsafe amount', 2 ** 53, 1, 1],
    ['a result beyond the safe range', MAX, 2, 1],
  ])('refuses %s', (_name, amount, numerator, denominator) => {
    expect(() => proportion(amount, numerator, denominator)).toThrow(RangeError);
  });
});

describe('exact integer helpers', () => {
  it.each<[number, number, number]>([
    [0, MAX, 0],
    [2 ** 26, 2 ** 26, 2 ** 52],
    [-3, 7, -21],
    [900_719_925_474, 10_000, 9_007_199_254_740_000],
  ])('exactProduct(%d, %d) = %d', (a, b, expected) => {
    expect(exactProduct(a, b)).toBe(expected);
  });

  it.each<[number, number]>([
    [2 ** 27, 2 ** 26], // exactly 2^53: not safe
    [900_719_925_475, 10_000],
    [-(2 ** 30), 2 ** 30],
    [0.5, 2],
  ])('exactProduct(%d, %d) is refused', (a, b) => {
    expect(() => exactProduct(a, b)).toThrow(RangeError);
  });

  it('exactSum refuses to leave the safe range', () => {
    expect(exactSum(MAX - 1, 1)).toBe(MAX);
    expect(() => exactSum(MAX, 1)).toThrow(RangeError);
    expect(() => exactSum(-MAX, -1)).toThrow(RangeError);
    expect(() => exactSum(1.5, 1)).toThrow(RangeError);
  });

  it('requireSafeInteger names what was wrong', () => {
    expect(requireSafeInteger(42, 'x')).toBe(42);
    expect(() => requireSafeInteger(0.1, 'the quantity')).toThrow('the quantity must be a safe integer');
  });
});
