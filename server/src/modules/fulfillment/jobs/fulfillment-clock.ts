import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, defineJob, JobHandler, JobQueue, SweepChain } from '../../../platform';
import { CampaignOrderingService } from '../../campaigns';
import { OrderFulfillmentService } from '../../orders';
import { WavesService } from '../waves.service';

declare module '../../../platform' {
  interface JobPayloads {
    /** The cut-off (截单) of a campaign at its cut-off time (`at`: the cut-off it was queued for). */
    'fulfillment.cutoff': { campaignId: number; at: string };
    /** Cuts off what a lost cut-off job missed, locks late payments, queues the next cut-offs. */
    'fulfillment.cutoff-sweep': { slot: number };
  }
}
export const CUTOFF_JOB = defineJob('fulfillment.cutoff');
export const CUTOFF_SWEEP_JOB = defineJob('fulfillment.cutoff-sweep');

/** How often the sweep runs: a lost cut-off job delays the lock by at most this much. */
export const CUTOFF_SWEEP_INTERVAL_MS = 60_000;
/** How far back the sweep looks for cut-offs (and payments that landed after one). */
export const CUTOFF_LOOKBACK_MS = 3 * 86_400_000;
const SWEEP_BATCH = 200;

/**
 * The cut-off clock. Each campaign gets a delayed job at its cut-off, queued by the sweep during the two
 * intervals before it (id `fulfillment.cutoff-<campaign>-<time>`, so re-queuing never doubles and an edited
 * cut-off queues a new one; the handler re-reads the campaign and acts only when its OWN cut-off has
 * come). The sweep every minute also cuts off campaigns whose job was lost and locks orders paid after
 * the cut-off (a payment landing within its pay deadline), looking back three days.
 */
@Injectable()
export class FulfillmentClock implements OnApplicationBootstrap {
  private readonly logger = new Logger(FulfillmentClock.name);
  private readonly sweeps: SweepChain;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly campaigns: CampaignOrderingService,
    private readonly orders: OrderFulfillmentService,
    private readonly waves: WavesService,
  ) {
    this.sweeps = new SweepChain(queue, CUTOFF_SWEEP_JOB, CUTOFF_SWEEP_INTERVAL_MS, this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    void this.sweeps.queueFrom(Date.now());
  }

  @JobHandler(CUTOFF_JOB)
  async onCutoff(data: { campaignId: number }): Promise<void> {
    await this.waves.cutOff(data.campaignId, new Date());
  }

  @JobHandler(CUTOFF_SWEEP_JOB)
  async onSweep(data: { slot: number }): Promise<void> {
    await this.sweeps.run(data.slot, () => this.sweep(new Date()));
  }

  /** Cuts off the due campaigns that still have paid orders or no wave, and queues the coming cut-offs. */
  async sweep(now: Date): Promise<{ locked: number }> {
    const due = await this.campaigns.cutoffsBetween(
      new Date(now.getTime() - CUTOFF_LOOKBACK_MS),
      now,
      SWEEP_BATCH,
    );
    const withPaid = new Set(await this.orders.campaignsWithPaidOrders(due.map((c) => c.id)));
    const withWave = await this.waves.campaignsWithWaves(due.map((c) => c.id));
    let locked = 0;
    for (const campaign of due) {
      if (!withPaid.has(campaign.id) && withWave.has(campaign.id)) continue;
      try {
        locked += (await this.waves.cutOff(campaign.id, now)) ?? 0;
      } catch (error) {
        this.logger.warn({ err: error, campaignId: campaign.id }, 'cut-off failed; the next sweep retries');
      }
    }
    const upcoming = await this.campaigns.cutoffsBetween(
      now,
      new Date(now.getTime() + 2 * CUTOFF_SWEEP_INTERVAL_MS),
      SWEEP_BATCH,
    );
    for (const campaign of upcoming) {
      try {
        await this.queue.add(
          CUTOFF_JOB,
          { campaignId: campaign.id, at: campaign.cutoffAt.toISOString() },
          {
            jobId: `${CUTOFF_JOB}-${campaign.id}-${campaign.cutoffAt.getTime()}`,
            delayMs: Math.max(0, campaign.cutoffAt.getTime() - now.getTime()),
            attempts: 5,
            backoffMs: 2000,
          },
        );
      } catch (error) {
        this.logger.warn(
          { err: error, campaignId: campaign.id },
          'could not queue a cut-off; the sweep covers it',
        );
      }
    }
    return { locked };
  }
}
