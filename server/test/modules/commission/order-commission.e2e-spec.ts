import type { RuleSetView } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { OutboxDelivery } from '../../../src/platform/outbox/outbox-delivery';
import { ordersWorld, type OrdersWorld } from '../orders/orders-test-kit';
import { bearer, createStaffAndLogin } from '../support/modules-test-kit';
import { awaitEntries, entriesOfOrder, paidOrderAt, pickUp } from './commission-test-kit';

/** An order completes → its commission is in the ledger within seconds; refunds claw it back; replays add nothing. */
describe('commission of completed orders', () => {
  let t: TestApp;
  let world: OrdersWorld;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    world = await ordersWorld(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function currentRuleSet(): Promise<RuleSetView> {
    const res = await t
      .http()
      .get('/api/admin/commission/rule-sets')
      .set(...bearer(world.admin))
      .expect(200);
    const sets = res.body as RuleSetView[];
    return sets.find((s) => s.current)!;
  }

  it('writes a frozen accrual at the leader’s level rate with the rule version behind it', async () => {
    const rules = await currentRuleSet();
    const leaderId = world.leaders['王丽华'].id;
    const [level] = (await t.dataSource.query(
      'SELECT lv.commission_rate_bps AS bps FROM leaders l JOIN leader_levels lv ON lv.id = l.level_id WHERE l.id = ?',
      [leaderId],
    )) as Array<{ bps: number | string }>;
    const { order } = await paidOrderAt(world, '王丽华', 3);
    expect(await entriesOfOrder(t, world.admin, order.orderNo)).toEqual([]);
    await pickUp(world, order);
    const [accrual] = await awaitEntries(t, world.admin, order.orderNo);
    const expected = Math.floor((order.payableAmount * Number(level.bps)) / 10_000 + 0.5);
    expect(accrual).toMatchObject({
      leaderId,
      type: 'accrual',
      amount: expected,
      status: 'frozen',
      ruleSetId: rules.id,
      ruleSetVersion: rules.version,
      orderNo: order.orderNo,
    });
    expect(accrual.details.length).toBeGreaterThan(0);
    // Detail lines carry the exact amounts; the entry rounds once, half up, to the fen.
    expect(Math.floor(accrual.details.reduce((sum, d) => sum + d.amount, 0) + 0.5)).toBe(expected);
    expect(new Date(accrual.availableAt).getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);
  });

  it('a refund after pickup reverses the commission in full; replaying the events adds nothing', async () => {
    const { order } = await paidOrderAt(world, '王丽华', 2);
    await pickUp(world, order);
    const [accrual] = await awaitEntries(t, world.admin, order.orderNo);
    const finance = await createStaffAndLogin(t, world.admin, ['finance']);
    await t
      .http()
      .post(`/api/admin/orders/${order.id}/refund`)
      .set(...bearer(finance.session.accessToken))
      .send({ reason: '坏果' })
      .expect(200);
    const entries = await awaitEntries(t, world.admin, order.orderNo, 2);
    expect(entries.map((e) => [e.type, e.amount])).toEqual([
      ['accrual', accrual.amount],
      ['reversal', -accrual.amount],
    ]);

    // Replay: forget that the handlers ran, then deliver every event of the order to them again. The
    // entries' unique keys (and the order's commission record) keep the ledger as it is.
    const events = (await t.dataSource.query(
      "SELECT event_id AS eventId FROM outbox_events WHERE type IN ('orders.picked_up', 'orders.refunded') AND payload LIKE ?",
      [`%"orderId":${order.id},%`],
    )) as Array<{ eventId: string }>;
    expect(events).toHaveLength(2);
    await t.dataSource.query(
      "DELETE FROM processed_events WHERE handler_name IN ('commission.accrue-order', 'commission.claw-back')",
    );
    const delivery = t.app.get(OutboxDelivery);
    for (const { eventId } of events) {
      for (const handlerName of ['commission.accrue-order', 'commission.claw-back']) {
        await delivery.deliver({ eventId, handlerName });
      }
    }
    expect(await entriesOfOrder(t, world.admin, order.orderNo)).toHaveLength(2);
  });
});
