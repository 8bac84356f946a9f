import type { Response } from 'superagent';
import type {
  DeliveryRouteView,
  DeliverySheet,
  DemandLine,
  FulfillmentWaveDetail,
  FulfillmentWaveView,
  OrderDetail,
  Paged,
  PickList,
  PickSummary,
  PurchaseListDetail,
  PurchaseListSummary,
} from '@linli/shared-types';
import { FulfillmentClock } from '../../../src/modules/fulfillment/jobs/fulfillment-clock';
import { createTestApp, type TestApp } from '../../support/test-app';
import { openWorkbook } from '../commission/commission-test-kit';
import { dbTime } from '../campaigns/campaigns-test-kit';
import { createProduct, putOnSale, simpleInput, uploadImage } from '../catalog/catalog-test-kit';
import {
  buyerAt,
  leaderToken,
  liveCampaign,
  orderOf,
  ordersWorld,
  payWithSimulator,
  placedOrder,
  skuLedger,
  type OrdersWorld,
} from '../orders/orders-test-kit';
import { bearer } from '../support/modules-test-kit';

/**
 * Cut-off → demand → purchase → pick → ship, on one campaign with a bundle (组合套餐 = 2 × A + 1 × B):
 * 王丽华's point: A×3 and bundle×2; 陈建国's point: A×1 + bundle×1; one unpaid order that stays out.
 */
