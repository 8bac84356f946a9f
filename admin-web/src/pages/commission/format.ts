import { formatFen, type CommissionDetailLine, type Fen, type RuleSetView } from '@linli/shared-types';
import { formatRate } from '../leaders/levels-service';

/**
 * A detail line's exact amount: fen that may carry decimals (the entry is rounded once, its lines are not),
 * shown in 元 with up to four decimals: 123.456 fen → `¥1.2346`, 300 fen → `¥3.00`.
 */
export function formatExactFen(amount: number): string {
  if (!Number.isFinite(amount)) return '—';
  const hundredths = Math.round(Math.abs(amount) * 100); // fen to two decimals, free of float noise
  if (hundredths === 0) return '¥0.00';
  const sign = amount < 0 ? '-' : '';
  const whole = formatFen(Math.trunc(hundredths / 100)).slice(1); // `¥1.23` → `1.23`
  const extra = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}¥${whole}${extra}`;
}

/** Money in is shown with a plus, money out with a minus, so a ledger reads at a glance. */
export function signedFen(amount: Fen): string {
  return amount > 0 ? `+${formatFen(amount)}` : formatFen(amount);
}

export type AmountTone = 'positive' | 'negative' | 'zero';
export function amountTone(amount: number): AmountTone {
  return amount > 0 ? 'positive' : amount < 0 ? 'negative' : 'zero';
}

/**
 * Where a published set stands today: in force (当前生效), waiting for its effective time (待生效), or replaced
 * by a later one (已替代). Drafts have none.
 */
export type RuleSetPhase = 'current' | 'scheduled' | 'superseded';
export function ruleSetPhase(
  set: Pick<RuleSetView, 'status' | 'current' | 'effectiveFrom'>,
  now: Date = new Date(),
): RuleSetPhase | null {
  if (set.status !== 'published') return null;
  if (set.current) return 'current';
  if (set.effectiveFrom && Date.parse(set.effectiveFrom) > now.getTime()) return 'scheduled';
  return 'superseded';
}

/** `v3` for a published set, `草稿` for a draft. */
export function ruleSetVersionLabel(set: Pick<RuleSetView, 'version'>): string {
  return set.version === null ? '草稿' : `v${set.version}`;
}

/** A bank account for a list: only the last four digits (`**** 6789`); an already masked number as it is. */
export function maskAccountNo(accountNo: string): string {
  const compact = accountNo.replace(/\s+/g, '');
  if (compact.includes('*') || compact.length <= 4) return compact;
  return `**** ${compact.slice(-4)}`;
}

/**
 * How a detail line got its amount, in one short formula for narrow places (the 试算 panel):
 * `¥50.00 × 13.5%` for a rate, `¥3.00/件 × 2` for a fixed amount per unit, '' when the line says neither.
 */
export function describeDetailLine(
  line: Pick<CommissionDetailLine, 'baseFen' | 'rateBps' | 'fixedFen' | 'units'>,
): string {
  if (line.fixedFen !== null) return `${formatFen(line.fixedFen)}/件 × ${line.units ?? 0}`;
  if (line.baseFen !== null && line.rateBps !== null)
    return `${formatFen(line.baseFen)} × ${formatRate(line.rateBps)}`;
  if (line.rateBps !== null) return formatRate(line.rateBps);
  return '';
}

/**
 * The first rule set is written by the database migration as in force "since always": its effective and
 * publishing times are the Unix epoch. Such a time reads as 初始 rather than as 1970.
 */
export function isSinceAlways(iso: string | null): boolean {
  return iso !== null && Date.parse(iso) <= 0;
}
