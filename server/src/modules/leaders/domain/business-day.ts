/** Business-day arithmetic in Asia/Shanghai (UTC+8 all year: China has no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

/** Days of sales a level is judged on, today included. */
export const LEVEL_WINDOW_DAYS = 30;
/** The scheduled evaluation runs at this hour, Shanghai time (after the day's sales have settled). */
export const EVALUATION_HOUR = 2;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of `hour`:00 Asia/Shanghai on the Shanghai calendar day `date`. */
export function shanghaiHour(date: string, hour: number): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS + hour * 3600_000);
}

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
  if (shanghaiHour(runDate, EVALUATION_HOUR) <= now) runDate = addDays(runDate, 1);
  if (afterRunDate !== undefined && runDate <= afterRunDate) runDate = addDays(afterRunDate, 1);
  return { runDate, at: shanghaiHour(runDate, EVALUATION_HOUR) };
}
