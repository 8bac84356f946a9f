import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert';
import { TransactionRunner } from '../database/transaction';
import { JobQueue } from '../queue/job-queue';
import { OutboxEventEntity } from './outbox-event.entity';
import type { NewOutboxEvent } from './outbox-event';
import { OutboxFailureEntity } from './outbox-failure.entity';
import { deliveryJobId, enqueueDelivery, OUTBOX_OPTIONS, type OutboxOptions } from './outbox-options';
import { OutboxSignal } from './outbox-signal';

/** A delivery that used up its attempts, with the event it was for (null fields: event row gone). */
export interface FailedDelivery {
  eventId: string;
  handlerName: string;
  attempts: number;
  lastError: string;
  failedAt: Date;
  eventType: string | null;
  aggregateId: string | null;
  eventOccurredAt: Date | null;
}

/** Work that must commit together with a retry, such as its audit row. */
export type AlongWithRetry = (manager: EntityManager, failure: FailedDelivery) => Promise<void>;

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

  /** Several events in one insert (a batch of orders): the same as `publish` for each, in one statement. */
  async publishMany(manager: EntityManager, events: readonly NewOutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const event of events) {
      if (!/^[a-z][a-z0-9_.-]{0,99}$/.test(event.type)) {
        throw new Error(`outbox event type "${event.type}" must be lower-case dotted, at most 100 chars`);
      }
    }
    const occurredAt = new Date();
    await bulkInsert(
      manager,
      'outbox_events',
      ['event_id', 'type', 'aggregate_id', 'payload', 'occurred_at'],
      events.map((event) => [randomUUID(), event.type, event.aggregateId ?? null, event.payload, occurredAt]),
    );
    const deferred = this.transactions.afterCommit(manager, () => this.signal.nudge());
    if (!deferred && !manager.queryRunner?.isTransactionActive) this.signal.nudge();
  }

  /** Deliveries that exhausted their attempts and wait for an operator (health reports this). */
  failedDeliveries(): Promise<number> {
    return this.dataSource.manager.countBy(OutboxFailureEntity, { failedAt: Not(IsNull()) });
  }

  /** Permanent failures, newest first, with their events; `total` counts them all. */
  async pageFailedDeliveries(
    skip: number,
    take: number,
  ): Promise<{ items: FailedDelivery[]; total: number }> {
    const manager = this.dataSource.manager;
    const [rows, total] = await manager.findAndCount(OutboxFailureEntity, {
      where: { failedAt: Not(IsNull()) },
      order: { failedAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
    return { items: await withEvents(manager, rows), total };
  }

  /** The most recent permanent failures, newest first. */
  async listFailedDeliveries(limit = 50): Promise<FailedDelivery[]> {
    return (await this.pageFailedDeliveries(0, limit)).items;
  }

  async findFailedDelivery(
    eventId: string,
    handlerName: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FailedDelivery | null> {
    const row = await manager.findOneBy(OutboxFailureEntity, {
      eventId,
      handlerName,
      failedAt: Not(IsNull()),
    });
    return row ? (await withEvents(manager, [row]))[0] : null;
  }

  /**
   * Gives a permanently failed delivery a fresh set of attempts (after the cause was fixed). Returns
   * false when there is no such failure (or another operator just retried it). `alongWith` runs in the
   * same transaction (e.g. the audit row); the delivery is enqueued only after that commits.
   */
  async retryFailedDelivery(
    eventId: string,
    handlerName: string,
    alongWith?: AlongWithRetry,
  ): Promise<boolean> {
    const revived = await this.transactions.run(async (manager) => {
      const failure = await this.findFailedDelivery(eventId, handlerName, manager);
      if (!failure) return false;
      const deleted = await manager.delete(OutboxFailureEntity, {
        eventId,
        handlerName,
        failedAt: Not(IsNull()),
      });
      if (!deleted.affected) return false;
      // Back under the redelivery sweep's watch, in case this job is lost too.
      await manager.update(OutboxEventEntity, { eventId }, { settledAt: null });
      await alongWith?.(manager, failure);
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

async function withEvents(manager: EntityManager, rows: OutboxFailureEntity[]): Promise<FailedDelivery[]> {
  const eventIds = [...new Set(rows.map((row) => row.eventId))];
  const events =
    eventIds.length === 0
      ? []
      : await manager.find(OutboxEventEntity, {
          where: { eventId: In(eventIds) },
          select: { eventId: true, type: true, aggregateId: true, occurredAt: true },
        });
  const byId = new Map(events.map((event) => [event.eventId, event]));
  return rows.map((row) => {
    const event = byId.get(row.eventId);
    return {
      eventId: row.eventId,
      handlerName: row.handlerName,
      attempts: row.attempts,
      lastError: row.lastError,
      failedAt: row.failedAt!,
      eventType: event?.type ?? null,
      aggregateId: event?.aggregateId ?? null,
      eventOccurredAt: event?.occurredAt ?? null,
    };
  });
}
