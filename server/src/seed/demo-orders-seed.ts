import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { OrderDetail } from '@linli/shared-types';
import { systemContext, type RequestContext } from '../platform';
import {
  CheckoutService,
  OrderLifecycleService,
  OrderPaymentService,
  PickupService,
} from '../modules/orders';
import { SimulatorPayments } from '../modules/payments';
import { DEV_OPENID_PREFIX } from '../modules/members';

/** The story the demo orders tell, one line per order (buyer by demo key, what happened to it). */
const DEMO_ORDER_STORY: ReadonlyArray<{
  buyer: string;
  lines: Array<{ item: number; quantity: number }>;
  remark?: string;
  end: 'pending' | 'paid' | 'ready' | 'picked_up' | 'refunded';
}> = [
  {
    buyer: 'demo-buyer',
    lines: [
      { item: 0, quantity: 2 },
      { item: 1, quantity: 1 },
    ],
    remark: '下午五点后来取',
    end: 'ready',
  },
  { buyer: 'demo-buyer', lines: [{ item: 2, quantity: 1 }], end: 'pending' },
  { buyer: 'member-zhang', lines: [{ item: 0, quantity: 1 }], end: 'picked_up' },
  { buyer: 'member-li', lines: [{ item: 1, quantity: 2 }], end: 'refunded' },
  {
    buyer: 'member-sun',
    lines: [
      { item: 0, quantity: 1 },
      { item: 2, quantity: 1 },
    ],
    end: 'paid',
  },
];

/**
 * Orders for the demo, made through the real services (checkout, the payment simulator, 确认到货, 核销,
 * cancel with refund), so the order centre, the buyer's 订单 tab and the leader's 待提货 list have
 * something to show on a fresh `npm start`. Only with the payment simulator: demo data never takes
 * real money. Runs after the demo seed committed; a failure is logged, never stops the start.
 */
@Injectable()
export class DemoOrdersSeed {
  private readonly logger = new Logger(DemoOrdersSeed.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checkout: CheckoutService,
    private readonly payment: OrderPaymentService,
    private readonly lifecycle: OrderLifecycleService,
    private readonly pickups: PickupService,
    private readonly simulator: SimulatorPayments,
  ) {}

  async seed(): Promise<void> {
    if (!this.simulator.enabled) return;
    try {
      const campaign = await this.liveCampaign();
      if (!campaign) return;
      for (const step of DEMO_ORDER_STORY) await this.tell(campaign, step);
      this.logger.log(`demo orders seeded: ${DEMO_ORDER_STORY.length}`);
    } catch (error) {
      this.logger.warn({ err: error }, 'demo orders could not be seeded (the rest of the demo is there)');
    }
  }

  private async tell(
    campaign: { id: number; itemIds: number[] },
    step: (typeof DEMO_ORDER_STORY)[number],
  ): Promise<void> {
    const buyer = await this.memberCtx(step.buyer);
    const { order: placed } = await this.checkout.place(buyer, randomUUID(), {
      campaignId: campaign.id,
      lines: step.lines.map((l) => ({
        itemId: campaign.itemIds[l.item % campaign.itemIds.length],
        quantity: l.quantity,
      })),
      remark: step.remark ?? null,
    });
    if (step.end === 'pending') return;
    const { outTradeNo } = await this.payment.pay(buyer, placed.id);
    const paid: OrderDetail = await this.payment.simulatePay(buyer, outTradeNo);
    if (step.end === 'refunded') {
      await this.lifecycle.cancelByBuyer(buyer, paid.id, '买多了，不要了');
      return;
    }
    if (step.end === 'paid') return;
    const leader = await this.leaderCtxOf(paid.pickup.leaderId);
    await this.pickups.confirmArrival(leader, campaign.id);
    if (step.end === 'picked_up') await this.pickups.verify(leader, paid.pickupCode!);
  }

  private async liveCampaign(): Promise<{ id: number; itemIds: number[] } | null> {
    const campaigns = (await this.dataSource.query(
      "SELECT id FROM campaigns WHERE status = 'live' ORDER BY id LIMIT 1",
    )) as Array<{ id: number | string }>;
    if (campaigns.length === 0) return null;
    const id = Number(campaigns[0].id);
    const items = (await this.dataSource.query(
      'SELECT id FROM campaign_items WHERE campaign_id = ? ORDER BY sort_order, id',
      [id],
    )) as Array<{ id: number | string }>;
    return { id, itemIds: items.map((i) => Number(i.id)) };
  }

  private async memberCtx(demoKey: string): Promise<RequestContext> {
    const rows = (await this.dataSource.query('SELECT id FROM members WHERE openid = ?', [
      DEV_OPENID_PREFIX + demoKey,
    ])) as Array<{ id: number | string }>;
    if (rows.length === 0) throw new Error(`demo member ${demoKey} is missing`);
    return { ...systemContext('demo-orders'), actor: { type: 'member', memberId: Number(rows[0].id) } };
  }

  private async leaderCtxOf(leaderId: number): Promise<RequestContext> {
    const rows = (await this.dataSource.query('SELECT member_id FROM leaders WHERE id = ?', [
      leaderId,
    ])) as Array<{
      member_id: number | string;
    }>;
    return {
      ...systemContext('demo-orders'),
      actor: { type: 'member', memberId: Number(rows[0].member_id) },
    };
  }
}
