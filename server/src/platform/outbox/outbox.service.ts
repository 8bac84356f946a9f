import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction';
import { JobQueue } from '../queue/job-queue';
import { OutboxEventEntity } from './outbox-event.entity';
import type { NewOutboxEvent } from './outbox-event';
import { OutboxFailureEntity } from './outbox-failure.entity';
import { deliveryJobId, enqueueDelivery, OUTBOX_OPTIONS, type OutboxOptions } from './outbox-options';
import { OutboxSignal } from './outbox-signal';

export interface FailedDelivery {
  eventId: string;
  handlerName: string;
  attempts: number;
  lastError: string;
  failedAt: Date;
}

@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly signal: OutboxSignal,
    private readonly queue: JobQueue,
    @Inject(OUTBOX_OPTIONS) private readonly options: OutboxOptions,
  ) {}

  /** Writes the event row in the caller's transaction. After commit a relay puts it on the queue. */
  async publish(manager: EntityManager, event: NewOutboxEvent): Promise<void> {
    if (!/^[a-z][a-z0-9_.-]{0,99}$/.test(event.type)) {
      throw new Error(`outbox event type "${event.type}" must be lower-case dotted, at most 100 chars`);
    }
    // save (not insert): insert's QueryDeepPartialEntity type rejects JSON-valued Record columns.
    await manager.save(OutboxEventEntity, {
      eventId: randomUUID(),
      type: event.type,
      aggregateId: event.aggregateId ?? null,
      payload: event.payload,
      occurredAt: new Date(),
      relayedAt: null,
      claimToken: null,
      claimedUntil: null,
      settledAt: null,
    });
    // Relay right after commit; transactions not opened by TransactionRunner are picked up by polling.
    const deferred = this.transactions.afterCommit(manager, () => this.signal.nudge());
    if (!deferred && !manager.queryRunner?.isTransactionActive) this.signal.nudge();
  }

  /** Deliveries that exhausted their attempts and wait for an operator (health reports this). */
  failedDeliveries(): Promise<number> {
    return this.dataSource.manager.countBy(OutboxFailureEntity, { failedAt: Not(IsNull()) });
  }

  /** The most recent permanent failures, newest first. */
  async listFailedDeliveries(limit = 50): Promise<FailedDelivery[]> {
    const rows = await this.dataSource.manager.find(OutboxFailureEntity, {
      where: { failedAt: Not(IsNull()) },
      order: { failedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    return rows.map((row) => ({
      eventId: row.eventId,
      handlerName: row.handlerName,
      attempts: row.attempts,
      lastError: row.lastError,
      failedAt: row.failedAt!,
    }));
  }

  /**
   * Gives a permanently failed delivery a fresh set of attempts (after the cause was fixed). Returns
   * false when there is no such failure.
   */
  async retryFailedDelivery(eventId: string, handlerName: string): Promise<boolean> {
    const revived = await this.transactions.run(async (manager) => {
      const deleted = await manager.delete(OutboxFailureEntity, {
        eventId,
        handlerName,
        failedAt: Not(IsNull()),
      });
      if (!deleted.affected) return false;
      // Back under the redelivery sweep's watch, in case this job is lost too.
      await manager.update(OutboxEventEntity, { eventId }, { settledAt: null });
      return true;
    });
    // A new jobId: the queue may still remember the exhausted job under the deterministic one.
    if (revived) {
      await enqueueDelivery(
        this.queue,
        this.options,
        eventId,
        handlerName,
        `${deliveryJobId(eventId, handlerName)}:retry:${randomUUID()}`,
      );
    }
    return revived;
  }
}
