import { randomUUID } from 'node:crypto';
import type { AdminAfterSalesCaseView, AfterSalesCaseView } from '@linli/shared-types';
import { AfterSalesService } from '../../../src/modules/aftersales';
import { createTestApp, type TestApp } from '../../support/test-app';
import { eventually } from '../campaigns/campaigns-test-kit';
import { awaitEntries, entriesOfOrder, pickUp } from '../commission/commission-test-kit';
import {
  buyerAt,
  leaderToken,
  ordersWorld,
  payWithSimulator,
  placedOrder,
  raceCampaign,
  skuLedger,
  type OrdersWorld,
} from '../orders/orders-test-kit';
import { bearer } from '../support/modules-test-kit';

/**
 * After-sales on a real database (SQLite, or MariaDB + Redis with TEST_DATABASE_URL / REDIS_URL):
 * partial refunds through the simulator, review by the leader, rules, idempotency, scope.
 */
describe('after-sales', () => {
  let t: TestApp;
  let world: OrdersWorld;
  let leader: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    world = await ordersWorld(t);
    leader = await leaderToken(world, '王丽华');
    await setRules(0, 48);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function setRules(autoApproveMaxFen: number, autoApproveAfterHours: number) {
    await t
      .http()
      .put('/api/admin/aftersales/settings')
      .set(...bearer(world.admin))
      .send({ autoApproveMaxFen, autoApproveAfterHours })
      .expect(200);
  }

  /** A paid order of `quantity` units at 9.90 at 王丽华's point, optionally picked up. */
  async function order(quantity: number, pickedUp: boolean) {
    const { campaign, itemId, skuId } = await raceCampaign(world, { stock: 100 });
    const buyer = await buyerAt(world, '王丽华');
    const placed = await placedOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId, quantity }],
    });
    const paid = await payWithSimulator(t, buyer.token, placed.id);
    if (pickedUp) await pickUp(world, paid);
    return { order: paid, token: buyer.token, skuId };
  }

  function ask(token: string, orderId: number, body: Record<string, unknown>) {
    return t
      .http()
      .post(`/api/app/orders/${orderId}/aftersales`)
      .set(...bearer(token))
      .send({ requestId: randomUUID(), reason: 'quality', ...body });
  }

  async function orderRow(orderId: number) {
    const [row] = (await t.dataSource.query(
      'SELECT status, paid_amount AS paid, refunded_amount AS refunded, refund_committed AS committed FROM orders WHERE id = ?',
      [orderId],
    )) as Array<Record<string, string | number>>;
    return {
      status: String(row.status),
      paid: Number(row.paid),
      refunded: Number(row.refunded),
      committed: Number(row.committed),
    };
  }

  it('buyer asks a partial refund → leader approves → the simulator refunds → commission reverses in proportion; goods back into stock once', async () => {
    const { order: o, token, skuId } = await order(3, true);
    const [accrual] = await awaitEntries(t, world.admin, o.orderNo);
    const res = await ask(token, o.id, {
      lines: [{ orderLineId: o.lines[0].id, quantity: 1 }],
      description: '一个烂了',
    }).expect(201);
    const created = res.body as AfterSalesCaseView;
    expect(created).toMatchObject({ status: 'pending', amount: 990, wholeOrder: false, source: 'buyer' });
    expect(created.autoApproveAt).not.toBeNull();

    const approved = await t
      .http()
      .post(`/api/app/leader/aftersales/${created.id}/approve`)
      .set(...bearer(leader))
      .send({ note: '同意' })
      .expect(200);
    expect((approved.body as AdminAfterSalesCaseView).status).toBe('approved');
    await eventually(async () => (await orderRow(o.id)).refunded === 990);
    const row = await orderRow(o.id);
    expect(row).toMatchObject({ status: 'picked_up', paid: 2970, committed: 990 });

    const view = (
      await t
        .http()
        .get(`/api/app/aftersales/${created.id}`)
        .set(...bearer(token))
        .expect(200)
    ).body as AfterSalesCaseView;
    expect(view.refund).toMatchObject({ amount: 990, status: 'succeeded' });
    expect(view.timeline.map((e) => e.type)).toEqual(['requested', 'approved', 'refund_started']);

    const entries = await awaitEntries(t, world.admin, o.orderNo, 2);
    const reversal = entries.find((e) => e.type === 'reversal' && e.leaderId === accrual.leaderId)!;
    expect(reversal.amount).toBe(-Math.floor((accrual.amount * 990) / 2970 + 0.5));

    const before = await skuLedger(t, skuId);
    for (let i = 0; i < 2; i += 1) {
      const back = await t
        .http()
        .post(`/api/admin/aftersales/${created.id}/return-stock`)
        .set(...bearer(world.admin))
        .expect(200);
      expect((back.body as AdminAfterSalesCaseView).stockReturned).toBe(true);
    }
    const after = await skuLedger(t, skuId);
    expect(after.stock).toBe(before.stock + 1);
    expect(after.stockSum).toBe(after.stock);

    // The rest of the order: a second case for everything left makes it 已退款.
    const rest = await ask(token, o.id, {}).expect(201);
    expect((rest.body as AfterSalesCaseView).amount).toBe(1980);
    await t
      .http()
      .post(`/api/admin/aftersales/${(rest.body as AfterSalesCaseView).id}/approve`)
      .set(...bearer(world.admin))
      .send({})
      .expect(200);
    await eventually(async () => (await orderRow(o.id)).refunded === 2970);
    expect((await orderRow(o.id)).status).toBe('refunded');
    let lastEntries: string[] = [];
    await eventually(async () => {
      const all = await entriesOfOrder(t, world.admin, o.orderNo);
      const sum = all.filter((e) => e.leaderId === accrual.leaderId).reduce((s, e) => s + e.amount, 0);
      if (sum !== 0) lastEntries = all.map((e) => `${e.type}:${e.leaderId}:${e.amount}:${e.status}`);
      return sum === 0;
    }, 20_000).catch((error: unknown) => {
      throw new Error(`${String(error)} ${JSON.stringify(lastEntries)}`);
    });
  });

  it('reject with a reason; then a new case may be opened', async () => {
    const { order: o, token } = await order(2, false);
    const c = (await ask(token, o.id, {}).expect(201)).body as AfterSalesCaseView;
    await t
      .http()
      .post(`/api/app/leader/aftersales/${c.id}/reject`)
      .set(...bearer(leader))
      .send({ reason: '商品完好' })
      .expect(200);
    const view = (
      await t
        .http()
        .get(`/api/app/aftersales/${c.id}`)
        .set(...bearer(token))
        .expect(200)
    ).body as AfterSalesCaseView;
    expect(view).toMatchObject({ status: 'rejected', rejectReason: '商品完好', refund: null });
    await t
      .http()
      .post(`/api/admin/aftersales/${c.id}/approve`)
      .set(...bearer(world.admin))
      .send({})
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('AFTERSALES_STATUS'));
    expect(await orderRow(o.id)).toMatchObject({ committed: 0, status: 'paid' });
    await ask(token, o.id, {}).expect(201);
  });

  it('auto-approves small amounts at once', async () => {
    await setRules(1000, 48);
    try {
      const { order: o, token } = await order(2, false);
      const c = (await ask(token, o.id, { lines: [{ orderLineId: o.lines[0].id, quantity: 1 }] }).expect(201))
        .body as AfterSalesCaseView;
      expect(c.status).toBe('approved');
      expect(c.timeline.map((e) => e.type)).toContain('auto_approved');
      await eventually(async () => (await orderRow(o.id)).refunded === 990);
      expect((await orderRow(o.id)).status).toBe('paid');
    } finally {
      await setRules(0, 48);
    }
  });

  it('auto-approves a case nobody answered in time (the sweep)', async () => {
    const { order: o, token } = await order(1, false);
    const c = (await ask(token, o.id, {}).expect(201)).body as AfterSalesCaseView;
    await t.dataSource.query('UPDATE aftersales_cases SET auto_approve_at = ? WHERE id = ?', [
      '2000-01-01 00:00:00',
      c.id,
    ]);
    expect(await t.app.get(AfterSalesService).autoApproveDue()).toBeGreaterThanOrEqual(1);
    const view = (
      await t
        .http()
        .get(`/api/app/aftersales/${c.id}`)
        .set(...bearer(token))
        .expect(200)
    ).body as AfterSalesCaseView;
    expect(view.status).toBe('approved');
    await eventually(async () => (await orderRow(o.id)).status === 'refunded');
  });

  it('refuses over-refunds, a second open case, bad lines; replays are idempotent', async () => {
    const { order: o, token } = await order(2, false);
    await ask(token, o.id, { lines: [{ orderLineId: o.lines[0].id, quantity: 3 }] })
      .expect(400)
      .expect((r) => expect(r.body.code).toBe('AFTERSALES_LINE_INVALID'));
    const requestId = randomUUID();
    const body = { requestId, lines: [{ orderLineId: o.lines[0].id, quantity: 1 }] };
    const first = (await ask(token, o.id, body).expect(201)).body as AfterSalesCaseView;
    const again = (await ask(token, o.id, body).expect(200)).body as AfterSalesCaseView;
    expect(again.id).toBe(first.id);
    await ask(token, o.id, { requestId, lines: [{ orderLineId: o.lines[0].id, quantity: 2 }] })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('AFTERSALES_REQUEST_ID_REUSED'));
    await ask(token, o.id, {})
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('AFTERSALES_CASE_OPEN'));
    // Approving twice refunds once.
    for (let i = 0; i < 2; i += 1)
      await t
        .http()
        .post(`/api/admin/aftersales/${first.id}/approve`)
        .set(...bearer(world.admin))
        .send({})
        .expect(200);
    const refunds = (await t.dataSource.query('SELECT amount FROM refunds WHERE order_id = ?', [
      o.id,
    ])) as unknown[];
    expect(refunds).toHaveLength(1);
    // Staff refund of the rest, then nothing is left to ask for.
    await t
      .http()
      .post(`/api/admin/orders/${o.id}/refund`)
      .set(...bearer(world.admin))
      .send({ reason: '整单退' })
      .expect(200);
    expect(await orderRow(o.id)).toMatchObject({ committed: 1980, status: 'refunded' });
    const left = (await t.dataSource.query('SELECT SUM(amount) AS s FROM refunds WHERE order_id = ?', [
      o.id,
    ])) as Array<{
      s: string | number;
    }>;
    expect(Number(left[0].s)).toBe(1980);
    await ask(token, o.id, { lines: [{ orderLineId: o.lines[0].id, quantity: 1 }] })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('AFTERSALES_ORDER_NOT_ELIGIBLE'));
  });

  it('a buyer cannot see or ask on another buyer’s order or case (404); another leader cannot review it', async () => {
    const { order: o, token } = await order(1, false);
    const c = (await ask(token, o.id, {}).expect(201)).body as AfterSalesCaseView;
    const other = await buyerAt(world, '王丽华');
    await t
      .http()
      .get(`/api/app/aftersales/${c.id}`)
      .set(...bearer(other.token))
      .expect(404);
    await ask(other.token, o.id, {}).expect(404);
    const mine = await t
      .http()
      .get('/api/app/aftersales')
      .set(...bearer(other.token))
      .expect(200);
    expect(mine.body.total).toBe(0);
  });

  it('shortage reported at the pickup point: a case approved at once, refunded through the provider; idempotent', async () => {
    const { order: o } = await order(3, false);
    const service = t.app.get(AfterSalesService);
    const report = {
      orderId: o.id,
      reason: 'shortage' as const,
      lines: [{ orderLineId: o.lines[0].id, quantity: 2 }],
      requestId: `receipt-test-${o.id}`,
    };
    const id = await service.openForPickupReport(report);
    expect(await service.openForPickupReport(report)).toBe(id);
    await eventually(async () => (await orderRow(o.id)).refunded === 1980);
    expect((await orderRow(o.id)).status).toBe('paid');
    const view = (
      await t
        .http()
        .get(`/api/admin/aftersales/${id}`)
        .set(...bearer(world.admin))
        .expect(200)
    ).body as AdminAfterSalesCaseView;
    expect(view).toMatchObject({
      status: 'approved',
      source: 'pickup_report',
      reason: 'shortage',
      amount: 1980,
    });
  });
});
