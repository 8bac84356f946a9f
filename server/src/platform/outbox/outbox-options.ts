import type { JobQueue } from '../queue/job-queue';

export const OUTBOX_OPTIONS = Symbol('OUTBOX_OPTIONS');

export interface OutboxOptions {
  /** Relay poll interval; 0 disables the timer (tests drive `relayPending()` themselves). */
  pollIntervalMs: number;
  batchSize: number;
  /** A claim older than this is considered abandoned (its process died) and taken over. */
  claimTtlMs: number;
  /** Failed tries of one (event, handler) before it is recorded as failed for good. */
  deliveryAttempts: number;
  /** Base of the exponential backoff between those tries. */
  deliveryBackoffMs: number;
  /** The sweep re-enqueues events relayed at least this long ago that a handler has not processed. */
  redeliverAfterMs: number;
  /** Sweep interval; 0 disables the timer (the start-up sweep still runs). */
  redeliverIntervalMs: number;
}

export const DEFAULT_OUTBOX_OPTIONS: Readonly<OutboxOptions> = {
  pollIntervalMs: 1000,
  batchSize: 100,
  claimTtlMs: 30_000,
  deliveryAttempts: 8, // 2 s … 128 s apart: about 4 minutes of retries
  deliveryBackoffMs: 2000,
  redeliverAfterMs: 5 * 60_000, // longer than the whole retry schedule above
  redeliverIntervalMs: 60_000,
};

/** The deterministic job id of one delivery: the queue de-duplicates relay, sweep and replays on it. */
export function deliveryJobId(eventId: string, handlerName: string): string {
  return `outbox:${eventId}:${handlerName}`;
}

export function enqueueDelivery(
  queue: JobQueue,
  options: OutboxOptions,
  eventId: string,
  handlerName: string,
  jobId = deliveryJobId(eventId, handlerName),
): Promise<void> {
  return queue.add(
    'outbox.deliver',
    { eventId, handlerName },
    { jobId, attempts: options.deliveryAttempts, backoffMs: options.deliveryBackoffMs },
  );
}
