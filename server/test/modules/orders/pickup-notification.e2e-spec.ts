import type { LeaderPickupOrder } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { eventually } from '../campaigns/campaigns-test-kit';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { bearer } from '../support/modules-test-kit';
import {
  buyerAt,
  leaderToken,
  liveCampaign,
  ordersWorld,
  payWithSimulator,
  placedOrder,
  type OrdersWorld,
} from './orders-test-kit';

/** 确认到货 tells the buyers: a WeChat subscription message per order, through the outbox. */
describe('goods-ready notification', () => {
  let wechat: FakeWechat;
  let t: TestApp;
  let world: OrdersWorld;

  beforeAll(async () => {
    wechat = await startFakeWechat('wx-app-notify', 'notify-secret');
    t = await createTestApp({
      env: {
        DEV_LOGIN: 'true',
        WECHAT_APPID: 'wx-app-notify',
        WECHAT_SECRET: 'notify-secret',
        WECHAT_API_BASE: wechat.baseUrl,
        WECHAT_TEMPLATE_PICKUP_READY: 'tmpl-goods-ready',
      },
    });
    world = await ordersWorld(t);
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  it('sends the buyer the code, the pickup point and the page of the order; once per order', async () => {
    const campaign = await liveCampaign(world);
    const buyer = await buyerAt(world);
    // The template is offered before the 提交订单 tap (WeChat wants the subscription asked in the tap).
    const preview = await t
      .http()
      .post('/api/app/orders/preview')
      .set(...bearer(buyer.token))
      .send({ campaignId: campaign.id, lines: [{ itemId: campaign.items[0].id, quantity: 1 }] })
      .expect(200);
    expect(preview.body.subscribeTemplateIds).toEqual(['tmpl-goods-ready']);
    const order = await placedOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId: campaign.items[0].id, quantity: 1 }],
    });
    const paid = await payWithSimulator(t, buyer.token, order.id);
    const leader = await leaderToken(world);
    await t
      .http()
      .post('/api/app/leader/pickups/arrive')
      .set(...bearer(leader))
      .send({ campaignId: campaign.id })
      .expect(200);
    await eventually(async () =>
      wechat.subscribeMessages.some((m) => m.page === `pages/order/index?id=${order.id}`),
    );
    const message = wechat.subscribeMessages.find((m) => m.page === `pages/order/index?id=${order.id}`)!;
    expect(message).toMatchObject({
      template_id: 'tmpl-goods-ready',
      data: {
        thing1: { value: campaign.title },
        character_string2: { value: paid.pickupCode },
        thing3: { value: paid.pickup.pickupPoint!.name.slice(0, 20) },
      },
    });
    const [member] = (await t.dataSource.query('SELECT openid FROM members WHERE id = ?', [
      buyer.memberId,
    ])) as Array<{
      openid: string;
    }>;
    expect(message.touser).toBe(member.openid);
    // Confirming again changes nothing and sends nothing more.
    const again = await t
      .http()
      .post('/api/app/leader/pickups/arrive')
      .set(...bearer(leader))
      .send({ campaignId: campaign.id })
      .expect(200);
    expect(again.body.updated).toBe(0);
    const waiting = await t
      .http()
      .get(`/api/app/leader/pickups?campaignId=${campaign.id}`)
      .set(...bearer(leader))
      .expect(200);
    expect((waiting.body.items as LeaderPickupOrder[]).map((o) => o.status)).toEqual(['ready_for_pickup']);
    expect(
      wechat.subscribeMessages.filter((m) => m.page === `pages/order/index?id=${order.id}`),
    ).toHaveLength(1);
  });
});
