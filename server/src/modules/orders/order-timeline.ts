import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderActorType, OrderEventPayload, OrderEventType, OrderStatus } from '@linli/shared-types';
import { OutboxService, type RequestContext } from '../../platform';
import { OrderEventEntity } from './persistence/order-event.entity';
import type { OrderEntity } from './persistence/order.entity';

/** Who did something to an order, as the timeline shows it. */
export interface OrderActor {
  type: OrderActorType;
  id: number | null;
  name: string;
}

export const SYSTEM_ACTOR: OrderActor = { type: 'system', id: null, name: '系统' };
export const PAYMENT_ACTOR: OrderActor = { type: 'system', id: null, name: '微信支付' };

/** The actor of a request: staff by name, a member as 买家 (leaders are named by the caller). */
export function actorOf(ctx: RequestContext): OrderActor {
  const actor = ctx.actor;
  if (actor.type === 'staff') return { type: 'staff', id: actor.staffId, name: actor.name };
  if (actor.type === 'member') return { type: 'member', id: actor.memberId, name: '买家' };
  if (actor.type === 'system') return { type: 'system', id: null, name: '系统' };
  return SYSTEM_ACTOR;
}

/** Outbox event names; commission, notifications and reports subscribe to them. */
export const ORDER_EVENTS = {
  placed: 'orders.placed',
  paid: 'orders.paid',
  locked: 'orders.locked',
  shipped: 'orders.shipped',
  closed: 'orders.closed',
  cancelled: 'orders.cancelled',
  ready: 'orders.ready',
  pickedUp: 'orders.picked_up',
  refunded: 'orders.refunded',
} as const;
export type OrderOutboxEvent = (typeof ORDER_EVENTS)[keyof typeof ORDER_EVENTS];

export interface TimelineStep {
  type: OrderEventType;
  from: OrderStatus | null;
  to: OrderStatus | null;
  actor: OrderActor;
  note?: string | null;
  /** Also publish this outbox event (in the same transaction). */
  publish?: OrderOutboxEvent;
  refund?: { refundId: number; amountFen: number };
}

/** Writes a step on the order's timeline and, when asked, the matching outbox event, in the caller's transaction. */
@Injectable()
export class OrderTimeline {
  constructor(private readonly outbox: OutboxService) {}

  async record(
    m: EntityManager,
    order: OrderEntity,
    step: TimelineStep,
    at: Date = new Date(),
  ): Promise<void> {
    await m.getRepository(OrderEventEntity).insert({
      orderId: order.id,
      type: step.type,
      fromStatus: step.from,
      toStatus: step.to,
      actorType: step.actor.type,
      actorId: step.actor.id,
      actorName: step.actor.name.slice(0, 64),
      note: step.note ? step.note.slice(0, 200) : null,
    });
    if (!step.publish) return;
    const payload: OrderEventPayload = {
      orderId: order.id,
      orderNo: order.orderNo,
      memberId: order.memberId,
      leaderId: order.leaderId,
      campaignId: order.campaignId,
      status: step.to ?? order.status,
      payableAmount: order.payableAmount,
      paidAmount: order.paidAmount,
      refundedAmount: order.refundedAmount,
      at: at.toISOString(),
      ...(step.refund ? { refundId: step.refund.refundId, refundAmount: step.refund.amountFen } : {}),
    };
    await this.outbox.publish(m, {
      type: step.publish,
      aggregateId: String(order.id),
      payload: { ...payload },
    });
  }
}
