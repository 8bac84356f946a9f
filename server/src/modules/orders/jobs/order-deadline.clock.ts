import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  defineJob,
  JobHandler,
  JobQueue,
  SweepChain,
  TransactionRunner,
} from '../../../platform';
import { OrderLifecycleService } from '../order-lifecycle.service';
import { OrderEntity } from '../persistence/order.entity';

declare module '../../../platform' {
  interface JobPayloads {
    /** Closes an order still unpaid at its deadline (and releases its stock). */
    'orders.close-unpaid': { orderId: number };
    /** Closes whatever a lost close job missed, then queues the next sweep. */
    'orders.deadline-sweep': { slot: number };
  }
}
export const CLOSE_UNPAID_JOB = defineJob('orders.close-unpaid');
export const DEADLINE_SWEEP_JOB = defineJob('orders.deadline-sweep');

/** How often the sweep runs: a lost close job delays a close by at most this much. */
export const DEADLINE_SWEEP_INTERVAL_MS = 60_000;
const SWEEP_BATCH = 200;

/**
 * The pay deadline. Each order gets a delayed job at its deadline (id `close-<orderId>`, so queuing twice
 * never doubles); a sweep every minute closes the overdue orders a lost job (a restart of the in-process
 * queue, a flushed Redis) left open. Closing is a conditional update, so the job, the sweep and a payment
 * racing each other leave the order either paid or closed, never both.
 */
@Injectable()
export class OrderDeadlineClock implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrderDeadlineClock.name);
  private readonly sweeps: SweepChain;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly queue: JobQueue,
    private readonly lifecycle: OrderLifecycleService,
  ) {
    this.sweeps = new SweepChain(queue, DEADLINE_SWEEP_JOB, DEADLINE_SWEEP_INTERVAL_MS, this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    void this.sweeps.queueFrom(Date.now());
  }

  /** Queues the close job once the order's transaction commits (never throws: the sweep is the fallback). */
  scheduleAfterCommit(m: EntityManager, orderId: number, deadline: Date): void {
    const schedule = () => void this.schedule(orderId, deadline);
    if (!this.tx.afterCommit(m, schedule)) schedule();
  }

  async schedule(orderId: number, deadline: Date): Promise<void> {
    await this.scheduleMany([{ orderId, deadline }]);
  }

  /** The close jobs of a batch of orders, after its transaction commits, in one round trip. */
  scheduleManyAfterCommit(
    m: EntityManager,
    orders: ReadonlyArray<{ orderId: number; deadline: Date }>,
  ): void {
    const schedule = () => void this.scheduleMany(orders);
    if (!this.tx.afterCommit(m, schedule)) schedule();
  }

  private async scheduleMany(orders: ReadonlyArray<{ orderId: number; deadline: Date }>): Promise<void> {
    try {
      await this.queue.addMany(
        orders.map(({ orderId, deadline }) => ({
          name: CLOSE_UNPAID_JOB,
          data: { orderId },
          options: {
            jobId: `close-${orderId}`,
            delayMs: Math.max(0, deadline.getTime() - Date.now()),
            attempts: 5,
            backoffMs: 5000,
          },
        })),
      );
    } catch (error) {
      this.logger.warn(
        { err: error, orders: orders.length },
        'could not queue pay-deadline jobs; the sweep will close them',
      );
    }
  }

  @JobHandler(CLOSE_UNPAID_JOB)
  async onCloseUnpaid(data: { orderId: number }): Promise<void> {
    await this.lifecycle.closeAtDeadline(data.orderId);
  }

  @JobHandler(DEADLINE_SWEEP_JOB)
  async onSweep(data: { slot: number }): Promise<void> {
    await this.sweeps.run(data.slot, () => this.sweep(new Date()));
  }

  /** Closes every unpaid order past its deadline (one batch; the next sweep continues). */
  async sweep(now: Date): Promise<{ closed: number }> {
    const overdue = await this.dataSource.getRepository(OrderEntity).find({
      where: { status: 'pending_payment', payDeadlineAt: LessThanOrEqual(now) },
      select: { id: true },
      order: { payDeadlineAt: 'ASC' },
      take: SWEEP_BATCH,
    });
    let closed = 0;
    for (const { id } of overdue) {
      try {
        await this.lifecycle.closeAtDeadline(id, now);
        closed += 1;
      } catch (error) {
        this.logger.warn({ err: error, orderId: id }, 'could not close an overdue order; next sweep retries');
      }
    }
    return { closed };
  }
}
