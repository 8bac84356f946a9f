import { CLOSE_UNPAID_JOB, OrderDeadlineClock } from '../../../src/modules/orders/jobs/order-deadline.clock';
import { createTestApp, type TestApp } from '../../support/test-app';
import { eventually } from '../campaigns/campaigns-test-kit';
import { bearer } from '../support/modules-test-kit';
import {
  buyerAt,
  orderOf,
  ordersWorld,
  payWithSimulator,
  placedOrder,
  raceCampaign,
  skuLedger,
  type OrdersWorld,
} from './orders-test-kit';

const past = () => new Date(Date.now() - 1000).toISOString().replace('T', ' ').replace('Z', '');

/** The pay deadline: unpaid orders close and give their stock back, by job or by the sweep; paid ones never. */
describe('pay deadline', () => {
  let t: TestApp;
  let world: OrdersWorld;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true', ORDER_PAY_TIMEOUT_MINUTES: '15' } });
    world = await ordersWorld(t);
  });
  afterAll(() => t.close());

  it('an order gets a deadline from ORDER_PAY_TIMEOUT_MINUTES', async () => {
    const { campaign, itemId } = await raceCampaign(world, { stock: 5 });
    const buyer = await buyerAt(world);
    const before = Date.now();
    const order = await placedOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId, quantity: 1 }],
    });
    const deadline = new Date(order.payDeadlineAt!).getTime();
    expect(deadline - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(deadline - before).toBeLessThanOrEqual(15 * 60_000 + 5000);
  });

  it('the close job closes an overdue unpaid order and releases its stock; the buyer sees why', async () => {
    const { campaign, itemId, skuId } = await raceCampaign(world, { stock: 5 });
    const buyer = await buyerAt(world);
    const order = await placedOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId, quantity: 2 }],
    });
    expect(await skuLedger(t, skuId)).toMatchObject({ stock: 3, reserved: 2 });
    await t.dataSource.query('UPDATE orders SET pay_deadline_at = ? WHERE id = ?', [past(), order.id]);
    await t.queue.add(CLOSE_UNPAID_JOB, { orderId: order.id }, { jobId: `close-now-${order.id}` });
    await eventually(async () => (await orderOf(t, buyer.token, order.id)).status === 'cancelled');
    const closed = await orderOf(t, buyer.token, order.id);
    expect(closed.timeline.at(-1)).toMatchObject({ type: 'closed', actorName: '系统', note: '超时未支付' });
    expect(await skuLedger(t, skuId)).toEqual({ stock: 5, reserved: 0, stockSum: 5, reservedSum: 0 });
    const [item] = (await t.dataSource.query('SELECT sold_quantity FROM campaign_items WHERE id = ?', [
      itemId,
    ])) as Array<{
      sold_quantity: number | string;
    }>;
    expect(Number(item.sold_quantity)).toBe(0);
    // It cannot be paid any more.
    const pay = await t
      .http()
      .post(`/api/app/orders/${order.id}/pay`)
      .set(...bearer(buyer.token));
    expect({ status: pay.status, code: pay.body.code }).toEqual({ status: 409, code: 'ORDER_NOT_PAYABLE' });
  });

  it('the sweep closes what a lost job left open, and leaves paid and not-yet-due orders alone', async () => {
    const { campaign, itemId, skuId } = await raceCampaign(world, { stock: 10 });
    const buyer = await buyerAt(world);
    const line = { campaignId: campaign.id, lines: [{ itemId, quantity: 1 }] };
    const overdue = await placedOrder(t, buyer.token, line);
    const paid = await payWithSimulator(t, buyer.token, (await placedOrder(t, buyer.token, line)).id);
    const notDue = await placedOrder(t, buyer.token, line);
    await t.dataSource.query('UPDATE orders SET pay_deadline_at = ? WHERE id IN (?, ?)', [
      past(),
      overdue.id,
      paid.id,
    ]);
    const { closed } = await t.app.get(OrderDeadlineClock).sweep(new Date());
    expect(closed).toBeGreaterThanOrEqual(1);
    expect((await orderOf(t, buyer.token, overdue.id)).status).toBe('cancelled');
    expect((await orderOf(t, buyer.token, paid.id)).status).toBe('paid');
    expect((await orderOf(t, buyer.token, notDue.id)).status).toBe('pending_payment');
    expect(await skuLedger(t, skuId)).toEqual({ stock: 8, reserved: 2, stockSum: 8, reservedSum: 2 });
  });

  it('closing twice (a job and the sweep, or a retried job) releases the stock once', async () => {
    const { campaign, itemId, skuId } = await raceCampaign(world, { stock: 3 });
    const buyer = await buyerAt(world);
    const order = await placedOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId, quantity: 3 }],
    });
    await t.dataSource.query('UPDATE orders SET pay_deadline_at = ? WHERE id = ?', [past(), order.id]);
    const clock = t.app.get(OrderDeadlineClock);
    await Promise.all([
      clock.onCloseUnpaid({ orderId: order.id }),
      clock.sweep(new Date()),
      clock.onCloseUnpaid({ orderId: order.id }),
    ]);
    await clock.onCloseUnpaid({ orderId: order.id });
    expect(await skuLedger(t, skuId)).toEqual({ stock: 3, reserved: 0, stockSum: 3, reservedSum: 0 });
    const closedSteps = (await orderOf(t, buyer.token, order.id)).timeline.filter((e) => e.type === 'closed');
    expect(closedSteps).toHaveLength(1);
  });
});
