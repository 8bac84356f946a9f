import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type {
  CampaignDetail,
  CampaignInput,
  CreateOrderRequest,
  OrderDetail,
  PayOrderResponse,
} from '@linli/shared-types';
import type { TestApp } from '../../support/test-app';
import {
  campaignAction,
  campaignInput,
  createCampaign,
  sellableSkus,
  type SeededSku,
} from '../campaigns/campaigns-test-kit';
import { createProduct, putOnSale, simpleInput, uploadImage } from '../catalog/catalog-test-kit';
import { devLogin, seededLeaders } from '../members/members-test-kit';
import { bearer, countRows, loginAsAdmin, seedDemo } from '../support/modules-test-kit';

export interface OrdersWorld {
  t: TestApp;
  admin: string;
  skus: SeededSku[];
  leaders: Awaited<ReturnType<typeof seededLeaders>>;
}

/** The demo data plus an admin token: the world most order tests start from. */
export async function ordersWorld(t: TestApp): Promise<OrdersWorld> {
  await seedDemo(t);
  const admin = (await loginAsAdmin(t)).accessToken;
  return { t, admin, skus: await sellableSkus(t), leaders: await seededLeaders(t) };
}

const MINUTE = 60_000;

/** A campaign that is live now (started a minute ago), for everyone unless the overrides say otherwise. */
export async function liveCampaign(
  world: OrdersWorld,
  overrides: Partial<CampaignInput> = {},
): Promise<CampaignDetail> {
  const now = Date.now();
  const input = campaignInput(world.skus, {
    startAt: new Date(now + 2000).toISOString(),
    cutoffAt: new Date(now + 120 * MINUTE).toISOString(),
    endAt: new Date(now + 180 * MINUTE).toISOString(),
    pickupDate: new Date(now + 24 * 60 * MINUTE).toISOString().slice(0, 10),
    ...overrides,
  });
  const draft = await createCampaign(world.t, world.admin, input);
  // Move the start into the past directly (creating with a past start is refused), then schedule: live at once.
  await world.t.dataSource.query('UPDATE campaigns SET start_at = ? WHERE id = ?', [
    dbTime(now - MINUTE),
    draft.id,
  ]);
  const live = await campaignAction(world.t, world.admin, draft.id, 'schedule');
  if (live.status !== 'live') throw new Error(`campaign ${draft.id} is ${live.status}, expected live`);
  return live;
}

function dbTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** A buyer bound to the named demo leader (created directly: login rate limits stay out of the way). */
export async function buyerAt(world: OrdersWorld, leaderName = '王丽华') {
  const [buyer] = await manyBuyers(world, 1, leaderName);
  return { ...buyer, leaderId: world.leaders[leaderName].id };
}

export function placeOrder(t: TestApp, token: string, body: CreateOrderRequest, key: string = randomUUID()) {
  return t
    .http()
    .post('/api/app/orders')
    .set(...bearer(token))
    .set('Idempotency-Key', key)
    .send(body);
}

