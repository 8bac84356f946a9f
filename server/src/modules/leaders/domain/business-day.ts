/** Business days of the leader level evaluation, in Asia/Shanghai. */
import { addDays, shanghaiDate, shanghaiTime } from '../../../platform/time/shanghai';

const DAY_MS = 86_400_000;

/** Days of sales a level is judged on, today included. */
export const LEVEL_WINDOW_DAYS = 30;
/** The scheduled evaluation runs at this hour, Shanghai time (after the day's sales have settled). */
export const EVALUATION_HOUR = 2;

/** First business day (YYYY-MM-DD) of the 30-day sales window that ends today. */
export function salesWindowStart(now: Date): string {
  return addDays(shanghaiDate(now), -(LEVEL_WINDOW_DAYS - 1));
}

/** Customers count as active when they used the mini-program after this instant. */
export function activeSince(now: Date): Date {
  return new Date(now.getTime() - LEVEL_WINDOW_DAYS * DAY_MS);
}

/**
 * The next scheduled evaluation: 02:00 Shanghai strictly after `now`, and after the run of `afterRunDate`
 * when given (a run that starts a little early must not schedule itself again for the same date).
 */
export function nextEvaluation(now: Date, afterRunDate?: string): { runDate: string; at: Date } {
  let runDate = shanghaiDate(now);
  if (shanghaiTime(runDate, EVALUATION_HOUR) <= now) runDate = addDays(runDate, 1);
  if (afterRunDate !== undefined && runDate <= afterRunDate) runDate = addDays(afterRunDate, 1);
  return { runDate, at: shanghaiTime(runDate, EVALUATION_HOUR) };
}
