import { type EntryReversal, reverseForRefund, type ReversibleEntry } from './reversal';

/** Applies refunds one after another, as the ledger would, and returns each refund's reversals. */
function refundInTurn(paidFen: number, refunds: number[], amounts: number[]) {
  const entries: ReversibleEntry[] = amounts.map((amount, index) => ({
    entryId: index + 1,
    amount,
    reversedSoFar: 0,
  }));
  let refundedBeforeFen = 0;
  const perRefund: number[][] = [];
  for (const refundFen of refunds) {
    const reversals = reverseForRefund({ entries, refundFen, paidFen, refundedBeforeFen });
    perRefund.push(entries.map((e) => reversals.find((r) => r.entryId === e.entryId)?.amount ?? 0));
    for (const reversal of reversals) {
      const entry = entries.find((e) => e.entryId === reversal.entryId);
      if (entry) entry.reversedSoFar += reversal.amount;
    }
    refundedBeforeFen += refundFen;
  }
  return { perRefund, left: entries.map((e) => e.amount + e.reversedSoFar) };
}

describe('reverseForRefund: one refund', () => {
  it.each<[string, number[], number, number, number, EntryReversal[]]>([
    [
      'a quarter',
      [1000, 101],
      2500,
      10_000,
      0,
      [
        { entryId: 1, amount: -250 },
        { entryId: 2, amount: -25 },
      ],
    ],
    ['half of 1 fen: −0.5 → −1', [1], 1, 2, 0, [{ entryId: 1, amount: -1 }]],
    ['half of 3 fen: −1.5 → −2', [3], 1, 2, 0, [{ entryId: 1, amount: -2 }]],
    ['0.49 of 1 fen → nothing (omitted)', [1], 49, 100, 0, []],
    [
      'the whole order at once',
      [1005, 101, 50],
      20_090,
      20_090,
      0,
      [
        { entryId: 1, amount: -1005 },
        { entryId: 2, amount: -101 },
        { entryId: 3, amount: -50 },
      ],
    ],
    ['a zero entry is never reversed', [0, 100], 50, 100, 0, [{ entryId: 2, amount: -50 }]],
    ['a negative entry is reversed upward, symmetrically', [-3], 1, 2, 0, [{ entryId: 1, amount: 2 }]],
  ])('%s', (_name, amounts, refundFen, paidFen, refundedBeforeFen, expected) => {
    const entries = amounts.map((amount, index) => ({ entryId: index + 1, amount, reversedSoFar: 0 }));
    expect(reverseForRefund({ entries, refundFen, paidFen, refundedBeforeFen })).toEqual(expected);
  });

  it('returns nothing for an order without entries', () => {
    expect(reverseForRefund({ entries: [], refundFen: 100, paidFen: 100, refundedBeforeFen: 0 })).toEqual([]);
  });
});

describe('reverseForRefund: refunds in turn', () => {
  it.each<[string, number, number[], number[], number[][]]>([
    ['three refunds of 1/3 of 100', 300, [100, 100, 100], [100], [[-33], [-33], [-34]]],
    ['three refunds of 1/3 of 50', 300, [100, 100, 100], [50], [[-17], [-17], [-16]]],
    ['three refunds of 1/3 of 1 fen: only the last takes it', 300, [100, 100, 100], [1], [[0], [0], [-1]]],
    [
      'three refunds of 1/3 of 2 fen: nothing left for the last',
      300,
      [100, 100, 100],
      [2],
      [[-1], [-1], [0]],
    ],
    [
      'several entries, uneven refunds',
      20_090,
      [5000, 90, 15_000],
      [1005, 101, 50],
      [
        [-250, -25, -12], // 250.12, 25.14, 12.44
        [-5, 0, 0], // 4.50 → 5, 0.45, 0.22 → 0
        [-750, -76, -38], // the rest
      ],
    ],
    // Each of the first three is 0.5 → 1; the third finds nothing left and takes nothing.
    [
      'never more than what is left (2 fen, paid 4, refunds of 1)',
      4,
      [1, 1, 1, 1],
      [2],
      [[-1], [-1], [0], [0]],
    ],
    ['a partial refund then the rest', 10_000, [3333, 6667], [999], [[-333], [-666]]],
  ])('%s', (_name, paidFen, refunds, amounts, expected) => {
    const { perRefund, left } = refundInTurn(paidFen, refunds, amounts);
    expect(perRefund).toEqual(expected);
    expect(left).toEqual(amounts.map(() => 0)); // a fully refunded order nets to exactly 0
  });

  it('leaves the rest standing after partial refunds only', () => {
    const { left } = refundInTurn(300, [100, 100], [100, 1]);
    expect(left).toEqual([34, 1]);
  });

  it('clamps to what is left when earlier reversals already took most of it', () => {
    const entries = [{ entryId: 1, amount: 100, reversedSoFar: -95 }];
    expect(reverseForRefund({ entries, refundFen: 10, paidFen: 100, refundedBeforeFen: 0 })).toEqual([
      { entryId: 1, amount: -5 },
    ]);
  });

  it('takes nothing from an entry already reversed in full, and corrects an over-reversal on the last refund', () => {
    const done = [{ entryId: 1, amount: 100, reversedSoFar: -100 }];
    expect(reverseForRefund({ entries: done, refundFen: 10, paidFen: 100, refundedBeforeFen: 0 })).toEqual(
      [],
    );
    const over = [{ entryId: 1, amount: 100, reversedSoFar: -101 }];
    expect(reverseForRefund({ entries: over, refundFen: 10, paidFen: 100, refundedBeforeFen: 50 })).toEqual(
      [],
    );
    expect(reverseForRefund({ entries: over, refundFen: 50, paidFen: 100, refundedBeforeFen: 50 })).toEqual([
      { entryId: 1, amount: 1 },
    ]);
  });
});

describe('reverseForRefund: refusals', () => {
  const entries = [{ entryId: 1, amount: 100, reversedSoFar: 0 }];
  it.each<[string, number, number, number]>([
    ['a zero refund', 0, 100, 0],
    ['a negative refund', -1, 100, 0],
    ['a zero paid amount', 1, 0, 0],
    ['a negative paid amount', 1, -100, 0],
    ['a refund beyond the paid amount', 101, 100, 0],
    ['refunds totalling more than was paid', 11, 100, 90],
    ['negative earlier refunds', 10, 100, -1],
    ['a fractional refund', 0.5, 100, 0],
  ])('refuses %s', (_name, refundFen, paidFen, refundedBeforeFen) => {
    expect(() => reverseForRefund({ entries, refundFen, paidFen, refundedBeforeFen })).toThrow(RangeError);
  });

  it('refuses an entry amount that is not a safe integer', () => {
    expect(() =>
      reverseForRefund({
        entries: [{ entryId: 1, amount: 1.5, reversedSoFar: 0 }],
        refundFen: 1,
        paidFen: 2,
        refundedBeforeFen: 0,
      }),
    ).toThrow(RangeError);
  });
});
