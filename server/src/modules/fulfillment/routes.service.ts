import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import type { DeliveryRouteInput, DeliveryRouteView } from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  requirePermission,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { AuditService } from '../audit';
import { LeadersService } from '../leaders';
import { routeStopProblems } from './domain/demand';
import { DeliveryRouteEntity, DeliveryRouteStopEntity } from './persistence/fulfillment.entities';

export const MAX_ROUTE_STOPS = 200;

export const routeNotFound = () => new NotFoundError('FULFILLMENT_ROUTE_NOT_FOUND', '配送线路不存在');

/** Delivery routes (配送线路): an ordered list of pickup points with a driver and a vehicle. */
@Injectable()
export class RoutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly leaders: LeadersService,
    private readonly audit: AuditService,
  ) {}

  /** GET /api/admin/fulfillment/routes */
  async list(ctx: RequestContext): Promise<DeliveryRouteView[]> {
    requirePermission(ctx, 'fulfillment.read');
    const routes = await this.dataSource
      .getRepository(DeliveryRouteEntity)
      .find({ order: { name: 'ASC', id: 'ASC' } });
    return this.views(this.dataSource.manager, routes);
  }

  /** GET /api/admin/fulfillment/routes/:id */
  async get(ctx: RequestContext, routeId: number): Promise<DeliveryRouteView> {
    requirePermission(ctx, 'fulfillment.read');
    return this.viewOf(this.dataSource.manager, routeId);
  }

  /** POST /api/admin/fulfillment/routes */
  async create(ctx: RequestContext, input: DeliveryRouteInput): Promise<DeliveryRouteView> {
    requirePermission(ctx, 'fulfillment.write');
    return this.write(ctx, null, input);
  }

  /** PUT /api/admin/fulfillment/routes/:id (replaces the stops) */
  async update(ctx: RequestContext, routeId: number, input: DeliveryRouteInput): Promise<DeliveryRouteView> {
    requirePermission(ctx, 'fulfillment.write');
    return this.write(ctx, routeId, input);
  }

  /** DELETE /api/admin/fulfillment/routes/:id */
  async remove(ctx: RequestContext, routeId: number): Promise<void> {
    requirePermission(ctx, 'fulfillment.write');
    await this.tx.run(async (m) => {
      const before = await this.viewOf(m, routeId);
      await m.getRepository(DeliveryRouteStopEntity).delete({ routeId });
      await m.getRepository(DeliveryRouteEntity).delete({ id: routeId });
      await this.audit.record(m, ctx, {
        action: 'fulfillment.route.delete',
        entityType: 'delivery_route',
        entityId: routeId,
        before: { name: before.name, stops: before.stops.map((s) => s.leaderId) },
        after: null,
      });
    });
  }

  /** Stops of every route (leader id → route id and position). */
  async stopsOf(
    routeIds?: readonly number[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<DeliveryRouteStopEntity[]> {
    return m.getRepository(DeliveryRouteStopEntity).find({
      where: routeIds ? { routeId: In([...routeIds]) } : {},
      order: { routeId: 'ASC', seq: 'ASC' },
    });
  }

  async viewOf(m: EntityManager, routeId: number): Promise<DeliveryRouteView> {
    const route = await m.getRepository(DeliveryRouteEntity).findOneBy({ id: routeId });
    if (!route) throw routeNotFound();
    return (await this.views(m, [route]))[0];
  }

  private async write(
    ctx: RequestContext,
    routeId: number | null,
    input: DeliveryRouteInput,
  ): Promise<DeliveryRouteView> {
    const problems = routeStopProblems(input.stops, MAX_ROUTE_STOPS);
    const known = await this.leaders.identitiesOf(input.stops);
    const unknown = input.stops.filter((id) => !known.has(id));
    if (unknown.length > 0) problems.push(`团长不存在：${unknown.join('、')}`);
    if (problems.length > 0)
      throw new BusinessError('FULFILLMENT_ROUTE_STOP_INVALID', problems.join('；'), 400, [
        { field: 'stops', errors: problems },
      ]);
    const name = input.name.trim();
    try {
      return await this.tx.run(async (m) => {
        const repo = m.getRepository(DeliveryRouteEntity);
        const before = routeId === null ? null : await this.viewOf(m, routeId);
        if (await repo.existsBy({ name, ...(routeId === null ? {} : { id: Not(routeId) }) }))
          throw nameTaken(name);
        const taken = await m.getRepository(DeliveryRouteStopEntity).find({
          where: { leaderId: In(input.stops), ...(routeId === null ? {} : { routeId: Not(routeId) }) },
        });
        if (taken.length > 0) {
          const other = await repo.findOneBy({ id: taken[0].routeId });
          throw new ConflictError(
            'FULFILLMENT_STOP_ON_OTHER_ROUTE',
            `自提点（团长 #${taken[0].leaderId}）已在线路「${other?.name ?? taken[0].routeId}」上，请先从那条线路移除`,
          );
        }
        const values = {
          name,
          driverName: input.driverName.trim(),
          driverPhone: input.driverPhone.trim(),
          vehicle: input.vehicle?.trim() || null,
          note: input.note?.trim() || null,
        };
        let id = routeId;
        if (id === null) {
          id = Number((await repo.insert(values)).identifiers[0].id);
        } else {
          await repo.update({ id }, values);
          await m.getRepository(DeliveryRouteStopEntity).delete({ routeId: id });
        }
        const routeKey = id;
        await m
          .getRepository(DeliveryRouteStopEntity)
          .insert(input.stops.map((leaderId, i) => ({ routeId: routeKey, seq: i + 1, leaderId })));
        await this.audit.record(m, ctx, {
          action: routeId === null ? 'fulfillment.route.create' : 'fulfillment.route.update',
          entityType: 'delivery_route',
          entityId: id,
          before: before ? { name: before.name, stops: before.stops.map((s) => s.leaderId) } : null,
          after: { ...values, stops: input.stops },
        });
        return this.viewOf(m, id);
      });
    } catch (error) {
      // A concurrent write took the name or a stop first.
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          'FULFILLMENT_STOP_ON_OTHER_ROUTE',
          '线路名称或自提点刚被其他线路占用，请刷新后重试',
        );
      }
      throw error;
    }
  }

  private async views(m: EntityManager, routes: DeliveryRouteEntity[]): Promise<DeliveryRouteView[]> {
    if (routes.length === 0) return [];
    const stops = await this.stopsOf(
      routes.map((r) => r.id),
      m,
    );
    const leaders = await this.leaders.getSummaries(
      stops.map((s) => s.leaderId),
      m,
    );
    return routes.map((route) => ({
      id: route.id,
      name: route.name,
      driverName: route.driverName,
      driverPhone: route.driverPhone,
      vehicle: route.vehicle,
      note: route.note,
      stops: stops
        .filter((s) => s.routeId === route.id)
        .map((s) => {
          const leader = leaders.get(s.leaderId);
          return {
            seq: s.seq,
            leaderId: s.leaderId,
            leaderName: leader?.name ?? `团长 #${s.leaderId}`,
            leaderPhone: leader?.phone ?? null,
            pickupPoint: leader?.pickupPoint ?? null,
          };
        }),
      createdAt: route.createdAt.toISOString(),
      updatedAt: route.updatedAt.toISOString(),
    }));
  }
}

function nameTaken(name: string): ConflictError {
  return new ConflictError('FULFILLMENT_ROUTE_NAME_TAKEN', `线路名称「${name}」已存在`);
}
