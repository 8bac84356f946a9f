import dayjs from 'dayjs';
import { shanghaiDayStart } from '../orders/service';

/**
 * Whole Asia/Shanghai days as the API's half-open instant range: [00:00 of the first, 00:00 after the last).
 * Either end may be open.
 */
export function dayRangeToIso(
  from: string | undefined,
  to: string | undefined,
): { from?: string; to?: string } {
  return {
    from: from ? shanghaiDayStart(from) : undefined,
    to: to ? shanghaiDayStart(dayjs(to).add(1, 'day').format('YYYY-MM-DD')) : undefined,
  };
}
