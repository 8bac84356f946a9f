import type { ProductDetail } from '@linli/shared-types';
import { CatalogService } from '../../../src/modules/catalog';
import type { TestApp } from '../../support/test-app';
import { bearer } from '../support/modules-test-kit';
import {
  catalogTestApp,
  createProduct,
  putOnSale,
  simpleInput,
  uploadImage,
  writeCounts,
} from './catalog-test-kit';

describe('bundles (组合套餐)', () => {
  let t: TestApp;
  let token: string;
  let image: string;
  let eggs: ProductDetail;
  let tomato: ProductDetail;

  beforeAll(async () => {
    ({ t, adminToken: token } = await catalogTestApp());
    image = await uploadImage(t, token);
    eggs = await createProduct(t, token, simpleInput('土鸡蛋', [image], 10));
    tomato = await createProduct(t, token, simpleInput('小番茄', [image], 9));
    // Only products that are not drafts may go into a bundle.
    await putOnSale(t, token, eggs.id);
    await putOnSale(t, token, tomato.id);
  });
  afterAll(() => t.close());

  const bundleInput = (components: Array<{ skuId: number; quantity: number }>, name = '早餐组合') => ({
    kind: 'bundle' as const,
    name,
    imageKeys: [image],
    specDimensions: [],
    skus: [{ specValues: [], price: 2990, cost: 2000, initialStock: 50 }],
    components,
  });
  const adjust = (skuId: number, kind: string, quantity: number) =>
    t
      .http()
      .post('/api/admin/inventory/adjustments')
      .set(...bearer(token))
      .send({ skuId, kind, quantity, reason: '测试' });

  it('is available as the minimum over components of floor(stock / quantity), holding no stock itself', async () => {
    const bundle = await createProduct(
      t,
      token,
      bundleInput([
        { skuId: eggs.skus[0].id, quantity: 1 },
        { skuId: tomato.skus[0].id, quantity: 2 },
      ]),
    );
    expect(bundle.kind).toBe('bundle');
    expect(bundle.skus).toHaveLength(1);
    // eggs 10 / 1 = 10, tomato 9 / 2 = 4 → 4; the initialStock of a bundle row is ignored.
    expect(bundle.skus[0]).toMatchObject({ specText: '默认', stock: 4, reserved: 0 });
    expect(bundle.components.map((c) => [c.productName, c.quantity, c.stock])).toEqual([
      ['土鸡蛋', 1, 10],
      ['小番茄', 2, 9],
    ]);
    const catalog = t.app.get(CatalogService);
    expect((await catalog.getSkuDetails([bundle.skus[0].id])).get(bundle.skus[0].id)).toMatchObject({
      productKind: 'bundle',
      available: 4,
    });
    const page = await catalog.getProductPage(bundle.id);
    expect(page?.bundleContents).toEqual([
      { productName: '土鸡蛋', specText: '默认', quantity: 1 },
      { productName: '小番茄', specText: '默认', quantity: 2 },
    ]);
    expect(
      Number(
        (
          await t.dataSource.query(
            `SELECT COUNT(*) AS n FROM stock_movements WHERE sku_id = ${bundle.skus[0].id}`,
          )
        )[0].n,
      ),
    ).toBe(0);

    // Damaging tomatoes takes the bundle's availability with them.
    await adjust(tomato.skus[0].id, 'damage', 2).expect(201);
    expect((await catalog.getSkuDetails([bundle.skus[0].id])).get(bundle.skus[0].id)?.available).toBe(3);
    // A bundle cannot be adjusted itself.
    const refused = await adjust(bundle.skus[0].id, 'inbound', 5);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('INVENTORY_BUNDLE_NOT_STOCKED');
  });

  it('keeps its component SKUs from being dropped, and is unavailable while a component is off sale', async () => {
    const pear = await createProduct(t, token, {
      ...simpleInput('梨', [image], 30),
      specDimensions: [{ name: '规格', values: ['大'] }],
      skus: [{ specValues: ['大'], price: 1, cost: 1, initialStock: 30 }],
    });
    await putOnSale(t, token, pear.id);
    const bundle = await createProduct(
      t,
      token,
      bundleInput(
        [
          { skuId: pear.skus[0].id, quantity: 2 },
          { skuId: eggs.skus[0].id, quantity: 1 },
        ],
        '梨蛋组合',
      ),
    );
    expect(bundle.skus[0].stock).toBe(10); // pears 30 / 2 = 15, eggs 10 / 1 = 10
    // Renaming the value would disable the pear SKU: refused while it has stock and sits in the bundle.
    const before = await writeCounts(t);
    const renamed = await t
      .http()
      .put(`/api/admin/products/${pear.id}`)
      .set(...bearer(token))
      .send({
        ...simpleInput('梨', [image]),
        specDimensions: [{ name: '规格', values: ['小'] }],
        skus: [{ specValues: ['小'], price: 1, cost: 1 }],
      })
      .expect(409);
    expect(renamed.body.code).toBe('SKU_STILL_IN_USE');
    expect(renamed.body.fields[0].errors).toEqual([
      '「大」仍有库存 30 件，请先盘点清零再删除',
      '「大」是组合套餐「梨蛋组合」的组成商品，请先从套餐中移除',
    ]);
    expect(await writeCounts(t)).toEqual(before);

    // A component whose product is taken off sale makes the bundle unavailable, and back again.
    const bundleStock = async () =>
      (
        (
          await t
            .http()
            .get(`/api/admin/products/${bundle.id}`)
            .set(...bearer(token))
            .expect(200)
        ).body as ProductDetail
      ).skus[0].stock;
    const catalog = t.app.get(CatalogService);
    await t
      .http()
      .post(`/api/admin/products/${pear.id}/status`)
      .set(...bearer(token))
      .send({ status: 'off_sale' })
      .expect(200);
    expect(await bundleStock()).toBe(0);
    expect((await catalog.getSkuDetails([bundle.skus[0].id])).get(bundle.skus[0].id)?.available).toBe(0);
    await putOnSale(t, token, pear.id);
    expect(await bundleStock()).toBe(10);
  });

  it('refuses SKUs of draft products as components', async () => {
    const draft = await createProduct(t, token, simpleInput('草稿苹果', [image], 10));
    const before = await writeCounts(t);
    const res = await t
      .http()
      .post('/api/admin/products')
      .set(...bearer(token))
      .send(
        bundleInput([
          { skuId: draft.skus[0].id, quantity: 1 },
          { skuId: eggs.skus[0].id, quantity: 1 },
        ]),
      )
      .expect(400);
    expect(res.body.fields).toEqual([
      { field: 'components.0', errors: ['草稿商品不能加入组合套餐，请先上架该商品'] },
    ]);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('refuses nested bundles, itself, fewer than two units and components on a standard product', async () => {
    const good = await createProduct(
      t,
      token,
      bundleInput([{ skuId: eggs.skus[0].id, quantity: 2 }], '双蛋'),
    );
    await putOnSale(t, token, good.id);
    const before = await writeCounts(t);
    const send = (body: object) =>
      t
        .http()
        .post('/api/admin/products')
        .set(...bearer(token))
        .send(body);

    const nested = await send(
      bundleInput([
        { skuId: good.skus[0].id, quantity: 1 },
        { skuId: eggs.skus[0].id, quantity: 1 },
      ]),
    );
    expect(nested.status).toBe(400);
    expect(nested.body.fields).toEqual([{ field: 'components.0', errors: ['组合套餐不能再包含组合套餐'] }]);

    const single = await send(bundleInput([{ skuId: eggs.skus[0].id, quantity: 1 }]));
    expect(single.body.fields).toEqual([{ field: 'components', errors: ['组合套餐至少包含 2 件商品'] }]);

    const self = await t
      .http()
      .put(`/api/admin/products/${good.id}`)
      .set(...bearer(token))
      .send(
        bundleInput(
          [
            { skuId: good.skus[0].id, quantity: 1 },
            { skuId: eggs.skus[0].id, quantity: 1 },
          ],
          '双蛋',
        ),
      );
    expect(self.body.fields).toEqual([{ field: 'components.0', errors: ['组合套餐不能包含自己'] }]);

    const standard = await send({
      ...simpleInput('普通', [image]),
      components: [{ skuId: eggs.skus[0].id, quantity: 2 }],
    });
    expect(standard.body.fields).toEqual([{ field: 'components', errors: ['只有组合套餐才有组成商品'] }]);
    expect(await writeCounts(t)).toEqual(before);
  });
});
