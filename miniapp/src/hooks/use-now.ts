import { useEffect, useState } from 'react';

/** The current time, ticking every `intervalMs`, so deadline labels ("还剩 5 分钟截单") stay true. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
