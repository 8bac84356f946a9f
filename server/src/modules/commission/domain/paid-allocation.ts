/**
 * Splits what the buyer paid for an order over its lines, in proportion to the line totals, in whole fen
 * (largest remainder: the shares always add up to exactly the amount paid). Lines then carry what was
 * really paid for them when an order-level discount made the order cheaper than its lines.
 */
export function allocatePaid(lineTotals: readonly number[], paidFen: number): number[] {
  const total = lineTotals.reduce((sum, fen) => sum + fen, 0);
  if (total === paidFen || total === 0) return total === 0 ? lineTotals.map(() => 0) : [...lineTotals];
  const exact = lineTotals.map((fen) => (BigInt(fen) * BigInt(paidFen)) / BigInt(total));
  const shares = exact.map(Number);
  const remainders = lineTotals.map((fen, index) => ({
    index,
    rest: (BigInt(fen) * BigInt(paidFen)) % BigInt(total),
  }));
  let left = paidFen - shares.reduce((sum, fen) => sum + fen, 0);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left <= 0) break;
    shares[index] += 1;
    left -= 1;
  }
  return shares;
}
