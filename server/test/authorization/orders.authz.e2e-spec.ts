import type { OrderDetail } from '@linli/shared-types';
import { eventually, sellableSkus } from '../modules/campaigns/campaigns-test-kit';
import { seededLeaders } from '../modules/members/members-test-kit';
import { liveCampaign, payWithSimulator, placedOrder } from '../modules/orders/orders-test-kit';
import { bearer } from '../modules/support/modules-test-kit';
import {
  adminCallersWithout,
  createAuthzWorld,
  expectRefusedAndUnchanged,
  itRefuses,
  staffCallersOnApp,
  withToken,
  type AuthzWorld,
  type Caller,
} from './authz-kit';
import { describeRoute } from './describe-route';

/**
 * Orders: a buyer reaches only their own orders (another buyer's is 404, so ids cannot be walked);
 * staff routes need orders.read / orders.write / orders.refund; only the order's own leader can hand it
 * over. `unpaid` and `paid` belong to buyer A (bound to leader A).
 */
describe('authorization: orders', () => {
  let w: AuthzWorld;
  let unpaid: OrderDetail;
  let paid: OrderDetail;
  let refundId: number;
  const world = () => w;

  beforeAll(async () => {
    w = await createAuthzWorld();
    const orders = {
      t: w.t,
      admin: w.adminToken,
      skus: await sellableSkus(w.t),
      leaders: await seededLeaders(w.t),
    };
    const campaign = await liveCampaign(orders, {
      items: orders.skus.slice(0, 1).map((sku) => ({
        skuId: sku.id,
        groupPrice: sku.price,
        originalPrice: sku.price,
        perMemberLimit: 0,
        stockCap: null,
      })),
    });
    const line = { campaignId: campaign.id, lines: [{ itemId: campaign.items[0].id, quantity: 1 }] };
    unpaid = await placedOrder(w.t, w.buyerA.token, line);
    paid = await payWithSimulator(w.t, w.buyerA.token, (await placedOrder(w.t, w.buyerA.token, line)).id);
    // A refund to retry: a third order, refunded by the admin, its refund marked failed.
    const refunded = await payWithSimulator(
      w.t,
      w.buyerA.token,
      (await placedOrder(w.t, w.buyerA.token, line)).id,
    );
    await w.t
      .http()
      .post(`/api/admin/orders/${refunded.id}/refund`)
      .set(...bearer(w.adminToken))
      .send({ reason: '测试退款重试' })
      .expect(200);
    const rows = (await w.t.dataSource.query('SELECT id FROM refunds WHERE order_id = ?', [
      refunded.id,
    ])) as Array<{
      id: number | string;
    }>;
    refundId = Number(rows[0].id);
    // Let the simulator's confirmation land first (it runs in the background), then call it failed so
    // that a retry is possible.
    await eventually(async () => {
      const [row] = (await w.t.dataSource.query('SELECT status FROM refunds WHERE id = ?', [
        refundId,
      ])) as Array<{
        status: string;
      }>;
      return row.status === 'succeeded';
    });
    await w.t.dataSource.query("UPDATE refunds SET status = 'failed', failure_reason = '测试' WHERE id = ?", [
      refundId,
    ]);
  });
  afterAll(() => w?.t.close());

  const otherBuyer: Caller = {
    label: 'buyer B (not the buyer)',
    token: (w) => w.buyerB.token,
    status: 404,
    code: 'ORDER_NOT_FOUND',
  };
  const appCallers = () => [otherBuyer, ...staffCallersOnApp()];
  /** orders.read is held by every staff role: only member tokens and no token are refused. */
  const memberCallers: Caller[] = [
    { label: 'buyer A (member token)', token: (w) => w.buyerA.token, status: 401, code: 'UNAUTHENTICATED' },
    { label: 'leader A (member token)', token: (w) => w.leaderA.token, status: 401, code: 'UNAUTHENTICATED' },
    { label: 'no token', token: () => null, status: 401, code: 'UNAUTHENTICATED' },
  ];

  describeRoute('GET /api/app/orders/:id', () => {
    itRefuses(world, appCallers(), (w, token) =>
      withToken(w.t.http().get(`/api/app/orders/${unpaid.id}`), token),
    );
    it('control: the buyer reads it', async () => {
      await w.t
        .http()
        .get(`/api/app/orders/${unpaid.id}`)
        .set(...bearer(w.buyerA.token))
        .expect(200);
    });
  });

  describeRoute('POST /api/app/orders/:id/cancel', () => {
    itRefuses(world, appCallers(), (w, token) =>
      withToken(w.t.http().post(`/api/app/orders/${unpaid.id}/cancel`), token).send({}),
    );
  });

  describeRoute('POST /api/app/orders/:id/pay', () => {
    itRefuses(world, appCallers(), (w, token) =>
      withToken(w.t.http().post(`/api/app/orders/${unpaid.id}/pay`), token),
    );
  });

  describeRoute('POST /api/app/orders/:id/payment-sync', () => {
    itRefuses(world, appCallers(), (w, token) =>
      withToken(w.t.http().post(`/api/app/orders/${unpaid.id}/payment-sync`), token),
    );
  });

  describeRoute('POST /api/app/payments/simulator/:outTradeNo/pay', () => {
    itRefuses(world, appCallers(), (w, token) =>
      withToken(w.t.http().post(`/api/app/payments/simulator/${unpaid.orderNo}/pay`), token),
    );
  });

  describeRoute('GET /api/admin/orders/:id', () => {
    itRefuses(world, memberCallers, (w, token) =>
      withToken(w.t.http().get(`/api/admin/orders/${paid.id}`), token),
    );
  });

  const staffAction =
    (path: string, body: object = { reason: '权限测试' }) =>
    (w: AuthzWorld, token: string | null) =>
      withToken(w.t.http().post(path), token).send(body);

  describeRoute('POST /api/admin/orders/:id/cancel', () => {
    itRefuses(world, adminCallersWithout('orders.write'), (w, token) =>
      staffAction(`/api/admin/orders/${paid.id}/cancel`)(w, token),
    );
  });

  describeRoute('POST /api/admin/orders/:id/refund', () => {
    itRefuses(world, adminCallersWithout('orders.refund'), (w, token) =>
      staffAction(`/api/admin/orders/${paid.id}/refund`)(w, token),
    );
  });

  describeRoute('POST /api/admin/orders/:id/mark-ready', () => {
    itRefuses(world, adminCallersWithout('orders.write'), (w, token) =>
      staffAction(`/api/admin/orders/${paid.id}/mark-ready`, {})(w, token),
    );
  });

  describeRoute('POST /api/admin/orders/refunds/:refundId/retry', () => {
    itRefuses(world, adminCallersWithout('orders.refund'), (w, token) =>
      staffAction(`/api/admin/orders/refunds/${refundId}/retry`, {})(w, token),
    );
  });

  describe('self-pickup: only the order’s own leader hands it over', () => {
    it('leader B is told it is another pickup point’s order, and nothing changes', async () => {
      await expectRefusedAndUnchanged(
        w.t,
        () =>
          w.t
            .http()
            .post('/api/app/leader/pickups/verify')
            .set(...bearer(w.leaderB.token))
            .send({ code: paid.pickupCode }),
        403,
        'PICKUP_CODE_OTHER_LEADER',
      );
    });

    it('a buyer who is not a leader is refused', async () => {
      await expectRefusedAndUnchanged(
        w.t,
        () =>
          w.t
            .http()
            .post('/api/app/leader/pickups/verify')
            .set(...bearer(w.buyerB.token))
            .send({ code: paid.pickupCode }),
        403,
        'LEADER_NOT_ACTIVE',
      );
    });

    it('leader B does not see leader A’s waiting orders', async () => {
      const res = await w.t
        .http()
        .get('/api/app/leader/pickups')
        .set(...bearer(w.leaderB.token))
        .expect(200);
      expect((res.body.items as Array<{ orderId: number }>).map((o) => o.orderId)).not.toContain(paid.id);
    });
  });
});
