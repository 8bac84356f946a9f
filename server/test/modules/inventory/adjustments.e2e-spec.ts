import type {
  InventorySkuView,
  ProductDetail,
  StockAdjustmentResult,
  StockMovementView,
} from '@linli/shared-types';
import { InventoryService } from '../../../src/modules/inventory';
import { StockLedger } from '../../../src/modules/inventory/stock-ledger';
import { systemContext, TransactionRunner } from '../../../src/platform';
import type { TestApp } from '../../support/test-app';
import {
  catalogTestApp,
  createProduct,
  expectLedgerBalanced,
  ledgerCheck,
  lycheeInput,
  putOnSale,
  simpleInput,
  uploadImage,
  writeCounts,
} from '../catalog/catalog-test-kit';
import { bearer, createStaffAndLogin } from '../support/modules-test-kit';

describe('stock adjustments and the movement ledger', () => {
  let t: TestApp;
  let token: string;
  let image: string;

  beforeAll(async () => {
    ({ t, adminToken: token } = await catalogTestApp());
    image = await uploadImage(t, token);
  });
  afterAll(() => t.close());

  const adjust = (body: object) =>
    t
      .http()
      .post('/api/admin/inventory/adjustments')
      .set(...bearer(token))
      .send(body);
  const stockOf = async (skuId: number) =>
    (await t.dataSource.query(`SELECT stock, reserved FROM skus WHERE id = ${skuId}`))[0] as {
      stock: number;
      reserved: number;
    };
  const orders = (
    kind: 'reserve' | 'release' | 'sale' | 'returnGoods',
    lines: Array<{ skuId: number; quantity: number }>,
    key: string,
  ) =>
    t.app.get(TransactionRunner).run((m) => {
      const inventory = t.app.get(InventoryService);
      return inventory[kind](m, systemContext('test-orders'), { lines, orderId: 42, requestKey: key });
    });

  it('keeps SUM(deltas) = stock and reserved for every SKU through every kind of movement', async () => {
    const product = await createProduct(t, token, lycheeInput([image]));
    const [a, b] = product.skus;
    const inbound = (await adjust({ skuId: a.id, kind: 'inbound', quantity: 15, reason: '到货' }).expect(201))
      .body as StockAdjustmentResult;
    expect(inbound.movement).toMatchObject({
      kind: 'inbound',
      stockDelta: 15,
      stockAfter: 25,
      actorType: 'staff',
      actorName: '系统管理员',
      reason: '到货',
    });
    expect(inbound.sku).toMatchObject({
      skuId: a.id,
      stock: 25,
      productName: '妃子笑荔枝',
      specText: '5斤装 / 海南',
    });
    await adjust({ skuId: a.id, kind: 'damage', quantity: 3, reason: '压坏' }).expect(201);
    const count = (await adjust({ skuId: b.id, kind: 'count', quantity: 17, reason: '月末盘点' }).expect(201))
      .body as StockAdjustmentResult;
    expect(count.movement).toMatchObject({ kind: 'count', stockDelta: -3, stockAfter: 17 });
    await adjust({ skuId: b.id, kind: 'count', quantity: 17, reason: '复盘' }).expect(201); // 0 difference is still recorded
    await orders(
      'reserve',
      [
        { skuId: a.id, quantity: 4 },
        { skuId: b.id, quantity: 2 },
      ],
      'order:1:reserve',
    );
    await orders('release', [{ skuId: b.id, quantity: 2 }], 'order:1:release');
    await orders('sale', [{ skuId: a.id, quantity: 4 }], 'order:1:sale');
    await orders('returnGoods', [{ skuId: a.id, quantity: 1 }], 'order:1:return');
    await adjust({ skuId: a.id, kind: 'return', quantity: 2, reason: '顾客退回' }).expect(201);

    expect(await stockOf(a.id)).toEqual({ stock: 25 - 3 - 4 + 1 + 2, reserved: 0 });
    expect(await stockOf(b.id)).toEqual({ stock: 17, reserved: 0 });
    expectLedgerBalanced(await ledgerCheck(t));

    const history = await t
      .http()
      .get(`/api/admin/inventory/movements?skuId=${a.id}`)
      .set(...bearer(token))
      .expect(200);
    const kinds = (history.body.items as StockMovementView[]).map((m) => m.kind);
    expect(kinds).toEqual(['return', 'return', 'sale', 'reserve', 'damage', 'inbound', 'inbound']);
    const sale = (history.body.items as StockMovementView[]).find((m) => m.kind === 'sale');
    expect(sale).toMatchObject({
      orderId: 42,
      stockDelta: 0,
      reservedDelta: -4,
      actorType: 'system',
      actorName: '系统',
    });
    const byProduct = await t
      .http()
      .get(`/api/admin/inventory/movements?productId=${product.id}&kind=count`)
      .set(...bearer(token))
      .expect(200);
    expect(byProduct.body.total).toBe(2);
  });

  it('refuses damage beyond the sellable stock and changes nothing', async () => {
    const product = await createProduct(t, token, simpleInput('报损测试', [image], 5));
    const skuId = product.skus[0].id;
    const before = await writeCounts(t);
    const res = await adjust({ skuId, kind: 'damage', quantity: 6, reason: '全坏了' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVENTORY_INSUFFICIENT_STOCK');
    expect(await writeCounts(t)).toEqual(before);
    expect(await stockOf(skuId)).toEqual({ stock: 5, reserved: 0 });
    expect((await adjust({ skuId, kind: 'damage', quantity: 0, reason: 'x' })).status).toBe(400);
    expect((await adjust({ skuId, kind: 'inbound', quantity: 1, reason: '  ' })).status).toBe(400);
    expect((await adjust({ skuId: 999999, kind: 'inbound', quantity: 1, reason: '到货' })).status).toBe(404);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('returns the first result for a retried requestId and books it once', async () => {
    const product = await createProduct(t, token, simpleInput('幂等测试', [image], 10));
    const skuId = product.skus[0].id;
    const body = { skuId, kind: 'inbound', quantity: 7, reason: '到货', requestId: 'retry-1' };
    const first = (await adjust(body).expect(201)).body as StockAdjustmentResult;
    const again = (await adjust(body).expect(201)).body as StockAdjustmentResult;
    expect(again.movement.id).toBe(first.movement.id);
    expect(await stockOf(skuId)).toEqual({ stock: 17, reserved: 0 });
    const parallel = await Promise.all([1, 2, 3].map(() => adjust({ ...body, requestId: 'retry-2' })));
    expect(parallel.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(parallel.map((r) => (r.body as StockAdjustmentResult).movement.id)).size).toBe(1);
    expect(await stockOf(skuId)).toEqual({ stock: 24, reserved: 0 });
  });

  it('reserves orders all-or-nothing, expands bundles and is idempotent per requestKey', async () => {
    const eggs = await createProduct(t, token, simpleInput('鸡蛋', [image], 10));
    const tomato = await createProduct(t, token, simpleInput('番茄', [image], 3));
    await putOnSale(t, token, eggs.id);
    await putOnSale(t, token, tomato.id);
    const bundle = (
      await t
        .http()
        .post('/api/admin/products')
        .set(...bearer(token))
        .send({
          kind: 'bundle',
          name: '早餐组合',
          imageKeys: [image],
          specDimensions: [],
          skus: [{ specValues: [], price: 2990, cost: 2000 }],
          components: [
            { skuId: eggs.skus[0].id, quantity: 2 },
            { skuId: tomato.skus[0].id, quantity: 1 },
          ],
        })
        .expect(201)
    ).body as ProductDetail;
    const bundleSku = bundle.skus[0].id;
    const reserved = await orders(
      'reserve',
      [
        { skuId: bundleSku, quantity: 2 },
        { skuId: eggs.skus[0].id, quantity: 1 },
      ],
      'order:7:reserve',
    );
    // The stocked lines it booked, for the orders module to keep: the bundle is expanded.
    expect(reserved).toEqual([
      { skuId: eggs.skus[0].id, quantity: 5 },
      { skuId: tomato.skus[0].id, quantity: 2 },
    ]);
    expect(await stockOf(eggs.skus[0].id)).toEqual({ stock: 5, reserved: 5 });
    expect(await stockOf(tomato.skus[0].id)).toEqual({ stock: 1, reserved: 2 });
    const retried = await orders(
      'reserve',
      [
        { skuId: bundleSku, quantity: 2 },
        { skuId: eggs.skus[0].id, quantity: 1 },
      ],
      'order:7:reserve',
    );
    expect(retried).toEqual(reserved);
    expect(await stockOf(eggs.skus[0].id)).toEqual({ stock: 5, reserved: 5 });

    // Two more bundles need 2 tomatoes: refused as a whole, the eggs stay untouched.
    const before = await writeCounts(t);
    await expect(
      orders('reserve', [{ skuId: bundleSku, quantity: 2 }], 'order:8:reserve'),
    ).rejects.toMatchObject({
      code: 'INVENTORY_INSUFFICIENT_STOCK',
      status: 409,
    });
    expect(await writeCounts(t)).toEqual(before);
    expect(await stockOf(eggs.skus[0].id)).toEqual({ stock: 5, reserved: 5 });
    await orders('release', [{ skuId: bundleSku, quantity: 2 }], 'order:7:release');
    expect(await stockOf(tomato.skus[0].id)).toEqual({ stock: 3, reserved: 0 });
    expectLedgerBalanced(await ledgerCheck(t));
  });

  it('keys order movements per kind: the same order key reserves and then releases', async () => {
    const skuId = (await createProduct(t, token, simpleInput('同键下单', [image], 10))).skus[0].id;
    await orders('reserve', [{ skuId, quantity: 4 }], 'order:900');
    await orders('release', [{ skuId, quantity: 4 }], 'order:900');
    expect(await stockOf(skuId)).toEqual({ stock: 10, reserved: 0 });
    await orders('release', [{ skuId, quantity: 4 }], 'order:900'); // a retry books nothing
    // A key that merely starts like another one is a different request.
    await orders('reserve', [{ skuId, quantity: 1 }], 'order:900:2');
    expect(await stockOf(skuId)).toEqual({ stock: 9, reserved: 1 });
    const keys = (await t.dataSource.query(
      `SELECT request_key FROM stock_movements WHERE sku_id = ${skuId} AND request_key IS NOT NULL ORDER BY id`,
    )) as Array<{ request_key: string }>;
    expect(keys.map((k) => k.request_key)).toEqual([
      `reserve:order:900:${skuId}`,
      `release:order:900:${skuId}`,
      `reserve:order:900:2:${skuId}`,
    ]);
    await expect(orders('reserve', [{ skuId, quantity: 1 }], 'x'.repeat(90))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
    });
    expectLedgerBalanced(await ledgerCheck(t));
  });

  it('turns a concurrent duplicate of an order movement into 409 CONFLICT, not a 500', async () => {
    const skuId = (await createProduct(t, token, simpleInput('并发重复', [image], 10))).skus[0].id;
    const duplicate = Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' });
    const spy = jest.spyOn(StockLedger.prototype, 'apply').mockRejectedValueOnce(duplicate);
    try {
      await expect(orders('reserve', [{ skuId, quantity: 1 }], 'order:901')).rejects.toMatchObject({
        code: 'CONFLICT',
        status: 409,
      });
    } finally {
      spy.mockRestore();
    }
    expect(await stockOf(skuId)).toEqual({ stock: 10, reserved: 0 });
  });

  it('keys requestIds per staff member and refuses a reused one with a different body', async () => {
    const skuId = (await createProduct(t, token, simpleInput('幂等键', [image], 10))).skus[0].id;
    const body = { skuId, kind: 'inbound', quantity: 3, reason: '到货', requestId: 'shared-1' };
    const first = (await adjust(body).expect(201)).body as StockAdjustmentResult;
    for (const changed of [{ quantity: 4 }, { kind: 'damage' }, { kind: 'count', quantity: 3 }]) {
      const res = await adjust({ ...body, ...changed }).expect(409);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    }
    const again = (await adjust(body).expect(201)).body as StockAdjustmentResult;
    expect(again.movement.id).toBe(first.movement.id);
    // Another staff member's request with the same id is a request of its own.
    const keeper = (await createStaffAndLogin(t, token, ['warehouse'])).session.accessToken;
    await t
      .http()
      .post('/api/admin/inventory/adjustments')
      .set(...bearer(keeper))
      .send(body)
      .expect(201);
    expect(await stockOf(skuId)).toEqual({ stock: 16, reserved: 0 });
  });

  it('reports reason problems under reason and refuses oversized quantities and stock', async () => {
    const skuId = (await createProduct(t, token, simpleInput('上限', [image], 10))).skus[0].id;
    const blank = await adjust({ skuId, kind: 'inbound', quantity: 1, reason: '   ' }).expect(400);
    expect(blank.body.fields).toEqual([{ field: 'reason', errors: ['原因需为 1–200 个字'] }]);
    const huge = await adjust({ skuId, kind: 'inbound', quantity: 1_000_001, reason: '到货' }).expect(400);
    expect(huge.body.fields.map((f: { field: string }) => f.field)).toEqual(['quantity']);
    await t
      .http()
      .patch(`/api/admin/inventory/skus/${skuId}/threshold`)
      .set(...bearer(token))
      .send({ lowStockThreshold: 1_000_001 })
      .expect(400);

    // Booked through the ledger (not a raw UPDATE) so the ledger still sums to the stock.
    await t.app
      .get(TransactionRunner)
      .run((m) =>
        t.app.get(InventoryService).bookInitialStock(m, systemContext('test'), skuId, 1_999_999_490),
      );
    const before = await writeCounts(t);
    const over = await adjust({ skuId, kind: 'inbound', quantity: 1000, reason: '到货' }).expect(409);
    expect(over.body.code).toBe('INVENTORY_STOCK_LIMIT');
    expect(await writeCounts(t)).toEqual(before);
    expect(await stockOf(skuId)).toEqual({ stock: 1999999500, reserved: 0 });
    await adjust({ skuId, kind: 'inbound', quantity: 500, reason: '到货' }).expect(201);
    await adjust({ skuId, kind: 'damage', quantity: 1, reason: '坏' }).expect(201);
    expectLedgerBalanced(await ledgerCheck(t));
  });

  it('publishes inventory.low_stock once per crossing of the threshold', async () => {
    const product = await createProduct(t, token, simpleInput('低库存', [image], 10)); // threshold 5
    const skuId = product.skus[0].id;
    const events = async () =>
      (await t.dataSource.query(
        `SELECT payload FROM outbox_events WHERE type = 'inventory.low_stock'`,
      )) as Array<{ payload: string }>;
    const mine = async () =>
      (await events()).map((e) => JSON.parse(e.payload)).filter((p) => p.skuId === skuId);
    await adjust({ skuId, kind: 'damage', quantity: 4, reason: '坏' }).expect(201); // 6: above
    expect(await mine()).toHaveLength(0);
    await adjust({ skuId, kind: 'damage', quantity: 1, reason: '坏' }).expect(201); // 5: crosses
    await adjust({ skuId, kind: 'damage', quantity: 2, reason: '坏' }).expect(201); // 3: still low
    const first = await mine();
    expect(first).toEqual([
      expect.objectContaining({
        skuId,
        productId: product.id,
        productName: '低库存',
        specText: '默认',
        stock: 5,
        lowStockThreshold: 5,
      }),
    ]);
    await adjust({ skuId, kind: 'inbound', quantity: 10, reason: '补货' }).expect(201); // 13: back above
    await adjust({ skuId, kind: 'count', quantity: 0, reason: '盘点' }).expect(201); // 0: crosses again
    expect((await mine()).map((p) => p.stock)).toEqual([5, 0]);
  });

  it('lists the stock table, the low-stock list, and changes a threshold', async () => {
    const product = await createProduct(t, token, simpleInput('库存表', [image], 4)); // threshold 5: low
    const skuId = product.skus[0].id;
    const low = await t
      .http()
      .get('/api/admin/inventory/skus?lowStock=true&pageSize=100')
      .set(...bearer(token))
      .expect(200);
    const lowItems = low.body.items as InventorySkuView[];
    expect(lowItems.every((i) => i.isLowStock)).toBe(true);
    expect(lowItems.map((i) => i.stock)).toEqual([...lowItems.map((i) => i.stock)].sort((x, y) => x - y));
    expect(lowItems.find((i) => i.skuId === skuId)).toMatchObject({
      stock: 4,
      stockValue: 4 * 600,
      productName: '库存表',
    });

    const changed = await t
      .http()
      .patch(`/api/admin/inventory/skus/${skuId}/threshold`)
      .set(...bearer(token))
      .send({ lowStockThreshold: 2 })
      .expect(200);
    expect(changed.body).toMatchObject({ lowStockThreshold: 2, isLowStock: false });
    const after = await t
      .http()
      .get('/api/admin/inventory/skus?lowStock=true&pageSize=100')
      .set(...bearer(token))
      .expect(200);
    expect((after.body.items as InventorySkuView[]).some((i) => i.skuId === skuId)).toBe(false);
    const search = await t
      .http()
      .get('/api/admin/inventory/skus?keyword=库存表')
      .set(...bearer(token))
      .expect(200);
    expect(search.body.total).toBe(1);
    await t
      .http()
      .patch('/api/admin/inventory/skus/999999/threshold')
      .set(...bearer(token))
      .send({ lowStockThreshold: 2 })
      .expect(404);
  });
});
