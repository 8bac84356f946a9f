import { randomUUID } from 'node:crypto';
import type { CommissionRules, RuleSetView, WithdrawalView } from '@linli/shared-types';
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
 * Commission: rule sets need commission.read / commission.write, withdrawals withdrawals.approve; a
 * leader reaches only their own withdrawals (another leader's is 404, so ids cannot be walked), and a
 * member who is not a leader none at all. `draft` is an unpublished rule set; `withdrawal` is leader A's
 * request under review.
 */
describe('authorization: commission', () => {
  let w: AuthzWorld;
  let draft: RuleSetView;
  let withdrawal: WithdrawalView;
  const world = () => w;

  beforeAll(async () => {
    w = await createAuthzWorld();
    const rules = (
      await w.t
        .http()
        .get('/api/admin/commission/rule-sets/template')
        .set(...bearer(w.adminToken))
        .expect(200)
    ).body as CommissionRules;
    draft = (
      await w.t
        .http()
        .post('/api/admin/commission/rule-sets')
        .set(...bearer(w.adminToken))
        .send({ name: '权限测试方案', rules })
        .expect(201)
    ).body as RuleSetView;
    await w.t
      .http()
      .post('/api/admin/commission/adjustments')
      .set(...bearer(w.adminToken))
      .send({ leaderId: w.leaderA.leaderId, amount: 50_000, reason: '权限测试入账', requestId: randomUUID() })
      .expect(201);
    withdrawal = (
      await w.t
        .http()
        .post('/api/app/leader/commission/withdrawals')
        .set(...bearer(w.leaderA.token))
        .send({
          amount: 40_000,
          method: 'bank',
          requestId: randomUUID(),
          bankAccount: { holder: '王丽华', bankName: '招商银行', accountNo: '6225880212345678' },
        })
        .expect(201)
    ).body as WithdrawalView;
    expect(withdrawal.status).toBe('reviewing');
  });
  afterAll(() => w?.t.close());

  const staff =
    (method: 'get' | 'post' | 'put' | 'delete', path: string, body: object = {}) =>
    (w: AuthzWorld, token: string | null) => {
      const test = withToken(w.t.http()[method](path), token);
      return method === 'get' || method === 'delete' ? test : test.send(body);
    };

  describeRoute('GET /api/admin/commission/rule-sets/:id', () => {
    itRefuses(world, adminCallersWithout('commission.read'), (w, token) =>
      staff('get', `/api/admin/commission/rule-sets/${draft.id}`)(w, token),
    );
  });
  describeRoute('PUT /api/admin/commission/rule-sets/:id', () => {
    itRefuses(world, adminCallersWithout('commission.write'), (w, token) =>
      staff('put', `/api/admin/commission/rule-sets/${draft.id}`, { name: '改名', rules: draft.rules })(
        w,
        token,
      ),
    );
  });
  describeRoute('DELETE /api/admin/commission/rule-sets/:id', () => {
    itRefuses(world, adminCallersWithout('commission.write'), (w, token) =>
      staff('delete', `/api/admin/commission/rule-sets/${draft.id}`)(w, token),
    );
  });
  describeRoute('POST /api/admin/commission/rule-sets/:id/copy', () => {
    itRefuses(world, adminCallersWithout('commission.write'), (w, token) =>
      staff('post', `/api/admin/commission/rule-sets/${draft.id}/copy`)(w, token),
    );
  });
  describeRoute('POST /api/admin/commission/rule-sets/:id/publish', () => {
    itRefuses(world, adminCallersWithout('commission.write'), (w, token) =>
      staff('post', `/api/admin/commission/rule-sets/${draft.id}/publish`, {
        effectiveFrom: new Date(Date.now() + 3_600_000).toISOString(),
      })(w, token),
    );
  });
  describeRoute('POST /api/admin/commission/rule-sets/:id/simulate', () => {
    itRefuses(world, adminCallersWithout('commission.read'), (w, token) =>
      staff('post', `/api/admin/commission/rule-sets/${draft.id}/simulate`, {
        from: new Date(Date.now() - 86_400_000).toISOString(),
        to: new Date().toISOString(),
      })(w, token),
    );
  });

  describeRoute('POST /api/admin/commission/withdrawals/:id/approve', () => {
    itRefuses(world, adminCallersWithout('withdrawals.approve'), (w, token) =>
      staff('post', `/api/admin/commission/withdrawals/${withdrawal.id}/approve`, { reason: '权限测试' })(
        w,
        token,
      ),
    );
  });
  describeRoute('POST /api/admin/commission/withdrawals/:id/reject', () => {
    itRefuses(world, adminCallersWithout('withdrawals.approve'), (w, token) =>
      staff('post', `/api/admin/commission/withdrawals/${withdrawal.id}/reject`, { reason: '权限测试' })(
        w,
        token,
      ),
    );
  });
  describeRoute('POST /api/admin/commission/withdrawals/:id/mark-paid', () => {
    itRefuses(world, adminCallersWithout('withdrawals.approve'), (w, token) =>
      staff('post', `/api/admin/commission/withdrawals/${withdrawal.id}/mark-paid`, { reason: '权限测试' })(
        w,
        token,
      ),
    );
  });
  describeRoute('POST /api/admin/commission/withdrawals/:id/mark-failed', () => {
    itRefuses(world, adminCallersWithout('withdrawals.approve'), (w, token) =>
      staff('post', `/api/admin/commission/withdrawals/${withdrawal.id}/mark-failed`, { reason: '权限测试' })(
        w,
        token,
      ),
    );
  });

  const otherLeader: Caller = {
    label: 'leader B (not the owner)',
    token: (w) => w.leaderB.token,
    status: 404,
    code: 'WITHDRAWAL_NOT_FOUND',
  };
  const notALeader: Caller = {
    label: 'buyer B (not a leader)',
    token: (w) => w.buyerB.token,
    status: 403,
    code: 'LEADER_NOT_ACTIVE',
  };
  const leaderCallers = () => [otherLeader, notALeader, ...staffCallersOnApp()];

  const leaderAction = (action: string) => (w: AuthzWorld, token: string | null) =>
    withToken(
      w.t.http().post(`/api/app/leader/commission/withdrawals/${withdrawal.id}/${action}`),
      token,
    ).send({
      accept: true,
    });
  describeRoute('POST /api/app/leader/commission/withdrawals/:id/confirmation', () => {
    itRefuses(world, leaderCallers(), (w, token) => leaderAction('confirmation')(w, token));
  });
  describeRoute('POST /api/app/leader/commission/withdrawals/:id/simulate', () => {
    itRefuses(world, leaderCallers(), (w, token) => leaderAction('simulate')(w, token));
  });
  describeRoute('POST /api/app/leader/commission/withdrawals/:id/sync', () => {
    itRefuses(world, leaderCallers(), (w, token) => leaderAction('sync')(w, token));
  });
});
