import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeliverySheet, PickLine, PickList, PickSummary, ShipRouteResponse } from '@linli/shared-types';
import {
  isUniqueViolation,
  NotFoundError,
  requirePermission,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { AuditService } from '../audit';
import { MembersService } from '../members';
import { OrderFulfillmentService, type FulfillmentOrder } from '../orders';
import { byPickupPoint, pickTotals, sumQuantity } from './domain/demand';
import { campaignTitle, demandOrder, FulfillmentReads, type WaveFacts } from './fulfillment-reads';
import { RouteShipmentEntity } from './persistence/fulfillment.entities';
import { RoutesService } from './routes.service';

/** Pick lists (拣货单) per pickup point and for the whole wave, delivery sheets (配送单), shipping a route. */
@Injectable()
export class PickingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly reads: FulfillmentReads,
    private readonly routes: RoutesService,
    private readonly members: MembersService,
    private readonly orders: OrderFulfillmentService,
    private readonly audit: AuditService,
  ) {}

  /** GET /api/admin/fulfillment/waves/:id/pick-lists: one per pickup point, in route order, then the rest. */
  async pickLists(ctx: RequestContext, waveId: number): Promise<PickList[]> {
    requirePermission(ctx, 'fulfillment.read');
    return this.buildPickLists(await this.reads.waveFacts(waveId), null);
  }

  /** GET /api/admin/fulfillment/waves/:id/pick-lists/:leaderId */
  async pickListOf(ctx: RequestContext, waveId: number, leaderId: number): Promise<PickList> {
    requirePermission(ctx, 'fulfillment.read');
    const [list] = await this.buildPickLists(await this.reads.waveFacts(waveId), leaderId);
    if (!list) throw new NotFoundError('FULFILLMENT_PICK_LIST_NOT_FOUND', '该自提点在本波次没有订单');
    return list;
  }

  /** GET /api/admin/fulfillment/waves/:id/pick-summary */
  async pickSummary(ctx: RequestContext, waveId: number): Promise<PickSummary> {
    requirePermission(ctx, 'fulfillment.read');
    const facts = await this.reads.waveFacts(waveId);
    const points = byPickupPoint(facts.orders);
    const perPoint = new Map(
      [...points].map(([leaderId, orders]) => [leaderId, pickTotals(orders.map(demandOrder))]),
    );
    const totals = pickTotals(facts.orders.map(demandOrder));
    const named = await this.namedLines(totals);
    const leaders = await this.reads.leaderSummaries([...points.keys()]);
    const order = await this.pointOrder([...points.keys()]);
    return {
      waveId: facts.wave.id,
      campaignTitle: campaignTitle(facts.campaign),
      pickupDate: facts.campaign?.pickupDate ?? '',
      pointCount: points.size,
      orderCount: facts.orders.length,
      totalQuantity: sumQuantity(totals),
      lines: named.map((line) => ({
        ...line,
        orders: [],
        byPoint: order
          .map((leaderId) => ({
            leaderId,
            quantity: perPoint.get(leaderId)?.find((t) => t.skuId === line.skuId)?.quantity ?? 0,
          }))
          .filter((p) => p.quantity > 0),
      })),
      points: order.map((leaderId) => ({
        leaderId,
        leaderName: leaders.get(leaderId)?.name ?? `团长 #${leaderId}`,
        pickupPointName: leaders.get(leaderId)?.pickupPoint?.name ?? null,
      })),
    };
  }

  /** GET /api/admin/fulfillment/waves/:id/routes/:routeId/delivery-sheet */
  async deliverySheet(ctx: RequestContext, waveId: number, routeId: number): Promise<DeliverySheet> {
    requirePermission(ctx, 'fulfillment.read');
    const route = await this.routes.viewOf(this.dataSource.manager, routeId);
    // Only the route's points: a sheet of 25 stops need not read the wave's other 10,000 orders.
    const facts = await this.reads.waveFacts(
      waveId,
      this.dataSource.manager,
      route.stops.map((s) => s.leaderId),
    );
    const points = byPickupPoint(facts.orders);
    const shipment = await this.dataSource.getRepository(RouteShipmentEntity).findOneBy({ waveId, routeId });
    const routeOrders = route.stops.flatMap((s) => points.get(s.leaderId) ?? []);
    const routeTotals = pickTotals(routeOrders.map(demandOrder));
    // The SKUs' names once for the route (every stop's SKUs are among the route's).
    const skus = await this.reads.skuFacts(routeTotals.map((t) => t.skuId));
    const stops = await Promise.all(
      route.stops.map((stop) => {
        const orders = points.get(stop.leaderId) ?? [];
        const lines = named(pickTotals(orders.map(demandOrder)), skus).map(withoutOrders);
        return {
          seq: stop.seq,
          leaderId: stop.leaderId,
          leaderName: stop.leaderName,
          leaderPhone: stop.leaderPhone,
          pickupPoint: stop.pickupPoint,
          orderCount: orders.length,
          lockedCount: orders.filter((o) => o.status === 'locked').length,
          totalQuantity: sumQuantity(lines),
          lines,
        };
      }),
    );
    const lines = named(routeTotals, skus).map(withoutOrders);
    return {
      waveId,
      campaignTitle: campaignTitle(facts.campaign),
      pickupDate: facts.campaign?.pickupDate ?? '',
      route: {
        id: route.id,
        name: route.name,
        driverName: route.driverName,
        driverPhone: route.driverPhone,
        vehicle: route.vehicle,
        note: route.note,
      },
      shippedAt: shipment?.shippedAt.toISOString() ?? null,
      stops,
      orderCount: routeOrders.length,
      totalQuantity: sumQuantity(lines),
      lines,
    };
  }

  /** POST /api/admin/fulfillment/waves/:id/routes/:routeId/ship: the route's locked orders → shipped. */
  async ship(ctx: RequestContext, waveId: number, routeId: number): Promise<ShipRouteResponse> {
    requirePermission(ctx, 'fulfillment.write');
    const wave = await this.reads.wave(waveId);
    const route = await this.routes.viewOf(this.dataSource.manager, routeId);
    const now = new Date();
    const shipped = await this.orders.shipOrders(
      ctx,
      wave.campaignId,
      route.stops.map((s) => s.leaderId),
      `线路「${route.name}」发车（司机 ${route.driverName}）`,
      now,
    );
    await this.tx.run(async (m) => {
      const repo = m.getRepository(RouteShipmentEntity);
      const existing = await repo.findOneBy({ waveId, routeId });
      if (existing) {
        if (shipped > 0)
          await repo.update(
            { id: existing.id },
            { orderCount: existing.orderCount + shipped, shippedAt: now },
          );
      } else {
        try {
          await repo.insert({ waveId, routeId, orderCount: shipped, shippedAt: now });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
      await this.audit.record(m, ctx, {
        action: 'fulfillment.route.ship',
        entityType: 'delivery_route',
        entityId: routeId,
        before: null,
        after: { waveId, shipped },
      });
    });
    const shipment = await this.dataSource
      .getRepository(RouteShipmentEntity)
      .findOneByOrFail({ waveId, routeId });
    return { shipped, shippedAt: shipment.shippedAt.toISOString() };
  }

  private async buildPickLists(facts: WaveFacts, onlyLeader: number | null): Promise<PickList[]> {
    const points = byPickupPoint(facts.orders);
    const leaderIds =
      onlyLeader === null
        ? await this.pointOrder([...points.keys()])
        : points.has(onlyLeader)
          ? [onlyLeader]
          : [];
    if (leaderIds.length === 0) return [];
    const stops = await this.routes.stopsOf();
    const routeViews = new Map<number, string>();
    for (const routeId of new Set(
      stops.filter((s) => leaderIds.includes(s.leaderId)).map((s) => s.routeId),
    )) {
      routeViews.set(routeId, (await this.routes.viewOf(this.dataSource.manager, routeId)).name);
    }
    const leaders = await this.reads.leaderSummaries(leaderIds);
    const pointOrders = leaderIds.flatMap((id) => points.get(id) ?? []);
    const buyers = await this.members.contactsOf(pointOrders.map((o) => o.memberId));
    const result: PickList[] = [];
    for (const leaderId of leaderIds) {
      const orders = points.get(leaderId) ?? [];
      const lines = await this.namedLines(pickTotals(orders.map(demandOrder)));
      const leader = leaders.get(leaderId);
      const stop = stops.find((s) => s.leaderId === leaderId);
      result.push({
        waveId: facts.wave.id,
        campaignTitle: campaignTitle(facts.campaign),
        pickupDate: facts.campaign?.pickupDate ?? '',
        leaderId,
        leaderName: leader?.name ?? orders[0]?.pickupSnapshot.leaderName ?? `团长 #${leaderId}`,
        leaderPhone: leader?.phone ?? orders[0]?.pickupSnapshot.leaderPhone ?? null,
        pickupPoint: leader?.pickupPoint ?? orders[0]?.pickupSnapshot.pickupPoint ?? null,
        route: stop
          ? { routeId: stop.routeId, routeName: routeViews.get(stop.routeId) ?? '', seq: stop.seq }
          : null,
        orderCount: orders.length,
        totalQuantity: sumQuantity(lines),
        lines,
        orders: orders.map((o: FulfillmentOrder) => ({
          orderId: o.id,
          orderNo: o.orderNo,
          buyerName: buyers.get(o.memberId)?.nickname ?? `会员 #${o.memberId}`,
          buyerPhoneTail: buyers.get(o.memberId)?.phoneTail ?? null,
          status: o.status,
          lines: o.lines.map((l) => ({
            productName: l.productName,
            specText: l.specText,
            quantity: l.quantity,
          })),
        })),
      });
    }
    return result;
  }

  /** Points in route order (route by id, stop by position), then those on no route by leader id. */
  private async pointOrder(leaderIds: number[]): Promise<number[]> {
    const stops = await this.routes.stopsOf();
    const wanted = new Set(leaderIds);
    const routed = stops.filter((s) => wanted.has(s.leaderId)).map((s) => s.leaderId);
    const onRoute = new Set(routed);
    return [...routed, ...leaderIds.filter((id) => !onRoute.has(id)).sort((a, b) => a - b)];
  }

  private async namedLines(totals: ReturnType<typeof pickTotals>): Promise<PickLine[]> {
    return named(totals, await this.reads.skuFacts(totals.map((t) => t.skuId)));
  }
}

/** Pick totals with their SKUs' names. */
function named(
  totals: ReturnType<typeof pickTotals>,
  skus: Map<number, { productName: string; specText: string; unit: string }>,
): PickLine[] {
  return totals.map((t) => {
    const sku = skus.get(t.skuId);
    return {
      skuId: t.skuId,
      productName: sku?.productName ?? '（商品已删除）',
      specText: sku?.specText ?? '',
      unit: sku?.unit ?? '份',
      quantity: t.quantity,
      orders: t.orders,
    };
  });
}

function withoutOrders(line: PickLine): Omit<PickLine, 'orders'> {
  return {
    skuId: line.skuId,
    productName: line.productName,
    specText: line.specText,
    unit: line.unit,
    quantity: line.quantity,
  };
}
