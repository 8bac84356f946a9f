import { randomUUID } from 'node:crypto';
import type { OrderDetail } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer } from '../support/modules-test-kit';
import {
  manyBuyers,
  orderCounts,
  ordersWorld,
  placeOrder,
  raceCampaign,
  skuLedger,
  type OrdersWorld,
} from './orders-test-kit';

/**
 * Buyers racing for limited stock. On MariaDB + Redis these really race (pool, row locks, the Lua gate);
 * on SQLite they are serialised and the same assertions hold. Each case runs on the database-only path
 * and, when Redis is configured, through the flash-sale gate.
 */
describe('checkout under a rush of buyers', () => {
  let t: TestApp;
  let world: OrdersWorld;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true', RATE_LIMIT_PER_MINUTE: '100000' } });
    world = await ordersWorld(t);
  });
  afterAll(() => t.close());

  const paths: Array<[string, boolean]> = [['database only', false]];
  if (process.env.REDIS_URL) paths.push(['flash-sale gate (Redis)', true]);

  describe.each(paths)('%s', (_label, flashSale) => {
    it('500 concurrent orders for 100 units: exactly 100 orders, stock 0, the ledger adds up', async () => {
      const { campaign, skuId, itemId } = await raceCampaign(world, { stock: 100, flashSale });
      const buyers = await manyBuyers(world, 500);
      const results = await Promise.all(
        buyers.map((b) =>
          placeOrder(t, b.token, { campaignId: campaign.id, lines: [{ itemId, quantity: 1 }] }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(100);
      expect(statuses.filter((s) => s === 409)).toHaveLength(400);
      expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(
        new Set(['ORDER_SOLD_OUT']),
      );
      const orders = (await t.dataSource.query('SELECT COUNT(*) AS n FROM orders WHERE campaign_id = ?', [
        campaign.id,
      ])) as Array<{ n: number | string }>;
      expect(Number(orders[0].n)).toBe(100);
      expect(await skuLedger(t, skuId)).toEqual({ stock: 0, reserved: 100, stockSum: 0, reservedSum: 100 });
      const [item] = (await t.dataSource.query('SELECT sold_quantity FROM campaign_items WHERE id = ?', [
        itemId,
      ])) as Array<{ sold_quantity: number | string }>;
      expect(Number(item.sold_quantity)).toBe(100);
    });

    it('a limit of 1, 50 members racing twice each: exactly one order per member', async () => {
      const { campaign, skuId, itemId } = await raceCampaign(world, {
        stock: 500,
        flashSale,
        perMemberLimit: 1,
      });
      const buyers = await manyBuyers(world, 50);
      const attempts = buyers.flatMap((b) => [b, b]);
      const results = await Promise.all(
        attempts.map((b) =>
          placeOrder(t, b.token, { campaignId: campaign.id, lines: [{ itemId, quantity: 1 }] }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(50);
      const refused = results.filter((r) => r.status !== 201);
      expect(refused).toHaveLength(50);
      expect(new Set(refused.map((r) => `${r.status} ${r.body.code}`))).toEqual(
        new Set(['409 ORDER_LIMIT_EXCEEDED']),
      );
      const perMember = (await t.dataSource.query(
        'SELECT member_id, COUNT(*) AS n FROM orders WHERE campaign_id = ? GROUP BY member_id',
        [campaign.id],
      )) as Array<{ member_id: number; n: number | string }>;
      expect(perMember).toHaveLength(50);
      expect(perMember.every((row) => Number(row.n) === 1)).toBe(true);
      expect(await skuLedger(t, skuId)).toEqual({ stock: 450, reserved: 50, stockSum: 450, reservedSum: 50 });
    });

    it('the same Idempotency-Key sent 10 times at once makes one order; every answer is that order', async () => {
      const { campaign, itemId } = await raceCampaign(world, { stock: 50, flashSale });
      const [buyer] = await manyBuyers(world, 1);
      const key = randomUUID();
      const body = { campaignId: campaign.id, lines: [{ itemId, quantity: 2 }], remark: '放门口' };
      const results = await Promise.all(
        Array.from({ length: 10 }, () => placeOrder(t, buyer.token, body, key)),
      );
      const ok = results.filter((r) => r.status === 200 || r.status === 201);
      // A replay that arrives while the first is still being written may be told to retry (409 in progress).
      const inProgress = results.filter((r) => r.status === 409 && r.body.code === 'ORDER_IN_PROGRESS');
      expect(ok.length + inProgress.length).toBe(10);
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(new Set(ok.map((r) => (r.body as OrderDetail).id)).size).toBe(1);
      const again = await placeOrder(t, buyer.token, body, key);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(ok[0].body.id);
      const orders = (await t.dataSource.query('SELECT COUNT(*) AS n FROM orders WHERE member_id = ?', [
        buyer.memberId,
      ])) as Array<{ n: number | string }>;
      expect(Number(orders[0].n)).toBe(1);
    });

    it('the same key with another body is refused and changes nothing', async () => {
      const { campaign, itemId } = await raceCampaign(world, { stock: 50, flashSale });
      const [buyer] = await manyBuyers(world, 1);
      const key = randomUUID();
      const first = await placeOrder(
        t,
        buyer.token,
        { campaignId: campaign.id, lines: [{ itemId, quantity: 1 }] },
        key,
      );
      expect(first.status).toBe(201);
      const before = await orderCounts(t);
      const conflict = await placeOrder(
        t,
        buyer.token,
        { campaignId: campaign.id, lines: [{ itemId, quantity: 3 }] },
        key,
      );
      expect({ status: conflict.status, code: conflict.body.code }).toEqual({
        status: 409,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      expect(await orderCounts(t)).toEqual(before);
    });
  });

  it('refuses an order without an Idempotency-Key, and one for a campaign past its cut-off, writing nothing', async () => {
    const { campaign, itemId } = await raceCampaign(world, { stock: 10 });
    const [buyer] = await manyBuyers(world, 1);
    const before = await orderCounts(t);
    const noKey = await t
      .http()
      .post('/api/app/orders')
      .set(...bearer(buyer.token))
      .send({ campaignId: campaign.id, lines: [{ itemId, quantity: 1 }] });
    expect({ status: noKey.status, code: noKey.body.code }).toEqual({
      status: 400,
      code: 'ORDER_IDEMPOTENCY_KEY_MISSING',
    });
    const badQuantity = await placeOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId, quantity: 0 }],
    });
    expect({ status: badQuantity.status, code: badQuantity.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    const unknownItem = await placeOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId: 999_999, quantity: 1 }],
    });
    expect({ status: unknownItem.status, code: unknownItem.body.code }).toEqual({
      status: 409,
      code: 'ORDER_LINE_PROBLEM',
    });
    await t.dataSource.query('UPDATE campaigns SET cutoff_at = ? WHERE id = ?', [
      new Date(Date.now() - 1000).toISOString().replace('T', ' ').replace('Z', ''),
      campaign.id,
    ]);
    // The checkout snapshot is cached for 2 s; the transaction re-reads the campaign, so it is refused anyway.
    const late = await placeOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId, quantity: 1 }],
    });
    expect({ status: late.status, code: late.body.code }).toEqual({
      status: 409,
      code: 'ORDER_CAMPAIGN_CLOSED',
    });
    expect(await orderCounts(t)).toEqual(before);
  });
});
