import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction';
import { JobQueue } from '../queue/job-queue';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxHandlerRegistry } from './outbox-handler-registry';
import { enqueueDelivery, OUTBOX_OPTIONS, type OutboxOptions } from './outbox-options';
import { OutboxSignal } from './outbox-signal';

/**
 * Moves committed outbox rows to the queue: one `outbox.deliver` job per (event, handler) with a
 * deterministic jobId. Several processes may relay at once: each pass claims rows with a conditional
 * UPDATE, so a row is enqueued by one claimant (and a duplicate enqueue is harmless anyway: jobIds
 * de-duplicate and deliveries are idempotent). "Relayed" means "handed to the queue", not "handled":
 * `OutboxRedelivery` covers jobs the queue lost.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly handlers: OutboxHandlerRegistry,
    private readonly queue: JobQueue,
    signal: OutboxSignal,
    @Inject(OUTBOX_OPTIONS) private readonly options: OutboxOptions,
  ) {
    signal.onNudge(() => this.trigger());
  }

  onApplicationBootstrap(): void {
    if (this.options.pollIntervalMs > 0) {
      this.timer = setInterval(() => this.trigger(), this.options.pollIntervalMs);
      this.timer.unref();
    }
    this.trigger(); // events left over from before a restart
  }

  /** First shutdown phase: stop relaying before the queue drains and the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Number of events written but not yet relayed (health). */
  pendingCount(): Promise<number> {
    return this.dataSource.manager.countBy(OutboxEventEntity, { relayedAt: IsNull() });
  }

  /** Relays everything currently pending; returns how many events this call relayed. */
  async relayPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const relayed = await this.relayBatch();
      total += relayed;
      if (relayed < this.options.batchSize) return total;
    }
  }

  private trigger(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.relayPending()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error }, 'outbox relay pass failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.trigger();
        }
      });
  }

  private async relayBatch(): Promise<number> {
    const token = randomUUID();
    const claimed = await this.claim(token);
    if (claimed.length === 0) return 0;
    for (const event of claimed) {
      for (const handlerName of this.handlers.handlerNamesFor(event.type)) {
        await enqueueDelivery(this.queue, this.options, event.eventId, handlerName);
      }
    }
    await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(OutboxEventEntity)
        .set({ relayedAt: new Date(), claimToken: null, claimedUntil: null })
        .where('claim_token = :token', { token })
        .execute(),
    );
    return claimed.length;
  }

  private async claim(token: string): Promise<OutboxEventEntity[]> {
    try {
      // READ COMMITTED: under REPEATABLE READ the locking scan also locks the gap after the last pending
      // row, where every new event is inserted, and a business transaction publishing an event could be
      // chosen as the deadlock victim. With record locks only, publishers never wait for a relay.
      return await this.transactions.run((manager) => this.claimIn(manager, token), { readCommitted: true });
    } catch (error) {
      // Two relays touching the same index range can deadlock on MySQL; the loser simply tries next pass.
      if ((error as { driverError?: { code?: string } }).driverError?.code === 'ER_LOCK_DEADLOCK') return [];
      throw error;
    }
  }

  private async claimIn(manager: EntityManager, token: string): Promise<OutboxEventEntity[]> {
    const now = new Date();
    const candidates = manager
      .createQueryBuilder(OutboxEventEntity, 'e')
      .select('e.id', 'id')
      .where('e.relayedAt IS NULL')
      .andWhere('(e.claimedUntil IS NULL OR e.claimedUntil < :now)', { now })
      .orderBy('e.id', 'ASC')
      .limit(this.options.batchSize);
    if (this.dataSource.options.type === 'mysql') {
      // Rows another relay is claiming right now are skipped instead of waited for.
      candidates.setLock('pessimistic_write').setOnLocked('skip_locked');
    }
    const ids = (await candidates.getRawMany<{ id: string | number }>()).map((c) => c.id);
    if (ids.length === 0) return [];
    // Raw column names: UPDATE builders do not map property names. The WHERE repeats the candidate
    // test, so a row someone else claimed meanwhile is not taken (SQLite has no SKIP LOCKED).
    await manager
      .createQueryBuilder()
      .update(OutboxEventEntity)
      .set({ claimToken: token, claimedUntil: new Date(now.getTime() + this.options.claimTtlMs) })
      .where('id IN (:...ids)', { ids })
      .andWhere('relayed_at IS NULL')
      .andWhere('(claimed_until IS NULL OR claimed_until < :now)', { now })
      .execute();
    return manager.find(OutboxEventEntity, { where: { claimToken: token }, order: { id: 'ASC' } });
  }
}
