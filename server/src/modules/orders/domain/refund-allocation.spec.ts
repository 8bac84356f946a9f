import {
  refundableLines,
  refundForAmount,
  refundForQuantities,
  refundOfEverything,
  splitByWeight,
  type LineMoney,
} from './refund-allocation';

const line = (id: number, quantity: number, lineTotal: number, refundedQuantity = 0, refundedAmount = 0) =>
  ({ id, quantity, lineTotal, refundedQuantity, refundedAmount }) satisfies LineMoney;

describe('refund allocation', () => {
  it('splits by weight with the largest remainder, summing exactly', () => {
    expect(splitByWeight(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeight(10, [0, 5])).toEqual([0, 10]);
    expect(splitByWeight(0, [1, 2])).toEqual([0, 0]);
    for (const total of [1, 7, 999, 12345]) {
      const parts = splitByWeight(total, [3, 7, 11, 0, 13]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts[3]).toBe(0);
    }
  });

  it('spreads a discount over the lines: shares add up to the paid amount', () => {
    const lines = [line(1, 2, 1000), line(2, 1, 500)];
    const r = refundableLines(lines, 1400);
    expect(r.map((x) => x.paidShare)).toEqual([933, 467]);
    expect(r.reduce((a, x) => a + x.paidShare, 0)).toBe(1400);
  });

  it('refunds units cumulatively: one by one gives exactly the line back', () => {
    let lines = [line(1, 3, 1000)];
    let total = 0;
    for (let i = 0; i < 3; i += 1) {
      const result = refundForQuantities(lines, 1000, [{ lineId: 1, quantity: 1 }]);
      if (!result.ok) throw new Error('refused');
      total += result.amount;
      lines = [line(1, 3, 1000, lines[0].refundedQuantity + 1, lines[0].refundedAmount + result.amount)];
    }
    expect(total).toBe(1000);
    expect(refundForQuantities(lines, 1000, [{ lineId: 1, quantity: 1 }])).toEqual({
      ok: false,
      problem: { kind: 'bad_quantity', lineId: 1, refundable: 0 },
    });
  });

  it('refuses unknown lines and bad quantities', () => {
    const lines = [line(1, 2, 1000)];
    expect(refundForQuantities(lines, 1000, [{ lineId: 9, quantity: 1 }])).toMatchObject({
      ok: false,
      problem: { kind: 'unknown_line' },
    });
    expect(refundForQuantities(lines, 1000, [{ lineId: 1, quantity: 3 }])).toMatchObject({
      ok: false,
      problem: { kind: 'bad_quantity', refundable: 2 },
    });
    expect(refundForQuantities(lines, 1000, [{ lineId: 1, quantity: 0 }])).toMatchObject({ ok: false });
  });

  it('merges repeated lines', () => {
    const result = refundForQuantities([line(1, 4, 400)], 400, [
      { lineId: 1, quantity: 1 },
      { lineId: 1, quantity: 1 },
    ]);
    expect(result).toEqual({ ok: true, amount: 200, lines: [{ id: 1, quantity: 2, amount: 200 }] });
  });

  it('spreads an amount over what is left on each line, never more', () => {
    const lines = [line(1, 1, 600, 0, 0), line(2, 1, 400, 0, 300)];
    const split = refundForAmount(lines, 1000, 500)!;
    expect(split.reduce((a, l) => a + l.amount, 0)).toBe(500);
    expect(split.find((l) => l.id === 2)!.amount).toBeLessThanOrEqual(100);
    expect(refundForAmount(lines, 1000, 701)).toBeNull();
    expect(refundForAmount(lines, 1000, 0)).toBeNull();
  });

  it('everything left: each line its units and fen', () => {
    const lines = [line(1, 2, 1000, 1, 500), line(2, 1, 500)];
    expect(refundOfEverything(lines, 1500)).toEqual([
      { id: 1, quantity: 1, amount: 500 },
      { id: 2, quantity: 1, amount: 500 },
    ]);
  });
});
