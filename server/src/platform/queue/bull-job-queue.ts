import { Logger } from '@nestjs/common';
import Bull from 'bull';
import {
  DEFAULT_JOB_ATTEMPTS,
  DEFAULT_JOB_BACKOFF_MS,
  JobQueueAdapter,
  type JobName,
  type JobOptions,
  type JobPayloads,
  type QueueStats,
} from './job-queue';

const QUEUE_NAME = 'jobs';
const CONCURRENCY = 8;

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
  ) {
    super();
    this.queue = new Bull(QUEUE_NAME, redisUrl, {
      prefix,
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

  async add<N extends JobName>(name: N, data: JobPayloads[N], options: JobOptions = {}): Promise<void> {
    this.validateName(name);
    await this.queue.add(name, data, {
      delay: options.delayMs,
      attempts: Math.max(1, options.attempts ?? DEFAULT_JOB_ATTEMPTS),
      backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_JOB_BACKOFF_MS },
      jobId: options.jobId,
    });
  }

  startConsuming(dispatch: (name: string, data: unknown) => Promise<void>): void {
    void this.queue.process('*', CONCURRENCY, (job) => dispatch(job.name, job.data));
  }

  async stats(): Promise<QueueStats> {
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
