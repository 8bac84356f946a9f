import { randomUUID } from 'node:crypto';
import { CommissionClock } from '../../../src/modules/commission/jobs/commission-clock';
import type { RuleSetView } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { OutboxDelivery } from '../../../src/platform/outbox/outbox-delivery';
import { leaderToken, ordersWorld, type OrdersWorld } from '../orders/orders-test-kit';
import { bearer, createStaffAndLogin } from '../support/modules-test-kit';
import {
  awaitEntries,
  entriesOfOrder,
  overviewOf,
  paidOrderAt,
  pickUp,
  thawAll,
} from './commission-test-kit';

const BANK = { holder: '刘晓燕', bankName: '建设银行', accountNo: '6217000011112222' };

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

  it('after the after-sales window the entry is available; a refund after withdrawal leaves a debt that later commission offsets', async () => {
    const leaderName = '刘晓燕';
    const leaderId = world.leaders[leaderName].id;
    const leader = await leaderToken(world, leaderName);
    const { order } = await paidOrderAt(world, leaderName, 5);
    await pickUp(world, order, leaderName);
    const [accrual] = await awaitEntries(t, world.admin, order.orderNo);
    expect((await overviewOf(t, leader)).balance).toMatchObject({ frozen: accrual.amount, available: 0 });

    // The window passes: the sweep makes the entry available.
    await thawAll(t, leaderId);
    // Due before the sweep runs: it reads (and filters) as available already, like the balance counts it.
    const due = await t
      .http()
      .get(`/api/admin/commission/entries?leaderId=${leaderId}&status=available`)
      .set(...bearer(world.admin))
      .expect(200);
    expect(due.body.items.map((e: { id: number; status: string }) => [e.id, e.status])).toEqual([
      [accrual.id, 'available'],
    ]);
    expect(await t.app.get(CommissionClock).unfreezeDue()).toBeGreaterThanOrEqual(1);
    const [entry] = await entriesOfOrder(t, world.admin, order.orderNo);
    expect(entry.status).toBe('available');
    expect((await overviewOf(t, leader)).balance).toMatchObject({ frozen: 0, available: accrual.amount });

    // The leader withdraws everything, and receives it.
    const withdrawal = await t
      .http()
      .post('/api/app/leader/commission/withdrawals')
      .set(...bearer(leader))
      .send({ amount: accrual.amount, method: 'bank', requestId: randomUUID(), bankAccount: BANK })
      .expect(201);
    const review = (path: string) =>
      t
        .http()
        .post(`/api/admin/commission/withdrawals/${withdrawal.body.id}/${path}`)
        .set(...bearer(world.admin))
        .send({})
        .expect(200);
    if (withdrawal.body.status === 'reviewing') await review('approve');
    await t
      .http()
      .post('/api/admin/commission/withdrawals/bank-batch')
      .set(...bearer(world.admin))
      .expect(200);
    await review('mark-paid');

    // Then the order is refunded: the reversal takes the balance below zero...
    await t
      .http()
      .post(`/api/admin/orders/${order.id}/refund`)
      .set(...bearer(world.admin))
      .send({ reason: '质量问题' })
      .expect(200);
    await awaitEntries(t, world.admin, order.orderNo, 2);
    const owed = await overviewOf(t, leader);
    expect(owed.balance).toMatchObject({ available: -accrual.amount, withdrawn: accrual.amount });
    const refused = await t
      .http()
      .post('/api/app/leader/commission/withdrawals')
      .set(...bearer(leader))
      .send({ amount: 100, method: 'wechat', requestId: randomUUID() });
    expect(refused.body.code).toBe('WITHDRAWAL_OVER_BALANCE');

    // ...and the next commission pays the debt first.
    const next = await paidOrderAt(world, leaderName, 5);
    await pickUp(world, next.order, leaderName);
    const [nextAccrual] = await awaitEntries(t, world.admin, next.order.orderNo);
    await thawAll(t, leaderId);
    expect((await overviewOf(t, leader)).balance.available).toBe(nextAccrual.amount - accrual.amount);
  });
});
