import { createVerify } from 'node:crypto';
import type { OrderDetail, PayOrderResponse } from '@linli/shared-types';
import { OrderLifecycleService } from '../../../src/modules/orders/order-lifecycle.service';
import {
  generateWechatPayTestKeys,
  toWechatPayTime,
  WechatPayPlatform,
  type TransactionResource,
} from '../../../src/modules/payments/wechatpay';
import { snapshotDatabase } from '../../authorization/authz-kit';
import type { FakeWechatPay } from '../../support/fake-wechatpay/fake-wechatpay';
import {
  startTestMerchant,
  TEST_APPID,
  TEST_MCHID,
  type TestMerchant,
} from '../../support/fake-wechatpay/wechatpay-test-merchant';
import { createTestApp, type TestApp } from '../../support/test-app';
import { eventually } from '../campaigns/campaigns-test-kit';
import { bearer } from '../support/modules-test-kit';
import {
  buyerAt,
  liveCampaign,
  orderOf,
  ordersWorld,
  placedOrder,
  type OrdersWorld,
} from './orders-test-kit';

const NOTIFY = '/api/payments/wechatpay/notify';

/**
 * The real WeChat Pay v3 provider against a local fake WeChat Pay that speaks the protocol with test keys:
 * signed requests, signed answers, encrypted notifications to our notify URL over HTTP.
 */
