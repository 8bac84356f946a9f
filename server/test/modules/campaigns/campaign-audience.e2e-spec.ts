import type { CampaignAudience, CampaignPageView, CampaignView } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { devLogin, seededLeaders } from '../members/members-test-kit';
import { bearer, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import {
  campaignAction,
  campaignInput,
  createCampaign,
  sellableSkus,
  type SeededSku,
} from './campaigns-test-kit';

/** Who sees a campaign: its audience against the buyer's CURRENT leader (and that leader's level). */
describe('campaign audiences (buyer side)', () => {
  let t: TestApp;
  let admin: string;
  let skus: SeededSku[];
  let buyerA: string; // bound to 王丽华
  let buyerB: string; // bound to 陈建国
  let newcomer: string; // no leader yet
  let leaderA: { id: number; levelId: number };
  let leaderB: { id: number; levelId: number };

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    await seedDemo(t);
    admin = (await loginAsAdmin(t)).accessToken;
    skus = await sellableSkus(t);
    buyerA = (await devLogin(t, 'demo-buyer')).accessToken;
    buyerB = (await devLogin(t, 'member-sun')).accessToken;
    newcomer = (await devLogin(t, 'audience-newcomer')).accessToken;
    const leaders = await seededLeaders(t);
    const levelOf = async (id: number) =>
      Number(
        (
          (await t.dataSource.query('SELECT level_id FROM leaders WHERE id = ?', [id])) as Array<{
            level_id: number;
          }>
        )[0].level_id,
      );
    leaderA = { id: leaders['王丽华'].id, levelId: await levelOf(leaders['王丽华'].id) };
    leaderB = { id: leaders['陈建国'].id, levelId: await levelOf(leaders['陈建国'].id) };
    expect(leaderA.levelId).not.toBe(leaderB.levelId);
  });
  afterAll(() => t.close());

  /** A live campaign (started an hour ago) for `audience`. */
  const liveFor = async (title: string, audience: CampaignAudience) => {
    const draft = await createCampaign(
      t,
      admin,
      campaignInput(skus, { title, audience }, Date.now() - 25 * 3_600_000),
    );
    return campaignAction(t, admin, draft.id, 'schedule');
  };
  const titles = async (token: string) =>
    (
      (
        await t
          .http()
          .get('/api/app/campaigns')
          .set(...bearer(token))
          .expect(200)
      ).body as CampaignView[]
    ).map((c) => c.title);

  it("offers a levels campaign only at leaders on those levels (by the leader's current level)", async () => {
    const campaign = await liveFor('银牌专享', {
      kind: 'levels',
      levelIds: [leaderB.levelId],
      leaderIds: [],
    });
    expect(await titles(buyerB)).toContain('银牌专享');
    expect(await titles(buyerA)).not.toContain('银牌专享');
    expect(await titles(newcomer)).not.toContain('银牌专享');

    // Leader A moves onto that level: their buyers see it at once.
    await t.dataSource.query('UPDATE leaders SET level_id = ? WHERE id = ?', [leaderB.levelId, leaderA.id]);
    expect(await titles(buyerA)).toContain('银牌专享');
    await t.dataSource.query('UPDATE leaders SET level_id = ? WHERE id = ?', [leaderA.levelId, leaderA.id]);

    // Not offered at buyer A's leader: the page is not theirs to read without a link of leader B.
    const page = await t
      .http()
      .get(`/api/app/campaigns/${campaign.id}`)
      .set(...bearer(buyerA));
    expect({ status: page.status, code: page.body.code }).toEqual({
      status: 404,
      code: 'CAMPAIGN_NOT_FOUND',
    });
    await t
      .http()
      .get(`/api/app/campaigns/${campaign.id}`)
      .set(...bearer(buyerB))
      .expect(200);
  });

  describe('a restricted campaign opened from a share link (leaderCode)', () => {
    let campaignId: number;
    let productId: number;
    let inviteA: string;
    let inviteB: string;
    const get = (path: string, token: string, leaderCode?: string) =>
      t
        .http()
        .get(path)
        .query(leaderCode === undefined ? {} : { leaderCode })
        .set(...bearer(token));
    const outcome = async (path: string, token: string, leaderCode?: string) => {
      const res = await get(path, token, leaderCode);
      return res.status === 200
        ? { status: 200, offeredHere: res.body.offeredHere as boolean }
        : { status: res.status, code: res.body.code as string };
    };

    beforeAll(async () => {
      const leaders = await seededLeaders(t);
      inviteA = leaders['王丽华'].inviteCode;
      inviteB = leaders['陈建国'].inviteCode;
      const campaign = await liveFor('王丽华团链接专享', {
        kind: 'leaders',
        levelIds: [],
        leaderIds: [leaderA.id],
      });
      campaignId = campaign.id;
      productId = campaign.items[0].productId;
    });

    const paths = () => [
      `/api/app/campaigns/${campaignId}`,
      `/api/app/campaigns/${campaignId}/products/${productId}`,
    ];

    it('is 404 to a buyer at another leader without a code, or with a code of a leader outside it', async () => {
      for (const path of paths()) {
        const refused = { status: 404, code: 'CAMPAIGN_NOT_FOUND' };
        expect(await outcome(path, buyerB)).toEqual(refused);
        expect(await outcome(path, buyerB, inviteB)).toEqual(refused);
        expect(await outcome(path, newcomer, inviteB)).toEqual(refused);
        expect(await outcome(path, buyerB, 'NOSUCHCD')).toEqual(refused);
      }
    });

    it('is shown, not orderable here, with the code of a leader in its audience', async () => {
      for (const path of paths()) {
        expect(await outcome(path, buyerB, inviteA)).toEqual({ status: 200, offeredHere: false });
        expect(await outcome(path, newcomer, inviteA)).toEqual({ status: 200, offeredHere: false });
        expect(await outcome(path, buyerA)).toEqual({ status: 200, offeredHere: true });
      }
      const page = (await get(paths()[0], buyerB, inviteA).expect(200)).body as CampaignPageView;
      expect(page.leader?.id).toBe(leaderB.id);
    });

    it('takes only codes of ACTIVE leaders', async () => {
      await t.dataSource.query("UPDATE leaders SET status = 'suspended' WHERE id = ?", [leaderA.id]);
      try {
        expect(await outcome(paths()[0], buyerB, inviteA)).toEqual({
          status: 404,
          code: 'CAMPAIGN_NOT_FOUND',
        });
      } finally {
        await t.dataSource.query("UPDATE leaders SET status = 'active' WHERE id = ?", [leaderA.id]);
      }
    });

    it('follows the same rule once ended', async () => {
      await campaignAction(t, admin, campaignId, 'end');
      expect(await outcome(paths()[0], buyerB)).toEqual({ status: 404, code: 'CAMPAIGN_NOT_FOUND' });
      expect(await outcome(paths()[0], buyerB, inviteA)).toEqual({ status: 200, offeredHere: false });
      expect(await outcome(paths()[0], buyerA)).toEqual({ status: 200, offeredHere: false });
    });
  });

  it('offers a leaders campaign only at the named leaders', async () => {
    const campaign = await liveFor('王丽华团专享', {
      kind: 'leaders',
      levelIds: [],
      leaderIds: [leaderA.id],
    });
    expect(await titles(buyerA)).toContain('王丽华团专享');
    expect(await titles(buyerB)).not.toContain('王丽华团专享');
    const page = (
      await t
        .http()
        .get(`/api/app/campaigns/${campaign.id}`)
        .set(...bearer(buyerA))
        .expect(200)
    ).body as CampaignPageView;
    expect(page.offeredHere).toBe(true);
    expect(page.leader?.pickupPoint?.name).toBeTruthy();
    expect(page.items[0]).toMatchObject({
      productId: skus[0].productId,
      soldQuantity: 0,
      remaining: expect.any(Number),
    });
  });

  it('shows an all-leaders campaign everywhere, also to a buyer without a leader', async () => {
    await liveFor('全员福利', { kind: 'all', levelIds: [], leaderIds: [] });
    for (const token of [buyerA, buyerB, newcomer]) expect(await titles(token)).toContain('全员福利');
  });

  it('hides drafts and scheduled campaigns from the campaign page (404), shows ended ones', async () => {
    const draft = await createCampaign(t, admin, campaignInput(skus, { title: '草稿不可见' }));
    const res = await t
      .http()
      .get(`/api/app/campaigns/${draft.id}`)
      .set(...bearer(buyerA));
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'CAMPAIGN_NOT_FOUND' });
    await campaignAction(t, admin, draft.id, 'schedule');
    expect(
      (
        await t
          .http()
          .get(`/api/app/campaigns/${draft.id}`)
          .set(...bearer(buyerA))
      ).status,
    ).toBe(404);
    await campaignAction(t, admin, draft.id, 'end');
    const ended = await t
      .http()
      .get(`/api/app/campaigns/${draft.id}`)
      .set(...bearer(buyerA))
      .expect(200);
    expect(ended.body).toMatchObject({ status: 'ended', offeredHere: false });
  });

  it('serves the product page with the options of this campaign only', async () => {
    const campaign = await liveFor('商品页团', { kind: 'all', levelIds: [], leaderIds: [] });
    const item = campaign.items[0];
    const res = await t
      .http()
      .get(`/api/app/campaigns/${campaign.id}/products/${item.productId}`)
      .set(...bearer(buyerA))
      .expect(200);
    expect(res.body).toMatchObject({
      campaignId: campaign.id,
      campaignTitle: '商品页团',
      productId: item.productId,
      offeredHere: true,
    });
    expect(res.body.options.map((o: { itemId: number }) => o.itemId)).toEqual(
      campaign.items.filter((i) => i.productId === item.productId).map((i) => i.id),
    );
    const other = await t
      .http()
      .get(`/api/app/campaigns/${campaign.id}/products/999999`)
      .set(...bearer(buyerA));
    expect({ status: other.status, code: other.body.code }).toEqual({
      status: 404,
      code: 'PRODUCT_NOT_FOUND',
    });
  });
});