export async function placedOrder(t: TestApp, token: string, body: CreateOrderRequest): Promise<OrderDetail> {
  const res = await placeOrder(t, token, body);
  if (res.status !== 201) throw new Error(`place order: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as OrderDetail;
}

/** Pays an order through the simulator: prepay, then the simulated notification through the real pipeline. */
export async function payWithSimulator(t: TestApp, token: string, orderId: number): Promise<OrderDetail> {
  const pay = await t
    .http()
    .post(`/api/app/orders/${orderId}/pay`)
    .set(...bearer(token));
  if (pay.status !== 200) throw new Error(`pay ${orderId}: ${pay.status} ${JSON.stringify(pay.body)}`);
  const { outTradeNo } = pay.body as PayOrderResponse;
  const res = await t
    .http()
    .post(`/api/app/payments/simulator/${outTradeNo}/pay`)
    .set(...bearer(token));
  if (res.status !== 200)
    throw new Error(`simulated pay ${orderId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as OrderDetail;
}

export async function orderOf(t: TestApp, token: string, orderId: number): Promise<OrderDetail> {
  const res = await t
    .http()
    .get(`/api/app/orders/${orderId}`)
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`order ${orderId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as OrderDetail;
}

/** A leader's member token (through the dev login of the leader's own openid). */
export async function leaderToken(world: OrdersWorld, leaderName = '王丽华'): Promise<string> {
  const rows = (await world.t.dataSource.query(
    'SELECT m.openid AS openid FROM leaders l JOIN members m ON m.id = l.member_id WHERE l.name = ?',
    [leaderName],
  )) as Array<{ openid: string }>;
  // Dev-login openids are stored with the `dev:` prefix; the login takes them without it.
  return (await devLogin(world.t, rows[0].openid.replace(/^dev:/, ''))).accessToken;
}

/** Row counts of the tables an order write touches (a refused request must leave them unchanged). */
export async function orderCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'orders',
    'order_lines',
    'order_events',
    'stock_movements',
    'outbox_events',
    'payments',
    'refunds',
  ]) {
    counts[table] = await countRows(t, table);
  }
  return counts;
}

/** Stock, reserved and sold counters of SKUs and campaign items, for before/after comparisons. */
export async function counters(t: TestApp, campaignId: number) {
  const items = (await t.dataSource.query(
    'SELECT ci.id AS id, ci.sold_quantity AS sold, s.stock AS stock, s.reserved AS reserved FROM campaign_items ci JOIN skus s ON s.id = ci.sku_id WHERE ci.campaign_id = ? ORDER BY ci.id',
    [campaignId],
  )) as Array<Record<string, number | string>>;
  return items.map((r) => ({
    id: Number(r.id),
    sold: Number(r.sold),
    stock: Number(r.stock),
    reserved: Number(r.reserved),
  }));
}

/**
 * `count` buyers bound to a leader, created in one INSERT and given access tokens directly (the dev
 * login one by one would dominate a race test's run time).
 */
export async function manyBuyers(
  world: OrdersWorld,
  count: number,
  leaderName = '王丽华',
): Promise<Array<{ memberId: number; token: string }>> {
  const { t } = world;
  const leaderId = world.leaders[leaderName].id;
  const tag = randomUUID().slice(0, 8);
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const values = Array.from({ length: count }, (_, i) => [
    `race-${tag}-${i}`,
    `抢购者${i}`,
    leaderId,
    'share_card',
    leaderId,
    now,
  ]);
  for (let start = 0; start < values.length; start += 500) {
    const chunk = values.slice(start, start + 500);
    await t.dataSource.query(
      `INSERT INTO members (openid, nickname, current_leader_id, channel, first_leader_id, attributed_at) VALUES ${chunk
        .map(() => '(?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
      chunk.flat(),
    );
  }
  const rows = (await t.dataSource.query('SELECT id FROM members WHERE openid LIKE ? ORDER BY id', [
    `race-${tag}-%`,
  ])) as Array<{
    id: number | string;
  }>;
  const jwt = t.app.get(JwtService, { strict: false });
  return Promise.all(
    rows.map(async (r) => ({
      memberId: Number(r.id),
      token: await jwt.signAsync(
        { sub: String(r.id), kind: 'member' },
        { secret: t.config.jwt.secret, expiresIn: 3600, algorithm: 'HS256' },
      ),
    })),
  );
}

/**
 * A live campaign of one new SKU holding exactly `stock` units (a product made for the race, so the
 * end state is exact: stock 0 after a sell-out), optionally a flash sale, a limit, a campaign cap.
 */
export async function raceCampaign(
  world: OrdersWorld,
  options: { stock: number; flashSale?: boolean; perMemberLimit?: number; stockCap?: number | null },
): Promise<{ campaign: CampaignDetail; skuId: number; itemId: number }> {
  const { t, admin } = world;
  const image = await uploadImage(t, admin);
  const product = await createProduct(
    t,
    admin,
    simpleInput(`抢购商品 ${randomUUID().slice(0, 6)}`, [image], options.stock),
  );
  await putOnSale(t, admin, product.id);
  const skuId = product.skus[0].id;
  const campaign = await liveCampaign(world, {
    title: options.flashSale ? '整点秒杀' : '限量团购',
    flashSale: options.flashSale ?? false,
    items: [
      {
        skuId,
        groupPrice: 990,
        originalPrice: 1000,
        perMemberLimit: options.perMemberLimit ?? 0,
        stockCap: options.stockCap ?? null,
      },
    ],
  });
  return { campaign, skuId, itemId: campaign.items[0].id };
}

/** A SKU's counters and what its ledger adds up to. */
export async function skuLedger(t: TestApp, skuId: number) {
  const [row] = (await t.dataSource.query(
    `SELECT s.stock, s.reserved, COALESCE(SUM(m.stock_delta), 0) AS stock_sum, COALESCE(SUM(m.reserved_delta), 0) AS reserved_sum
       FROM skus s LEFT JOIN stock_movements m ON m.sku_id = s.id WHERE s.id = ? GROUP BY s.id, s.stock, s.reserved`,
    [skuId],
  )) as Array<Record<string, number | string>>;
  return {
    stock: Number(row.stock),
    reserved: Number(row.reserved),
    stockSum: Number(row.stock_sum),
    reservedSum: Number(row.reserved_sum),
  };
}
