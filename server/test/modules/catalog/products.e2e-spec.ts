import type { ProductDetail, ProductInput, ProductListItem, SkuPickerItem } from '@linli/shared-types';
import { Repository, type ObjectLiteral } from 'typeorm';
import { CatalogService } from '../../../src/modules/catalog';
import { SkuEntity } from '../../../src/modules/catalog/persistence/sku.entity';
import { InventoryService } from '../../../src/modules/inventory';
import { systemContext, TransactionRunner } from '../../../src/platform';
import type { TestApp } from '../../support/test-app';
import { bearer, createStaffAndLogin } from '../support/modules-test-kit';
import {
  catalogTestApp,
  createProduct,
  expectLedgerBalanced,
  ledgerCheck,
  lycheeInput,
  putOnSale,
  uploadImage,
  writeCounts,
} from './catalog-test-kit';

describe('products with a SKU matrix (/api/admin/products)', () => {
  let t: TestApp;
  let token: string;
  let image: string;

  beforeAll(async () => {
    ({ t, adminToken: token } = await catalogTestApp());
    image = await uploadImage(t, token);
  });
  afterAll(() => t.close());

  const http = () => t.http();
  const put = (id: number, body: object, as = token) =>
    http()
      .put(`/api/admin/products/${id}`)
      .set(...bearer(as))
      .send(body);
  const countTo = (skuId: number, quantity: number) =>
    http()
      .post('/api/admin/inventory/adjustments')
      .set(...bearer(token))
      .send({ skuId, kind: 'count', quantity, reason: '清点' })
      .expect(201);
  /** lycheeInput with 产地 海南/云南 instead of 海南/广西: drops the two 广西 SKUs, adds two 云南 ones. */
  const withoutGuangxi = (initialStock = 7): ProductInput => {
    const edit = lycheeInput([image]);
    edit.specDimensions[1].values = ['海南', '云南'];
    edit.skus = edit.skus
      .filter((s) => s.specValues[1] !== '广西')
      .concat(
        ['5斤装', '10斤装'].map((size) => ({
          specValues: [size, '云南'],
          price: 6600,
          cost: 4000,
          initialStock,
        })),
      );
    return edit;
  };

  it('creates 规格 × 产地 as four SKUs in matrix order, initial stock booked as 入库 初始库存', async () => {
    const product = await createProduct(t, token, lycheeInput([image]));
    expect(product).toMatchObject({
      status: 'draft',
      kind: 'standard',
      unit: '箱',
      coverUrl: `/uploads/${image}`,
    });
    expect(product.images).toEqual([{ key: image, url: `/uploads/${image}` }]);
    expect(product.skus.map((s) => [s.specText, s.stock, s.status])).toEqual([
      ['5斤装 / 海南', 10, 'active'],
      ['5斤装 / 广西', 20, 'active'],
      ['10斤装 / 海南', 30, 'active'],
      ['10斤装 / 广西', 40, 'active'],
    ]);
    const movements = (await t.dataSource.query(
      'SELECT sku_id, kind, stock_delta, stock_after, reason FROM stock_movements ORDER BY id',
    )) as Array<Record<string, unknown>>;
    expect(movements.map((m) => [Number(m.sku_id), m.kind, Number(m.stock_delta), m.reason])).toEqual(
      product.skus.map((s) => [s.id, 'inbound', s.stock, '初始库存']),
    );
    expectLedgerBalanced(await ledgerCheck(t));
  });

  it('refuses an incomplete matrix and unknown image keys, writing nothing', async () => {
    const before = await writeCounts(t);
    const input = lycheeInput([image]);
    const res = await http()
      .post('/api/admin/products')
      .set(...bearer(token))
      .send({
        ...input,
        skus: input.skus.slice(0, 3),
        imageKeys: ['2026/01/01/0123456789abcdef0123456789abcdef.png'],
      })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.fields as Array<{ field: string; errors: string[] }>).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['skus', 'imageKeys.0']));
    expect(res.body.fields.find((f: { field: string }) => f.field === 'skus').errors[0]).toContain(
      '10斤装 / 广西',
    );
    expect(await writeCounts(t)).toEqual(before);
  });

  it('refuses a fourth dimension, duplicate values and floats in fen, writing nothing', async () => {
    const before = await writeCounts(t);
    const send = (body: object) =>
      http()
        .post('/api/admin/products')
        .set(...bearer(token))
        .send(body)
        .expect(400);
    const fieldsOf = (res: { body: { fields: Array<{ field: string }> } }) =>
      res.body.fields.map((f) => f.field);
    const input = lycheeInput([image]);
    const float = await send({
      ...input,
      skus: input.skus.map((s, i) => (i === 0 ? { ...s, price: 9.9 } : s)),
    });
    expect(fieldsOf(float)).toEqual(['skus.0.price']);
    const duplicate = await send({
      ...input,
      specDimensions: [{ name: '规格', values: ['5斤装', '5斤装'] }],
      skus: [{ specValues: ['5斤装'], price: 990, cost: 1 }],
    });
    expect(duplicate.body.fields).toEqual([{ field: 'specDimensions.0', errors: ['规格值「5斤装」重复'] }]);
    const four = await send({
      ...input,
      specDimensions: ['甲', '乙', '丙', '丁'].map((name) => ({ name, values: ['一'] })),
      skus: [{ specValues: ['一', '一', '一', '一'], price: 990, cost: 1 }],
    });
    expect(four.body.code).toBe('VALIDATION_FAILED');
    expect(await writeCounts(t)).toEqual(before);
  });

  it('on update creates SKUs for new values and disables (never deletes) dropped ones', async () => {
    const product = await createProduct(t, token, { ...lycheeInput([image]), name: '荔枝-更新' });
    const ids = Object.fromEntries(product.skus.map((s) => [s.specText, s.id]));
    // Drop 广西, add 云南: the two 云南 SKUs are new, the two 广西 ones (counted down to 0) are disabled.
    await countTo(ids['5斤装 / 广西'], 0);
    await countTo(ids['10斤装 / 广西'], 0);
    const edit = { ...withoutGuangxi(), name: '荔枝-更新' };
    edit.skus[0].price = 7777;
    const updated = (
      await http()
        .put(`/api/admin/products/${product.id}`)
        .set(...bearer(token))
        .send(edit)
        .expect(200)
    ).body as ProductDetail;
    expect(updated.skus.map((s) => [s.specText, s.status, s.stock])).toEqual([
      ['5斤装 / 海南', 'active', 10],
      ['5斤装 / 云南', 'active', 7],
      ['10斤装 / 海南', 'active', 30],
      ['10斤装 / 云南', 'active', 7],
      ['5斤装 / 广西', 'disabled', 0],
      ['10斤装 / 广西', 'disabled', 0],
    ]);
    expect(updated.skus.find((s) => s.specText === '5斤装 / 海南')).toMatchObject({
      id: ids['5斤装 / 海南'],
      price: 7777,
    });
    expect(updated.skus.find((s) => s.specText === '5斤装 / 广西')?.id).toBe(ids['5斤装 / 广西']);

    // Bringing 广西 back reuses the disabled SKUs (same ids) instead of creating new ones.
    for (const sku of updated.skus.filter((s) => s.specText.endsWith('云南'))) await countTo(sku.id, 0);
    const back = { ...lycheeInput([image]), name: '荔枝-更新' };
    const again = (
      await http()
        .put(`/api/admin/products/${product.id}`)
        .set(...bearer(token))
        .send(back)
        .expect(200)
    ).body as ProductDetail;
    expect(again.skus.filter((s) => s.status === 'active').map((s) => s.id)).toEqual([
      ids['5斤装 / 海南'],
      ids['5斤装 / 广西'],
      ids['10斤装 / 海南'],
      ids['10斤装 / 广西'],
    ]);
    expect(again.skus.filter((s) => s.status === 'disabled').map((s) => s.specText)).toEqual([
      '5斤装 / 云南',
      '10斤装 / 云南',
    ]);
    expectLedgerBalanced(await ledgerCheck(t));
  });

  it('refuses to drop SKUs that still hold stock or reservations, naming each one, and changes nothing', async () => {
    const product = await createProduct(t, token, { ...lycheeInput([image]), name: '荔枝-在用' });
    const ids = Object.fromEntries(product.skus.map((s) => [s.specText, s.id]));
    // 5斤装 / 广西: stock 20 → reserve 3 for an order, count the rest to 0: only reserved is left.
    await t.app.get(TransactionRunner).run((m) =>
      t.app.get(InventoryService).reserve(m, systemContext('orders'), {
        lines: [{ skuId: ids['5斤装 / 广西'], quantity: 3 }],
        orderId: 77,
        requestKey: 'order:77',
      }),
    );
    await countTo(ids['5斤装 / 广西'], 0);
    const before = await writeCounts(t);
    const res = await put(product.id, withoutGuangxi()).expect(409);
    expect(res.body.code).toBe('SKU_STILL_IN_USE');
    expect(res.body.fields).toEqual([
      {
        field: 'skus',
        errors: [
          '「5斤装 / 广西」有 3 件被订单占用，请等订单完成或取消后再删除',
          '「10斤装 / 广西」仍有库存 40 件，请先盘点清零再删除',
        ],
      },
    ]);
    expect(await writeCounts(t)).toEqual(before);
    const reloaded = (
      await http()
        .get(`/api/admin/products/${product.id}`)
        .set(...bearer(token))
        .expect(200)
    ).body as ProductDetail;
    expect(reloaded.skus.map((s) => [s.specText, s.status])).toEqual(
      product.skus.map((s) => [s.specText, 'active']),
    );
    expect(reloaded.specDimensions).toEqual(product.specDimensions);
  });

  it('writes SKU rows in ascending id order (the order reservations lock them in)', async () => {
    const product = await createProduct(t, token, { ...lycheeInput([image]), name: '荔枝-顺序' });
    for (const sku of product.skus.filter((s) => s.specText.endsWith('广西'))) await countTo(sku.id, 0);
    const touched: number[] = [];
    const originalUpdate = Repository.prototype.update;
    const spy = jest.spyOn(Repository.prototype, 'update').mockImplementation(function (
      this: Repository<ObjectLiteral>,
      criteria,
      partial,
    ) {
      if (this.metadata.target === SkuEntity) touched.push(Number((criteria as { id: number }).id));
      return originalUpdate.call(this, criteria, partial);
    });
    try {
      await put(product.id, { ...withoutGuangxi(0), name: '荔枝-顺序' }).expect(200);
    } finally {
      spy.mockRestore();
    }
    // Matrix order would be 海南 5斤, 海南 10斤, then the two disabled 广西: ids 1,3,2,4 of the four.
    expect(touched).toEqual(product.skus.map((s) => s.id).sort((a, b) => a - b));
  });

  it('lets only staff with inventory.write book initial stock (403 otherwise, nothing written)', async () => {
    const operator = (await createStaffAndLogin(t, token, ['operator'])).session.accessToken;
    const before = await writeCounts(t);
    const refused = await http()
      .post('/api/admin/products')
      .set(...bearer(operator))
      .send({ ...lycheeInput([image]), name: '运营-有库存' })
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(refused.body.message).toContain('初始库存');
    expect(await writeCounts(t)).toEqual(before);

    const zero = lycheeInput([image]);
    zero.skus.forEach((s) => (s.initialStock = 0));
    const created = await createProduct(t, operator, { ...zero, name: '运营-无库存' });
    expect(created.skus.every((s) => s.stock === 0)).toBe(true);
    // Adding combinations with opening stock on edit is refused the same way; without it, allowed.
    const midway = await writeCounts(t);
    const edit = await put(created.id, { ...withoutGuangxi(5), name: '运营-无库存' }, operator).expect(403);
    expect(edit.body.code).toBe('FORBIDDEN');
    expect(await writeCounts(t)).toEqual(midway);
    await put(created.id, { ...withoutGuangxi(0), name: '运营-无库存' }, operator).expect(200);
  });

  it('refuses oversized prices, weights and stock numbers', async () => {
    const before = await writeCounts(t);
    const input = lycheeInput([image]);
    const res = await http()
      .post('/api/admin/products')
      .set(...bearer(token))
      .send({
        ...input,
        skus: input.skus.map((s, i) =>
          i === 0 ? { ...s, price: 100_000_001, weightGrams: 1_000_001, initialStock: 1_000_001 } : s,
        ),
      })
      .expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['skus.0.price', 'skus.0.weightGrams', 'skus.0.initialStock']),
    );
    expect(await writeCounts(t)).toEqual(before);
  });

  it('goes on sale only with an image, and only along 草稿 → 在售 ⇄ 已下架', async () => {
    const bare = await createProduct(t, token, { ...lycheeInput([]), name: '无图商品' });
    const refused = await http()
      .post(`/api/admin/products/${bare.id}/status`)
      .set(...bearer(token))
      .send({ status: 'on_sale' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('PRODUCT_IMAGE_REQUIRED');
    const off = await http()
      .post(`/api/admin/products/${bare.id}/status`)
      .set(...bearer(token))
      .send({ status: 'off_sale' });
    expect(off.status).toBe(409);
    expect(off.body.code).toBe('PRODUCT_INVALID_STATUS');

    const product = await createProduct(t, token, { ...lycheeInput([image]), name: '有图商品' });
    expect((await putOnSale(t, token, product.id)).status).toBe('on_sale');
    const down = await http()
      .post(`/api/admin/products/${product.id}/status`)
      .set(...bearer(token))
      .send({ status: 'off_sale' });
    expect(down.body.status).toBe('off_sale');
    const draft = await http()
      .post(`/api/admin/products/${product.id}/status`)
      .set(...bearer(token))
      .send({ status: 'draft' });
    expect(draft.status).toBe(409);
    // An on-sale product cannot lose its last image.
    await putOnSale(t, token, product.id);
    const noImage = await http()
      .put(`/api/admin/products/${product.id}`)
      .set(...bearer(token))
      .send({ ...lycheeInput([]), name: '有图商品' });
    expect(noImage.body.code).toBe('PRODUCT_IMAGE_REQUIRED');
  });

  it('lists with filters and keeps kind fixed after creation', async () => {
    const list = await http()
      .get('/api/admin/products?keyword=荔枝&status=draft')
      .set(...bearer(token))
      .expect(200);
    const items = list.body.items as ProductListItem[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.name).toContain('荔枝');
      expect(item.status).toBe('draft');
    }
    const first = items.find((i) => i.name === '妃子笑荔枝')!;
    expect(first).toMatchObject({
      skuCount: 4,
      minPrice: 5990,
      maxPrice: 11090,
      totalStock: 100,
      lowStockSkuCount: 0,
    });

    const res = await http()
      .put(`/api/admin/products/${first.id}`)
      .set(...bearer(token))
      .send({ ...lycheeInput([image]), kind: 'bundle' });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('kind');
    await http()
      .get('/api/admin/products/999999')
      .set(...bearer(token))
      .expect(404);
  });

  it('exposes SKU details and the product page to other contexts', async () => {
    const product = await createProduct(t, token, { ...lycheeInput([image]), name: '荔枝-端口' });
    const catalog = t.app.get(CatalogService);
    const details = await catalog.getSkuDetails(product.skus.map((s) => s.id));
    expect(details.get(product.skus[3].id)).toMatchObject({
      productName: '荔枝-端口',
      productKind: 'standard',
      productStatus: 'draft',
      skuStatus: 'active',
      specValues: ['10斤装', '广西'],
      specText: '10斤装 / 广西',
      price: 11090,
      cost: 6800,
      available: 40,
    });
    const page = await catalog.getProductPage(product.id);
    expect(page).toMatchObject({ name: '荔枝-端口', unit: '箱', kind: 'standard', bundleContents: [] });
    expect(page?.specDimensions).toHaveLength(2);
    expect(await catalog.getProductPage(999999)).toBeNull();
  });

  it('offers only active SKUs of non-draft products in the SKU picker', async () => {
    const onSale = await createProduct(t, token, { ...lycheeInput([image]), name: '选品荔枝' });
    await putOnSale(t, token, onSale.id);
    const res = await http()
      .get('/api/admin/skus?keyword=荔枝&pageSize=100')
      .set(...bearer(token))
      .expect(200);
    const items = res.body.items as SkuPickerItem[];
    expect(items.filter((i) => i.productId === onSale.id)).toHaveLength(4);
    expect(items.every((i) => i.productStatus !== 'draft')).toBe(true);
  });
});
