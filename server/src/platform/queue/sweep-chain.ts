import type { Logger } from '@nestjs/common';
import type { JobName, JobPayloads, JobQueue } from './job-queue';

/** Job names whose payload is a sweep slot. */
export type SweepJobName = { [K in JobName]: JobPayloads[K] extends { slot: number } ? K : never }[JobName];

/**
 * A periodic sweep as a chain of delayed jobs rather than cron: each run queues the next, and the job id
 * is the time slot (`<name>-<slot>`), so several workers, restarts and a lost job never run it twice or
 * lose the chain for good (every consuming process queues the next slot at start-up, a no-op when it is
 * queued already). Used by the jobs that catch what a lost delayed job missed.
 */
export class SweepChain {
  constructor(
    private readonly queue: JobQueue,
    private readonly name: SweepJobName,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Queues the sweep of the first slot boundary at or after `from` (ms). Never throws. */
  async queueFrom(from: number): Promise<void> {
    const slot = Math.ceil(from / this.intervalMs) * this.intervalMs;
    try {
      await this.queue.add(
        this.name,
        { slot },
        { jobId: `${this.name}-${slot}`, delayMs: Math.max(0, slot - Date.now()), attempts: 1 },
      );
    } catch (error) {
      this.logger.warn({ err: error, sweep: this.name }, 'could not queue the next sweep');
    }
  }

  /** Runs one sweep of `slot`, then queues the next one whatever happened. */
  async run(slot: number, sweep: () => Promise<unknown>): Promise<void> {
    try {
      await sweep();
    } finally {
      await this.queueFrom(Math.max(slot + this.intervalMs, Date.now()));
    }
  }
}
