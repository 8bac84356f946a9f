/**
 * Property-style checks over 1 000 random orders (a seeded PRNG, so every run sees the same orders):
 * each entry is the single half-up rounding of the exact sum of its detail lines, and refunding an order
 * in full, in any number of pieces, nets every entry to exactly 0 without ever reversing past zero.
 */
import type { CommissionOverride, CommissionRules } from '@linli/shared-types';
import { calculateOrderCommission, type CommissionLineInput, type DraftEntry } from './order-commission';
import { reverseForRefund, type ReversibleEntry } from './reversal';
import { fenFromBpsProduct } from './rounding';

/** mulberry32: a small deterministic PRNG returning [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = seededRandom(20_260_101);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];

function randomOverride(): CommissionOverride {
  const targetKind = pick(['product', 'category'] as const);
  const targetId = targetKind === 'product' ? int(1, 20) : int(1, 10);
  return random() < 0.5
    ? { targetKind, targetId, mode: 'rate', rateBps: int(0, 10_000), fixedFen: null }
    : { targetKind, targetId, mode: 'fixed', rateBps: null, fixedFen: int(0, 2000) };
}

function randomRules(): CommissionRules {
  return {
    basis: pick(['paid_amount', 'gross_profit'] as const),
    defaultRateBps: int(0, 10_000),
    levelRates: [1, 2, 3]
      .filter(() => random() < 0.7)
      .map((levelId) => ({ levelId, rateBps: int(0, 10_000) })),
    overrides: Array.from({ length: int(0, 6) }, randomOverride),
    tierBonus: null,
    referral:
      random() < 0.7
        ? { base: pick(['commission', 'gmv'] as const), level1Bps: int(0, 5000), level2Bps: int(0, 5000) }
        : null,
    recruitmentReward: null,
    frozenDays: 7,
  };
}

function randomLine(index: number): CommissionLineInput {
  const quantity = int(1, 10);
  const unitPriceFen = int(1, 100_000);
  const discountFen = random() < 0.3 ? int(0, unitPriceFen * quantity - 1) : 0; // pays at least 1 fen
  const category = int(1, 10);
  return {
    label: `商品 ${index}`,
    productId: int(1, 20),
    categoryIds: random() < 0.1 ? [] : [category, ((category + 4) % 10) + 1],
    quantity,
    paidFen: unitPriceFen * quantity - discountFen,
    unitCostFen: int(0, Math.ceil(unitPriceFen * 1.5)),
  };
}

/** The exact fen × bps of an entry, rebuilt from its detail lines alone, in BigInt. */
function exactFromDetails(entry: DraftEntry): bigint {
  return entry.details.reduce((sum, detail) => {
    if (detail.fixedFen !== null) return sum + BigInt(detail.fixedFen) * BigInt(detail.units ?? 0) * 10_000n;
    return sum + BigInt(detail.baseFen ?? 0) * BigInt(detail.rateBps ?? 0);
  }, 0n);
}

/** Half up for a non-negative BigInt of fen × bps: an independent oracle for fenFromBpsProduct. */
function roundHalfUpOracle(exact: bigint): number {
  return Number((exact + 5000n) / 10_000n);
}

/** Splits `total` into 1–4 positive pieces. */
function randomSplit(total: number): number[] {
  const pieces: number[] = [];
  let left = total;
  const count = int(1, 4);
  for (let i = 1; i < count && left > 1; i++) {
    const piece = int(1, left - 1);
    pieces.push(piece);
    left -= piece;
  }
  pieces.push(left);
  return pieces;
}

const orders = Array.from({ length: 1000 }, (_, orderIndex) => {
  const lines = Array.from({ length: int(1, 5) }, (_, i) => randomLine(i));
  const deliveryFen = random() < 0.2 ? int(0, 800) : 0;
  return {
    order: {
      orderId: orderIndex + 1,
      paidFen: lines.reduce((sum, l) => sum + l.paidFen, 0) + deliveryFen,
      lines,
    },
    leader: { leaderId: 1, levelId: random() < 0.2 ? null : int(1, 4) },
    uplines: [{ leaderId: 2 }, { leaderId: 3 }].slice(0, int(0, 2)),
    rules: randomRules(),
  };
});

describe('commission properties over 1 000 seeded random orders', () => {
  const results = orders.map((input) => ({ input, result: calculateOrderCommission(input) }));

  it('generates varied orders (every rule kind is exercised)', () => {
    const rules = new Set(results.flatMap(({ result }) => result.accrual.details.map((d) => d.rule)));
    expect([...rules].sort()).toEqual(['分类覆盖', '商品覆盖', '等级费率', '默认费率'].sort());
    expect(results.some(({ result }) => result.referrals.some((r) => r.depth === 2))).toBe(true);
    expect(results.some(({ result }) => result.accrual.amount === 0)).toBe(true);
  });

  it('each accrual is fenFromBpsProduct of the exact sum of its lines, rounded once, half up', () => {
    for (const { result } of results) {
      const exact = exactFromDetails(result.accrual);
      expect(result.accrual.amount).toBe(fenFromBpsProduct(Number(exact)));
      expect(result.accrual.amount).toBe(roundHalfUpOracle(exact));
      const sumOfLineAmounts = result.accrual.details.reduce((sum, d) => sum + d.amount, 0);
      expect(Math.abs(result.accrual.amount - sumOfLineAmounts)).toBeLessThanOrEqual(0.5 + 1e-6);
    }
  });

  it('each referral is its base × rate rounded once, and none is 0', () => {
    for (const { result } of results) {
      for (const referral of result.referrals) {
        expect(referral.amount).toBeGreaterThan(0);
        expect(referral.amount).toBe(roundHalfUpOracle(exactFromDetails(referral)));
      }
    }
  });

  it('a full refund in 1–4 pieces nets every entry to exactly 0, never reversing past zero', () => {
    let refundsApplied = 0;
    for (const { input, result } of results) {
      const ledger: ReversibleEntry[] = [result.accrual, ...result.referrals].map((entry, index) => ({
        entryId: index + 1,
        amount: entry.amount,
        reversedSoFar: 0,
      }));
      let refundedBeforeFen = 0;
      for (const refundFen of randomSplit(input.order.paidFen)) {
        const reversals = reverseForRefund({
          entries: ledger,
          refundFen,
          paidFen: input.order.paidFen,
          refundedBeforeFen,
        });
        for (const reversal of reversals) {
          const entry = ledger.find((e) => e.entryId === reversal.entryId);
          if (!entry) throw new Error(`unknown entry ${reversal.entryId}`);
          expect(reversal.amount).toBeLessThan(0);
          entry.reversedSoFar += reversal.amount;
          expect(entry.amount + entry.reversedSoFar).toBeGreaterThanOrEqual(0);
        }
        refundedBeforeFen += refundFen;
        refundsApplied++;
      }
      expect(ledger.map((e) => e.amount + e.reversedSoFar)).toEqual(ledger.map(() => 0));
    }
    expect(refundsApplied).toBeGreaterThan(1500);
  });
});
