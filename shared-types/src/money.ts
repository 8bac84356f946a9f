import type { Fen } from './common';

/** Formats integer fen as `¥12.30` (negative as `-¥12.30`). The only place money becomes text. */
export function formatFen(amount: Fen): string {
  if (!Number.isInteger(amount)) throw new Error(`formatFen expects integer fen, got ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const yuan = Math.floor(abs / 100);
  const fen = abs % 100;
  return `${sign}¥${yuan.toLocaleString('en-US')}.${fen.toString().padStart(2, '0')}`;
}
