import { useEffect, useRef } from 'react';

const INTERVAL_MS = 3000;
/** About two minutes: then the leader pulls down (or comes back) to refresh. */
const MAX_REFRESHES = 40;

/**
 * Refreshes the screen a few seconds after each answer while `active` (a WeChat payout moving on the
 * server), so 确认收款 and 已到账 show without a pull-down. `shown` is what the last answer put on screen:
 * each new answer schedules the next refresh.
 */
export function useRefreshWhile(active: boolean, refresh: () => void, shown: unknown): void {
  const count = useRef(0);
  const latest = useRef(refresh);
  latest.current = refresh;

  useEffect(() => {
    if (!active) {
      count.current = 0;
      return undefined;
    }
    if (count.current >= MAX_REFRESHES) return undefined;
    const timer = setTimeout(() => {
      count.current += 1;
      latest.current();
    }, INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [active, shown]);
}
