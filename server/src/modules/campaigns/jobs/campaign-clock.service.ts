import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CampaignStatus } from '@linli/shared-types';
import {
  APP_CONFIG,
  type AppConfig,
  defineJob,
  JobHandler,
  JobQueue,
  SweepChain,
  systemContext,
  TransactionRunner,
} from '../../../platform';
import { AuditService } from '../../audit';
import { timeSources, timeTransition } from '../domain/campaign-status';
import {
  findOverdueCampaignIds,
  findUpcomingMoves,
  loadCampaign,
  moveStatus,
} from '../persistence/campaign.repository';

declare module '../../../platform' {
  interface JobPayloads {
    /** Moves a scheduled campaign to live at its start (`at`: the start it was queued for). */
    'campaigns.start': { campaignId: number; at: string };
    /** Moves a scheduled/live campaign to ended at its end. */
    'campaigns.end': { campaignId: number; at: string };
    /** Catches campaigns whose start/end job was lost, and queues the next sweep. */
    'campaigns.sweep': { slot: number };
  }
}
export const CAMPAIGN_START_JOB = defineJob('campaigns.start');
export const CAMPAIGN_END_JOB = defineJob('campaigns.end');
export const CAMPAIGN_SWEEP_JOB = defineJob('campaigns.sweep');

/** How often the sweep runs: a lost job delays a move by at most this much. */
export const SWEEP_INTERVAL_MS = 60_000;
/** Campaigns handled per sweep (the next sweep continues). */
const SWEEP_BATCH = 200;

export interface TimedCampaign {
  id: number;
  status: CampaignStatus;
  startAt: Date;
  endAt: Date;
}

/**
 * Moves campaigns by time. Each scheduled/live campaign gets a delayed job at its start and at its end,
 * with an id made of the campaign and the time (so re-queuing never doubles, and an edit of the times
 * queues new ones); the handler re-reads the row and moves it only if the row's OWN times say so, so a
 * job left over from before an edit does nothing. A sweep every minute (a chain of delayed jobs, one id
 * per slot) moves whatever a lost job missed and queues the jobs of the next minutes.
 */
@Injectable()
export class CampaignClock implements OnApplicationBootstrap {
  private readonly logger = new Logger(CampaignClock.name);
  private readonly sweeps: SweepChain;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
  ) {
    this.sweeps = new SweepChain(queue, CAMPAIGN_SWEEP_JOB, SWEEP_INTERVAL_MS, this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    // At the next minute boundary (in-process jobs do not survive a restart), then every minute.
    void this.sweeps.queueFrom(Date.now());
  }

  /** Queues the start/end jobs a campaign needs now. Never throws: the sweep covers a failed add. */
  async queueMoves(campaign: TimedCampaign, now: Date = new Date()): Promise<void> {
    const jobs: Array<['campaigns.start' | 'campaigns.end', Date]> = [];
    if (campaign.status === 'scheduled') jobs.push([CAMPAIGN_START_JOB, campaign.startAt]);
    if (campaign.status === 'scheduled' || campaign.status === 'live')
      jobs.push([CAMPAIGN_END_JOB, campaign.endAt]);
    for (const [name, at] of jobs) {
      try {
        await this.queue.add(
          name,
          { campaignId: campaign.id, at: at.toISOString() },
          {
            jobId: `${name}-${campaign.id}-${at.getTime()}`,
            delayMs: Math.max(0, at.getTime() - now.getTime()),
            attempts: 5,
            backoffMs: 2000,
          },
        );
      } catch (error) {
        this.logger.warn(
          { err: error, campaignId: campaign.id, job: name },
          'could not queue a campaign move',
        );
      }
    }
  }

  @JobHandler(CAMPAIGN_START_JOB)
  async onStart(data: { campaignId: number }): Promise<void> {
    await this.moveAndFollowUp(data.campaignId, new Date());
  }

  @JobHandler(CAMPAIGN_END_JOB)
  async onEnd(data: { campaignId: number }): Promise<void> {
    await this.moveAndFollowUp(data.campaignId, new Date());
  }

  @JobHandler(CAMPAIGN_SWEEP_JOB)
  async onSweep(data: { slot: number }): Promise<void> {
    await this.sweeps.run(data.slot, () => this.sweep(new Date()));
  }

  /** Moves every overdue campaign and queues the exact-time jobs of the next two sweep intervals. */
  async sweep(now: Date): Promise<{ moved: number }> {
    let moved = 0;
    for (const id of await this.tx.run((m) => findOverdueCampaignIds(m, now, SWEEP_BATCH))) {
      if (await this.tx.run((m) => this.moveByTime(m, id, now))) moved += 1;
    }
    const upcoming = await this.tx.run((m) =>
      findUpcomingMoves(m, new Date(now.getTime() + 2 * SWEEP_INTERVAL_MS), SWEEP_BATCH),
    );
    for (const campaign of upcoming) await this.queueMoves(campaign, now);
    if (moved > 0) this.logger.log({ moved }, 'campaign sweep moved overdue campaigns');
    return { moved };
  }

  /**
   * Moves one campaign as its own times say at `now` (conditional update, audited as the system).
   * Returns the new status, or null when it stays.
   */
  async moveByTime(m: EntityManager, id: number, now: Date): Promise<CampaignStatus | null> {
    const record = await loadCampaign(m, id);
    if (!record) return null;
    const { campaign } = record;
    const to = timeTransition(campaign.status, campaign, now);
    if (to === null || to === 'draft' || to === 'scheduled') return null;
    const moved = await moveStatus(
      m,
      id,
      timeSources(to),
      to,
      to === 'live' ? { startedBy: now, notEndedBy: now } : { endedBy: now },
    );
    if (!moved) return null;
    await this.audit.record(m, systemContext('campaign-clock'), {
      action: to === 'live' ? 'campaign.start' : 'campaign.finish',
      entityType: 'campaign',
      entityId: id,
      before: { status: campaign.status },
      after: { status: to, at: now.toISOString() },
    });
    return to;
  }

  private async moveAndFollowUp(id: number, now: Date): Promise<void> {
    const to = await this.tx.run((m) => this.moveByTime(m, id, now));
    if (to === 'live') {
      const record = await this.tx.run((m) => loadCampaign(m, id));
      if (record) await this.queueMoves(record.campaign, now);
    }
  }
}
