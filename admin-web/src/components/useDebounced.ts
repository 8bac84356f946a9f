import { useEffect, useState } from 'react';

/** Search-as-you-type delay for the server-backed pickers. */
export const SEARCH_DELAY_MS = 300;

/** `value`, once it has stopped changing for `delayMs` (server searches run on this, not on every key). */
export function useDebounced<T>(value: T, delayMs = SEARCH_DELAY_MS): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
