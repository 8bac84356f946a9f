import type { AdminOrderDetail, LeaderPickupOrder, OrderDetail, OrderPreview } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { ledgerCheck, expectLedgerBalanced } from '../catalog/catalog-test-kit';
import { eventually } from '../campaigns/campaigns-test-kit';
import { bearer } from '../support/modules-test-kit';
import {
  buyerAt,
  counters,
  leaderToken,
  liveCampaign,
  orderOf,
  ordersWorld,
  payWithSimulator,
  placedOrder,
  type OrdersWorld,
} from './orders-test-kit';

describe('an order from checkout to pickup (simulator payment)', () => {
  let t: TestApp;
  let world: OrdersWorld;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    world = await ordersWorld(t);
  });
  afterAll(() => t.close());

  it('prices on the server, reserves stock, pays, gets a pickup code, is verified by the leader and completes', async () => {
    const campaign = await liveCampaign(world);
    const [first, second] = campaign.items;
    const buyer = await buyerAt(world);
    const before = await counters(t, campaign.id);

    const preview = (
      await t
        .http()
        .post('/api/app/orders/preview')
        .set(...bearer(buyer.token))
        .send({
          campaignId: campaign.id,
          lines: [
            { itemId: first.id, quantity: 2 },
            { itemId: second.id, quantity: 1 },
          ],
        })
        .expect(200)
    ).body as OrderPreview;
    expect(preview.orderable).toBe(true);
    expect(preview.payableAmount).toBe(first.groupPrice * 2 + second.groupPrice);
    expect(preview.pickup?.leaderName).toBe('王丽华');

    const order = await placedOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [
        { itemId: first.id, quantity: 2 },
        { itemId: second.id, quantity: 1 },
      ],
      remark: '下午来取',
    });
    expect(order).toMatchObject({
      status: 'pending_payment',
      payableAmount: preview.payableAmount,
      remark: '下午来取',
      pickupCode: null,
      canCancel: true,
    });
    expect(order.orderNo).toMatch(/^\d{20}$/);
    const reserved = await counters(t, campaign.id);
    expect(reserved[0]).toMatchObject({
      sold: before[0].sold + 2,
      stock: before[0].stock - 2,
      reserved: before[0].reserved + 2,
    });

    const paid = await payWithSimulator(t, buyer.token, order.id);
    expect(paid.status).toBe('paid');
    expect(paid.paidAmount).toBe(order.payableAmount);
    expect(paid.pickupCode).toMatch(/^\d{6}$/);
    expect(paid.pickupQr).toMatch(/^data:image\/png;base64,/);
    expect(paid.timeline.map((e) => e.type)).toEqual(['placed', 'payment_requested', 'paid']);

    const leader = await leaderToken(world, '王丽华');
    const waiting = await t
      .http()
      .get('/api/app/leader/pickups')
      .set(...bearer(leader))
      .expect(200);
    expect((waiting.body.items as LeaderPickupOrder[]).map((o) => o.orderId)).toContain(order.id);

    const arrived = await t
      .http()
      .post('/api/app/leader/pickups/arrive')
      .set(...bearer(leader))
      .send({ campaignId: campaign.id })
      .expect(200);
    expect(arrived.body.updated).toBeGreaterThanOrEqual(1);
    expect((await orderOf(t, buyer.token, order.id)).status).toBe('ready_for_pickup');

    const verified = await t
      .http()
      .post('/api/app/leader/pickups/verify')
      .set(...bearer(leader))
      .send({ code: paid.pickupQrText })
      .expect(200);
    expect((verified.body as LeaderPickupOrder).status).toBe('picked_up');

    const again = await t
      .http()
      .post('/api/app/leader/pickups/verify')
      .set(...bearer(leader))
      .send({ code: paid.pickupCode });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PICKUP_ALREADY_DONE');

    const done = await orderOf(t, buyer.token, order.id);
    expect(done.status).toBe('picked_up');
    expect(done.timeline.map((e) => e.type)).toEqual([
      'placed',
      'payment_requested',
      'paid',
      'ready',
      'picked_up',
    ]);
    const sold = await counters(t, campaign.id);
    expect(sold[0]).toMatchObject({ stock: before[0].stock - 2, reserved: before[0].reserved });
    expectLedgerBalanced(await ledgerCheck(t));

    const admin = (
      await t
        .http()
        .get(`/api/admin/orders/${order.id}`)
        .set(...bearer(world.admin))
        .expect(200)
    ).body as AdminOrderDetail;
    expect(admin).toMatchObject({ status: 'picked_up', buyerName: expect.any(String) });
    expect(admin.payments).toEqual([
      expect.objectContaining({ status: 'succeeded', amount: order.payableAmount }),
    ]);

    const events = (await t.dataSource.query(
      "SELECT type FROM outbox_events WHERE aggregate_id = ? AND type LIKE 'orders.%' ORDER BY id",
      [String(order.id)],
    )) as Array<{ type: string }>;
    expect(events.map((e) => e.type)).toEqual([
      'orders.placed',
      'orders.paid',
      'orders.ready',
      'orders.picked_up',
    ]);
  });

  it('a paid order cancelled before the cut-off is refunded through the provider and its stock comes back', async () => {
    const campaign = await liveCampaign(world);
    const buyer = await buyerAt(world);
    const before = await counters(t, campaign.id);
    const order = await placedOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId: campaign.items[0].id, quantity: 1 }],
    });
    await payWithSimulator(t, buyer.token, order.id);
    const cancelled = (
      await t
        .http()
        .post(`/api/app/orders/${order.id}/cancel`)
        .set(...bearer(buyer.token))
        .send({ reason: '买错了' })
        .expect(200)
    ).body as OrderDetail;
    expect(cancelled.status).toBe('refunded');
    expect(cancelled.refund).toMatchObject({ amount: order.payableAmount });
    expect(await counters(t, campaign.id)).toEqual(before);
    await eventually(
      async () => (await orderOf(t, buyer.token, order.id)).refundedAmount === order.payableAmount,
    );
    const settled = await orderOf(t, buyer.token, order.id);
    expect(settled.refund?.status).toBe('succeeded');
    expect(settled.timeline.map((e) => e.type)).toContain('refund_succeeded');
    expectLedgerBalanced(await ledgerCheck(t));
  });
});