describe('WeChat Pay provider (against a fake WeChat Pay server)', () => {
  let merchant: TestMerchant;
  let keys: TestMerchant['keys'];
  let fake: FakeWechatPay;
  let t: TestApp;
  let world: OrdersWorld;

  beforeAll(async () => {
    merchant = await startTestMerchant();
    ({ keys, fake } = merchant);
    t = await createTestApp({ env: { DEV_LOGIN: 'true', ...merchant.env() } });
    await t.app.listen(merchant.appPort, '127.0.0.1');
    world = await ordersWorld(t);
  });
  afterAll(async () => {
    await t?.close();
    await merchant?.close();
  });

  async function orderWithPrepay(): Promise<{
    order: OrderDetail;
    buyer: { token: string };
    pay: PayOrderResponse;
  }> {
    const campaign = await liveCampaign(world);
    const buyer = await buyerAt(world);
    const order = await placedOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId: campaign.items[0].id, quantity: 1 }],
    });
    const pay = (
      await t
        .http()
        .post(`/api/app/orders/${order.id}/pay`)
        .set(...bearer(buyer.token))
        .expect(200)
    ).body as PayOrderResponse;
    return { order, buyer, pay };
  }

  function successResource(
    order: OrderDetail,
    overrides: Partial<TransactionResource> = {},
  ): TransactionResource {
    return {
      appid: TEST_APPID,
      mchid: TEST_MCHID,
      out_trade_no: order.orderNo,
      transaction_id: `4200000${Date.now()}`,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      success_time: toWechatPayTime(new Date()),
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      amount: {
        total: order.payableAmount,
        payer_total: order.payableAmount,
        currency: 'CNY',
        payer_currency: 'CNY',
      },
      ...overrides,
    };
  }

  const post = (notification: { headers: Record<string, string>; body: string }) =>
    t
      .http()
      .post(NOTIFY)
      .set(notification.headers)
      .set('Content-Type', 'application/json')
      .send(notification.body);

  it('creates a signed JSAPI prepay and requestPayment parameters the merchant key signed; the notification pays the order', async () => {
    const { order, buyer, pay } = await orderWithPrepay();
    expect(pay.provider).toBe('wechatpay');
    const trade = fake.trade(order.orderNo);
    expect(trade).toMatchObject({ totalFen: order.payableAmount, state: 'NOTPAY' });
    expect(pay.requestPayment.package).toBe(`prepay_id=${trade!.prepayId}`);
    const message = `${TEST_APPID}\n${pay.requestPayment.timeStamp}\n${pay.requestPayment.nonceStr}\n${pay.requestPayment.package}\n`;
    const verifier = createVerify('RSA-SHA256');
    verifier.update(message);
    expect(verifier.verify(keys.merchant.publicKeyPem, pay.requestPayment.paySign, 'base64')).toBe(true);
    expect(fake.requests.every((r) => r.verified)).toBe(true);

    const delivery = await fake.pay(order.orderNo);
    expect(delivery.status).toBe(204);
    const paid = await orderOf(t, buyer.token, order.id);
    expect(paid.status).toBe('paid');
    expect(paid.pickupCode).toMatch(/^\d{6}$/);
  });

  it('one notification replayed 10 times at once pays the order once', async () => {
    const { order, buyer } = await orderWithPrepay();
    const notification = fake.notificationFor('TRANSACTION.SUCCESS', successResource(order));
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(notification)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(204));
    const paid = await orderOf(t, buyer.token, order.id);
    expect(paid.status).toBe('paid');
    expect(paid.timeline.filter((e) => e.type === 'paid')).toHaveLength(1);
    const events = (await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE type = 'orders.paid' AND aggregate_id = ?",
      [String(order.id)],
    )) as Array<{ n: number | string }>;
    expect(Number(events[0].n)).toBe(1);
    // A second notification (new id) for the same payment is harmless too.
    expect((await post(fake.notificationFor('TRANSACTION.SUCCESS', successResource(order)))).status).toBe(
      204,
    );
    expect((await orderOf(t, buyer.token, order.id)).timeline.filter((e) => e.type === 'paid')).toHaveLength(
      1,
    );
  });

  describe('refuses, and changes nothing', () => {
    let order: OrderDetail;
    beforeAll(async () => {
      ({ order } = await orderWithPrepay());
    });

    const refusedUnchanged = async (
      notification: { headers: Record<string, string>; body: string },
      status: number,
    ) => {
      const before = await snapshotDatabase(t);
      const res = await post(notification);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status,
        code: 'PAYMENT_NOTIFICATION_INVALID',
      });
      expect(await snapshotDatabase(t)).toEqual(before);
    };

    it('a forged signature (the body changed after signing)', async () => {
      const genuine = fake.notificationFor('TRANSACTION.SUCCESS', successResource(order));
      const forged = {
        headers: genuine.headers,
        body: genuine.body.replace('"summary":"支付成功"', '"summary":"支付成功!"'),
      };
      expect(forged.body).not.toBe(genuine.body);
      await refusedUnchanged(forged, 401);
    });

    it('a notification signed by another key', async () => {
      const other = generateWechatPayTestKeys();
      const impostor = new WechatPayPlatform({
        platformPrivateKey: other.platform.privateKeyPem,
        platformPublicKeyId: keys.platform.publicKeyId,
        apiV3Key: keys.apiV3Key,
      });
      await refusedUnchanged(impostor.notification('TRANSACTION.SUCCESS', successResource(order)), 401);
    });

    it('a stale timestamp (signed 10 minutes ago: a replay)', async () => {
      const past = new WechatPayPlatform({
        platformPrivateKey: keys.platform.privateKeyPem,
        platformPublicKeyId: keys.platform.publicKeyId,
        apiV3Key: keys.apiV3Key,
        now: () => new Date(Date.now() - 10 * 60_000),
      });
      await refusedUnchanged(past.notification('TRANSACTION.SUCCESS', successResource(order)), 401);
    });

    it('a wrong amount', async () => {
      const resource = successResource(order, {
        amount: { total: order.payableAmount - 1, payer_total: order.payableAmount - 1, currency: 'CNY' },
      });
      await refusedUnchanged(fake.notificationFor('TRANSACTION.SUCCESS', resource), 400);
    });

    it('another merchant’s payment', async () => {
      await refusedUnchanged(
        fake.notificationFor('TRANSACTION.SUCCESS', successResource(order, { mchid: '1900000999' })),
        400,
      );
    });

    it('an unknown trade', async () => {
      await refusedUnchanged(
        fake.notificationFor(
          'TRANSACTION.SUCCESS',
          successResource(order, { out_trade_no: '99999999999999999999' }),
        ),
        400,
      );
    });
  });

  it('a payment that arrives after the order closed is refunded automatically; the order is never both closed and paid', async () => {
    const { order, buyer } = await orderWithPrepay();
    // WeChat took the money, but its notification is late and its query and close answers were stale.
    await fake.pay(order.orderNo, { deliver: false });
    const paidTrade = fake.trade(order.orderNo)!;
    fake.failNext(`/v3/pay/transactions/out-trade-no/${order.orderNo}`, 404, 'ORDER_NOT_EXIST', '订单不存在');
    fake.failNext(
      `/v3/pay/transactions/out-trade-no/${order.orderNo}/close`,
      404,
      'ORDER_NOT_EXIST',
      '订单不存在',
    );
    await t.dataSource.query('UPDATE orders SET pay_deadline_at = ? WHERE id = ?', [
      new Date(Date.now() - 1000).toISOString().replace('T', ' ').replace('Z', ''),
      order.id,
    ]);
    await t.app.get(OrderLifecycleService).closeAtDeadline(order.id);
    expect((await orderOf(t, buyer.token, order.id)).status).toBe('cancelled');

    const late = fake.notificationFor(
      'TRANSACTION.SUCCESS',
      successResource(order, {
        transaction_id: paidTrade.transactionId,
        success_time: paidTrade.successTime,
      }),
    );
    expect((await post(late)).status).toBe(204);
    const closed = await orderOf(t, buyer.token, order.id);
    expect(closed.status).toBe('cancelled');
    expect(closed.paidAmount).toBe(0);
    expect(closed.timeline.map((e) => e.type)).toContain('late_payment_refunded');
    expect(closed.refund).toMatchObject({ amount: order.payableAmount, status: 'processing' });

    // The refund goes to WeChat Pay (a job) and settles with WeChat's refund notification.
    const [{ out_refund_no: outRefundNo }] = (await t.dataSource.query(
      'SELECT out_refund_no FROM refunds WHERE order_id = ?',
      [order.id],
    )) as Array<{ out_refund_no: string }>;
    await eventually(async () => fake.refund(outRefundNo)?.status === 'PROCESSING');
    expect((await fake.completeRefund(outRefundNo)).status).toBe(204);
    const refunded = await orderOf(t, buyer.token, order.id);
    expect(refunded).toMatchObject({ status: 'cancelled', refundedAmount: order.payableAmount });
    expect(refunded.refund?.status).toBe('succeeded');
  });

  it('no notification yet: payment-sync asks WeChat Pay and the order is paid', async () => {
    const { order, buyer } = await orderWithPrepay();
    await fake.pay(order.orderNo, { deliver: false });
    expect((await orderOf(t, buyer.token, order.id)).status).toBe('pending_payment');
    const synced = await t
      .http()
      .post(`/api/app/orders/${order.id}/payment-sync`)
      .set(...bearer(buyer.token))
      .expect(200);
    expect(synced.body).toMatchObject({ status: 'paid', paidAmount: order.payableAmount });
    expect(
      fake.requests.some((r) => r.method === 'GET' && r.path.includes(`/out-trade-no/${order.orderNo}`)),
    ).toBe(true);
  });

  it('a paid order closed by the deadline job is not closed: the provider says it was paid', async () => {
    const { order, buyer } = await orderWithPrepay();
    await fake.pay(order.orderNo, { deliver: false });
    await t.dataSource.query('UPDATE orders SET pay_deadline_at = ? WHERE id = ?', [
      new Date(Date.now() - 1000).toISOString().replace('T', ' ').replace('Z', ''),
      order.id,
    ]);
    await t.app.get(OrderLifecycleService).closeAtDeadline(order.id);
    expect((await orderOf(t, buyer.token, order.id)).status).toBe('paid');
    expect(fake.trade(order.orderNo)?.state).toBe('SUCCESS');
  });

  it('close and payment racing on many orders: each ends either paid or closed (with any money refunded)', async () => {
    const orders = await Promise.all(Array.from({ length: 8 }, () => orderWithPrepay()));
    await t.dataSource.query(
      `UPDATE orders SET pay_deadline_at = ? WHERE id IN (${orders.map(() => '?').join(',')})`,
      [
        new Date(Date.now() - 1000).toISOString().replace('T', ' ').replace('Z', ''),
        ...orders.map((o) => o.order.id),
      ],
    );
    const lifecycle = t.app.get(OrderLifecycleService);
    await Promise.all(
      orders.flatMap(({ order }) => [
        fake.pay(order.orderNo).catch(() => null),
        lifecycle.closeAtDeadline(order.id).catch(() => null),
      ]),
    );
    for (const { order, buyer } of orders) {
      const final = await orderOf(t, buyer.token, order.id);
      const trade = fake.trade(order.orderNo)!;
      if (final.status === 'paid') {
        expect(trade.state).toBe('SUCCESS');
        expect(final.refund).toBeNull();
      } else {
        expect(final.status).toBe('cancelled');
        // Closed: either WeChat closed the trade too, or the money it took is on its way back.
        if (trade.state !== 'CLOSED') expect(final.refund?.amount).toBe(order.payableAmount);
      }
    }
  });

  it('a refund WeChat refuses is marked failed; staff retry it with a new refund number and it goes through', async () => {
    const { order, buyer } = await orderWithPrepay();
    await fake.pay(order.orderNo);
    fake.failNext('/v3/refund/domestic/refunds', 403, 'NO_AUTH', '商户无权限');
    const refunded = await t
      .http()
      .post(`/api/admin/orders/${order.id}/refund`)
      .set(...bearer(world.admin))
      .send({ reason: '商品质量问题' })
      .expect(200);
    expect(refunded.body.status).toBe('refunded');
    await eventually(async () => (await orderOf(t, buyer.token, order.id)).refund?.status === 'failed');
    const [failed] = (await t.dataSource.query('SELECT id, out_refund_no FROM refunds WHERE order_id = ?', [
      order.id,
    ])) as Array<{ id: number | string; out_refund_no: string }>;
    const retried = await t
      .http()
      .post(`/api/admin/orders/refunds/${failed.id}/retry`)
      .set(...bearer(world.admin))
      .expect(200);
    const next = retried.body.refunds[0].outRefundNo as string;
    expect(next).not.toBe(failed.out_refund_no);
    await eventually(async () => fake.refund(next)?.status === 'PROCESSING');
    await fake.completeRefund(next);
    const done = await orderOf(t, buyer.token, order.id);
    expect(done).toMatchObject({ status: 'refunded', refundedAmount: order.payableAmount });
    expect(done.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['refund_requested', 'refund_failed', 'refund_succeeded']),
    );
  });
});
