import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, BusinessError } from '../../platform';
import { CampaignOrderingService, type OrderingCampaign } from '../campaigns';
import { FlashSaleGate, GateUnavailableError, type GateDecision, type GateSnapshot } from './flash-sale';
import { boughtInCampaign } from './persistence/order.repository';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Orders' use of the flash-sale gate: on for 秒杀 campaigns when Redis is configured (and FLASH_SALE_GATE
 * is not off). Fails closed: when the gate cannot answer, the order is refused with 503 and nothing is
 * sold. Gives units back best-effort: a give-back lost to a Redis error only under-sells until the next
 * rebuild, and the database remains the last word on every sale.
 */
@Injectable()
export class FlashSaleGuard implements OnApplicationShutdown {
  private readonly logger = new Logger(FlashSaleGuard.name);
  private readonly redis: Redis | null;
  private readonly gate: FlashSaleGate | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignOrderingService,
  ) {
    const on = config.redisUrl !== null && config.orders.flashSaleGate;
    // Its own connection without an offline queue: commands fail at once while Redis is away instead of
    // piling up and all running when it returns.
    this.redis = on
      ? new Redis(config.redisUrl!, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
      : null;
    this.redis?.on('error', (error: Error) => this.logger.warn({ err: error }, 'flash-sale redis error'));
    this.gate = this.redis ? new FlashSaleGate(this.redis, { prefix: config.queuePrefix }) : null;
  }

  /** Whether this campaign's orders go through the gate. */
  guards(campaign: Pick<OrderingCampaign, 'flashSale'>): boolean {
    return campaign.flashSale && this.gate !== null;
  }

  async admit(
    campaign: OrderingCampaign,
    memberId: number,
    idempotencyKey: string,
    lines: ReadonlyArray<{ itemId: number; quantity: number }>,
  ): Promise<GateDecision> {
    const limits = new Map(campaign.items.map((i) => [i.itemId, i.perMemberLimit]));
    try {
      return await this.gate!.admit(
        campaign.id,
        memberId,
        idempotencyKey,
        lines.map((l) => ({
          itemId: l.itemId,
          quantity: l.quantity,
          perMemberLimit: limits.get(l.itemId) ?? 0,
        })),
        () => this.snapshotFromDatabase(campaign.id),
      );
    } catch (error) {
      if (error instanceof GateUnavailableError) {
        this.logger.warn({ err: error, campaignId: campaign.id }, 'flash-sale gate unavailable: refusing');
        throw new BusinessError('ORDER_FLASH_SALE_BUSY', '抢购人数太多，请稍后再试', 503);
      }
      throw error;
    }
  }

  /** Units back to the gate: the database refused the order (`forgetKey`), or it was cancelled/closed/refunded. */
  async giveBack(
    campaignId: number,
    memberId: number,
    lines: ReadonlyArray<{ itemId: number; quantity: number }>,
    forgetKey?: string,
  ): Promise<void> {
    if (!this.gate) return;
    try {
      await this.gate.giveBack(campaignId, memberId, [...lines], forgetKey ? { forgetKey } : undefined);
    } catch (error) {
      this.logger.warn(
        { err: error, campaignId, memberId },
        'flash-sale give-back lost (under-sells until rebuilt)',
      );
    }
  }

  /**
   * The database refused what the gate admitted (sold out, over a limit): the gate was wrong, so drop it
   * and let the next order rebuild it from the database, instead of letting it keep admitting in vain.
   */
  async distrust(campaignId: number): Promise<void> {
    if (!this.gate) return;
    try {
      await this.gate.forget(campaignId);
    } catch (error) {
      this.logger.warn({ err: error, campaignId }, 'could not drop the flash-sale gate');
    }
  }

  /** What the gate should hold, read from the database (after Redis lost it). */
  private async snapshotFromDatabase(campaignId: number): Promise<GateSnapshot> {
    const campaign = await this.campaigns.snapshot(campaignId, this.dataSource.manager);
    if (!campaign) throw new Error(`campaign ${campaignId} is gone`);
    return {
      remaining: this.campaigns.remainingByItem(campaign),
      bought: await boughtInCampaign(this.dataSource.manager, campaignId),
      expiresAt: new Date(Math.max(campaign.endAt.getTime(), Date.now()) + DAY_MS),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') await this.redis.quit().catch(() => undefined);
  }
}
