import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { LeaderSummary } from '@linli/shared-types';
import { NotFoundError } from '../../platform';
import { CampaignOrderingService, type CampaignHeader } from '../campaigns';
import { CatalogService, type SkuSupplyFacts } from '../catalog';
import { LeadersService } from '../leaders';
import { OrderFulfillmentService, type FulfillmentOrder } from '../orders';
import type { DemandOrder } from './domain/demand';
import { FulfillmentWaveEntity } from './persistence/fulfillment.entities';

/** A wave with its campaign header and orders, the input of every list. */
export interface WaveFacts {
  wave: FulfillmentWaveEntity;
  campaign: CampaignHeader | null;
  orders: FulfillmentOrder[];
}

export const waveNotFound = () => new NotFoundError('FULFILLMENT_WAVE_NOT_FOUND', '履约波次不存在');

/** Shared reads of the fulfillment context: a wave and its orders, SKU facts, leaders. */
@Injectable()
export class FulfillmentReads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignOrderingService,
    private readonly catalog: CatalogService,
    private readonly leaders: LeadersService,
    private readonly orders: OrderFulfillmentService,
  ) {}

  async wave(
    waveId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FulfillmentWaveEntity> {
    const wave = await manager.getRepository(FulfillmentWaveEntity).findOneBy({ id: waveId });
    if (!wave) throw waveNotFound();
    return wave;
  }

  async waveFacts(
    waveId: number,
    manager: EntityManager = this.dataSource.manager,
    /** Only the orders of these pickup points (a route's stops); all of them when absent. */
    leaderIds?: readonly number[],
  ): Promise<WaveFacts> {
    const wave = await this.wave(waveId, manager);
    const [headers, orders] = await Promise.all([
      this.campaigns.headersOf([wave.campaignId], manager),
      this.orders.waveOrders(wave.campaignId, manager, leaderIds),
    ]);
    return { wave, campaign: headers.get(wave.campaignId) ?? null, orders };
  }

  skuFacts(
    skuIds: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, SkuSupplyFacts>> {
    return this.catalog.skuSupplyFacts(skuIds, manager);
  }

  leaderSummaries(leaderIds: readonly number[]): Promise<Map<number, LeaderSummary>> {
    return this.leaders.getSummaries(leaderIds);
  }
}

/** The rules' view of an order. */
export function demandOrder(order: FulfillmentOrder): DemandOrder {
  return {
    id: order.id,
    orderNo: order.orderNo,
    leaderId: order.leaderId,
    lines: order.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
    stockLines: order.stockLines,
  };
}

export function campaignTitle(campaign: CampaignHeader | null): string {
  return campaign?.title ?? '（活动已删除）';
}