describe('fulfillment: cut-off, purchase lists, pick lists, routes', () => {
  let t: TestApp;
  let world: OrdersWorld;
  let skuA: number;
  let skuB: number;
  let campaignId: number;
  let paid: Array<{ order: OrderDetail; token: string }>;
  let unpaid: OrderDetail;
  let wave: FulfillmentWaveView;

  const admin = () => bearer(world.admin);
  const get = (path: string) =>
    t
      .http()
      .get(path)
      .set(...admin());

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    world = await ordersWorld(t);
    const image = await uploadImage(t, world.admin);
    const a = await createProduct(t, world.admin, simpleInput('履约测试苹果', [image], 20));
    const b = await createProduct(t, world.admin, simpleInput('履约测试香蕉', [image], 10));
    await putOnSale(t, world.admin, a.id);
    await putOnSale(t, world.admin, b.id);
    skuA = a.skus[0].id;
    skuB = b.skus[0].id;
    const bundle = await createProduct(t, world.admin, {
      kind: 'bundle',
      name: '履约测试果篮',
      imageKeys: [image],
      specDimensions: [],
      skus: [{ specValues: [], price: 2990, cost: 2000, initialStock: 0 }],
      components: [
        { skuId: skuA, quantity: 2 },
        { skuId: skuB, quantity: 1 },
      ],
    });
    await putOnSale(t, world.admin, bundle.id);
    const campaign = await liveCampaign(world, {
      title: '履约测试团',
      items: [
        { skuId: skuA, groupPrice: 500, originalPrice: 800, perMemberLimit: 0, stockCap: null },
        {
          skuId: bundle.skus[0].id,
          groupPrice: 1500,
          originalPrice: 2000,
          perMemberLimit: 0,
          stockCap: null,
        },
      ],
    });
    campaignId = campaign.id;
    const [itemA, itemK] = [campaign.items[0].id, campaign.items[1].id];
    const order = async (leader: string, lines: Array<{ itemId: number; quantity: number }>, pay = true) => {
      const buyer = await buyerAt(world, leader);
      const placed = await placedOrder(t, buyer.token, { campaignId, lines });
      return { order: pay ? await payWithSimulator(t, buyer.token, placed.id) : placed, token: buyer.token };
    };
    paid = [
      await order('王丽华', [{ itemId: itemA, quantity: 3 }]),
      await order('王丽华', [{ itemId: itemK, quantity: 2 }]),
      await order('陈建国', [
        { itemId: itemA, quantity: 1 },
        { itemId: itemK, quantity: 1 },
      ]),
    ];
    unpaid = (await order('陈建国', [{ itemId: itemA, quantity: 1 }], false)).order;
    // 截单 passed a second ago.
    await t.dataSource.query('UPDATE campaigns SET cutoff_at = ? WHERE id = ?', [
      dbTime(Date.now() - 1000),
      campaignId,
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('before the cut-off job nothing is locked and there is no wave', async () => {
    const res = await get(`/api/admin/fulfillment/waves?campaignId=${campaignId}`).expect(200);
    expect((res.body as Paged<FulfillmentWaveView>).total).toBe(0);
  });

  it('the cut-off locks the paid orders only, once, with a system timeline entry', async () => {
    const clock = t.app.get(FulfillmentClock);
    expect(await clock.sweep(new Date())).toEqual({ locked: 3 });
    expect(await clock.sweep(new Date())).toEqual({ locked: 0 });
    for (const { order, token } of paid) {
      const detail = await orderOf(t, token, order.id);
      expect(detail.status).toBe('locked');
      expect(detail.canCancel).toBe(false);
      const locks = detail.timeline.filter((e) => e.type === 'locked');
      expect(locks).toEqual([
        expect.objectContaining({ fromStatus: 'paid', toStatus: 'locked', actorType: 'system' }),
      ]);
    }
    const rows = (await t.dataSource.query('SELECT status FROM orders WHERE id = ?', [unpaid.id])) as Array<{
      status: string;
    }>;
    expect(rows[0].status).toBe('pending_payment');
    const events = (await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE type = 'orders.locked'",
    )) as Array<{
      n: number | string;
    }>;
    expect(Number(events[0].n)).toBe(3);
    const waves = (await get(`/api/admin/fulfillment/waves?campaignId=${campaignId}`).expect(200))
      .body as Paged<FulfillmentWaveView>;
    expect(waves.total).toBe(1);
    wave = waves.items[0];
    expect(wave.counts).toMatchObject({ locked: 3, total: 3 });
  });

  it('refuses the buyer’s cancel of a locked order with 409 ORDER_CANCEL_LOCKED, changing nothing', async () => {
    const { order, token } = paid[0];
    const res = await t
      .http()
      .post(`/api/app/orders/${order.id}/cancel`)
      .set(...bearer(token))
      .send({})
      .expect(409);
    expect(res.body).toMatchObject({ code: 'ORDER_CANCEL_LOCKED', message: expect.stringContaining('截单') });
    expect((await orderOf(t, token, order.id)).status).toBe('locked');
  });

  it('aggregates demand per SKU with the bundle expanded into its components', async () => {
    const demand = (await get(`/api/admin/fulfillment/waves/${wave.id}/demand`).expect(200))
      .body as DemandLine[];
    const bySku = new Map(demand.map((d) => [d.skuId, d]));
    expect(demand).toHaveLength(2);
    expect(bySku.get(skuA)).toMatchObject({
      quantity: 10,
      directQuantity: 4,
      bundleQuantity: 6,
      orderCount: 3,
    });
    expect(bySku.get(skuB)).toMatchObject({
      quantity: 3,
      directQuantity: 0,
      bundleQuantity: 3,
      orderCount: 2,
    });
  });

  it('purchase lists buy demand − stock; adjust, order and receive book stock through the ledger once', async () => {
    const stockA = (await skuLedger(t, skuA)).stock;
    const stockB = (await skuLedger(t, skuB)).stock;
    expect(stockA).toBe(20 - 10 - 1); // the unpaid order still holds one
    const lists = (
      await t
        .http()
        .post(`/api/admin/fulfillment/waves/${wave.id}/purchase-lists`)
        .set(...admin())
        .expect(200)
    ).body as PurchaseListSummary[];
    const again = (
      await t
        .http()
        .post(`/api/admin/fulfillment/waves/${wave.id}/purchase-lists`)
        .set(...admin())
        .expect(200)
    ).body as PurchaseListSummary[];
    expect(again).toEqual(lists);
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ supplierId: null, supplierName: '未指定供应商', status: 'draft' });
    const detail = (await get(`/api/admin/fulfillment/purchase-lists/${lists[0].id}`).expect(200))
      .body as PurchaseListDetail;
    // A: 10 needed, 9 in stock → 1; B: 3 needed, 7 in stock → nothing to buy.
    expect(stockB).toBeGreaterThanOrEqual(3);
    expect(detail.lines).toEqual([
      expect.objectContaining({
        skuId: skuA,
        demandQuantity: 10,
        stockQuantity: stockA,
        suggestedQuantity: 1,
        quantity: 1,
        unitCost: 600,
      }),
    ]);
    expect(detail.totalAmount).toBe(600);

    const bad = await t
      .http()
      .put(`/api/admin/fulfillment/purchase-lists/${lists[0].id}/lines`)
      .set(...admin())
      .send({ lines: [{ skuId: skuB, quantity: 3 }] })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const adjusted = (
      await t
        .http()
        .put(`/api/admin/fulfillment/purchase-lists/${lists[0].id}/lines`)
        .set(...admin())
        .send({ lines: [{ skuId: skuA, quantity: 5 }] })
        .expect(200)
    ).body as PurchaseListDetail;
    expect(adjusted).toMatchObject({ totalQuantity: 5, totalAmount: 3000 });
    await t
      .http()
      .post(`/api/admin/fulfillment/purchase-lists/${lists[0].id}/mark-ordered`)
      .set(...admin())
      .expect(200);
    const locked = await t
      .http()
      .put(`/api/admin/fulfillment/purchase-lists/${lists[0].id}/lines`)
      .set(...admin())
      .send({ lines: [{ skuId: skuA, quantity: 6 }] })
      .expect(409);
    expect(locked.body).toMatchObject({ code: 'FULFILLMENT_PURCHASE_LIST_STATUS' });
    const received = (
      await t
        .http()
        .post(`/api/admin/fulfillment/purchase-lists/${lists[0].id}/receive`)
        .set(...admin())
        .send({})
        .expect(200)
    ).body as PurchaseListDetail;
    expect(received.status).toBe('received');
    expect(received.lines[0].receivedQuantity).toBe(5);
    await t
      .http()
      .post(`/api/admin/fulfillment/purchase-lists/${lists[0].id}/receive`)
      .set(...admin())
      .send({})
      .expect(200);
    const ledger = await skuLedger(t, skuA);
    expect(ledger.stock).toBe(stockA + 5);
    expect(ledger.stockSum).toBe(ledger.stock);
    expect(ledger.reservedSum).toBe(ledger.reserved);
    const inbound = (await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM stock_movements WHERE request_key LIKE 'purchase:%'",
    )) as Array<{
      n: number | string;
    }>;
    expect(Number(inbound[0].n)).toBe(1);
  });

  it('pick lists per point add up to their orders; the summary adds up to the wave', async () => {
    const lists = (await get(`/api/admin/fulfillment/waves/${wave.id}/pick-lists`).expect(200))
      .body as PickList[];
    expect(lists).toHaveLength(2);
    const wang = lists.find((l) => l.leaderName === '王丽华')!;
    const chen = lists.find((l) => l.leaderName === '陈建国')!;
    const qty = (list: PickList, skuId: number) => list.lines.find((l) => l.skuId === skuId)?.quantity ?? 0;
    expect([qty(wang, skuA), qty(wang, skuB), wang.orderCount, wang.totalQuantity]).toEqual([7, 2, 2, 9]);
    expect([qty(chen, skuA), qty(chen, skuB), chen.orderCount, chen.totalQuantity]).toEqual([3, 1, 1, 4]);
    for (const list of lists) {
      for (const line of list.lines)
        expect(line.orders.reduce((s, o) => s + o.quantity, 0)).toBe(line.quantity);
    }
    const one = (await get(`/api/admin/fulfillment/waves/${wave.id}/pick-lists/${chen.leaderId}`).expect(200))
      .body as PickList;
    expect(one.lines).toEqual(chen.lines);
    const summary = (await get(`/api/admin/fulfillment/waves/${wave.id}/pick-summary`).expect(200))
      .body as PickSummary;
    expect(summary).toMatchObject({ pointCount: 2, orderCount: 3, totalQuantity: 13 });
    expect(summary.lines.find((l) => l.skuId === skuA)?.quantity).toBe(10);
    const none = await get(`/api/admin/fulfillment/waves/${wave.id}/pick-lists/999999`).expect(404);
    expect(none.body).toMatchObject({ code: 'FULFILLMENT_PICK_LIST_NOT_FOUND' });
  });

  it('a route’s delivery sheet lists its stops in order; shipping moves its locked orders once', async () => {
    const wangId = world.leaders['王丽华'].id;
    const chenId = world.leaders['陈建国'].id;
    const route = (
      await t
        .http()
        .post('/api/admin/fulfillment/routes')
        .set(...admin())
        .send({
          name: '东线',
          driverName: '老周',
          driverPhone: '13900001111',
          vehicle: '沪A·12345',
          stops: [chenId, wangId],
        })
        .expect(201)
    ).body as DeliveryRouteView;
    expect(route.stops.map((s) => s.leaderId)).toEqual([chenId, wangId]);
    const clash = await t
      .http()
      .post('/api/admin/fulfillment/routes')
      .set(...admin())
      .send({ name: '西线', driverName: '老李', driverPhone: '13900002222', stops: [wangId] })
      .expect(409);
    expect(clash.body).toMatchObject({ code: 'FULFILLMENT_STOP_ON_OTHER_ROUTE' });

    const sheet = (
      await get(`/api/admin/fulfillment/waves/${wave.id}/routes/${route.id}/delivery-sheet`).expect(200)
    ).body as DeliverySheet;
    expect(sheet.stops.map((s) => [s.seq, s.leaderId, s.orderCount, s.totalQuantity])).toEqual([
      [1, chenId, 1, 4],
      [2, wangId, 2, 9],
    ]);
    expect(sheet).toMatchObject({ orderCount: 3, totalQuantity: 13, shippedAt: null });
    expect(sheet.stops[0].leaderName).toBe('陈建国');

    const shipped = await t
      .http()
      .post(`/api/admin/fulfillment/waves/${wave.id}/routes/${route.id}/ship`)
      .set(...admin())
      .expect(200);
    expect(shipped.body).toMatchObject({ shipped: 3 });
    const repeat = await t
      .http()
      .post(`/api/admin/fulfillment/waves/${wave.id}/routes/${route.id}/ship`)
      .set(...admin())
      .expect(200);
    expect(repeat.body).toMatchObject({ shipped: 0 });
    for (const { order, token } of paid) {
      const detail = await orderOf(t, token, order.id);
      expect(detail.status).toBe('shipped');
      expect(detail.timeline.filter((e) => e.type === 'shipped')).toHaveLength(1);
    }
    const board = (await get(`/api/admin/fulfillment/waves/${wave.id}`).expect(200))
      .body as FulfillmentWaveDetail;
    expect(board.counts).toMatchObject({ locked: 0, shipped: 3, total: 3 });
    expect(board.routes).toEqual([
      expect.objectContaining({ routeId: route.id, orderCount: 3, lockedCount: 0 }),
    ]);
    expect(board.unroutedPoints).toEqual([]);

    // The leader's 确认到货 still works on shipped orders.
    const leader = await leaderToken(world, '陈建国');
    const arrive = await t
      .http()
      .post('/api/app/leader/pickups/arrive')
      .set(...bearer(leader))
      .send({ campaignId })
      .expect(200);
    expect(arrive.body).toEqual({ updated: 1 });
    expect((await orderOf(t, paid[2].token, paid[2].order.id)).status).toBe('ready_for_pickup');
  });

  it('downloads purchase lists, pick lists and delivery sheets as Excel files that open', async () => {
    const routes = (await get('/api/admin/fulfillment/routes').expect(200)).body as DeliveryRouteView[];
    const lists = (await get(`/api/admin/fulfillment/waves/${wave.id}/purchase-lists`).expect(200))
      .body as PurchaseListSummary[];
    const downloads = [
      `/api/admin/fulfillment/purchase-lists/${lists[0].id}?format=xlsx`,
      `/api/admin/fulfillment/waves/${wave.id}/pick-lists?format=xlsx`,
      `/api/admin/fulfillment/waves/${wave.id}/pick-lists/${world.leaders['王丽华'].id}?format=xlsx`,
      `/api/admin/fulfillment/waves/${wave.id}/pick-summary?format=xlsx`,
      `/api/admin/fulfillment/waves/${wave.id}/routes/${routes[0].id}/delivery-sheet?format=xlsx`,
    ];
    for (const url of downloads) {
      const res = await get(url).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const workbook = await openWorkbook(res.body as Buffer);
      expect(workbook.worksheets.length).toBeGreaterThan(0);
      expect(workbook.worksheets[0].rowCount).toBeGreaterThan(2);
    }
  });
});

function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
