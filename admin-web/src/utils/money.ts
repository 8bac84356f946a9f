import type { Fen } from '@linli/shared-types';

/**
 * The one place a 元 amount typed by staff becomes integer fen. InputNumber hands over floats such as
 * 19.99 (really 19.989999…), so the value is rounded to whole fen, never truncated.
 */
export function yuanToFen(yuan: number): Fen {
  if (!Number.isFinite(yuan)) throw new Error(`yuanToFen expects a finite number, got ${yuan}`);
  const fen = Math.round(yuan * 100);
  return Object.is(fen, -0) ? 0 : fen;
}

/** Integer fen → 元 for an InputNumber with 2 decimals (display uses formatFen instead). */
export function fenToYuan(fen: Fen): number {
  if (!Number.isInteger(fen)) throw new Error(`fenToYuan expects integer fen, got ${fen}`);
  return fen / 100;
}

/** Props for a 元 InputNumber: 2 decimals, ¥ prefix, up to ¥999,999.99. */
export const YUAN_INPUT = { min: 0, max: 999_999.99, precision: 2, prefix: '¥', step: 1 } as const;
