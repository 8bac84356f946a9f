/**
 * Calendar arithmetic in the business time zone, Asia/Shanghai: UTC+8 all year (China has no daylight
 * saving time), so a fixed offset is exact. Dates are YYYY-MM-DD strings, instants are Dates.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of `hh:mm` Asia/Shanghai on the Shanghai calendar day `date` (YYYY-MM-DD). */
export function shanghaiTime(date: string, hours: number, minutes = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS + (hours * 60 + minutes) * 60_000);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
