import { AsyncResource } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import {
  DEFAULT_JOB_ATTEMPTS,
  DEFAULT_JOB_BACKOFF_MS,
  JobQueueAdapter,
  type JobName,
  type JobOptions,
  type JobPayloads,
  type QueuedJob,
  type QueueStats,
} from './job-queue';

type Dispatch = (name: string, data: unknown) => Promise<void>;

interface PendingJob {
  name: string;
  data: unknown;
  jobId?: string;
  attempt: number;
  attempts: number;
  backoffMs: number;
  /** The delay of the current wait (the requested delay, then each backoff). */
  delayMs: number;
  timer?: NodeJS.Timeout;
}

/** A job waiting in memory, as `pendingJobs()` shows it. */
export interface PendingJobView {
  name: string;
  jobId?: string;
  attemptsMade: number;
  delayMs: number;
}

/**
 * Embedded-mode queue: jobs live in this process's memory and are lost on a crash or shutdown (the
 * outbox redelivery sweep re-enqueues undelivered events after a restart; plain jobs are gone).
 * Delays use timers, failures retry with exponential backoff, and a throwing handler never takes the
 * process down. Every job starts in the async context the queue was created in (application start),
 * never in the adder's: a job added inside a transaction must not see that transaction's scope, nor a
 * request's context, just like a job coming from Redis would not.
 */
export class InProcessJobQueue extends JobQueueAdapter {
  private readonly logger = new Logger('InProcessJobQueue');
  private readonly pending = new Set<PendingJob>();
  private readonly running = new Set<Promise<void>>();
  private readonly knownJobIds = new Set<string>();
  private dispatch: Dispatch | null = null;
  private failedCount = 0;
  private closed = false;
  /** Carries the creation-time async context; timers are created inside it. */
  private readonly rootContext = new AsyncResource('linli.in-process-job');

  constructor(private readonly validateName: (name: string) => void = () => undefined) {
    super();
  }

  async add<N extends JobName>(name: N, data: JobPayloads[N], options: JobOptions = {}): Promise<void> {
    if (this.closed) throw new Error(`队列已关闭, 无法添加任务 "${name}"`);
    this.validateName(name);
    if (options.jobId) {
      if (this.knownJobIds.has(options.jobId)) return;
      this.knownJobIds.add(options.jobId);
    }
    const job: PendingJob = {
      name,
      // Copy like a real queue would (JSON), so callers cannot mutate a queued payload.
      data: JSON.parse(JSON.stringify(data)) as unknown,
      jobId: options.jobId,
      attempt: 0,
      attempts: Math.max(1, options.attempts ?? DEFAULT_JOB_ATTEMPTS),
      backoffMs: options.backoffMs ?? DEFAULT_JOB_BACKOFF_MS,
      delayMs: 0,
    };
    this.schedule(job, options.delayMs ?? 0);
  }

  async addMany(jobs: ReadonlyArray<QueuedJob>): Promise<void> {
    for (const job of jobs) await this.add(job.name, job.data, job.options);
  }

  startConsuming(dispatch: Dispatch): void {
    this.dispatch = dispatch;
    for (const job of this.pending) if (!job.timer) this.schedule(job, job.delayMs);
  }

  async stats(): Promise<QueueStats> {
    return { adapter: 'in-process', status: 'up', waiting: this.pending.size, failed: this.failedCount };
  }

  /** What is waiting (delayed, backing off, or not yet consumed): for tests and diagnostics. */
  pendingJobs(): PendingJobView[] {
    return [...this.pending].map((job) => ({
      name: job.name,
      jobId: job.jobId,
      attemptsMade: job.attempt,
      delayMs: job.delayMs,
    }));
  }

  /** Stops timers and waits for running handlers; jobs still waiting are dropped (and logged). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.pending) if (job.timer) clearTimeout(job.timer);
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
    if (this.pending.size > 0) {
      // Outbox deliveries among them are re-enqueued by the redelivery sweep at the next start.
      this.logger.warn(`shutting down with ${this.pending.size} waiting job(s) not run`);
    }
  }

  private schedule(job: PendingJob, delayMs: number): void {
    this.pending.add(job);
    job.timer = undefined;
    job.delayMs = Math.max(0, delayMs);
    if (!this.dispatch || this.closed) return; // picked up by startConsuming
    job.timer = this.rootContext.runInAsyncScope(() => setTimeout(() => this.execute(job), job.delayMs));
  }

  private execute(job: PendingJob): void {
    if (this.closed || !this.dispatch) return;
    this.pending.delete(job);
    job.attempt += 1;
    const run = this.dispatch(job.name, job.data)
      .then(() => this.forget(job))
      .catch((error: unknown) => this.onFailure(job, error))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private onFailure(job: PendingJob, error: unknown): void {
    if (job.attempt < job.attempts && !this.closed) {
      const delay = job.backoffMs * 2 ** (job.attempt - 1);
      this.logger.warn(
        { err: error, job: job.name, attempt: job.attempt, retryInMs: delay },
        'job failed, will retry',
      );
      this.schedule(job, delay);
      return;
    }
    this.failedCount += 1;
    this.forget(job);
    this.logger.error({ err: error, job: job.name, attempts: job.attempt }, 'job failed permanently');
  }

  private forget(job: PendingJob): void {
    if (job.jobId) this.knownJobIds.delete(job.jobId);
  }
}
