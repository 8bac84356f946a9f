import { type StatementPeriod } from '@linli/shared-types';

/**
 * 对账单 periods on plain calendar dates "YYYY-MM-DD" (Asia/Shanghai days; the arithmetic is in UTC so
 * the phone's zone never shifts a day). Weeks start on Monday, as on the server.
 */

export const STATEMENT_PERIOD_LABELS: Record<StatementPeriod, string> = {
  day: '日',
  week: '周',
  month: '月',
};

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): Date | null {
  const match = DATE_KEY.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = new Date(Date.UTC(year, month - 1, day));
  // Rejects 2026-02-30, 2026-13-01 and friends, which Date.UTC would roll over.
  return instant.getUTCMonth() === month - 1 && instant.getUTCDate() === day ? instant : null;
}

function toKey(instant: Date): string {
  const pad = (n: number) => n.toString().padStart(2, '0');
  return `${instant.getUTCFullYear()}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}`;
}

function parse(date: string): Date {
  const instant = toUtc(date);
  if (!instant) throw new Error(`Not a calendar date: ${date}`);
  return instant;
}

export function isDateKey(value: string | undefined): value is string {
  return value !== undefined && toUtc(value) !== null;
}

export function isStatementPeriod(value: string | undefined): value is StatementPeriod {
  return value === 'day' || value === 'week' || value === 'month';
}

/** The first and last day (both included) of the period holding `date`. */
export function periodRange(period: StatementPeriod, date: string): { from: string; to: string } {
  const day = parse(date);
  if (period === 'day') return { from: date, to: date };
  if (period === 'week') {
    const sinceMonday = (day.getUTCDay() + 6) % 7;
    const monday = new Date(day.getTime() - sinceMonday * DAY_MS);
    return { from: toKey(monday), to: toKey(new Date(monday.getTime() + 6 * DAY_MS)) };
  }
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  return {
    from: toKey(new Date(Date.UTC(year, month, 1))),
    to: toKey(new Date(Date.UTC(year, month + 1, 0))),
  };
}

/** The first day of the period before (-1) or after (+1) the one holding `date`. */
export function shiftPeriod(period: StatementPeriod, date: string, step: -1 | 1): string {
  const from = parse(periodRange(period, date).from);
  if (period === 'month') {
    return toKey(new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + step, 1)));
  }
  const days = period === 'week' ? 7 : 1;
  return toKey(new Date(from.getTime() + step * days * DAY_MS));
}

/** A later period exists to look at only when it has started by `today` (nothing is earned ahead). */
export function hasNextPeriod(period: StatementPeriod, date: string, today: string): boolean {
  return shiftPeriod(period, date, 1) <= today;
}

/** "11月23日 周一" · "11月23日–11月29日" · "2026年11月"; the year shows when it is not `today`'s. */
export function periodLabel(period: StatementPeriod, date: string, today: string): string {
  const { from, to } = periodRange(period, date);
  const start = parse(from);
  const end = parse(to);
  const thisYear = parse(today).getUTCFullYear();
  const dayText = (d: Date) =>
    `${d.getUTCFullYear() === thisYear ? '' : `${d.getUTCFullYear()}年`}${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  if (period === 'month') return `${start.getUTCFullYear()}年${start.getUTCMonth() + 1}月`;
  if (period === 'day') return `${dayText(start)} ${WEEKDAYS[start.getUTCDay()]}`;
  return `${dayText(start)}–${dayText(end)}`;
}

/** The current period's name, for the 对账单 header: 今天 / 本周 / 本月, else null. */
export function currentPeriodWord(period: StatementPeriod, date: string, today: string): string | null {
  if (periodRange(period, date).from !== periodRange(period, today).from) return null;
  return { day: '今天', week: '本周', month: '本月' }[period];
}
