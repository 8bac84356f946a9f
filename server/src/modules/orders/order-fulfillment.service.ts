import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import type { OrderStatus } from '@linli/shared-types';
import { TransactionRunner, type RequestContext } from '../../platform';
import { RELEASED } from './domain/order-status';
import { actorOf, ORDER_EVENTS, OrderTimeline, SYSTEM_ACTOR, type OrderActor } from './order-timeline';
import { OrderEntity, type PickupSnapshot, type StockLine } from './persistence/order.entity';
import { linesOf, transition } from './persistence/order.repository';

/** Orders moved per transaction by the cut-off and by shipping (the next batch continues). */
const MOVE_BATCH = 200;

/** An order of a fulfillment wave, as the warehouse lists need it. */
export interface FulfillmentOrder {
  id: number;
  orderNo: string;
  memberId: number;
  leaderId: number;
  status: OrderStatus;
  /** Stocked SKUs and quantities it reserved (bundles as their components). */
  stockLines: StockLine[];
  /** The lines as ordered (a bundle is one line). */
  lines: Array<{ skuId: number; productName: string; specText: string; quantity: number }>;
  pickupSnapshot: PickupSnapshot;
  lockedAt: Date;
  shippedAt: Date | null;
}

/**
 * The orders context's side of fulfillment: the moves paid → locked (cut-off) and locked → shipped (a
 * route leaves), each a conditional update per order with its timeline entry and outbox event in the
 * same transaction; and the reads the fulfillment context builds its lists from.
 */
@Injectable()
export class OrderFulfillmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly timeline: OrderTimeline,
  ) {}

  /**
   * 截单: every paid order of the campaign → locked (actor 系统, `orders.locked`). Idempotent: a repeat
   * finds nothing paid. Returns how many this call locked.
   */
  async lockPaidOrders(campaignId: number, at: Date = new Date()): Promise<number> {
    return this.moveAll(
      { campaignId, status: 'paid' },
      'locked',
      SYSTEM_ACTOR,
      at,
      '活动已截单，订单进入备货',
    );
  }

  /** A route left: the campaign's locked orders at these leaders' points → shipped (`orders.shipped`). */
  async shipOrders(
    ctx: RequestContext,
    campaignId: number,
    leaderIds: readonly number[],
    note: string,
    at: Date = new Date(),
  ): Promise<number> {
    if (leaderIds.length === 0) return 0;
    return this.moveAll(
      { campaignId, status: 'locked', leaderIds: [...leaderIds] },
      'shipped',
      actorOf(ctx),
      at,
      note,
    );
  }

  /** Which of these campaigns have paid orders (not locked yet). */
  async campaignsWithPaidOrders(campaignIds: readonly number[]): Promise<number[]> {
    if (campaignIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .select('DISTINCT o.campaignId', 'campaignId')
      .where("o.campaignId IN (:...campaignIds) AND o.status = 'paid'", { campaignIds: [...campaignIds] })
      .getRawMany<{ campaignId: number | string }>();
    return rows.map((r) => Number(r.campaignId));
  }

  /**
   * The orders of a campaign's wave: locked at the cut-off or later and not refunded since (locked,
   * shipped, ready, picked up), in id order, with their lines.
   */
  async waveOrders(
    campaignId: number,
    manager: EntityManager = this.dataSource.manager,
    /** Only the orders of these pickup points (a route's stops); all of them when absent. */
    leaderIds?: readonly number[],
  ): Promise<FulfillmentOrder[]> {
    if (leaderIds && leaderIds.length === 0) return [];
    const orders = await manager.getRepository(OrderEntity).find({
      where: {
        campaignId,
        lockedAt: Not(IsNull()),
        status: Not(In([...RELEASED])),
        ...(leaderIds ? { leaderId: In([...leaderIds]) } : {}),
      },
      order: { id: 'ASC' },
    });
    const lines = new Map<
      number,
      Array<{ skuId: number; productName: string; specText: string; quantity: number }>
    >();
    for (let start = 0; start < orders.length; start += 1000) {
      const chunk = await linesOf(
        manager,
        orders.slice(start, start + 1000).map((o) => o.id),
      );
      for (const [orderId, rows] of chunk) {
        lines.set(
          orderId,
          rows.map((l) => ({
            skuId: l.skuId,
            productName: l.productName,
            specText: l.specText,
            quantity: l.quantity,
          })),
        );
      }
    }
    return orders.map((o) => ({
      id: o.id,
      orderNo: o.orderNo,
      memberId: o.memberId,
      leaderId: o.leaderId,
      status: o.status,
      stockLines: o.stockLines,
      lines: lines.get(o.id) ?? [],
      pickupSnapshot: o.pickupSnapshot,
      lockedAt: o.lockedAt ?? o.updatedAt,
      shippedAt: o.shippedAt,
    }));
  }

  /** Orders of the campaigns' waves (ever locked) per campaign and status, refunded ones included. */
  async waveStatusCounts(
    campaignIds: readonly number[],
  ): Promise<Map<number, Partial<Record<OrderStatus, number>>>> {
    const result = new Map<number, Partial<Record<OrderStatus, number>>>();
    if (campaignIds.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .select('o.campaignId', 'campaignId')
      .addSelect('o.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('o.campaignId IN (:...campaignIds) AND o.lockedAt IS NOT NULL', {
        campaignIds: [...campaignIds],
      })
      .groupBy('o.campaignId')
      .addGroupBy('o.status')
      .getRawMany<{ campaignId: number | string; status: OrderStatus; count: number | string }>();
    for (const row of rows) {
      const id = Number(row.campaignId);
      const counts = result.get(id) ?? {};
      counts[row.status] = Number(row.count);
      result.set(id, counts);
    }
    return result;
  }

  private async moveAll(
    where: { campaignId: number; status: 'paid' | 'locked'; leaderIds?: number[] },
    to: 'locked' | 'shipped',
    actor: OrderActor,
    at: Date,
    note: string,
  ): Promise<number> {
    let moved = 0;
    let lastId = 0;
    for (;;) {
      const batch = await this.tx.run(async (m) => {
        const orders = await m
          .getRepository(OrderEntity)
          .createQueryBuilder('o')
          .where('o.campaignId = :campaignId AND o.status = :status AND o.id > :lastId', {
            campaignId: where.campaignId,
            status: where.status,
            lastId,
          })
          .andWhere(where.leaderIds ? 'o.leaderId IN (:...leaderIds)' : '1 = 1', {
            leaderIds: where.leaderIds ?? [],
          })
          .orderBy('o.id', 'ASC')
          .take(MOVE_BATCH)
          .getMany();
        let count = 0;
        for (const order of orders) {
          const changes = to === 'locked' ? { lockedAt: at } : { shippedAt: at };
          if (!(await transition(m, order.id, [where.status], to, changes))) continue;
          await this.timeline.record(
            m,
            { ...order, ...changes, status: to },
            {
              type: to,
              from: where.status,
              to,
              actor,
              note,
              publish: to === 'locked' ? ORDER_EVENTS.locked : ORDER_EVENTS.shipped,
            },
            at,
          );
          count += 1;
        }
        return { count, last: orders.at(-1)?.id ?? null };
      });
      moved += batch.count;
      if (batch.last === null) return moved;
      lastId = batch.last;
    }
  }
}
