import type {
  CampaignView,
  InventorySkuView,
  MemberLoginResponse,
  ProductDetail,
  ProductListItem,
} from '@linli/shared-types';
import type { TestApp } from '../../support/test-app';
import { createTestApp } from '../../support/test-app';
import { bearer, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import { expectLedgerBalanced, ledgerCheck } from './catalog-test-kit';

/** The demo seed's catalog as `npm start` on an empty ./data shows it. */
describe('demo catalog seed', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    await seedDemo(t);
    token = (await loginAsAdmin(t)).accessToken;
  });
  afterAll(() => t.close());

  it('puts every product on sale with a picture served from the file storage', async () => {
    const list = await t
      .http()
      .get('/api/admin/products?pageSize=100')
      .set(...bearer(token))
      .expect(200);
    const items = list.body.items as ProductListItem[];
    expect(items.length).toBeGreaterThanOrEqual(8);
    for (const item of items) {
      expect(item.status).toBe('on_sale');
      expect(item.categoryName).not.toBeNull();
      expect(item.supplierName).not.toBeNull();
      const image = await t.http().get(item.coverUrl!).buffer(true).expect(200);
      expect(image.headers['content-type']).toBe('image/jpeg');
      expect((image.body as Buffer).length).toBeGreaterThan(5000);
    }
    const categories = await t
      .http()
      .get('/api/admin/categories')
      .set(...bearer(token))
      .expect(200);
    expect(categories.body.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['水果', '蔬菜', '肉禽蛋', '粮油']),
    );
    const suppliers = await t
      .http()
      .get('/api/admin/suppliers')
      .set(...bearer(token))
      .expect(200);
    expect(suppliers.body.total).toBe(3);
  });

  it('has 规格 × 产地 lychees, an A+B bundle, and stock booked as inbound movements', async () => {
    const list = (
      await t
        .http()
        .get('/api/admin/products?pageSize=100')
        .set(...bearer(token))
    ).body.items as ProductListItem[];
    const lychee = (
      await t
        .http()
        .get(`/api/admin/products/${list.find((p) => p.name === '妃子笑荔枝')!.id}`)
        .set(...bearer(token))
    ).body as ProductDetail;
    expect(lychee.skus.map((s) => s.specText)).toEqual([
      '5斤装 / 海南',
      '5斤装 / 广西',
      '10斤装 / 海南',
      '10斤装 / 广西',
    ]);
    const bundle = list.find((p) => p.kind === 'bundle')!;
    const detail = (
      await t
        .http()
        .get(`/api/admin/products/${bundle.id}`)
        .set(...bearer(token))
    ).body as ProductDetail;
    expect(detail.components.map((c) => c.productName)).toEqual(['农家散养土鸡蛋', '千禧小番茄']);
    expect(detail.skus[0].stock).toBe(150); // min(15枚装 150, 3 斤装 300)
    const movements = (await t.dataSource.query(
      'SELECT DISTINCT kind, reason FROM stock_movements',
    )) as Array<{ kind: string; reason: string }>;
    expect(movements).toEqual([{ kind: 'inbound', reason: '初始库存' }]);
    expectLedgerBalanced(await ledgerCheck(t));
    // One lychee SKU starts below its threshold, so the low-stock list has something to show.
    const low = await t
      .http()
      .get('/api/admin/inventory/skus?lowStock=true')
      .set(...bearer(token))
      .expect(200);
    expect((low.body.items as InventorySkuView[]).map((i) => i.specText)).toContain('10斤装 / 广西');
  });

  it("offers the lychees and the bundle in the live campaign at the buyer's leader", async () => {
    const buyer = (await t.http().post('/api/app/auth/dev-login').send({})).body as MemberLoginResponse;
    const campaigns = (
      await t
        .http()
        .get('/api/app/campaigns')
        .set(...bearer(buyer.accessToken))
        .expect(200)
    ).body as CampaignView[];
    const names = campaigns.flatMap((c) => c.items.map((i) => i.productName));
    expect(names).toEqual(expect.arrayContaining(['妃子笑荔枝', '元气早餐组合', '海南金钻凤梨']));
    expect(campaigns[0].coverUrl).toMatch(/^\/uploads\//);
  });
});
