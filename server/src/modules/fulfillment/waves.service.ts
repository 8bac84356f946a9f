import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type {
  DemandLine,
  FulfillmentWaveCounts,
  FulfillmentWaveDetail,
  FulfillmentWaveQuery,
  FulfillmentWaveView,
  OrderStatus,
  Paged,
  WaveRouteProgress,
} from '@linli/shared-types';
import { isUniqueViolation, requirePermission, type RequestContext } from '../../platform';
import { CampaignOrderingService, type CampaignHeader } from '../campaigns';
import { CatalogService } from '../catalog';
import { OrderFulfillmentService } from '../orders';
import { aggregateDemand, byPickupPoint } from './domain/demand';
import { campaignTitle, demandOrder, FulfillmentReads } from './fulfillment-reads';
import {
  DeliveryRouteEntity,
  DeliveryRouteStopEntity,
  FulfillmentWaveEntity,
  RouteShipmentEntity,
} from './persistence/fulfillment.entities';
import { PurchasingService } from './purchasing.service';

const DEFAULT_PAGE_SIZE = 20;

/** Cut-off (截单) and the wave board: locking a campaign's paid orders, the wave's counts and demand. */
@Injectable()
export class WavesService {
  private readonly logger = new Logger(WavesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignOrderingService,
    private readonly catalog: CatalogService,
    private readonly orders: OrderFulfillmentService,
    private readonly reads: FulfillmentReads,
    private readonly purchasing: PurchasingService,
  ) {}

  /**
   * The cut-off of one campaign, when its own cut-off time has come: records the wave (once: unique per
   * campaign) and locks the campaign's paid orders. Safe to run any number of times; returns how many
   * orders this run locked, or null when the campaign is not due (not found, not selling, cut-off ahead).
   */
  async cutOff(campaignId: number, now: Date = new Date()): Promise<number | null> {
    const campaign = (await this.campaigns.headersOf([campaignId])).get(campaignId);
    if (!campaign || !isDue(campaign, now)) return null;
    await this.ensureWave(campaign, now);
    const locked = await this.orders.lockPaidOrders(campaignId, now);
    if (locked > 0) this.logger.log({ campaignId, locked }, 'cut-off locked paid orders');
    return locked;
  }

