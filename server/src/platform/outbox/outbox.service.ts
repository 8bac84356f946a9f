import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction';
import { OutboxEventEntity } from './outbox-event.entity';
import type { NewOutboxEvent } from './outbox-event';
import { OutboxSignal } from './outbox-signal';

@Injectable()
export class OutboxService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly signal: OutboxSignal,
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
    });
    // Relay right after commit; transactions not opened by TransactionRunner are picked up by polling.
    const deferred = this.transactions.afterCommit(manager, () => this.signal.nudge());
    if (!deferred && !manager.queryRunner?.isTransactionActive) this.signal.nudge();
  }
}
