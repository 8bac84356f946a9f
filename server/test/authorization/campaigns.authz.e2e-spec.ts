import {
  campaignAction,
  campaignInput,
  createCampaign,
  sellableSkus,
} from '../modules/campaigns/campaigns-test-kit';
import { bearer } from '../modules/support/modules-test-kit';
import {
  adminCallersWithout,
  createAuthzWorld,
  itRefuses,
  staffCallersOnApp,
  withToken,
  type AuthzWorld,
  type Caller,
} from './authz-kit';
import { describeRoute } from './describe-route';

/**
 * Campaigns: staff routes need campaigns.read / campaigns.write; buyers see live campaigns offered at
 * their leader (or at the leader of the share link they came from); leaders share
 * only campaigns offered at them. `onlyA` is a live campaign offered at leader A alone.
 */
describe('authorization: campaigns', () => {
  let w: AuthzWorld;
  let draftId: number;
  let onlyA: number;
  let productId: number;
  const world = () => w;

  beforeAll(async () => {
    w = await createAuthzWorld();
    const skus = await sellableSkus(w.t);
    draftId = (await createCampaign(w.t, w.adminToken, campaignInput(skus))).id;
    const live = await createCampaign(
      w.t,
      w.adminToken,
      campaignInput(
        skus,
        { title: 'A 专享', audience: { kind: 'leaders', levelIds: [], leaderIds: [w.leaderA.leaderId] } },
        Date.now() - 25 * 3_600_000,
      ),
    );
    onlyA = (await campaignAction(w.t, w.adminToken, live.id, 'schedule')).id;
    productId = live.items[0].productId;
  });
  afterAll(() => w?.t.close());

  const readers = () => adminCallersWithout('campaigns.read');
  const writers = () => adminCallersWithout('campaigns.write');

  describeRoute('GET /api/admin/campaigns/:id', () => {
    itRefuses(world, readers(), (w, token) =>
      withToken(w.t.http().get(`/api/admin/campaigns/${draftId}`), token),
    );
    it('control: the admin reads it', async () => {
      await w.t
        .http()
        .get(`/api/admin/campaigns/${draftId}`)
        .set(...bearer(w.adminToken))
        .expect(200);
    });
  });

  describeRoute('GET /api/admin/campaigns/:id/preview', () => {
    itRefuses(world, readers(), (w, token) =>
      withToken(w.t.http().get(`/api/admin/campaigns/${draftId}/preview`), token),
    );
  });

  describeRoute('PUT /api/admin/campaigns/:id', () => {
    itRefuses(world, writers(), (w, token) =>
      withToken(w.t.http().put(`/api/admin/campaigns/${draftId}`), token).send({ title: '被改掉' }),
    );
  });

  const action = (name: string) => (w: AuthzWorld, token: string | null) =>
    withToken(w.t.http().post(`/api/admin/campaigns/${draftId}/${name}`), token);
  describeRoute('POST /api/admin/campaigns/:id/schedule', () => {
    itRefuses(world, writers(), action('schedule'));
  });
  describeRoute('POST /api/admin/campaigns/:id/unschedule', () => {
    itRefuses(world, writers(), action('unschedule'));
  });
  describeRoute('POST /api/admin/campaigns/:id/end', () => {
    itRefuses(world, writers(), action('end'));
  });

  describeRoute('POST /api/admin/campaigns/:id/duplicate', () => {
    itRefuses(world, writers(), (w, token) =>
      withToken(w.t.http().post(`/api/admin/campaigns/${draftId}/duplicate`), token).send({}),
    );
  });

  describeRoute('GET /api/app/campaigns/:id', () => {
    itRefuses(world, staffCallersOnApp(), (w, token) =>
      withToken(w.t.http().get(`/api/app/campaigns/${onlyA}`), token),
    );
    it('a draft is not found for a buyer (no existence oracle for unpublished campaigns)', async () => {
      const res = await w.t
        .http()
        .get(`/api/app/campaigns/${draftId}`)
        .set(...bearer(w.buyerA.token));
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'CAMPAIGN_NOT_FOUND',
      });
    });
    it("buyer B cannot read leader A's campaign by its id (404, no walking sequential ids)", async () => {
      const res = await w.t
        .http()
        .get(`/api/app/campaigns/${onlyA}`)
        .set(...bearer(w.buyerB.token));
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'CAMPAIGN_NOT_FOUND',
      });
    });
    it("buyer B sees it through leader A's share link (leaderCode), not orderable at leader B", async () => {
      const res = await w.t
        .http()
        .get(`/api/app/campaigns/${onlyA}`)
        .query({ leaderCode: w.leaderA.inviteCode })
        .set(...bearer(w.buyerB.token))
        .expect(200);
      expect(res.body.offeredHere).toBe(false);
    });
    it('a leader code outside the audience opens nothing', async () => {
      const res = await w.t
        .http()
        .get(`/api/app/campaigns/${onlyA}`)
        .query({ leaderCode: w.leaderB.inviteCode })
        .set(...bearer(w.buyerB.token));
      expect(res.status).toBe(404);
    });
  });

  describeRoute('GET /api/app/campaigns/:campaignId/products/:productId', () => {
    itRefuses(world, staffCallersOnApp(), (w, token) =>
      withToken(w.t.http().get(`/api/app/campaigns/${onlyA}/products/${productId}`), token),
    );
    it('control: buyer A opens the product page', async () => {
      const res = await w.t
        .http()
        .get(`/api/app/campaigns/${onlyA}/products/${productId}`)
        .set(...bearer(w.buyerA.token))
        .expect(200);
      expect(res.body.offeredHere).toBe(true);
    });
    it("buyer B gets 404 without leader A's code", async () => {
      const res = await w.t
        .http()
        .get(`/api/app/campaigns/${onlyA}/products/${productId}`)
        .set(...bearer(w.buyerB.token));
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'CAMPAIGN_NOT_FOUND',
      });
    });
  });

  describeRoute('GET /api/app/leader/campaigns/:id/share', () => {
    const outsiders: Caller[] = [
      {
        label: 'leader B (campaign offered at A only)',
        token: (w) => w.leaderB.token,
        status: 404,
        code: 'CAMPAIGN_NOT_FOUND',
      },
      {
        label: 'buyer A (not a leader)',
        token: (w) => w.buyerA.token,
        status: 403,
        code: 'LEADER_NOT_ACTIVE',
      },
      ...staffCallersOnApp(),
    ];
    itRefuses(world, outsiders, (w, token) =>
      withToken(w.t.http().get(`/api/app/leader/campaigns/${onlyA}/share`), token),
    );
    it('control: leader A gets the share card and poster', async () => {
      const res = await w.t
        .http()
        .get(`/api/app/leader/campaigns/${onlyA}/share`)
        .set(...bearer(w.leaderA.token))
        .expect(200);
      expect(res.body.h5Link).toContain(`leaderCode=${w.leaderA.inviteCode}`);
    });
  });
});
