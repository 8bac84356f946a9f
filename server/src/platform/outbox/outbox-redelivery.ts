import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { TransactionRunner } from '../database/transaction';
import { InProcessJobQueue } from '../queue/in-process-job-queue';
import { JobQueue } from '../queue/job-queue';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxFailureEntity } from './outbox-failure.entity';
import { OutboxHandlerRegistry } from './outbox-handler-registry';
import { enqueueDelivery, OUTBOX_OPTIONS, type OutboxOptions } from './outbox-options';
import { ProcessedEventEntity } from './processed-event.entity';

export interface RedeliveryResult {
  /** Deliveries handed to the queue again. */
  enqueued: number;
  /** Events found complete (every handler processed it or gave up) and marked settled. */
  settled: number;
}

/**
 * The relay marks an event relayed once its jobs are queued, but a queue can still lose them (the
 * in-process queue forgets everything on shutdown or crash; Redis can be flushed). This sweep finds
 * relayed events that some subscribed handler has neither processed nor given up on, and enqueues
 * them again under the same deterministic jobId — a job still queued is not duplicated, and a
 * delivery that runs twice is a no-op (processed_events).
 *
 * Runs at start-up — with age 0 for the in-process queue, whose memory is empty after a restart — and
 * then every `redeliverIntervalMs` for events relayed at least `redeliverAfterMs` ago.
 */
@Injectable()
export class OutboxRedelivery implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRedelivery.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly handlers: OutboxHandlerRegistry,
    private readonly queue: JobQueue,
    @Inject(OUTBOX_OPTIONS) private readonly options: OutboxOptions,
  ) {}

  onApplicationBootstrap(): void {
    const startupAge = this.queue instanceof InProcessJobQueue ? 0 : this.options.redeliverAfterMs;
    this.trigger(startupAge);
    if (this.options.redeliverIntervalMs > 0) {
      this.timer = setInterval(
        () => this.trigger(this.options.redeliverAfterMs),
        this.options.redeliverIntervalMs,
      );
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One full sweep over events relayed at least `olderThanMs` ago and not yet settled. */
  async redeliver(olderThanMs: number): Promise<RedeliveryResult> {
    const cutoff = new Date(Date.now() - olderThanMs);
    const result: RedeliveryResult = { enqueued: 0, settled: 0 };
    let afterId: string | number = 0;
    for (;;) {
      const events = await this.dataSource.manager
        .createQueryBuilder(OutboxEventEntity, 'e')
        .where('e.settledAt IS NULL')
        .andWhere('e.relayedAt IS NOT NULL')
        .andWhere('e.relayedAt <= :cutoff', { cutoff })
        .andWhere('e.id > :afterId', { afterId })
        .orderBy('e.id', 'ASC')
        .limit(this.options.batchSize)
        .getMany();
      if (events.length === 0) return result;
      const pass = await this.sweepBatch(events);
      result.enqueued += pass.enqueued;
      result.settled += pass.settled;
      if (events.length < this.options.batchSize || this.stopped) return result;
      afterId = events[events.length - 1]!.id;
    }
  }

  private async sweepBatch(events: OutboxEventEntity[]): Promise<RedeliveryResult> {
    const eventIds = events.map((e) => e.eventId);
    const [processed, failed] = await Promise.all([
      this.dataSource.manager.find(ProcessedEventEntity, {
        select: { eventId: true, handlerName: true },
        where: { eventId: In(eventIds) },
      }),
      this.dataSource.manager.find(OutboxFailureEntity, {
        select: { eventId: true, handlerName: true },
        where: { eventId: In(eventIds), failedAt: Not(IsNull()) },
      }),
    ]);
    const done = new Set([...processed, ...failed].map((row) => `${row.eventId}\n${row.handlerName}`));
    const settledIds: string[] = [];
    let enqueued = 0;
    for (const event of events) {
      const missing = this.handlers
        .handlerNamesFor(event.type)
        .filter((handlerName) => !done.has(`${event.eventId}\n${handlerName}`));
      if (missing.length === 0) settledIds.push(event.id);
      for (const handlerName of missing) {
        await enqueueDelivery(this.queue, this.options, event.eventId, handlerName);
        enqueued += 1;
      }
    }
    if (settledIds.length > 0) {
      await this.transactions.run((manager) =>
        manager.update(OutboxEventEntity, { id: In(settledIds) }, { settledAt: new Date() }),
      );
    }
    if (enqueued > 0)
      this.logger.warn({ enqueued }, 'outbox deliveries re-enqueued (their jobs were lost or are late)');
    return { enqueued, settled: settledIds.length };
  }

  private trigger(olderThanMs: number): void {
    if (this.stopped || this.running) return;
    this.running = this.redeliver(olderThanMs)
      .catch((error: unknown) => this.logger.error({ err: error }, 'outbox redelivery sweep failed'))
      .finally(() => (this.running = null));
  }
}
