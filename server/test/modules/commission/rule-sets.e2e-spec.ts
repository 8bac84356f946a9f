import { randomUUID } from 'node:crypto';
import type {
  CommissionPreview,
  CommissionRules,
  CommissionStatement,
  RuleSetSimulation,
  RuleSetView,
  StatementSummary,
} from '@linli/shared-types';
import { MonthCloseService } from '../../../src/modules/commission/month-close.service';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  buyerAt,
  ordersWorld,
  payWithSimulator,
  placedOrder,
  raceCampaign,
  type OrdersWorld,
} from '../orders/orders-test-kit';
import { bearer, countRows, createStaffAndLogin } from '../support/modules-test-kit';
import { awaitEntries, paidOrderAt, pickUp, binaryBody, openWorkbook } from './commission-test-kit';

/**
 * Rules configured without code: a draft with a product override, a referral and a recruitment reward is
 * previewed, published as version 2, and the next completed order is computed by it, line by line.
 */
describe('commission rule sets', () => {
  let t: TestApp;
  let world: OrdersWorld;
  let admin: () => string;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    world = await ordersWorld(t);
    admin = () => world.admin;
  });
  afterAll(async () => {
    await t?.close();
  });

  const api = {
    get: (path: string) =>
      t
        .http()
        .get(`/api/admin/commission/${path}`)
        .set(...bearer(admin())),
    post: (path: string, body: unknown = {}) =>
      t
        .http()
        .post(`/api/admin/commission/${path}`)
        .set(...bearer(admin()))
        .send(body as object),
    put: (path: string, body: unknown) =>
      t
        .http()
        .put(`/api/admin/commission/${path}`)
        .set(...bearer(admin()))
        .send(body as object),
  };

  async function template(): Promise<CommissionRules> {
    return (await api.get('rule-sets/template').expect(200)).body as CommissionRules;
  }

  it('the migration published version 1 from the level rates; the template carries every level', async () => {
    const sets = (await api.get('rule-sets').expect(200)).body as RuleSetView[];
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ version: 1, status: 'published', current: true });
    const levels = (await t.dataSource.query('SELECT id FROM leader_levels')) as Array<{ id: number }>;
    const rules = await template();
    expect(rules.levelRates.map((l) => l.levelId).sort()).toEqual(levels.map((l) => Number(l.id)).sort());
  });

  it('refuses invalid rules with a message per field and writes nothing', async () => {
    const rules = await template();
    const before = await countRows(t, 'commission_rule_sets');
    const res = await api
      .post('rule-sets', {
        name: '错误方案',
        rules: {
          ...rules,
          defaultRateBps: 10_001,
          levelRates: [{ levelId: 99_999, rateBps: 100 }],
          tierBonus: {
            mode: 'marginal',
            tiers: [
              { thresholdFen: 500_000, rateBps: 100 },
              { thresholdFen: 100_000, rateBps: 200 },
            ],
          },
        },
      })
      .expect(400);
    expect(res.body.code).toBe('COMMISSION_RULES_INVALID');
    const fields = (res.body.fields as Array<{ field: string }>).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['rules.defaultRateBps', 'rules.levelRates.0.levelId']));
    expect(fields.some((f) => f.startsWith('rules.tierBonus'))).toBe(true);
    expect(await countRows(t, 'commission_rule_sets')).toBe(before);
  });

  it('draft → preview → publish → the next completed order is computed by version 2', async () => {
    const chen = world.leaders['陈建国'].id;
    const wang = world.leaders['王丽华'].id;
    // 王丽华 recruited 陈建国.
    await t.dataSource.query('UPDATE leaders SET upline_leader_id = ? WHERE id = ?', [wang, chen]);
    const { campaign, itemId, skuId } = await raceCampaign(world, { stock: 50 });
    const [{ productId }] = (await t.dataSource.query(
      'SELECT product_id AS productId FROM skus WHERE id = ?',
      [skuId],
    )) as Array<{ productId: number }>;

    const rules: CommissionRules = {
      ...(await template()),
      overrides: [
        { targetKind: 'product', targetId: Number(productId), mode: 'fixed', rateBps: null, fixedFen: 50 },
      ],
      referral: { base: 'commission', level1Bps: 1000, level2Bps: 0 },
      recruitmentReward: { afterOrders: 1, rewardFen: 888 },
      frozenDays: 3,
    };
    const draft = (await api.post('rule-sets', { name: '新品补贴方案', rules }).expect(201))
      .body as RuleSetView;
    expect(draft).toMatchObject({ status: 'draft', version: null, current: false });

    const preview = (
      await api
        .post('preview', { rules, leaderId: chen, lines: [{ skuId, quantity: 2, unitPrice: 990 }] })
        .expect(200)
    ).body as CommissionPreview;
    expect(preview.entries.map((e) => [e.leaderId, e.type, e.amount])).toEqual([
      [chen, 'accrual', 100],
      [wang, 'referral', 10],
    ]);
    expect(preview.entries[0].details[0].fixedFen).toBe(50);

    const tooEarly = await api.post(`rule-sets/${draft.id}/publish`, {
      effectiveFrom: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.code).toBe('COMMISSION_EFFECTIVE_TIME_INVALID');
    const published = (
      await api.post(`rule-sets/${draft.id}/publish`, { effectiveFrom: new Date().toISOString() }).expect(200)
    ).body as RuleSetView;
    expect(published).toMatchObject({ status: 'published', version: 2, current: true });
    const edit = await api.put(`rule-sets/${draft.id}`, { name: '改名', rules });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('COMMISSION_RULE_SET_PUBLISHED');

    const buyer = await buyerAt(world, '陈建国');
    const placed = await placedOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId, quantity: 2 }],
    });
    const order = await payWithSimulator(t, buyer.token, placed.id);
    await pickUp(world, order, '陈建国');
    const entries = await awaitEntries(t, admin(), order.orderNo, 2);
    expect(entries.map((e) => [e.leaderId, e.type, e.amount, e.ruleSetVersion])).toEqual([
      [chen, 'accrual', 100, 2],
      [wang, 'referral', 10, 2],
      [wang, 'recruitment_reward', 888, 2],
    ]);
    const rewards = (await t.dataSource.query(
      "SELECT leader_id AS leaderId, amount FROM commission_entries WHERE type = 'recruitment_reward'",
    )) as Array<{ leaderId: number; amount: number }>;
    expect(rewards.map((r) => [Number(r.leaderId), Number(r.amount)])).toEqual([[wang, 888]]);

    // Re-computing the completed orders under the set that computed them gives what was recorded.
    const simulation = (
      await api
        .post(`rule-sets/${published.id}/simulate`, {
          from: new Date(Date.now() - 86_400_000).toISOString(),
          to: new Date(Date.now() + 60_000).toISOString(),
        })
        .expect(200)
    ).body as RuleSetSimulation;
    expect(simulation).toMatchObject({ orders: 1, leaders: 2, recordedFen: 110, simulatedFen: 110 });

    // A full refund reverses the leader's and the upline's share; the recruitment reward stays.
    await t
      .http()
      .post(`/api/admin/orders/${order.id}/refund`)
      .set(...bearer(admin()))
      .send({ reason: '临期' })
      .expect(200);
    const after = await awaitEntries(t, admin(), order.orderNo, 5);
    expect(after.filter((e) => e.type === 'reversal').map((e) => [e.leaderId, e.amount])).toEqual([
      [chen, -100],
      [wang, -10],
    ]);
  });

  it('the statement reconciles: Σ entries = statement total = Σ over orders + entries without an order', async () => {
    const wang = world.leaders['王丽华'].id;
    await api
      .post('adjustments', { leaderId: wang, amount: -5, reason: '扣减测试', requestId: randomUUID() })
      .expect(201);
    const statement = (await api.get(`statements?leaderId=${wang}&period=month`).expect(200))
      .body as CommissionStatement;
    const sumEntries = statement.entries.reduce((s, e) => s + e.amount, 0);
    const sumOrders = statement.orders.reduce((s, o) => s + o.commission, 0);
    expect(statement.entries.length).toBeGreaterThanOrEqual(4); // referral, reversal, reward, adjustment
    expect(statement.totals.total).toBe(sumEntries);
    expect(statement.totals.ordersTotal).toBe(sumOrders);
    expect(statement.totals.total).toBe(statement.totals.ordersTotal + statement.totals.withoutOrder);
    expect(Object.values(statement.totals.byType).reduce((s, v) => s + v, 0)).toBe(sumEntries);

    const summary = (await api.get('statements/summary?period=month').expect(200)).body as StatementSummary;
    expect(summary.total).toBe(summary.rows.reduce((s, r) => s + r.total, 0));
    expect(summary.rows.find((r) => r.leaderId === wang)?.total).toBe(statement.totals.total);

    const xlsx = await api
      .get(`statements?leaderId=${wang}&period=month&format=xlsx`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const book = await openWorkbook(xlsx.body as Buffer);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(1);
  });

  it('month end writes each leader’s tier bonus once, under the set in force at the month’s end', async () => {
    const rules: CommissionRules = {
      ...(await template()),
      tierBonus: { mode: 'whole_month', tiers: [{ thresholdFen: 1000, rateBps: 200 }] },
    };
    const draft = (await api.post('rule-sets', { name: '阶梯方案', rules }).expect(201)).body as RuleSetView;
    await api.post(`rule-sets/${draft.id}/publish`, { effectiveFrom: new Date().toISOString() }).expect(200);
    const { order } = await paidOrderAt(world, '王丽华', 3);
    await pickUp(world, order);
    await awaitEntries(t, admin(), order.orderNo);
    // Pretend it was published long ago and the orders completed last month.
    await t.dataSource.query(
      "UPDATE commission_rule_sets SET effective_from = '2001-01-01 00:00:00' WHERE id = ?",
      [draft.id],
    );
    await t.dataSource.query(
      "UPDATE commission_rule_sets SET effective_from = '2000-01-01 00:00:00' WHERE version = 1",
    );
    await t.dataSource.query("UPDATE commission_orders SET completed_at = '2026-01-15 04:00:00'");
    const gmv = (await t.dataSource.query(
      'SELECT leader_id AS leaderId, SUM(paid_amount - refunded_amount) AS gmv FROM commission_orders GROUP BY leader_id',
    )) as Array<{ leaderId: number; gmv: number | string }>;
    const months = t.app.get(MonthCloseService);
    expect(await months.closeMonth('2026-01')).toBe(true);
    expect(await months.closeMonth('2026-01')).toBe(false);
    const bonuses = (await t.dataSource.query(
      "SELECT leader_id AS leaderId, amount, entry_key AS entryKey FROM commission_entries WHERE type = 'tier_bonus'",
    )) as Array<{ leaderId: number; amount: number; entryKey: string }>;
    const expected = gmv
      .filter((g) => Number(g.gmv) >= 1000)
      .map((g) => [Number(g.leaderId), Math.floor((Number(g.gmv) * 200) / 10_000 + 0.5)]);
    expect(expected).toEqual([
      [world.leaders['王丽华'].id, Math.floor((order.payableAmount * 200) / 10_000 + 0.5)],
    ]);
    expect(bonuses.map((b) => [Number(b.leaderId), Number(b.amount)])).toEqual(expected);
    expect(bonuses.every((b) => b.entryKey.endsWith(':2026-01'))).toBe(true);
  });

  it('read-only staff can look but not change rules; leaders cannot reach the admin API', async () => {
    const viewer = await createStaffAndLogin(t, admin(), ['operator']);
    const token = viewer.session.accessToken;
    const write = await t
      .http()
      .post('/api/admin/commission/rule-sets')
      .set(...bearer(token))
      .send({ name: 'x', rules: await template() });
    expect([403]).toContain(write.status);
    const adjust = await t
      .http()
      .post('/api/admin/commission/adjustments')
      .set(...bearer(token))
      .send({ leaderId: world.leaders['王丽华'].id, amount: 100, reason: '越权', requestId: randomUUID() });
    expect(adjust.status).toBe(403);
  });
});
