/**
 * Time as WeChat Pay writes it: RFC 3339 in Beijing time (`2026-12-07T15:30:00+08:00`) for time_expire,
 * success_time and create_time, and Unix seconds in signatures. China has no daylight saving time, so a
 * fixed +08:00 offset is exact.
 */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** `yyyy-MM-ddTHH:mm:ss+08:00`, whole seconds like the docs' examples. */
export function toWechatPayTime(at: Date): string {
  return `${new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export function unixSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}
