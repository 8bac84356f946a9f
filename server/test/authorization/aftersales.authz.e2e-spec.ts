import { randomUUID } from 'node:crypto';
import type { AfterSalesCaseView } from '@linli/shared-types';
import { sellableSkus } from '../modules/campaigns/campaigns-test-kit';
import { seededLeaders } from '../modules/members/members-test-kit';
import { liveCampaign, payWithSimulator, placedOrder } from '../modules/orders/orders-test-kit';
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
 * After-sales: a buyer reaches only their own orders and cases (another buyer's is 404); only the
 * order's own leader reviews it (another leader: 404); staff routes need aftersales.read / .write.
 * `orderId` and `caseId` belong to buyer A (bound to leader A).
 */
describe('authorization: aftersales', () => {
  let w: AuthzWorld;
  let orderId: number;
  let caseId: number;
  const world = () => w;

  beforeAll(async () => {
    w = await createAuthzWorld();
    const orders = {
      t: w.t,
      admin: w.adminToken,
      skus: await sellableSkus(w.t),
      leaders: await seededLeaders(w.t),
    };
    const campaign = await liveCampaign(orders, {
      items: orders.skus.slice(0, 1).map((sku) => ({
        skuId: sku.id,
        groupPrice: sku.price,
        originalPrice: sku.price,
        perMemberLimit: 0,
        stockCap: null,
      })),
    });
    const line = { campaignId: campaign.id, lines: [{ itemId: campaign.items[0].id, quantity: 2 }] };
    const paid = await payWithSimulator(
      w.t,
      w.buyerA.token,
      (await placedOrder(w.t, w.buyerA.token, line)).id,
    );
    orderId = paid.id;
    const res = await w.t
      .http()
      .post(`/api/app/orders/${orderId}/aftersales`)
      .set(...bearer(w.buyerA.token))
      .send({
        requestId: randomUUID(),
        reason: 'quality',
        lines: [{ orderLineId: paid.lines[0].id, quantity: 1 }],
      })
      .expect(201);
    caseId = (res.body as AfterSalesCaseView).id;
  });
  afterAll(() => w?.t.close());

  const otherBuyerOrder: Caller = {
    label: 'buyer B (not the buyer)',
    token: (w) => w.buyerB.token,
    status: 404,
    code: 'ORDER_NOT_FOUND',
  };
  const otherBuyerCase: Caller = { ...otherBuyerOrder, code: 'AFTERSALES_NOT_FOUND' };
  const otherLeader: Caller = {
    label: 'leader B (another pickup point)',
    token: (w) => w.leaderB.token,
    status: 404,
    code: 'AFTERSALES_NOT_FOUND',
  };
  const notALeader: Caller = {
    label: 'buyer A (not a leader)',
    token: (w) => w.buyerA.token,
    status: 403,
    code: 'LEADER_NOT_ACTIVE',
  };

  describeRoute('POST /api/app/orders/:id/aftersales', () => {
    itRefuses(world, [otherBuyerOrder, ...staffCallersOnApp()], (w, token) =>
      withToken(w.t.http().post(`/api/app/orders/${orderId}/aftersales`), token).send({
        requestId: randomUUID(),
        reason: 'quality',
      }),
    );
  });
  describeRoute('GET /api/app/orders/:id/aftersales', () => {
    it('shows buyer B nothing of buyer A’s order', async () => {
      const res = await w.t
        .http()
        .get(`/api/app/orders/${orderId}/aftersales`)
        .set(...bearer(w.buyerB.token))
        .expect(200);
      expect(res.body).toEqual([]);
    });
    itRefuses(world, staffCallersOnApp(), (w, token) =>
      withToken(w.t.http().get(`/api/app/orders/${orderId}/aftersales`), token),
    );
  });
  describeRoute('GET /api/app/aftersales/:id', () => {
    itRefuses(world, [otherBuyerCase, ...staffCallersOnApp()], (w, token) =>
      withToken(w.t.http().get(`/api/app/aftersales/${caseId}`), token),
    );
  });
  describeRoute('GET /api/app/leader/aftersales/:id', () => {
    itRefuses(world, [otherLeader, notALeader, ...staffCallersOnApp()], (w, token) =>
      withToken(w.t.http().get(`/api/app/leader/aftersales/${caseId}`), token),
    );
  });
  describeRoute('POST /api/app/leader/aftersales/:id/approve', () => {
    itRefuses(world, [otherLeader, notALeader, ...staffCallersOnApp()], (w, token) =>
      withToken(w.t.http().post(`/api/app/leader/aftersales/${caseId}/approve`), token).send({}),
    );
  });
  describeRoute('POST /api/app/leader/aftersales/:id/reject', () => {
    itRefuses(world, [otherLeader, notALeader, ...staffCallersOnApp()], (w, token) =>
      withToken(w.t.http().post(`/api/app/leader/aftersales/${caseId}/reject`), token).send({
        reason: '不行',
      }),
    );
  });
  describeRoute('GET /api/admin/aftersales/:id', () => {
    itRefuses(world, adminCallersWithout('aftersales.read'), (w, token) =>
      withToken(w.t.http().get(`/api/admin/aftersales/${caseId}`), token),
    );
  });
  describeRoute('POST /api/admin/aftersales/:id/approve', () => {
    itRefuses(world, adminCallersWithout('aftersales.write'), (w, token) =>
      withToken(w.t.http().post(`/api/admin/aftersales/${caseId}/approve`), token).send({}),
    );
  });
  describeRoute('POST /api/admin/aftersales/:id/reject', () => {
    itRefuses(world, adminCallersWithout('aftersales.write'), (w, token) =>
      withToken(w.t.http().post(`/api/admin/aftersales/${caseId}/reject`), token).send({ reason: '不行' }),
    );
  });
  describeRoute('POST /api/admin/aftersales/:id/return-stock', () => {
    itRefuses(world, adminCallersWithout('aftersales.write'), (w, token) =>
      withToken(w.t.http().post(`/api/admin/aftersales/${caseId}/return-stock`), token),
    );
  });
  describeRoute('PUT /api/admin/aftersales/settings', () => {
    itRefuses(world, adminCallersWithout('aftersales.write'), (w, token) =>
      withToken(w.t.http().put('/api/admin/aftersales/settings'), token).send({
        autoApproveMaxFen: 100,
        autoApproveAfterHours: 1,
      }),
    );
  });
  it('control: leader A reads the case of their point', async () => {
    await w.t
      .http()
      .get(`/api/app/leader/aftersales/${caseId}`)
      .set(...bearer(w.leaderA.token))
      .expect(200);
  });
});
