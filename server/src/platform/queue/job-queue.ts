/**
 * Payload type of every job, by name. Modules add theirs by augmentation:
 *
 *   declare module '../../platform' {
 *     interface JobPayloads { 'orders.expire': { orderId: number } }
 *   }
 */
export interface JobPayloads {
  /** Delivers one outbox event to one @OnOutboxEvent handler (platform-internal). */
  'outbox.deliver': { eventId: string; handlerName: string };
}

export type JobName = keyof JobPayloads & string;

export interface JobOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Total tries including the first (default 3). */
  attempts?: number;
  /** Base of the exponential backoff between tries (default 1000 ms: 1 s, 2 s, 4 s …). */
  backoffMs?: number;
  /** Deduplicates: a job with an id that is already queued is not added again. */
  jobId?: string;
}

export const DEFAULT_JOB_ATTEMPTS = 3;
export const DEFAULT_JOB_BACKOFF_MS = 1000;

export interface QueueStats {
  adapter: 'in-process' | 'bull';
  status: 'up' | 'down';
  waiting?: number;
  failed?: number;
  error?: string;
}

/** One job of `addMany`. */
export interface QueuedJob<N extends JobName = JobName> {
  name: N;
  data: JobPayloads[N];
  options?: JobOptions;
}

/** The queue port. Contexts depend on this, never on Bull. */
export abstract class JobQueue {
  abstract add<N extends JobName>(name: N, data: JobPayloads[N], options?: JobOptions): Promise<void>;
  /** Several jobs in one round trip where the adapter can (a batch of orders' deadline jobs). */
  abstract addMany(jobs: ReadonlyArray<QueuedJob>): Promise<void>;
}

/** What adapters additionally offer to the platform (health, lifecycle). */
export abstract class JobQueueAdapter extends JobQueue {
  /** Starts consuming jobs (only in roles `all` and `worker`). */
  abstract startConsuming(dispatch: (name: string, data: unknown) => Promise<void>): void;
  abstract stats(): Promise<QueueStats>;
  /** Stops taking new jobs and waits for running ones. */
  abstract close(): Promise<void>;
}
