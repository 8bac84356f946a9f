import type { AdminOrderDetail, AdminOrderListItem, OrderStatusCounts, Paged } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { eventually } from '../campaigns/campaigns-test-kit';
import { bearer, createStaffAndLogin } from '../support/modules-test-kit';
import {
  buyerAt,
  leaderToken,
  orderCounts,
  ordersWorld,
  payWithSimulator,
  placedOrder,
  raceCampaign,
  skuLedger,
  type OrdersWorld,
} from './orders-test-kit';

/** The order centre: lists and counts with filters, and the staff actions (audited, by permission). */
describe('order centre (/api/admin/orders)', () => {
  let t: TestApp;
  let world: OrdersWorld;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    world = await ordersWorld(t);
  });
  afterAll(() => t.close());

  const admin = () => world.admin;
  const audits = async (orderId: number) =>
    (
      (await t.dataSource.query(
        "SELECT action FROM audit_logs WHERE entity_type = 'order' AND entity_id = ? ORDER BY id",
        [String(orderId)],
      )) as Array<{ action: string }>
    ).map((a) => a.action);

  it('lists newest first with filters, and counts per status for the same filters', async () => {
    const { campaign, itemId } = await raceCampaign(world, { stock: 20 });
    const buyer = await buyerAt(world);
    const line = { campaignId: campaign.id, lines: [{ itemId, quantity: 1 }] };
    const pending = await placedOrder(t, buyer.token, line);
    const paid = await payWithSimulator(t, buyer.token, (await placedOrder(t, buyer.token, line)).id);
    const list = (
      await t
        .http()
        .get(`/api/admin/orders?campaignId=${campaign.id}`)
        .set(...bearer(admin()))
        .expect(200)
    ).body as Paged<AdminOrderListItem>;
    expect(list.items.map((o) => o.id)).toEqual([paid.id, pending.id]);
    expect(list.items[0]).toMatchObject({
      status: 'paid',
      leaderName: '王丽华',
      campaignTitle: campaign.title,
      paidAmount: paid.payableAmount,
    });
    const byStatus = await t
      .http()
      .get(`/api/admin/orders?campaignId=${campaign.id}&status=pending_payment`)
      .set(...bearer(admin()))
      .expect(200);
    expect(byStatus.body.items.map((o: AdminOrderListItem) => o.id)).toEqual([pending.id]);
    const byNo = await t
      .http()
      .get(`/api/admin/orders?keyword=${paid.orderNo}`)
      .set(...bearer(admin()))
      .expect(200);
    expect(byNo.body.items.map((o: AdminOrderListItem) => o.id)).toEqual([paid.id]);
    const counts = (
      await t
        .http()
        .get(`/api/admin/orders/status-counts?campaignId=${campaign.id}`)
        .set(...bearer(admin()))
        .expect(200)
    ).body as OrderStatusCounts;
    expect(counts).toMatchObject({
      pending_payment: 1,
      paid: 1,
      locked: 0,
      shipped: 0,
      picked_up: 0,
      refunded: 0,
    });
    const bad = await t
      .http()
      .get('/api/admin/orders?status=delivered')
      .set(...bearer(admin()));
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('cancel: an unpaid order is cancelled, a paid one refunded; both audited; a reason is required', async () => {
    const { campaign, itemId, skuId } = await raceCampaign(world, { stock: 10 });
    const buyer = await buyerAt(world);
    const line = { campaignId: campaign.id, lines: [{ itemId, quantity: 2 }] };
    const pending = await placedOrder(t, buyer.token, line);
    const paid = await payWithSimulator(t, buyer.token, (await placedOrder(t, buyer.token, line)).id);

    const before = await orderCounts(t);
    const noReason = await t
      .http()
      .post(`/api/admin/orders/${pending.id}/cancel`)
      .set(...bearer(admin()))
      .send({ reason: ' ' });
    expect({ status: noReason.status, code: noReason.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(await orderCounts(t)).toEqual(before);

    const cancelled = (
      await t
        .http()
        .post(`/api/admin/orders/${pending.id}/cancel`)
        .set(...bearer(admin()))
        .send({ reason: '买家电话取消' })
        .expect(200)
    ).body as AdminOrderDetail;
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      actions: { cancel: false, refund: false, markReady: false },
    });
    expect(cancelled.timeline.at(-1)).toMatchObject({
      type: 'cancelled',
      actorType: 'staff',
      note: '买家电话取消',
    });
    expect(await audits(pending.id)).toEqual(['order.cancel']);

    const refunded = (
      await t
        .http()
        .post(`/api/admin/orders/${paid.id}/cancel`)
        .set(...bearer(admin()))
        .send({ reason: '缺货无法发货' })
        .expect(200)
    ).body as AdminOrderDetail;
    expect(refunded.status).toBe('refunded');
    expect(refunded.refunds).toEqual([
      expect.objectContaining({
        amount: paid.payableAmount,
        reason: '缺货无法发货',
        requestedBy: expect.any(String),
      }),
    ]);
    expect(await audits(paid.id)).toEqual(['order.cancel']);
    expect(await skuLedger(t, skuId)).toEqual({ stock: 10, reserved: 0, stockSum: 10, reservedSum: 0 });

    const again = await t
      .http()
      .post(`/api/admin/orders/${paid.id}/cancel`)
      .set(...bearer(admin()))
      .send({ reason: '再来一次' });
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'ORDER_CANCEL_NOT_ALLOWED',
    });
  });

  it('refund after pickup: money back, stock stays sold, the leader’s day loses the sale', async () => {
    const { campaign, itemId, skuId } = await raceCampaign(world, { stock: 5 });
    const buyer = await buyerAt(world);
    const paid = await payWithSimulator(
      t,
      buyer.token,
      (await placedOrder(t, buyer.token, { campaignId: campaign.id, lines: [{ itemId, quantity: 1 }] })).id,
    );
    const leader = await leaderToken(world);
    await t
      .http()
      .post('/api/app/leader/pickups/verify')
      .set(...bearer(leader))
      .send({ code: paid.pickupCode })
      .expect(200);
    const sales = async () =>
      (
        (await t.dataSource.query(
          'SELECT COALESCE(SUM(gmv_fen), 0) AS gmv FROM leader_daily_sales WHERE leader_id = ?',
          [buyer.leaderId],
        )) as Array<{ gmv: number | string }>
      ).map((r) => Number(r.gmv))[0];
    const gmvBefore = await sales();

    const finance = await createStaffAndLogin(t, admin(), ['finance']);
    const refunded = (
      await t
        .http()
        .post(`/api/admin/orders/${paid.id}/refund`)
        .set(...bearer(finance.session.accessToken))
        .send({ reason: '水果坏了' })
        .expect(200)
    ).body as AdminOrderDetail;
    expect(refunded.status).toBe('refunded');
    expect(await audits(paid.id)).toEqual(['order.refund']);
    expect(await skuLedger(t, skuId)).toEqual({ stock: 4, reserved: 0, stockSum: 4, reservedSum: 0 });
    expect(await sales()).toBe(gmvBefore - paid.payableAmount);
    await eventually(async () => {
      const detail = (
        await t
          .http()
          .get(`/api/admin/orders/${paid.id}`)
          .set(...bearer(admin()))
      ).body as AdminOrderDetail;
      return detail.refundedAmount === paid.payableAmount && detail.refunds[0].status === 'succeeded';
    });
  });

  it('mark-ready moves a paid order to 待提货 (audited); other statuses are refused', async () => {
    const { campaign, itemId } = await raceCampaign(world, { stock: 5 });
    const buyer = await buyerAt(world);
    const line = { campaignId: campaign.id, lines: [{ itemId, quantity: 1 }] };
    const paid = await payWithSimulator(t, buyer.token, (await placedOrder(t, buyer.token, line)).id);
    const ready = (
      await t
        .http()
        .post(`/api/admin/orders/${paid.id}/mark-ready`)
        .set(...bearer(admin()))
        .expect(200)
    ).body as AdminOrderDetail;
    expect(ready.status).toBe('ready_for_pickup');
    expect(await audits(paid.id)).toEqual(['order.mark_ready']);
    const twice = await t
      .http()
      .post(`/api/admin/orders/${paid.id}/mark-ready`)
      .set(...bearer(admin()));
    expect({ status: twice.status, code: twice.body.code }).toEqual({
      status: 409,
      code: 'ORDER_NOT_READY_ALLOWED',
    });
  });

  it('the leader’s 核销 refuses wrong codes clearly, and a scanned QR must match its order', async () => {
    const { campaign, itemId } = await raceCampaign(world, { stock: 5 });
    const buyer = await buyerAt(world);
    const paid = await payWithSimulator(
      t,
      buyer.token,
      (await placedOrder(t, buyer.token, { campaignId: campaign.id, lines: [{ itemId, quantity: 1 }] })).id,
    );
    const leader = await leaderToken(world);
    const send = (code: string) =>
      t
        .http()
        .post('/api/app/leader/pickups/verify')
        .set(...bearer(leader))
        .send({ code });
    const wrong = String((Number(paid.pickupCode) + 1) % 1_000_000).padStart(6, '0');
    for (const code of [wrong, 'abc', '12345', `LINLI-PICKUP:99999999999999999999:${paid.pickupCode}`]) {
      const res = await send(code);
      expect({ code, status: res.status, error: res.body.code }).toEqual({
        code,
        status: 404,
        error: 'PICKUP_CODE_INVALID',
      });
      expect(res.body.message).toContain('提货码无效');
    }
    const looked = await t
      .http()
      .post('/api/app/leader/pickups/lookup')
      .set(...bearer(leader))
      .send({ code: paid.pickupQrText })
      .expect(200);
    expect(looked.body).toMatchObject({ orderId: paid.id, status: 'paid', buyerName: expect.any(String) });
    await send(` ${paid.pickupCode!.slice(0, 3)} ${paid.pickupCode!.slice(3)} `).expect(200);
    const done = await send(paid.pickupQrText!);
    expect({ status: done.status, code: done.body.code }).toEqual({
      status: 409,
      code: 'PICKUP_ALREADY_DONE',
    });
  });
});
