import { Logger } from '@nestjs/common';
import Bull from 'bull';
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

const QUEUE_NAME = 'jobs';
const CONCURRENCY = 8;
/** Bull's default job lock (see the constructor). */
export const DEFAULT_LOCK_MS = 30_000;

/** How long add() waits for Redis before giving up (Bull would otherwise wait forever). */
export const DEFAULT_ADD_TIMEOUT_MS = 5000;
/** ioredis states in which Redis has already been seen unreachable. */
const REDIS_DOWN_STATES = ['reconnecting', 'close', 'end'];

/**
 * Redis-backed queue (Bull 4): one Bull queue, jobs told apart by name. Producers (API processes)
 * only add; consumers (roles `all`/`worker`) process every name through the registry.
 */
export class BullJobQueue extends JobQueueAdapter {
  private readonly logger = new Logger('BullJobQueue');
  private readonly queue: Bull.Queue;

  constructor(
    redisUrl: string,
    prefix: string,
    private readonly validateName: (name: string) => void = () => undefined,
    private readonly addTimeoutMs = DEFAULT_ADD_TIMEOUT_MS,
    lockMs = DEFAULT_LOCK_MS,
  ) {
    super();
    this.queue = new Bull(QUEUE_NAME, redisUrl, {
      prefix,
      // A job's lock lasts lockMs and is renewed while its worker lives. A worker that dies (crash,
      // kill -9) stops renewing: within about twice lockMs the job is stalled and another worker runs it
      // again, which is why every handler is idempotent.
      settings: { lockDuration: lockMs, stalledInterval: lockMs, maxStalledCount: 2 },
      defaultJobOptions: {
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    });
    this.queue.on('error', (error) => this.logger.error({ err: error }, 'Bull queue error'));
    this.queue.on('failed', (job, error) => {
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      this.logger[final ? 'error' : 'warn'](
        { err: error, job: job.name, jobId: job.id, attempt: job.attemptsMade },
        final ? 'job failed permanently' : 'job failed, will retry',
      );
    });
  }

  /**
   * Rejects instead of hanging when Redis is unreachable: Bull queues the command until Redis is back,
   * which would stall the caller (the outbox relay, a shutdown drain) indefinitely. Known outages fail at
   * once; otherwise after `addTimeoutMs`. A timed-out add may still land when Redis returns, so callers
   * that retry should pass a `jobId` (the outbox relay does) — and handlers are idempotent anyway.
   */
  async add<N extends JobName>(name: N, data: JobPayloads[N], options: JobOptions = {}): Promise<void> {
    this.validateName(name);
    const redisStatus = this.queue.client.status;
    if (REDIS_DOWN_STATES.includes(redisStatus)) {
      throw new Error(`任务 "${name}" 入队失败: Redis 不可用 (${redisStatus})`);
    }
    const added = this.queue.add(name, data, {
      delay: options.delayMs,
      attempts: Math.max(1, options.attempts ?? DEFAULT_JOB_ATTEMPTS),
      backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_JOB_BACKOFF_MS },
      jobId: options.jobId,
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`任务 "${name}" 入队超时 (${this.addTimeoutMs} ms): Redis 无响应`)),
        this.addTimeoutMs,
      );
    });
    try {
      await Promise.race([added, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One round trip for all of them (Bull's addBulk), with the same outage and timeout rules as `add`. */
  async addMany(jobs: ReadonlyArray<QueuedJob>): Promise<void> {
    if (jobs.length === 0) return;
    for (const job of jobs) this.validateName(job.name);
    const redisStatus = this.queue.client.status;
    if (REDIS_DOWN_STATES.includes(redisStatus)) {
      throw new Error(`${jobs.length} 个任务入队失败: Redis 不可用 (${redisStatus})`);
    }
    const added = this.queue.addBulk(
      jobs.map((job) => ({
        name: job.name,
        data: job.data,
        opts: {
          delay: job.options?.delayMs,
          attempts: Math.max(1, job.options?.attempts ?? DEFAULT_JOB_ATTEMPTS),
          backoff: { type: 'exponential', delay: job.options?.backoffMs ?? DEFAULT_JOB_BACKOFF_MS },
          jobId: job.options?.jobId,
        },
      })),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${jobs.length} 个任务入队超时 (${this.addTimeoutMs} ms): Redis 无响应`)),
        this.addTimeoutMs,
      );
    });
    try {
      await Promise.race([added, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  startConsuming(dispatch: (name: string, data: unknown) => Promise<void>): void {
    void this.queue.process('*', CONCURRENCY, (job) => dispatch(job.name, job.data));
  }

  async stats(): Promise<QueueStats> {
    // Asking a known-down Redis would only park one more command in ioredis' offline queue.
    const redisStatus = this.queue.client.status;
    if (REDIS_DOWN_STATES.includes(redisStatus)) {
      return { adapter: 'bull', status: 'down', error: `Redis 不可用 (${redisStatus})` };
    }
    try {
      const counts = await this.queue.getJobCounts();
      return {
        adapter: 'bull',
        status: 'up',
        waiting: counts.waiting + counts.delayed,
        failed: counts.failed,
      };
    } catch (error) {
      return { adapter: 'bull', status: 'down', error: (error as Error).message };
    }
  }

  /** Waits for the running jobs of this process, then closes the Redis connections. */
  async close(): Promise<void> {
    await this.queue.close();
  }

  /** Test helper: removes every key of this queue (the prefix is per test process). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }
}
