import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction';
import { JobHandler } from '../queue/job-handler.decorator';
import type { JobPayloads } from '../queue/job-queue';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxFailureEntity } from './outbox-failure.entity';
import { OutboxHandlerRegistry } from './outbox-handler-registry';
import { OUTBOX_OPTIONS, type OutboxOptions } from './outbox-options';
import { ProcessedEventEntity } from './processed-event.entity';

const MAX_ERROR_LENGTH = 4000;

/**
 * Runs one handler for one event, at most once: the processed_events row and the handler's writes
 * commit together, and a replay finds the row and does nothing. Failures are counted in
 * outbox_failures (durably, so the count survives lost jobs and restarts); when they reach
 * `deliveryAttempts` the delivery is recorded as failed and the job ends without asking for a retry.
 */
@Injectable()
export class OutboxDelivery {
  private readonly logger = new Logger(OutboxDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly handlers: OutboxHandlerRegistry,
    @Inject(OUTBOX_OPTIONS) private readonly options: OutboxOptions,
  ) {}

  @JobHandler('outbox.deliver')
  async deliver({ eventId, handlerName }: JobPayloads['outbox.deliver']): Promise<void> {
    const handler = this.handlers.get(handlerName);
    if (!handler) {
      // Deployed code no longer has this handler: nothing can run it, retrying would not help.
      this.logger.warn({ eventId, handlerName }, 'outbox handler no longer exists; event skipped');
      return;
    }
    try {
      await this.transactions.run(async (manager) => {
        const already = await manager.existsBy(ProcessedEventEntity, { handlerName, eventId });
        if (already) return;
        const failure = await manager.findOneBy(OutboxFailureEntity, { handlerName, eventId });
        if (failure?.failedAt) return; // given up on; only an operator's retry revives it
        const row = await manager.findOneBy(OutboxEventEntity, { eventId });
        if (!row) throw new Error(`outbox event ${eventId} not found`);
        // Insert first: a concurrent delivery of the same pair then fails on the unique key and rolls back.
        await manager.insert(ProcessedEventEntity, { handlerName, eventId, processedAt: new Date() });
        if (failure) await manager.delete(OutboxFailureEntity, { id: failure.id });
        await handler.run(
          {
            id: row.eventId,
            type: row.type,
            aggregateId: row.aggregateId,
            payload: row.payload,
            occurredAt: row.occurredAt,
          },
          manager,
        );
      });
    } catch (error) {
      if (await this.isProcessed(handlerName, eventId)) return; // lost a race with another worker: done
      const attempts = await this.recordFailure(handlerName, eventId, error);
      if (attempts >= this.options.deliveryAttempts) {
        this.logger.error(
          { err: error, eventId, handlerName, attempts },
          'outbox delivery failed permanently; recorded in outbox_failures',
        );
        return; // the record is now the source of truth: the queue must not retry it
      }
      throw error;
    }
  }

  private isProcessed(handlerName: string, eventId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(ProcessedEventEntity, { handlerName, eventId });
  }

  /** Counts one failed try; returns the number of failed tries so far. */
  private async recordFailure(handlerName: string, eventId: string, error: unknown): Promise<number> {
    try {
      return await this.transactions.run((manager) =>
        this.countFailure(manager, handlerName, eventId, error),
      );
    } catch {
      // Two processes inserted the first failure of the same pair at once: the row exists now.
      return this.transactions.run((manager) => this.countFailure(manager, handlerName, eventId, error));
    }
  }

  private async countFailure(
    manager: EntityManager,
    handlerName: string,
    eventId: string,
    error: unknown,
  ): Promise<number> {
    const now = new Date();
    const lastError = describeError(error);
    const existing = await manager.findOne(OutboxFailureEntity, {
      where: { handlerName, eventId },
      // SQLite transactions are serialised already and TypeORM rejects locks there.
      ...(this.dataSource.options.type === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const attempts = (existing?.attempts ?? 0) + 1;
    const failedAt = existing?.failedAt ?? (attempts >= this.options.deliveryAttempts ? now : null);
    if (existing) {
      await manager.update(
        OutboxFailureEntity,
        { id: existing.id },
        { attempts, lastError, lastAttemptAt: now, failedAt },
      );
    } else {
      await manager.insert(OutboxFailureEntity, {
        handlerName,
        eventId,
        attempts,
        lastError,
        lastAttemptAt: now,
        failedAt,
      });
    }
    return attempts;
  }
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
