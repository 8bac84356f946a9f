import type {
  LeaderApplicationView,
  LeaderDetail,
  LeaderListItem,
  StaffLoginResponse,
} from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, createStaffAndLogin, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import { application, apply, auditActions, findLeader, leaderCounts, memberLogin } from './leaders-test-kit';

describe('leader applications: rules, authorization, concurrency', () => {
  let t: TestApp;
  let admin: StaffLoginResponse;
  let operator: StaffLoginResponse;
  let finance: StaffLoginResponse;
  let warehouse: StaffLoginResponse;
  let wang: LeaderListItem;
  /** A pending application made in beforeAll (its invite code belongs to a leader who is not active). */
  let pending: LeaderApplicationView;
  let pendingToken: string;

  const get = (path: string, token: string) =>
    t
      .http()
      .get(path)
      .set(...bearer(token));
  const post = (path: string, token: string, body?: object) =>
    t
      .http()
      .post(path)
      .set(...bearer(token))
      .send(body);

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    await seedDemo(t);
    admin = await loginAsAdmin(t);
    operator = (await createStaffAndLogin(t, admin.accessToken, ['operator'])).session;
    finance = (await createStaffAndLogin(t, admin.accessToken, ['finance'])).session;
    warehouse = (await createStaffAndLogin(t, admin.accessToken, ['warehouse'])).session;
    wang = await findLeader(t, admin.accessToken, '王丽华');
    const applicant = await memberLogin(t, 'applicant-pending');
    pendingToken = applicant.accessToken;
    pending = (await apply(t, pendingToken, application({ name: '钱多多' })).expect(201))
      .body as LeaderApplicationView;
  });
  afterAll(() => t.close());

  describe('bad applications change nothing', () => {
    let token: string;
    beforeAll(async () => {
      token = (await memberLogin(t, 'applicant-bad')).accessToken;
    });

    const refused: Array<[string, () => unknown, number, string, string | null]> = [
      [
        'agreement not accepted',
        () => application({ agreementAccepted: false }),
        400,
        'LEADER_AGREEMENT_NOT_ACCEPTED',
        null,
      ],
      [
        'an outdated agreement',
        () => application({ agreementVersion: '2025-01-v0' }),
        400,
        'LEADER_AGREEMENT_OUTDATED',
        null,
      ],
      [
        'an unknown invite code',
        () => application({ inviteCode: 'ZZZZZZZZ' }),
        400,
        'LEADER_INVITE_CODE_INVALID',
        null,
      ],
      [
        "a pending leader's invite code",
        () => application({ inviteCode: pending.inviteCode }),
        400,
        'LEADER_INVITE_CODE_INVALID',
        null,
      ],
      ['a bad mobile number', () => application({ phone: '1234567' }), 400, 'VALIDATION_FAILED', 'phone'],
      ['a one-character name', () => application({ name: '林' }), 400, 'VALIDATION_FAILED', 'name'],
      [
        'a latitude out of range',
        () => application({ pickupPoint: { ...application().pickupPoint, latitude: 91 } }),
        400,
        'VALIDATION_FAILED',
        'pickupPoint.latitude',
      ],
      [
        'a short address',
        () => application({ pickupPoint: { ...application().pickupPoint, address: '翠苑' } }),
        400,
        'VALIDATION_FAILED',
        'pickupPoint.address',
      ],
      [
        'a bad contact phone',
        () => application({ pickupPoint: { ...application().pickupPoint, contactPhone: 'call me' } }),
        400,
        'VALIDATION_FAILED',
        'pickupPoint.contactPhone',
      ],
      [
        'no pickup point',
        () => {
          const { pickupPoint: _omitted, ...rest } = application();
          return rest;
        },
        400,
        'VALIDATION_FAILED',
        'pickupPoint',
      ],
      [
        'agreementAccepted as a string',
        () => ({ ...application(), agreementAccepted: 'true' }),
        400,
        'VALIDATION_FAILED',
        'agreementAccepted',
      ],
      ['an unknown field', () => ({ ...application(), level: 'gold' }), 400, 'VALIDATION_FAILED', 'level'],
    ];

    it.each(refused)('refuses %s', async (_label, body, status, code, field) => {
      const before = await leaderCounts(t);
      const res = await apply(t, token, body()).expect(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
      if (field) expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(await leaderCounts(t)).toEqual(before);
    });

    it('asks to reread an outdated agreement', async () => {
      const res = await apply(t, token, application({ agreementVersion: 'old' })).expect(400);
      expect(res.body.message).toContain('重新阅读');
    });

    it('refuses a second application while one is pending, and an active leader applying again', async () => {
      const before = await leaderCounts(t);
      const again = await apply(t, pendingToken, application()).expect(409);
      expect(again.body.code).toBe('LEADER_ALREADY_EXISTS');
      expect(again.body.message).toContain('审核中');
      const wangLogin = await memberLogin(t, 'leader-wang');
      const leader = await apply(t, wangLogin.accessToken, application({ name: '王丽华' })).expect(409);
      expect(leader.body.code).toBe('LEADER_ALREADY_EXISTS');
      expect(await leaderCounts(t)).toEqual(before);
    });

    it('needs a member login', async () => {
      const before = await leaderCounts(t);
      expect(
        (await t.http().post('/api/app/leader-applications').send(application()).expect(401)).body.code,
      ).toBe('UNAUTHENTICATED');
      await t.http().get('/api/app/leader-applications/mine').expect(401);
      await t.http().get('/api/app/leader/recruits').expect(401);
      expect(await leaderCounts(t)).toEqual(before);
    });
  });

  describe('bad reviews change nothing', () => {
    it.each([
      ['approve', 'wang', undefined, 409, 'LEADER_INVALID_STATUS', '正常'],
      ['reactivate', 'wang', undefined, 409, 'LEADER_INVALID_STATUS', '正常'],
      ['suspend', 'pending', { reason: '不符合要求' }, 409, 'LEADER_INVALID_STATUS', '待审核'],
      ['reject', 'pending', {}, 400, 'VALIDATION_FAILED', undefined],
      ['reject', 'pending', { reason: '差' }, 400, 'VALIDATION_FAILED', undefined],
      ['reject', 'pending', { reason: 'x'.repeat(201) }, 400, 'VALIDATION_FAILED', undefined],
      ['suspend', 'wang', { reason: '   ' }, 400, 'VALIDATION_FAILED', undefined],
      ['approve', 'unknown', undefined, 404, 'LEADER_NOT_FOUND', undefined],
    ] as const)('%s on %s → %i %s', async (action, target, body, status, code, stateName) => {
      const id = { wang: wang.id, pending: pending.leaderId, unknown: 999_999 }[target];
      const before = await leaderCounts(t);
      const res = await post(`/api/admin/leaders/${id}/${action}`, admin.accessToken, body).expect(status);
      expect(res.body.code).toBe(code);
      if (stateName) expect(res.body.message).toContain(`「${stateName}」`);
      expect(await leaderCounts(t)).toEqual(before);
    });

    it('refuses a malformed id', async () => {
      expect((await get('/api/admin/leaders/abc', admin.accessToken).expect(400)).body.fields[0].field).toBe(
        'id',
      );
      await get('/api/admin/leaders/0', admin.accessToken).expect(400);
    });
  });

  describe('who may see what', () => {
    it("a buyer sees only their own application, never another member's", async () => {
      const other = await memberLogin(t, 'member-li');
      const res = await get('/api/app/leader-applications/mine', other.accessToken).expect(200);
      expect(res.body).toBeNull();
      const own = (await get('/api/app/leader-applications/mine', pendingToken).expect(200)).body;
      expect(own.leaderId).toBe(pending.leaderId);
      // There is no app route taking an application id.
      await get(`/api/app/leader-applications/${pending.leaderId}`, other.accessToken).expect(404);
    });

    it('a non-leader and a pending applicant get 403 on recruits; a leader sees only their own', async () => {
      const buyer = await memberLogin(t, 'demo-buyer');
      expect((await get('/api/app/leader/recruits', buyer.accessToken).expect(403)).body.code).toBe(
        'LEADER_NOT_ACTIVE',
      );
      await get('/api/app/leader/recruits', pendingToken).expect(403);
      const chen = await memberLogin(t, 'leader-chen');
      const recruits = (await get('/api/app/leader/recruits', chen.accessToken).expect(200)).body;
      expect(recruits).toEqual([]);
    });

    it('staff without leaders.write cannot review; without leaders.read cannot look', async () => {
      const before = await leaderCounts(t);
      for (const action of ['approve', 'reactivate']) {
        const res = await post(
          `/api/admin/leaders/${pending.leaderId}/${action}`,
          finance.accessToken,
        ).expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      await post(`/api/admin/leaders/${pending.leaderId}/reject`, finance.accessToken, {
        reason: '资料不全',
      }).expect(403);
      await post(`/api/admin/leaders/${wang.id}/suspend`, finance.accessToken, { reason: '资料不全' }).expect(
        403,
      );
      // finance may read.
      await get('/api/admin/leaders', finance.accessToken).expect(200);
      await get(`/api/admin/leaders/${pending.leaderId}`, finance.accessToken).expect(200);
      // warehouse has no leaders.read.
      await get('/api/admin/leaders', warehouse.accessToken).expect(403);
      await get(`/api/admin/leaders/${pending.leaderId}`, warehouse.accessToken).expect(403);
      await post(`/api/admin/leaders/${pending.leaderId}/approve`, warehouse.accessToken).expect(403);
      expect(await leaderCounts(t)).toEqual(before);
      expect(
        ((await get(`/api/admin/leaders/${pending.leaderId}`, admin.accessToken)).body as LeaderDetail)
          .status,
      ).toBe('pending');
    });

    it('member tokens cannot use admin endpoints, staff tokens cannot apply', async () => {
      const before = await leaderCounts(t);
      const buyer = await memberLogin(t, 'demo-buyer');
      const asMember = await post(`/api/admin/leaders/${pending.leaderId}/approve`, buyer.accessToken);
      expect([401, 403]).toContain(asMember.status);
      const asStaff = await apply(t, admin.accessToken, application());
      expect([401, 403]).toContain(asStaff.status);
      await t.http().get('/api/admin/leaders').expect(401);
      expect(await leaderCounts(t)).toEqual(before);
    });
  });

  describe('two reviewers at once', () => {
    async function freshApplication(openid: string): Promise<number> {
      const member = await memberLogin(t, openid);
      return (
        (await apply(t, member.accessToken, application({ name: '并发测试' })).expect(201))
          .body as LeaderApplicationView
      ).leaderId;
    }

    it('approve and reject of the same application: exactly one wins, the other gets 409', async () => {
      const id = await freshApplication('applicant-race-1');
      const [a, b] = await Promise.all([
        post(`/api/admin/leaders/${id}/approve`, admin.accessToken),
        post(`/api/admin/leaders/${id}/reject`, operator.accessToken, { reason: '同一时间的另一位审核员' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
      expect(loser.body.code).toBe('LEADER_INVALID_STATUS');
      const final = (await get(`/api/admin/leaders/${id}`, admin.accessToken).expect(200))
        .body as LeaderDetail;
      expect(final.status).toBe((winner.body as LeaderDetail).status);
      expect(loser.body.message).toContain(final.status === 'active' ? '「正常」' : '「已拒绝」');
      const actions = await auditActions(t, id);
      expect(actions[0]).toBe('leader.apply');
      expect(actions.slice(1)).toEqual([final.status === 'active' ? 'leader.approve' : 'leader.reject']);
    });

    it('two approvals of the same application: one approves, the other gets 409', async () => {
      const id = await freshApplication('applicant-race-2');
      const results = await Promise.all([
        post(`/api/admin/leaders/${id}/approve`, admin.accessToken),
        post(`/api/admin/leaders/${id}/approve`, operator.accessToken),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await auditActions(t, id)).toEqual(['leader.apply', 'leader.approve']);
    });

    it('two first applications of one member at once: one is pending, the other gets 409', async () => {
      const member = await memberLogin(t, 'applicant-race-3');
      const before = await leaderCounts(t);
      const results = await Promise.all([
        apply(t, member.accessToken, application()),
        apply(t, member.accessToken, application()),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('LEADER_ALREADY_EXISTS');
      const after = await leaderCounts(t);
      expect(after.leaders).toBe(before.leaders + 1);
      expect(after.pickup_points).toBe(before.pickup_points + 1);
    });
  });
});
