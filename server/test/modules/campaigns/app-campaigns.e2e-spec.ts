import type { CampaignView, MemberLoginResponse } from '@linli/shared-types';
import { CampaignsService } from '../../../src/modules/campaigns';
import { systemContext, TransactionRunner } from '../../../src/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, seedDemo } from '../support/modules-test-kit';

describe('buyer campaigns (/api/app/campaigns)', () => {
  let t: TestApp;
  let buyer: MemberLoginResponse;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    await seedDemo(t);
    buyer = (await t.http().post('/api/app/auth/dev-login').send({})).body as MemberLoginResponse;
  });
  afterAll(() => t.close());

  it("shows the seeded live campaign at the buyer's leader, with items priced in fen", async () => {
    const res = await t
      .http()
      .get('/api/app/campaigns')
      .set(...bearer(buyer.accessToken))
      .expect(200);
    const campaigns = res.body as CampaignView[];
    expect(campaigns).toHaveLength(1);
    const [c] = campaigns;
    expect(c).toMatchObject({
      title: '邻里鲜果蔬菜团',
      status: 'live',
      pickupDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const now = Date.now();
    expect(Date.parse(c.startAt)).toBeLessThan(now);
    expect(Date.parse(c.endAt)).toBeGreaterThan(now);
    expect(Date.parse(c.cutoffAt)).toBeGreaterThan(now);
    // 22:00 in Shanghai is 14:00 UTC.
    expect(new Date(c.cutoffAt).getUTCHours()).toBe(14);
    expect(c.items.length).toBeGreaterThanOrEqual(6);
    for (const item of c.items) {
      expect(Number.isInteger(item.groupPrice)).toBe(true);
      expect(item.groupPrice).toBeLessThanOrEqual(item.originalPrice);
    }
    expect(c.items[0]).toMatchObject({
      productName: '海南金钻凤梨',
      skuName: '单果约 2.5 斤',
      groupPrice: 1990,
      originalPrice: 2990,
    });
  });

  it('shows all live campaigns to a buyer without a leader', async () => {
    const newcomer = (await t.http().post('/api/app/auth/dev-login').send({ openid: 'newcomer' }))
      .body as MemberLoginResponse;
    expect(newcomer.member.currentLeader).toBeNull();
    const res = await t
      .http()
      .get('/api/app/campaigns')
      .set(...bearer(newcomer.accessToken))
      .expect(200);
    expect(res.body.map((c: CampaignView) => c.title)).toEqual(['邻里鲜果蔬菜团']);
  });

  it('hides campaigns that are not live or outside their time window', async () => {
    const campaigns = t.app.get(CampaignsService);
    const [sku] = (await t.dataSource.query('SELECT id, price FROM skus ORDER BY id LIMIT 1')) as Array<{
      id: number;
      price: number;
    }>;
    const day = 86_400_000;
    const now = Date.now();
    const base = {
      coverUrl: null,
      description: null,
      audience: 'all' as const,
      pickupDate: '2099-01-01',
      items: [
        {
          skuId: sku.id,
          groupPrice: 100,
          originalPrice: Number(sku.price),
          perMemberLimit: 0,
          stockCap: null,
        },
      ],
    };
    await t.app.get(TransactionRunner).run(async (m) => {
      const ctx = systemContext('test');
      // Live by status but already over.
      await campaigns.createWith(m, ctx, {
        ...base,
        title: '已过期',
        status: 'live',
        startAt: new Date(now - 3 * day),
        endAt: new Date(now - day),
        cutoffAt: new Date(now - 2 * day),
      });
      // In its window but still a draft.
      await campaigns.createWith(m, ctx, {
        ...base,
        title: '草稿',
        status: 'draft',
        startAt: new Date(now - day),
        endAt: new Date(now + day),
        cutoffAt: new Date(now + day / 2),
      });
      // Live, not started yet.
      await campaigns.createWith(m, ctx, {
        ...base,
        title: '未开始',
        status: 'live',
        startAt: new Date(now + day),
        endAt: new Date(now + 3 * day),
        cutoffAt: new Date(now + 2 * day),
      });
    });
    const res = await t
      .http()
      .get('/api/app/campaigns')
      .set(...bearer(buyer.accessToken))
      .expect(200);
    expect(res.body.map((c: CampaignView) => c.title)).toEqual(['邻里鲜果蔬菜团']);
  });

  it('leaves out a live campaign whose every product went off sale (nothing to buy)', async () => {
    const [sku] = (await t.dataSource.query(
      `SELECT s.id AS id, s.price AS price, s.product_id AS productId FROM skus s
         JOIN products p ON p.id = s.product_id
        WHERE p.status = 'on_sale' AND s.status = 'active' ORDER BY s.id DESC LIMIT 1`,
    )) as Array<{ id: number; price: number; productId: number }>;
    const now = Date.now();
    await t.app.get(TransactionRunner).run((m) =>
      t.app.get(CampaignsService).createWith(m, systemContext('test'), {
        title: '只剩下架商品',
        coverUrl: null,
        description: null,
        audience: 'all',
        status: 'live',
        startAt: new Date(now - 3_600_000),
        endAt: new Date(now + 86_400_000),
        cutoffAt: new Date(now + 43_200_000),
        pickupDate: '2099-01-01',
        items: [
          {
            skuId: Number(sku.id),
            groupPrice: 100,
            originalPrice: Number(sku.price),
            perMemberLimit: 0,
            stockCap: null,
          },
        ],
      }),
    );
    const titles = async () =>
      (
        (
          await t
            .http()
            .get('/api/app/campaigns')
            .set(...bearer(buyer.accessToken))
            .expect(200)
        ).body as CampaignView[]
      ).map((c) => c.title);
    expect(await titles()).toContain('只剩下架商品');
    await t.dataSource.query("UPDATE products SET status = 'off_sale' WHERE id = ?", [sku.productId]);
    try {
      expect(await titles()).toEqual(['邻里鲜果蔬菜团']);
    } finally {
      await t.dataSource.query("UPDATE products SET status = 'on_sale' WHERE id = ?", [sku.productId]);
    }
  });

  it('needs a member token', async () => {
    const res = await t.http().get('/api/app/campaigns');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
