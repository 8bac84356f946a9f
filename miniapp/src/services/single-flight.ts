/**
 * Wraps an async task so that concurrent callers share one run: while a run is in flight every caller
 * gets the same promise; once it settles (either way) the next call starts a fresh run.
 * Used for token refresh (refresh tokens are single-use, so two parallel refreshes would log us out)
 * and for login at launch (several pages ask for a session at once).
 */
export function singleFlight<T>(task: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    if (!inFlight) {
      inFlight = task().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  };
}
