/**
 * Partial refunds (pure): what each order line paid, what is still refundable on it, and how a refund of
 * some units or of an amount is spread over the lines. Integer fen throughout; every split is by the
 * largest remainder, so the parts always add up exactly. See docs/aftersales.md.
 */

export interface LineMoney {
  id: number;
  quantity: number;
  lineTotal: number;
  refundedQuantity: number;
  refundedAmount: number;
}

export interface RefundableLine {
  id: number;
  /** The line's share of what the order paid (discounts spread over the lines in proportion). */
  paidShare: number;
  refundableQuantity: number;
  refundableAmount: number;
}

export interface LineRefund {
  id: number;
  quantity: number;
  amount: number;
}

/** Splits `total` fen over `weights` in proportion, largest remainder first (ties: earlier first). */
export function splitByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * Math.max(0, w)) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (weights[i] <= 0) continue;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

/** Each line's share of the paid amount and what is still refundable on it. */
export function refundableLines(lines: readonly LineMoney[], paidFen: number): RefundableLine[] {
  const shares = splitByWeight(
    paidFen,
    lines.map((l) => l.lineTotal),
  );
  return lines.map((l, i) => ({
    id: l.id,
    paidShare: shares[i],
    refundableQuantity: Math.max(0, l.quantity - l.refundedQuantity),
    refundableAmount: Math.max(0, shares[i] - l.refundedAmount),
  }));
}

export type AllocationProblem =
  | { kind: 'unknown_line'; lineId: number }
  | { kind: 'bad_quantity'; lineId: number; refundable: number }
  | { kind: 'nothing_refundable' };

/**
 * The refund of `quantity` units of each asked line. A line's units are worth its paid share × units ÷
 * quantity, counted cumulatively (refunding 1 + 1 + 1 of 3 units gives exactly the share back); the last
 * units refund whatever is left on the line.
 */
export function refundForQuantities(
  lines: readonly LineMoney[],
  paidFen: number,
  asked: ReadonlyArray<{ lineId: number; quantity: number }>,
): { ok: true; lines: LineRefund[]; amount: number } | { ok: false; problem: AllocationProblem } {
  const refundable = new Map(refundableLines(lines, paidFen).map((r) => [r.id, r]));
  const merged = new Map<number, number>();
  for (const a of asked) merged.set(a.lineId, (merged.get(a.lineId) ?? 0) + a.quantity);
  const result: LineRefund[] = [];
  for (const [lineId, quantity] of merged) {
    const line = lines.find((l) => l.id === lineId);
    const r = refundable.get(lineId);
    if (!line || !r) return { ok: false, problem: { kind: 'unknown_line', lineId } };
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > r.refundableQuantity) {
      return { ok: false, problem: { kind: 'bad_quantity', lineId, refundable: r.refundableQuantity } };
    }
    const after = line.refundedQuantity + quantity;
    const amount =
      after >= line.quantity
        ? r.refundableAmount
        : Math.min(
            r.refundableAmount,
            Math.max(0, Math.floor((r.paidShare * after) / line.quantity) - line.refundedAmount),
          );
    result.push({ id: lineId, quantity, amount });
  }
  const amount = result.reduce((a, l) => a + l.amount, 0);
  if (result.length === 0 || amount <= 0) return { ok: false, problem: { kind: 'nothing_refundable' } };
  return { ok: true, lines: result.sort((a, b) => a.id - b.id), amount };
}

/**
 * An amount refunded without units (a price difference, a goodwill refund): spread over the lines in
 * proportion to what is still refundable on each, never more than that. Null when it exceeds the total.
 */
export function refundForAmount(
  lines: readonly LineMoney[],
  paidFen: number,
  amountFen: number,
): LineRefund[] | null {
  const refundable = refundableLines(lines, paidFen);
  const total = refundable.reduce((a, r) => a + r.refundableAmount, 0);
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || amountFen > total) return null;
  const parts = splitByWeight(
    amountFen,
    refundable.map((r) => r.refundableAmount),
  );
  return refundable.map((r, i) => ({ id: r.id, quantity: 0, amount: parts[i] })).filter((l) => l.amount > 0);
}

/** Everything still refundable: every unit and every fen left on each line. */
export function refundOfEverything(lines: readonly LineMoney[], paidFen: number): LineRefund[] {
  return refundableLines(lines, paidFen)
    .map((r) => ({ id: r.id, quantity: r.refundableQuantity, amount: r.refundableAmount }))
    .filter((l) => l.quantity > 0 || l.amount > 0);
}
