import { addDays, shanghaiDate } from '../../../platform/time/shanghai';
import type { CampaignSchedule } from './campaign-rules';

const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

/**
 * The schedule of a copy (复制到下周). Without `startAt`: shifted by the fewest whole weeks (at least one)
 * that put its start after `now`, so weekday and wall-clock times stay. With `startAt`: shifted so it
 * starts then. Start, cut-off and end keep their distances; the pickup date moves by as many calendar
 * days as the cut-off does (in Shanghai), so "pickup the day after 截单" stays true.
 */
export function duplicateSchedule(original: CampaignSchedule, now: Date, startAt?: Date): CampaignSchedule {
  const shiftMs = startAt
    ? startAt.getTime() - original.startAt.getTime()
    : weeksToFuture(original.startAt, now) * WEEK_MS;
  const shift = (at: Date) => new Date(at.getTime() + shiftMs);
  const cutoffAt = shift(original.cutoffAt);
  const cutoffDays = Math.round(
    (Date.parse(shanghaiDate(cutoffAt)) - Date.parse(shanghaiDate(original.cutoffAt))) / DAY_MS,
  );
  return {
    startAt: shift(original.startAt),
    endAt: shift(original.endAt),
    cutoffAt,
    pickupDate: addDays(original.pickupDate, cutoffDays),
  };
}

/** The fewest whole weeks (≥ 1) that move `start` strictly after `now`. */
export function weeksToFuture(start: Date, now: Date): number {
  const behind = now.getTime() - start.getTime();
  return behind < 0 ? 1 : Math.floor(behind / WEEK_MS) + 1;
}
