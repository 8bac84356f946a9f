import { describe, expect, it } from 'vitest';
import { formatFen } from '@linli/shared-types';
import { fenToYuan, yuanToFen } from './money';

describe('yuanToFen / fenToYuan', () => {
  it('rounds float noise to whole fen', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(1.005)).toBe(100); // 1.005 is 1.00499… in binary: never more than was typed
    expect(yuanToFen(12)).toBe(1200);
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen(-0.001)).toBe(0);
  });

  it('round-trips every fen amount and agrees with formatFen', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 1999, 123_456, 99_999_999]) {
      expect(yuanToFen(fenToYuan(fen))).toBe(fen);
    }
    expect(formatFen(yuanToFen(3.5))).toBe('¥3.50');
  });

  it('refuses what is not money', () => {
    expect(() => yuanToFen(Number.NaN)).toThrow();
    expect(() => yuanToFen(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => fenToYuan(1.5)).toThrow();
  });
});
