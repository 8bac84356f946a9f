import Redis from 'ioredis';
import { FlashSaleGuard } from '../../../src/modules/orders/flash-sale-guard';
import { createTestApp, type TestApp } from '../../support/test-app';
import { eventually } from '../campaigns/campaigns-test-kit';
import {
  manyBuyers,
  orderCounts,
  ordersWorld,
  placeOrder,
  raceCampaign,
  skuLedger,
  type OrdersWorld,
} from './orders-test-kit';

const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip;

/** The flash-sale gate losing Redis mid-sale: no oversell, ever; no sale at all while Redis is away. */
describeWithRedis('flash sale when Redis misbehaves (needs REDIS_URL)', () => {
  let t: TestApp;
  let world: OrdersWorld;
  let redis: Redis;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true', RATE_LIMIT_PER_MINUTE: '100000' } });
    world = await ordersWorld(t);
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    await redis?.quit();
    await t?.close();
  });

  it('Redis flushed mid-sale: the gate is rebuilt from the database, nothing oversells, every unit still sells', async () => {
    const { campaign, itemId, skuId } = await raceCampaign(world, { stock: 100, flashSale: true });
    const buyers = await manyBuyers(world, 400);
    let answered = 0;
    let flushed = false;
    const order = (token: string) =>
      placeOrder(t, token, { campaignId: campaign.id, lines: [{ itemId, quantity: 1 }] }).then(
        async (res) => {
          answered += 1;
          if (answered === 40 && !flushed) {
            flushed = true;
            // Everything goes: the gate, the rate limiter, the queue's keys, as after a Redis restart.
            await redis.flushall();
          }
          return res;
        },
      );
    const results = await Promise.all(buyers.slice(0, 300).map((b) => order(b.token)));
    expect(flushed).toBe(true);
    expect(results.every((r) => [201, 409, 503].includes(r.status))).toBe(true);

    // Then buyers keep coming one by one until it is sold out: the rebuilt gate lets every unit sell.
    for (const buyer of buyers.slice(300)) {
      const res = await order(buyer.token);
      if (res.status === 409 && res.body.code === 'ORDER_SOLD_OUT') break;
    }
    const [count] = (await t.dataSource.query('SELECT COUNT(*) AS n FROM orders WHERE campaign_id = ?', [
      campaign.id,
    ])) as Array<{ n: number | string }>;
    expect(Number(count.n)).toBe(100);
    expect(await skuLedger(t, skuId)).toEqual({ stock: 0, reserved: 100, stockSum: 0, reservedSum: 100 });
  });

  it('Redis away: flash-sale orders are refused with 503 and nothing is sold (fails closed)', async () => {
    const { campaign, itemId, skuId } = await raceCampaign(world, { stock: 10, flashSale: true });
    const [buyer] = await manyBuyers(world, 1);
    const gateConnection = (t.app.get(FlashSaleGuard) as unknown as { redis: Redis }).redis;
    gateConnection.disconnect();
    try {
      const before = await orderCounts(t);
      const res = await placeOrder(t, buyer.token, {
        campaignId: campaign.id,
        lines: [{ itemId, quantity: 1 }],
      });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 503,
        code: 'ORDER_FLASH_SALE_BUSY',
      });
      expect(res.body.message).toContain('请稍后再试');
      expect(await orderCounts(t)).toEqual(before);
      expect(await skuLedger(t, skuId)).toMatchObject({ stock: 10, reserved: 0 });
    } finally {
      await gateConnection.connect();
    }
    const after = await placeOrder(t, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId, quantity: 1 }],
    });
    expect(after.status).toBe(201);
  });

  it('after a rebuild the gate still knows what each buyer holds: a cancelled order gives its units back', async () => {
    const { campaign, itemId } = await raceCampaign(world, { stock: 3, flashSale: true });
    const [first, second] = await manyBuyers(world, 2);
    const line = { campaignId: campaign.id, lines: [{ itemId, quantity: 3 }] };
    const placed = await placeOrder(t, first.token, line);
    expect(placed.status).toBe(201);
    // Redis loses the gate; the next order rebuilds it from the database (first holds 3, none left).
    await redis.del(...(await redis.keys(`*fs:{${campaign.id}}*`)));
    const refused = await placeOrder(t, second.token, { ...line, lines: [{ itemId, quantity: 1 }] });
    expect(refused.body.code).toBe('ORDER_SOLD_OUT');
    const cancelled = await t
      .http()
      .post(`/api/app/orders/${placed.body.id}/cancel`)
      .set('Authorization', `Bearer ${first.token}`)
      .send({});
    expect(cancelled.body.status).toBe('cancelled');
    await eventually(
      async () =>
        (await placeOrder(t, second.token, { ...line, lines: [{ itemId, quantity: 3 }] })).status === 201,
    );
  });
});
