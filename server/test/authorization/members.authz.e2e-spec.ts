import { bearer } from '../modules/support/modules-test-kit';
import {
  adminCallersWithout,
  createAuthzWorld,
  itRefuses,
  memberRow,
  withToken,
  type AuthzWorld,
} from './authz-kit';
import { describeRoute } from './describe-route';

/** Member records: members.read / members.write. */
describe('authorization: members (admin)', () => {
  let w: AuthzWorld;
  const world = () => w;

  beforeAll(async () => {
    w = await createAuthzWorld();
  });
  afterAll(() => w?.t.close());

  describeRoute('GET /api/admin/members/:id', () => {
    // Buyer A reading buyer B's record, leader A reading leader B's customer: both member tokens.
    itRefuses(world, adminCallersWithout('members.read'), (w, token) =>
      withToken(w.t.http().get(`/api/admin/members/${w.buyerB.memberId}`), token),
    );

    it('answers a missing id with the same 403 for a role without members.read (no existence oracle)', async () => {
      const res = await w.t
        .http()
        .get('/api/admin/members/999999')
        .set(...bearer(w.staffTokens.warehouse));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    });

    it('refuses buyer B reading their own admin record too (the admin view is staff only)', async () => {
      const res = await w.t
        .http()
        .get(`/api/admin/members/${w.buyerB.memberId}`)
        .set(...bearer(w.buyerB.token));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it('control: the admin reads it', async () => {
      const res = await w.t
        .http()
        .get(`/api/admin/members/${w.buyerB.memberId}`)
        .set(...bearer(w.adminToken))
        .expect(200);
      expect(res.body.id).toBe(w.buyerB.memberId);
    });
  });

  describeRoute('POST /api/admin/members/:id/move', () => {
    // Leader A pulling leader B's customer (buyer B) over to A, with A's member token, is among these.
    itRefuses(world, adminCallersWithout('members.write'), (w, token) =>
      withToken(w.t.http().post(`/api/admin/members/${w.buyerB.memberId}/move`), token).send({
        toLeaderId: w.leaderA.leaderId,
        reason: '就近调整到团长 A',
      }),
    );

    it('buyer B is still bound to leader B after every refusal', async () => {
      expect(Number((await memberRow(w.t, w.buyerB.memberId)).current_leader_id)).toBe(w.leaderB.leaderId);
    });

    it('control: the admin moves buyer B to leader A', async () => {
      const res = await w.t
        .http()
        .post(`/api/admin/members/${w.buyerB.memberId}/move`)
        .set(...bearer(w.adminToken))
        .send({ toLeaderId: w.leaderA.leaderId, reason: '就近调整到团长 A' })
        .expect(200);
      expect(Number((await memberRow(w.t, w.buyerB.memberId)).current_leader_id)).toBe(w.leaderA.leaderId);
      expect(res.body.id).toBe(w.buyerB.memberId);
    });
  });
});
