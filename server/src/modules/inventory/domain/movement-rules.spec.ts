import { adjustmentProblems, crossesLowStock, deltasOf, expandLines } from './movement-rules';

describe('deltasOf', () => {
  it('follows the movement table', () => {
    expect(deltasOf('inbound', 5)).toEqual({ stockDelta: 5, reservedDelta: 0 });
    expect(deltasOf('damage', 5)).toEqual({ stockDelta: -5, reservedDelta: 0 });
    expect(deltasOf('reserve', 5)).toEqual({ stockDelta: -5, reservedDelta: 5 });
    expect(deltasOf('release', 5)).toEqual({ stockDelta: 5, reservedDelta: -5 });
    expect(deltasOf('sale', 5)).toEqual({ stockDelta: 0, reservedDelta: -5 });
    expect(deltasOf('return', 5)).toEqual({ stockDelta: 5, reservedDelta: 0 });
  });
});

describe('crossesLowStock', () => {
  it('fires only when going from above to at-or-below the threshold', () => {
    expect(crossesLowStock(11, 10, 10)).toBe(true);
    expect(crossesLowStock(20, 3, 10)).toBe(true);
    expect(crossesLowStock(10, 9, 10)).toBe(false); // already low
    expect(crossesLowStock(5, 12, 10)).toBe(false); // going up
    expect(crossesLowStock(1, 0, 0)).toBe(true);
  });
});

describe('adjustmentProblems', () => {
  it('wants a positive quantity, a count may be 0, and a reason', () => {
    expect(adjustmentProblems('inbound', 1, '到货')).toEqual([]);
    expect(adjustmentProblems('count', 0, '月末盘点')).toEqual([]);
    expect(adjustmentProblems('damage', 0, '压坏')).toEqual([
      { field: 'quantity', errors: ['数量必须是 1–1000000 的整数'] },
    ]);
    expect(adjustmentProblems('count', -1, '  ')).toEqual([
      { field: 'quantity', errors: ['盘点数量必须是 0–1000000 的整数'] },
      { field: 'reason', errors: ['原因需为 1–200 个字'] },
    ]);
    expect(adjustmentProblems('return', 1.5, 'x'.repeat(201)).map((p) => p.field)).toEqual([
      'quantity',
      'reason',
    ]);
  });

  it('reports a blank reason under reason, not quantity, and bounds the quantity', () => {
    expect(adjustmentProblems('inbound', 5, ' ')).toEqual([
      { field: 'reason', errors: ['原因需为 1–200 个字'] },
    ]);
    expect(adjustmentProblems('inbound', 1_000_000, '到货')).toEqual([]);
    expect(adjustmentProblems('inbound', 1_000_001, '到货').map((p) => p.field)).toEqual(['quantity']);
  });
});

describe('expandLines', () => {
  it('expands bundles, adds up the same SKU and sorts by SKU id', () => {
    const bundles = new Map([
      [
        10,
        [
          { skuId: 3, quantity: 1 },
          { skuId: 1, quantity: 2 },
        ],
      ],
    ]);
    expect(
      expandLines(
        [
          { skuId: 3, quantity: 1 },
          { skuId: 10, quantity: 2 },
        ],
        bundles,
      ),
    ).toEqual([
      { skuId: 1, quantity: 4 },
      { skuId: 3, quantity: 3 },
    ]);
  });
});
