import type {
  CampaignDetail,
  CampaignInput,
  CampaignView,
  Paged,
  CampaignListItem,
} from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import {
  campaignAction,
  campaignCounts,
  campaignInput,
  createCampaign,
  dbTime,
  sellableSkus,
  type SeededSku,
} from './campaigns-test-kit';

const WEEK = 7 * 86_400_000;

describe('admin campaigns (/api/admin/campaigns)', () => {
  let t: TestApp;
  let admin: string;
  let skus: SeededSku[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    admin = (await loginAsAdmin(t)).accessToken;
    skus = await sellableSkus(t);
  });
  afterAll(() => t.close());

  const put = (id: number, body: CampaignInput) =>
    t
      .http()
      .put(`/api/admin/campaigns/${id}`)
      .set(...bearer(admin))
      .send(body);

  it('creates a draft, audited, and reads it back with its items', async () => {
    const input = campaignInput(skus);
    const created = await createCampaign(t, admin, input);
    expect(created).toMatchObject({
      title: '周末鲜果团',
      status: 'draft',
      audience: { kind: 'all', levelIds: [], leaderIds: [] },
      soldQuantity: 0,
      duplicatedFromId: null,
      startAt: input.startAt,
    });
    expect(created.items.map((i) => [i.skuId, i.groupPrice, i.soldQuantity])).toEqual(
      input.items.map((i) => [i.skuId, i.groupPrice, 0]),
    );
    expect(created.items[0].remaining).toBeGreaterThan(0);
    expect(created.coverUrl).toBe(created.items[0].imageUrl); // no cover: the first item's image
    const res = await t
      .http()
      .get(`/api/admin/campaigns/${created.id}`)
      .set(...bearer(admin))
      .expect(200);
    expect(res.body).toEqual(created);
    const audit = (await t.dataSource.query(
      "SELECT action FROM audit_logs WHERE entity_type = 'campaign' AND entity_id = ?",
      [String(created.id)],
    )) as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(['campaign.create']);
  });

  it('lists newest start first, filtered by keyword, status and window', async () => {
    const later = await createCampaign(
      t,
      admin,
      campaignInput(skus, { title: '下周蔬菜团' }, Date.now() + WEEK),
    );
    const all = (
      await t
        .http()
        .get('/api/admin/campaigns')
        .set(...bearer(admin))
        .expect(200)
    ).body as Paged<CampaignListItem>;
    expect(all.items[0].id).toBe(later.id);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const byKeyword = await t
      .http()
      .get('/api/admin/campaigns')
      .query({ keyword: '蔬菜团' })
      .set(...bearer(admin))
      .expect(200);
    expect(byKeyword.body.items.map((c: CampaignListItem) => c.title)).toEqual([
      '下周蔬菜团',
      '邻里鲜果蔬菜团',
    ]);
    const live = await t
      .http()
      .get('/api/admin/campaigns')
      .query({ status: 'live' })
      .set(...bearer(admin))
      .expect(200);
    expect(live.body.items.map((c: CampaignListItem) => c.title)).toEqual(['邻里鲜果蔬菜团']);
    const window = await t
      .http()
      .get('/api/admin/campaigns')
      .query({
        from: new Date(Date.now() + WEEK).toISOString(),
        to: new Date(Date.now() + 2 * WEEK).toISOString(),
      })
      .set(...bearer(admin))
      .expect(200);
    expect(window.body.items.map((c: CampaignListItem) => c.id)).toEqual([later.id]);
    expect(window.body.items[0]).toMatchObject({
      itemCount: 2,
      audience: 'all',
      minGroupPrice: expect.any(Number),
    });
  });

  const invalid: Array<[string, (input: CampaignInput) => unknown, string]> = [
    ['a missing title', (i) => ({ ...i, title: '' }), 'title'],
    [
      'a group price above the original',
      (i) => ({ ...i, items: [{ ...i.items[0], groupPrice: i.items[0].originalPrice + 1 }] }),
      'items.0',
    ],
    ['a price in yuan', (i) => ({ ...i, items: [{ ...i.items[0], groupPrice: 9.9 }] }), 'items.0.groupPrice'],
    [
      'a cut-off after the end',
      (i) => ({ ...i, cutoffAt: new Date(Date.parse(i.endAt) + 1000).toISOString() }),
      'cutoffAt',
    ],
    ['an unknown SKU', (i) => ({ ...i, items: [{ ...i.items[0], skuId: 999999 }] }), 'items.0.skuId'],
    [
      'an unknown level',
      (i) => ({ ...i, audience: { kind: 'levels', levelIds: [999], leaderIds: [] } }),
      'audience.levelIds',
    ],
    [
      'leaders audience without leaders',
      (i) => ({ ...i, audience: { kind: 'leaders', levelIds: [], leaderIds: [] } }),
      'audience.leaderIds',
    ],
    [
      'a cover that was never uploaded',
      (i) => ({ ...i, coverKey: `2026/01/01/${'a'.repeat(32)}.png` }),
      'coverKey',
    ],
    ['no items', (i) => ({ ...i, items: [] }), 'items'],
  ];
  it.each(invalid)('refuses %s with 400 naming the field, writing nothing', async (_label, change, field) => {
    const before = await campaignCounts(t);
    const res = await t
      .http()
      .post('/api/admin/campaigns')
      .set(...bearer(admin))
      .send(change(campaignInput(skus)) as object);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await campaignCounts(t)).toEqual(before);
  });

  it('edits a draft fully: items replaced, audience narrowed to leaders', async () => {
    const draft = await createCampaign(t, admin, campaignInput(skus));
    const leader = (await t.dataSource.query(
      "SELECT id FROM leaders WHERE status = 'active' ORDER BY id LIMIT 1",
    )) as Array<{ id: number }>;
    const next = campaignInput(skus, {
      title: '改过的标题',
      audience: { kind: 'leaders', levelIds: [], leaderIds: [Number(leader[0].id)] },
      items: [{ skuId: skus[2].id, groupPrice: 100, originalPrice: 200, perMemberLimit: 0, stockCap: 5 }],
    });
    const res = await put(draft.id, next).expect(200);
    const detail = res.body as CampaignDetail;
    expect(detail).toMatchObject({
      title: '改过的标题',
      audience: next.audience,
      audienceLeaderNames: ['王丽华'],
    });
    expect(detail.items.map((i) => [i.skuId, i.stockCap, i.remaining <= 5])).toEqual([[skus[2].id, 5, true]]);
  });

  it('moves draft → scheduled → draft → scheduled → ended by hand, refusing wrong moves', async () => {
    const draft = await createCampaign(t, admin, campaignInput(skus));
    expect((await campaignAction(t, admin, draft.id, 'schedule')).status).toBe('scheduled');
    expect((await campaignAction(t, admin, draft.id, 'unschedule')).status).toBe('draft');
    const refuseEnd = await t
      .http()
      .post(`/api/admin/campaigns/${draft.id}/end`)
      .set(...bearer(admin));
    expect({ status: refuseEnd.status, code: refuseEnd.body.code }).toEqual({
      status: 409,
      code: 'CAMPAIGN_INVALID_STATUS',
    });
    await campaignAction(t, admin, draft.id, 'schedule');
    expect((await campaignAction(t, admin, draft.id, 'end')).status).toBe('ended');

    const before = await campaignCounts(t);
    for (const action of ['schedule', 'unschedule', 'end']) {
      const res = await t
        .http()
        .post(`/api/admin/campaigns/${draft.id}/${action}`)
        .set(...bearer(admin));
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 409,
        code: 'CAMPAIGN_INVALID_STATUS',
      });
    }
    const edit = await put(draft.id, campaignInput(skus, { title: '结束后再改' }));
    expect({ status: edit.status, code: edit.body.code }).toEqual({ status: 409, code: 'CAMPAIGN_ENDED' });
    expect(await campaignCounts(t)).toEqual(before);
    const unknown = await t
      .http()
      .post('/api/admin/campaigns/999999/schedule')
      .set(...bearer(admin));
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'CAMPAIGN_NOT_FOUND',
    });
  });

  it('refuses to schedule a campaign that is already over', async () => {
    const past = campaignInput(skus, {}, Date.now() - WEEK);
    const draft = await createCampaign(t, admin, past);
    const res = await t
      .http()
      .post(`/api/admin/campaigns/${draft.id}/schedule`)
      .set(...bearer(admin));
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['endAt']);
  });

  describe('a live campaign', () => {
    let live: CampaignDetail;
    let input: CampaignInput;

    beforeAll(async () => {
      // Started an hour ago: scheduling it makes it live at once.
      input = campaignInput(skus, {}, Date.now() - 25 * 3_600_000);
      input.items[1].stockCap = 10;
      live = await campaignAction(t, admin, (await createCampaign(t, admin, input)).id, 'schedule');
    });

    it('went straight to live', () => expect(live.status).toBe('live'));

    it('refuses price, limit, start and removal changes with 409 naming the fields, changing nothing', async () => {
      const before = await campaignCounts(t);
      const res = await put(live.id, {
        ...input,
        startAt: new Date(Date.parse(input.startAt) + 60_000).toISOString(),
        items: [{ ...input.items[0], groupPrice: input.items[0].groupPrice - 1 }],
      });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 409,
        code: 'CAMPAIGN_LIVE_FIELD_LOCKED',
      });
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['startAt', 'items', 'items.0']);
      expect(await campaignCounts(t)).toEqual(before);
      const after = await t
        .http()
        .get(`/api/admin/campaigns/${live.id}`)
        .set(...bearer(admin));
      expect(after.body.items).toEqual(live.items);
    });

    it('takes a new title, a later end and cut-off, a raised cap and a new item', async () => {
      const next: CampaignInput = {
        ...input,
        title: '加量不加价',
        endAt: new Date(Date.parse(input.endAt) + 3_600_000).toISOString(),
        items: [
          input.items[0],
          { ...input.items[1], stockCap: 20 },
          { ...input.items[0], skuId: skus[3].id, stockCap: 3 },
        ],
      };
      const res = await put(live.id, next).expect(200);
      expect(res.body).toMatchObject({ status: 'live', title: '加量不加价', endAt: next.endAt });
      expect(res.body.items.map((i: { skuId: number }) => i.skuId)).toEqual([
        skus[0].id,
        skus[1].id,
        skus[3].id,
      ]);
      // Items kept their ids (orders refer to them).
      expect(res.body.items[0].id).toBe(live.items[0].id);
    });
  });

  describe('a live campaign past its cut-off', () => {
    let live: CampaignDetail;
    let stored: CampaignInput;

    beforeAll(async () => {
      const input = campaignInput(skus, { title: '截单后修改' }, Date.now() - 25 * 3_600_000);
      const id = (await campaignAction(t, admin, (await createCampaign(t, admin, input)).id, 'schedule')).id;
      // Time passes beyond the cut-off (the end is still ahead).
      await t.dataSource.query('UPDATE campaigns SET cutoff_at = ? WHERE id = ?', [
        dbTime(Date.now() - 60_000),
        id,
      ]);
      live = (
        await t
          .http()
          .get(`/api/admin/campaigns/${id}`)
          .set(...bearer(admin))
          .expect(200)
      ).body as CampaignDetail;
      expect(live.status).toBe('live');
      stored = {
        ...input,
        startAt: live.startAt,
        endAt: live.endAt,
        cutoffAt: live.cutoffAt,
        pickupDate: live.pickupDate,
      };
    });

    it('still takes a new title, description and pickup date (times unchanged)', async () => {
      const pickupDate = new Date(Date.parse(live.endAt) + 3 * 86_400_000).toISOString().slice(0, 10);
      const res = await put(live.id, {
        ...stored,
        title: '截单后改名',
        description: '提货日顺延一天',
        pickupDate,
      });
      expect({ status: res.status, fields: res.body.fields }).toEqual({ status: 200, fields: undefined });
      expect(res.body).toMatchObject({ title: '截单后改名', description: '提货日顺延一天', pickupDate });
      stored = { ...stored, title: '截单后改名', description: '提货日顺延一天', pickupDate };
    });

    it('refuses moving the cut-off to another time already passed; a later end is fine', async () => {
      const before = await campaignCounts(t);
      const res = await put(live.id, {
        ...stored,
        cutoffAt: new Date(Date.parse(stored.cutoffAt) + 1000).toISOString(),
      });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.fields).toEqual([{ field: 'cutoffAt', errors: ['截单时间已过'] }]);
      expect(await campaignCounts(t)).toEqual(before);
      const endAt = new Date(Date.parse(stored.endAt) + 3_600_000).toISOString();
      await put(live.id, { ...stored, endAt }).expect(200);
    });
  });

  describe('SKUs that are not for sale', () => {
    /** A sellable SKU of another product than skus[0] (so taking its product off sale leaves item 0 alone). */
    const otherSku = () => skus.find((s) => s.productId !== skus[0].productId)!;
    const setProduct = (productId: number, status: string) =>
      t.dataSource.query('UPDATE products SET status = ? WHERE id = ?', [status, productId]);
    const schedule = (id: number) =>
      t
        .http()
        .post(`/api/admin/campaigns/${id}/schedule`)
        .set(...bearer(admin));
    const withItems = (picked: SeededSku[]) => campaignInput(picked, { title: '下架商品检查' });

    it('keeps a draft with an off-sale product, but refuses to schedule it (400 on the item)', async () => {
      const sku = otherSku();
      const draft = await createCampaign(t, admin, withItems([skus[0], sku]));
      await setProduct(sku.productId, 'off_sale');
      try {
        const res = await schedule(draft.id);
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['items.1.skuId']);
        expect(
          (
            await t
              .http()
              .get(`/api/admin/campaigns/${draft.id}`)
              .set(...bearer(admin))
          ).body.status,
        ).toBe('draft');
        // A draft may still be created with it (staff put it back on sale before scheduling).
        await createCampaign(t, admin, withItems([sku]));
      } finally {
        await setProduct(sku.productId, 'on_sale');
      }
      await campaignAction(t, admin, draft.id, 'schedule');
    });

    it('refuses to schedule with a disabled SKU', async () => {
      const sku = otherSku();
      const draft = await createCampaign(t, admin, withItems([skus[0], sku]));
      await t.dataSource.query("UPDATE skus SET status = 'disabled' WHERE id = ?", [sku.id]);
      try {
        const res = await schedule(draft.id);
        expect(res.status).toBe(400);
        expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['items.1.skuId']);
      } finally {
        await t.dataSource.query("UPDATE skus SET status = 'active' WHERE id = ?", [sku.id]);
      }
    });

    it('refuses adding an off-sale product to a scheduled campaign', async () => {
      const sku = otherSku();
      const input = withItems([skus[0]]);
      const scheduled = await campaignAction(
        t,
        admin,
        (await createCampaign(t, admin, input)).id,
        'schedule',
      );
      await setProduct(sku.productId, 'off_sale');
      try {
        const res = await put(scheduled.id, {
          ...input,
          items: [
            ...input.items,
            {
              ...input.items[0],
              skuId: sku.id,
              groupPrice: Math.max(0, sku.price - 100),
              originalPrice: sku.price,
            },
          ],
        });
        expect(res.status).toBe(400);
        expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['items.1.skuId']);
      } finally {
        await setProduct(sku.productId, 'on_sale');
      }
    });
  });

  it('duplicates to next week as a draft with the same content', async () => {
    const input = campaignInput(skus, { title: '每周鸡蛋团' }, Date.now() - 2 * 86_400_000);
    const original = await createCampaign(t, admin, input);
    const res = await t
      .http()
      .post(`/api/admin/campaigns/${original.id}/duplicate`)
      .set(...bearer(admin))
      .send({})
      .expect(201);
    const copy = res.body as CampaignDetail;
    expect(copy).toMatchObject({
      status: 'draft',
      title: '每周鸡蛋团',
      duplicatedFromId: original.id,
      soldQuantity: 0,
    });
    expect(Date.parse(copy.startAt) - Date.parse(original.startAt)).toBe(WEEK);
    expect(Date.parse(copy.endAt) - Date.parse(original.endAt)).toBe(WEEK);
    expect(copy.items.map((i) => [i.skuId, i.groupPrice, i.perMemberLimit])).toEqual(
      original.items.map((i) => [i.skuId, i.groupPrice, i.perMemberLimit]),
    );
    expect(copy.items[0].id).not.toBe(original.items[0].id);

    const startAt = new Date(Date.parse(original.startAt) + 3 * WEEK).toISOString();
    const moved = await t
      .http()
      .post(`/api/admin/campaigns/${original.id}/duplicate`)
      .set(...bearer(admin))
      .send({ startAt })
      .expect(201);
    expect(moved.body.startAt).toBe(startAt);
  });

  it('previews as a buyer would see it, whatever the status', async () => {
    const draft = await createCampaign(t, admin, campaignInput(skus, { title: '预览团' }));
    const res = await t
      .http()
      .get(`/api/admin/campaigns/${draft.id}/preview`)
      .set(...bearer(admin))
      .expect(200);
    const view = res.body as CampaignView;
    expect(view).toMatchObject({ id: draft.id, title: '预览团', status: 'draft', soldQuantity: 0 });
    expect(view.items.map((i) => i.skuId)).toEqual(draft.items.map((i) => i.skuId));
    expect(view.items[0]).toMatchObject({ productId: skus[0].productId, remaining: expect.any(Number) });
  });

  it('秒杀: set on a draft, kept by an update that does not mention it, copied, and locked once live', async () => {
    const draft = await createCampaign(t, admin, campaignInput(skus, { title: '整点秒杀', flashSale: true }));
    expect(draft.flashSale).toBe(true);
    const { flashSale: _flashSale, ...withoutFlag } = campaignInput(skus, { title: '整点秒杀（改）' });
    const updated = (await put(draft.id, withoutFlag as CampaignInput).expect(200)).body as CampaignDetail;
    expect(updated).toMatchObject({ title: '整点秒杀（改）', flashSale: true });
    const copy = await t
      .http()
      .post(`/api/admin/campaigns/${draft.id}/duplicate`)
      .set(...bearer(admin))
      .send({})
      .expect(201);
    expect(copy.body.flashSale).toBe(true);
    const list = await t
      .http()
      .get('/api/admin/campaigns?keyword=整点秒杀')
      .set(...bearer(admin))
      .expect(200);
    expect((list.body.items as CampaignListItem[]).every((c) => c.flashSale)).toBe(true);

    const live = await createCampaign(
      t,
      admin,
      campaignInput(skus, { title: '进行中秒杀', flashSale: true }, Date.now() - 25 * 3_600_000),
    );
    await campaignAction(t, admin, live.id, 'schedule');
    const locked = await put(live.id, {
      ...campaignInput(skus, { title: '进行中秒杀', flashSale: false }, Date.now() - 25 * 3_600_000),
      startAt: live.startAt,
      endAt: live.endAt,
      cutoffAt: live.cutoffAt,
      pickupDate: live.pickupDate,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('CAMPAIGN_LIVE_FIELD_LOCKED');
    expect(locked.body.fields.map((f: { field: string }) => f.field)).toContain('flashSale');
  });
});
