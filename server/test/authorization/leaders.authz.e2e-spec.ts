import { bearer } from '../modules/support/modules-test-kit';
import {
  adminCallersWithout,
  adminLeaderAction,
  createAuthzWorld,
  itRefuses,
  newApplicant,
  withToken,
  type AuthzWorld,
} from './authz-kit';
import { describeRoute } from './describe-route';

/** Leader review and lifecycle: leaders.read / leaders.write; transfer-members needs members.write. */
describe('authorization: leaders (admin)', () => {
  let w: AuthzWorld;
  const world = () => w;
  let pendingToApprove: number;
  let pendingToReject: number;
  let suspended: number;
  /** An active leader to suspend (not A or B, whom other cases rely on). */
  let activeToSuspend: number;

  beforeAll(async () => {
    w = await createAuthzWorld();
    pendingToApprove = (await newApplicant(w, 'authz-pending-1', '待审一号')).leaderId;
    pendingToReject = (await newApplicant(w, 'authz-pending-2', '待审二号')).leaderId;
    activeToSuspend = (await newApplicant(w, 'authz-active-1', '营业一号')).leaderId;
    await adminLeaderAction(w, activeToSuspend, 'approve');
    suspended = (await newApplicant(w, 'authz-suspended-1', '停用一号')).leaderId;
    await adminLeaderAction(w, suspended, 'approve');
    await adminLeaderAction(w, suspended, 'suspend');
  });
  afterAll(() => w?.t.close());

  function post(path: string, token: string | null, body: object = {}) {
    return withToken(w.t.http().post(path), token).send(body);
  }

  describeRoute('GET /api/admin/leaders/:id', () => {
    // Leader A asking for leader B's record with A's own (member) token is among the refused callers.
    itRefuses(world, adminCallersWithout('leaders.read'), (w, token) =>
      withToken(w.t.http().get(`/api/admin/leaders/${w.leaderB.leaderId}`), token),
    );

    it('answers a missing id with the same 403 for a role without leaders.read (no existence oracle)', async () => {
      const res = await w.t
        .http()
        .get('/api/admin/leaders/999999')
        .set(...bearer(w.staffTokens.warehouse));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    });

    it('control: the admin reads it', async () => {
      const res = await w.t
        .http()
        .get(`/api/admin/leaders/${w.leaderB.leaderId}`)
        .set(...bearer(w.adminToken))
        .expect(200);
      expect(res.body.id).toBe(w.leaderB.leaderId);
    });
  });

  describeRoute('POST /api/admin/leaders/:id/approve', () => {
    itRefuses(world, adminCallersWithout('leaders.write'), (_w, token) =>
      post(`/api/admin/leaders/${pendingToApprove}/approve`, token),
    );

    it('control: the admin approves it', async () => {
      const res = await post(`/api/admin/leaders/${pendingToApprove}/approve`, w.adminToken).expect(200);
      expect(res.body.status).toBe('active');
    });
  });

  describeRoute('POST /api/admin/leaders/:id/reject', () => {
    itRefuses(world, adminCallersWithout('leaders.write'), (_w, token) =>
      post(`/api/admin/leaders/${pendingToReject}/reject`, token, { reason: '资料不全，请补充' }),
    );

    it('control: the admin rejects it', async () => {
      const res = await post(`/api/admin/leaders/${pendingToReject}/reject`, w.adminToken, {
        reason: '资料不全，请补充',
      }).expect(200);
      expect(res.body.status).toBe('rejected');
    });
  });

  describeRoute('POST /api/admin/leaders/:id/suspend', () => {
    itRefuses(world, adminCallersWithout('leaders.write'), (_w, token) =>
      post(`/api/admin/leaders/${activeToSuspend}/suspend`, token, { reason: '多次投诉，暂停营业' }),
    );

    it('control: the admin suspends it', async () => {
      const res = await post(`/api/admin/leaders/${activeToSuspend}/suspend`, w.adminToken, {
        reason: '多次投诉，暂停营业',
      }).expect(200);
      expect(res.body.status).toBe('suspended');
    });
  });

  describeRoute('POST /api/admin/leaders/:id/reactivate', () => {
    itRefuses(world, adminCallersWithout('leaders.write'), (_w, token) =>
      post(`/api/admin/leaders/${suspended}/reactivate`, token),
    );

    it('control: the admin reactivates it', async () => {
      const res = await post(`/api/admin/leaders/${suspended}/reactivate`, w.adminToken).expect(200);
      expect(res.body.status).toBe('active');
    });
  });

  describeRoute('POST /api/admin/leaders/:id/transfer-members', () => {
    // Leader A trying to take over leader B's customers with A's member token is among the refused.
    itRefuses(world, adminCallersWithout('members.write'), (w, token) =>
      post(`/api/admin/leaders/${w.leaderB.leaderId}/transfer-members`, token, {
        toLeaderId: w.leaderA.leaderId,
        reason: '团长 B 退出，客户转给 A',
      }),
    );

    it('control: the admin transfers them', async () => {
      const res = await post(`/api/admin/leaders/${w.leaderB.leaderId}/transfer-members`, w.adminToken, {
        toLeaderId: w.leaderA.leaderId,
        reason: '团长 B 退出，客户转给 A',
      }).expect(200);
      expect(res.body.moved).toBeGreaterThan(0);
    });
  });
});