  /** GET /api/admin/fulfillment/waves */
  async list(ctx: RequestContext, query: FulfillmentWaveQuery): Promise<Paged<FulfillmentWaveView>> {
    requirePermission(ctx, 'fulfillment.read');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [waves, total] = await this.dataSource.getRepository(FulfillmentWaveEntity).findAndCount({
      where: query.campaignId ? { campaignId: query.campaignId } : {},
      order: { cutoffAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await this.views(waves), total, page, pageSize };
  }

  /** GET /api/admin/fulfillment/waves/:id */
  async detail(ctx: RequestContext, waveId: number): Promise<FulfillmentWaveDetail> {
    requirePermission(ctx, 'fulfillment.read');
    const { wave, orders } = await this.reads.waveFacts(waveId);
    const [view] = await this.views([wave]);
    const points = byPickupPoint(orders);
    const stops = await this.dataSource.getRepository(DeliveryRouteStopEntity).find();
    const routeOf = new Map(stops.map((s) => [s.leaderId, s.routeId]));
    const routeIds = [...new Set(stops.filter((s) => points.has(s.leaderId)).map((s) => s.routeId))];
    const [routes, shipments] = await Promise.all([
      routeIds.length ? this.dataSource.getRepository(DeliveryRouteEntity).findBy({ id: In(routeIds) }) : [],
      this.dataSource.getRepository(RouteShipmentEntity).findBy({ waveId }),
    ]);
    const progress: WaveRouteProgress[] = routes
      .map((route) => {
        const routeOrders = orders.filter((o) => routeOf.get(o.leaderId) === route.id);
        return {
          routeId: route.id,
          routeName: route.name,
          stopCount: new Set(routeOrders.map((o) => o.leaderId)).size,
          orderCount: routeOrders.length,
          lockedCount: routeOrders.filter((o) => o.status === 'locked').length,
          shippedAt: shipments.find((s) => s.routeId === route.id)?.shippedAt.toISOString() ?? null,
        };
      })
      .sort((a, b) => a.routeName.localeCompare(b.routeName, 'zh-CN'));
    const unrouted = [...points.keys()].filter((leaderId) => !routeOf.has(leaderId));
    const leaders = await this.reads.leaderSummaries(unrouted);
    return {
      ...view,
      purchaseLists: await this.purchasing.summariesOf(waveId),
      routes: progress,
      unroutedPoints: unrouted.map((leaderId) => ({
        leaderId,
        leaderName: leaders.get(leaderId)?.name ?? `团长 #${leaderId}`,
        pickupPointName: leaders.get(leaderId)?.pickupPoint?.name ?? null,
        orderCount: points.get(leaderId)?.length ?? 0,
      })),
    };
  }

  /** GET /api/admin/fulfillment/waves/:id/demand */
  async demand(ctx: RequestContext, waveId: number): Promise<DemandLine[]> {
    requirePermission(ctx, 'fulfillment.read');
    const { orders } = await this.reads.waveFacts(waveId);
    const totals = aggregateDemand(orders.map(demandOrder));
    const skus = await this.reads.skuFacts(totals.map((t) => t.skuId));
    const suppliers = await this.catalog.supplierContacts(
      [...skus.values()].map((s) => s.supplierId).filter((id): id is number => id !== null),
    );
    return totals
      .map((total) => {
        const sku = skus.get(total.skuId);
        const supplierId = sku?.supplierId ?? null;
        return {
          skuId: total.skuId,
          productId: sku?.productId ?? 0,
          productName: sku?.productName ?? '（商品已删除）',
          specText: sku?.specText ?? '',
          unit: sku?.unit ?? '份',
          supplierId,
          supplierName: supplierId === null ? null : (suppliers.get(supplierId)?.name ?? null),
          quantity: total.quantity,
          directQuantity: total.directQuantity,
          bundleQuantity: total.bundleQuantity,
          orderCount: total.orderCount,
          availableStock: sku?.stock ?? 0,
          unitCost: sku?.cost ?? 0,
        };
      })
      .sort(
        (a, b) =>
          (a.supplierId ?? Number.MAX_SAFE_INTEGER) - (b.supplierId ?? Number.MAX_SAFE_INTEGER) ||
          a.productName.localeCompare(b.productName, 'zh-CN') ||
          a.specText.localeCompare(b.specText, 'zh-CN') ||
          a.skuId - b.skuId,
      );
  }

  /** Which of these campaigns have a wave already. */
  async campaignsWithWaves(campaignIds: readonly number[]): Promise<Set<number>> {
    if (campaignIds.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(FulfillmentWaveEntity)
      .find({ select: { campaignId: true }, where: { campaignId: In([...campaignIds]) } });
    return new Set(rows.map((r) => r.campaignId));
  }

  private async ensureWave(campaign: CampaignHeader, now: Date): Promise<void> {
    const repo = this.dataSource.getRepository(FulfillmentWaveEntity);
    if (await repo.existsBy({ campaignId: campaign.id })) return;
    try {
      await repo.insert({ campaignId: campaign.id, cutoffAt: campaign.cutoffAt, lockedAt: now });
    } catch (error) {
      // Another worker's cut-off of the same campaign recorded it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }

  private async views(waves: FulfillmentWaveEntity[]): Promise<FulfillmentWaveView[]> {
    const campaignIds = waves.map((w) => w.campaignId);
    const [headers, counts] = await Promise.all([
      this.campaigns.headersOf(campaignIds),
      this.orders.waveStatusCounts(campaignIds),
    ]);
    return waves.map((wave) => {
      const campaign = headers.get(wave.campaignId) ?? null;
      return {
        id: wave.id,
        campaignId: wave.campaignId,
        campaignTitle: campaignTitle(campaign),
        cutoffAt: wave.cutoffAt.toISOString(),
        pickupDate: campaign?.pickupDate ?? '',
        lockedAt: wave.lockedAt.toISOString(),
        counts: waveCounts(counts.get(wave.campaignId) ?? {}),
      };
    });
  }
}

/** A campaign is cut off when it sold (live or ended) and its own cut-off time has come. */
export function isDue(campaign: Pick<CampaignHeader, 'status' | 'cutoffAt'>, now: Date): boolean {
  return (
    (campaign.status === 'live' || campaign.status === 'ended') &&
    campaign.cutoffAt.getTime() <= now.getTime()
  );
}

function waveCounts(byStatus: Partial<Record<OrderStatus, number>>): FulfillmentWaveCounts {
  const n = (status: OrderStatus) => byStatus[status] ?? 0;
  return {
    locked: n('locked'),
    shipped: n('shipped'),
    readyForPickup: n('ready_for_pickup'),
    pickedUp: n('picked_up'),
    refunded: n('refunded'),
    total: n('locked') + n('shipped') + n('ready_for_pickup') + n('picked_up'),
  };
}
