/**
 * Exact money arithmetic for commission. Amounts are summed exactly as integers of "fen × basis points"
 * and rounded once per ledger entry, so an entry never depends on the order its lines were added in and
 * the pieces of a split never drift from the whole. Only integers are used: a float would lose the
 * half-fen that decides the rounding.
 *
 * The rounding rule everywhere is half up, symmetric: a remainder of exactly half rounds away from zero
 * (0.5 → 1, 1.5 → 2, −0.5 → −1, −1.5 → −2), so a reversal mirrors the amount it reverses.
 */

/** 10 000 basis points make the whole (1 bp = 0.01%). */
export const BPS_PER_WHOLE = 10_000;

/** The integer `value`, or a RangeError naming `what` when it is not a safe integer. */
export function requireSafeInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return value;
}

/** a × b, exactly; a RangeError when the product leaves the safe-integer range (a float would round it). */
export function exactProduct(a: number, b: number): number {
  requireSafeInteger(a, 'factor');
  requireSafeInteger(b, 'factor');
  // Below 2^53 the float product is exact; at or above it, it is never a safe integer.
  return requireSafeInteger(a * b, `product ${a} × ${b}`);
}

/** a + b, exactly; a RangeError when the sum leaves the safe-integer range. */
export function exactSum(a: number, b: number): number {
  requireSafeInteger(a, 'term');
  requireSafeInteger(b, 'term');
  return requireSafeInteger(a + b, `sum ${a} + ${b}`);
}

/**
 * Fen from an exact sum of fen × basis points: sum ÷ 10 000 rounded once, half up, symmetric
 * (a remainder of exactly 5 000 rounds away from zero). RangeError unless the input is a safe integer.
 */
export function fenFromBpsProduct(sumFenTimesBps: number): number {
  requireSafeInteger(sumFenTimesBps, 'sumFenTimesBps');
  // `%` on integers is exact and keeps the dividend's sign; sum − remainder is an exact multiple of 10 000.
  const remainder = sumFenTimesBps % BPS_PER_WHOLE;
  const truncated = (sumFenTimesBps - remainder) / BPS_PER_WHOLE;
  if (remainder >= BPS_PER_WHOLE / 2) return truncated + 1;
  if (remainder <= -BPS_PER_WHOLE / 2) return truncated - 1;
  return truncated + 0; // + 0 turns −0 into 0
}

/**
 * amount × numerator ÷ denominator rounded half up, symmetric (half away from zero), for proportional
 * reversals. The product is formed in BigInt so it may exceed 2^53; the inputs and the result must be
 * safe integers and the denominator positive, else RangeError.
 */
export function proportion(amount: number, numerator: number, denominator: number): number {
  requireSafeInteger(amount, 'amount');
  requireSafeInteger(numerator, 'numerator');
  requireSafeInteger(denominator, 'denominator');
  if (denominator <= 0) throw new RangeError(`denominator must be positive, got ${denominator}`);
  const product = BigInt(amount) * BigInt(numerator);
  const divisor = BigInt(denominator);
  const truncated = product / divisor; // BigInt division truncates toward zero
  const remainder = product % divisor; // sign of the product
  const twiceRemainder = remainder * 2n;
  let rounded = truncated;
  if (twiceRemainder >= divisor) rounded += 1n;
  else if (twiceRemainder <= -divisor) rounded -= 1n;
  const result = Number(rounded);
  return requireSafeInteger(result, `proportion ${amount} × ${numerator} ÷ ${denominator}`) + 0;
}
