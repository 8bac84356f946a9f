/**
 * Statement periods (对账周期) on the Asia/Shanghai calendar: a day, a week starting on Monday, or a
 * calendar month. A period is named by any day in it; it runs from its first day 00:00 to the next
 * period's first day 00:00 (exclusive), Shanghai time.
 */
import type { StatementPeriod } from '@linli/shared-types';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface PeriodRange {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
  /** The instants bounding it: [start, end). */
  start: Date;
  end: Date;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const parsed = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return parsed.toISOString().slice(0, 10) === value;
}

export function periodRange(period: StatementPeriod, date: string): PeriodRange {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const day = new Date(`${date}T00:00:00.000Z`);
  let first: Date;
  let next: Date;
  if (period === 'day') {
    first = day;
    next = new Date(day.getTime() + DAY_MS);
  } else if (period === 'week') {
    const sinceMonday = (day.getUTCDay() + 6) % 7;
    first = new Date(day.getTime() - sinceMonday * DAY_MS);
    next = new Date(first.getTime() + 7 * DAY_MS);
  } else {
    first = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
    next = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1));
  }
  return {
    from: first.toISOString().slice(0, 10),
    to: new Date(next.getTime() - DAY_MS).toISOString().slice(0, 10),
    start: new Date(first.getTime() - SHANGHAI_OFFSET_MS),
    end: new Date(next.getTime() - SHANGHAI_OFFSET_MS),
  };
}

/** The Shanghai month (YYYY-MM) an instant falls in. */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/** The month before a YYYY-MM month. */
export function previousMonth(month: string): string {
  const [year, monthNo] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNo - 2, 1)).toISOString().slice(0, 7);
}
