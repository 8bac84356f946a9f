/**
 * Business time is Asia/Shanghai (UTC+8 all year, no daylight saving), whatever the phone's zone is.
 * Plain arithmetic instead of Intl time zones, which some mini-program runtimes lack.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
  /** Days since 1970-01-01 in Shanghai: equal numbers mean the same calendar day. */
  dayNumber: number;
}

function wallClock(instant: Date): WallClock {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
    dayNumber: Math.floor(shifted.getTime() / DAY_MS),
  };
}

const pad = (n: number) => n.toString().padStart(2, '0');

function calendarDate(clock: WallClock, today: WallClock): string {
  const monthDay = `${clock.month}月${clock.day}日`;
  return clock.year === today.year ? monthDay : `${clock.year}年${monthDay}`;
}

/** "今天", "明天", "后天" or null when further away / in the past. */
function nearDayWord(dayOffset: number): string | null {
  return ['今天', '明天', '后天'][dayOffset] ?? null;
}

/** e.g. "今晚 22:00 截单", "明天 12:00 截单", "还剩 25 分钟截单", "11月30日 20:00 截单", "已截单". */
export function formatCutoff(cutoffAt: string, now: Date = new Date()): string {
  const cutoff = new Date(cutoffAt);
  if (Number.isNaN(cutoff.getTime())) return '';
  const remainingMs = cutoff.getTime() - now.getTime();
  if (remainingMs <= 0) return '已截单';
  if (remainingMs < 60 * 60 * 1000) {
    return `还剩 ${Math.max(1, Math.ceil(remainingMs / 60000))} 分钟截单`;
  }
  const at = wallClock(cutoff);
  const today = wallClock(now);
  const time = `${pad(at.hour)}:${pad(at.minute)}`;
  const evening = at.hour >= 18;
  const offset = at.dayNumber - today.dayNumber;
  if (offset === 0) return `${evening ? '今晚' : '今天'} ${time} 截单`;
  if (offset === 1) return `${evening ? '明晚' : '明天'} ${time} 截单`;
  const near = nearDayWord(offset);
  return `${near ?? calendarDate(at, today)} ${time} 截单`;
}

/** `pickupDate` is a Shanghai calendar date "YYYY-MM-DD": "今天自提", "明天自提", "12月1日 周一自提". */
export function formatPickupDate(pickupDate: string, now: Date = new Date()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(pickupDate);
  if (!match) return '';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Midnight of that date in Shanghai, as an instant.
  const instant = new Date(Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS);
  const clock = wallClock(instant);
  const today = wallClock(now);
  const near = nearDayWord(clock.dayNumber - today.dayNumber);
  if (near) return `${near}自提`;
  return `${calendarDate(clock, today)} ${WEEKDAYS[clock.weekday]}自提`;
}

/** "2026年11月23日加入" */
export function formatMemberSince(createdAt: string): string {
  const instant = new Date(createdAt);
  if (Number.isNaN(instant.getTime())) return '';
  const clock = wallClock(instant);
  return `${clock.year}年${clock.month}月${clock.day}日加入`;
}

/** "11月23日" (this year) or "2025年11月23日": when something was applied for or joined. */
export function formatShanghaiDate(at: string, now: Date = new Date()): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return '';
  return calendarDate(wallClock(instant), wallClock(now));
}

/** "2026年11月23日 10:05": full timestamps on records such as an application. */
export function formatShanghaiDateTime(at: string): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return '';
  const clock = wallClock(instant);
  return `${clock.year}年${clock.month}月${clock.day}日 ${pad(clock.hour)}:${pad(clock.minute)}`;
}

/**
 * The ticking 截单 countdown of the campaign page: "2天 05:12:09", "05:12:09" under a day, null once the
 * deadline has passed (or for an unreadable time). Seconds are rounded up so it never shows 00:00:00
 * while ordering is still open.
 */
export function formatCountdown(deadline: string, now: Date = new Date()): string | null {
  const at = new Date(deadline).getTime();
  if (Number.isNaN(at)) return null;
  const remainingMs = at - now.getTime();
  if (remainingMs <= 0) return null;
  const totalSeconds = Math.ceil(remainingMs / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const clock = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return days > 0 ? `${days}天 ${clock}` : clock;
}

/** "11月30日 周日 20:00": a deadline written out in full, next to the countdown. */
export function formatDeadline(at: string, now: Date = new Date()): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return '';
  const clock = wallClock(instant);
  return `${calendarDate(clock, wallClock(now))} ${WEEKDAYS[clock.weekday]} ${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** Today (or `now`) as a Shanghai calendar date "YYYY-MM-DD", the way the server names days. */
export function shanghaiDateKey(now: Date = new Date()): string {
  const clock = wallClock(now);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
}
