import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, defineJob, JobHandler, JobQueue, SweepChain } from '../../../platform';
import { AfterSalesService } from '../aftersales.service';

declare module '../../../platform' {
  interface JobPayloads {
    /** Approves pending after-sales cases nobody answered in time; then queues the next sweep. */
    'aftersales.auto-approve-sweep': { slot: number };
  }
}
export const AUTO_APPROVE_SWEEP_JOB = defineJob('aftersales.auto-approve-sweep');

const SWEEP_INTERVAL_MS = 60_000;

/** The timeout rule's clock: a sweep chain every minute (see platform/queue/sweep-chain.ts). */
@Injectable()
export class AfterSalesClock implements OnApplicationBootstrap {
  private readonly logger = new Logger(AfterSalesClock.name);
  private readonly sweeps: SweepChain;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: AfterSalesService,
    queue: JobQueue,
  ) {
    this.sweeps = new SweepChain(queue, AUTO_APPROVE_SWEEP_JOB, SWEEP_INTERVAL_MS, this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    void this.sweeps.queueFrom(Date.now());
  }

  @JobHandler(AUTO_APPROVE_SWEEP_JOB)
  async sweep({ slot }: { slot: number }): Promise<void> {
    await this.sweeps.run(slot, async () => {
      await this.cases.autoApproveDue(new Date());
    });
  }
}
