import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  defineJob,
  JobHandler,
  JobQueue,
  SweepChain,
  TransactionRunner,
} from '../../../platform';
import { CommissionLedger } from '../commission-ledger';
import { MonthCloseService } from '../month-close.service';

declare module '../../../platform' {
  interface JobPayloads {
    /** Frozen entries whose after-sales window ended become available; then queues the next sweep. */
    'commission.unfreeze-sweep': { slot: number };
    /** Writes the tier bonuses of months that ended and were not closed yet; then queues the next sweep. */
    'commission.month-close-sweep': { slot: number };
  }
}
export const UNFREEZE_SWEEP_JOB = defineJob('commission.unfreeze-sweep');
export const MONTH_CLOSE_SWEEP_JOB = defineJob('commission.month-close-sweep');

const UNFREEZE_INTERVAL_MS = 60_000;
const MONTH_CLOSE_INTERVAL_MS = 60 * 60_000;
/** Batches per unfreeze sweep (2000 entries each); the rest waits a minute. */
const UNFREEZE_BATCHES = 25;

/**
 * Commission's clocks, as sweep chains (see platform/queue/sweep-chain.ts): every minute frozen entries
 * due become available (reads also count due entries as such, so a late sweep only delays the status
 * column, never a withdrawal); every hour the months that ended get their tier bonuses.
 */
@Injectable()
export class CommissionClock implements OnApplicationBootstrap {
  private readonly logger = new Logger(CommissionClock.name);
  private readonly unfreezeSweeps: SweepChain;
  private readonly monthSweeps: SweepChain;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly ledger: CommissionLedger,
    private readonly months: MonthCloseService,
    queue: JobQueue,
  ) {
    this.unfreezeSweeps = new SweepChain(queue, UNFREEZE_SWEEP_JOB, UNFREEZE_INTERVAL_MS, this.logger);
    this.monthSweeps = new SweepChain(queue, MONTH_CLOSE_SWEEP_JOB, MONTH_CLOSE_INTERVAL_MS, this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    void this.unfreezeSweeps.queueFrom(Date.now());
    void this.monthSweeps.queueFrom(Date.now());
  }

  @JobHandler(UNFREEZE_SWEEP_JOB)
  async unfreeze({ slot }: { slot: number }): Promise<void> {
    await this.unfreezeSweeps.run(slot, () => this.unfreezeDue());
  }

  @JobHandler(MONTH_CLOSE_SWEEP_JOB)
  async closeMonths({ slot }: { slot: number }): Promise<void> {
    await this.monthSweeps.run(slot, () => this.months.closeEndedMonths(new Date()));
  }

  /** Unfreezes what is due now, in batches (each its own short transaction). */
  async unfreezeDue(now = new Date()): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < UNFREEZE_BATCHES; batch += 1) {
      const moved = await this.tx.run((m) => this.ledger.unfreezeDue(m, now));
      total += moved;
      if (moved === 0) break;
    }
    return total;
  }
}
