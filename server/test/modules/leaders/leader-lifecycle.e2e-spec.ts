import type {
  AuditLogEntry,
  CampaignView,
  LeaderAgreement,
  LeaderApplicationView,
  LeaderDetail,
  LeaderListItem,
  MemberProfile,
  Paged,
  RecruitView,
  StaffLoginResponse,
} from '@linli/shared-types';
import { CURRENT_LEADER_AGREEMENT } from '../../../src/modules/leaders';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, createStaffAndLogin, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import { application, apply, auditActions, findLeader, memberLogin } from './leaders-test-kit';

describe('leader lifecycle: apply, review, suspend', () => {
  let t: TestApp;
  let admin: StaffLoginResponse;
  let operator: StaffLoginResponse;
  let wang: LeaderListItem;

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
    wang = await findLeader(t, admin.accessToken, '王丽华');
  });
  afterAll(() => t.close());

  it('serves the current agreement without a login', async () => {
    const res = await t.http().get('/api/app/leader-agreement').expect(200);
    const agreement = res.body as LeaderAgreement;
    expect(agreement).toEqual(CURRENT_LEADER_AGREEMENT);
    expect(agreement.title).toBe('邻里团购团长合作协议');
  });

  it('seeded leaders are active, reviewed and signed the current agreement', async () => {
    const detail = (await get(`/api/admin/leaders/${wang.id}`, admin.accessToken).expect(200))
      .body as LeaderDetail;
    expect(detail).toMatchObject({
      status: 'active',
      agreementVersion: CURRENT_LEADER_AGREEMENT.version,
      reviewedByName: '系统',
      statusReason: null,
    });
    expect(detail.recruitCount).toBe(2);
    expect(detail.recruits.map((r) => r.name).sort()).toEqual(['刘晓燕', '陈建国'].sort());
  });

  it('apply with an invite code → pending → approve → active leader under the recruiter', async () => {
    const applicant = await memberLogin(t, 'applicant-happy');
    const none = await get('/api/app/leader-applications/mine', applicant.accessToken).expect(200);
    expect(none.text).toBe('null');
    expect(none.headers['content-type']).toMatch(/application\/json/);

    const applied = await apply(
      t,
      applicant.accessToken,
      application({
        inviteCode: wang.inviteCode.toLowerCase(),
        pickupPoint: { ...application().pickupPoint, contactPhone: null },
      }),
    ).expect(201);
    const view = applied.body as LeaderApplicationView;
    expect(view).toMatchObject({
      status: 'pending',
      name: '林晓燕',
      phone: '13900001111',
      uplineName: '王丽华',
      agreementVersion: CURRENT_LEADER_AGREEMENT.version,
      reviewedAt: null,
      statusReason: null,
      pickupPoint: {
        name: '翠苑二区自提点',
        latitude: 30.28,
        longitude: 120.12,
        contactPhone: '13900001111',
      },
    });
    expect(view.inviteCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(Date.parse(view.agreementAcceptedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect((await get('/api/app/leader-applications/mine', applicant.accessToken).expect(200)).body).toEqual(
      view,
    );

    // Not a leader yet: no recruits page, isLeader false.
    expect((await get('/api/app/me', applicant.accessToken).expect(200)).body.isLeader).toBe(false);
    expect((await get('/api/app/leader/recruits', applicant.accessToken).expect(403)).body.code).toBe(
      'LEADER_NOT_ACTIVE',
    );

    // In the review queue, newest first.
    const queue = (await get('/api/admin/leaders?status=pending', operator.accessToken).expect(200))
      .body as Paged<LeaderListItem>;
    expect(queue.items[0]).toMatchObject({ id: view.leaderId, status: 'pending', uplineLeaderId: wang.id });

    const approved = (
      await post(`/api/admin/leaders/${view.leaderId}/approve`, operator.accessToken).expect(200)
    ).body as LeaderDetail;
    expect(approved).toMatchObject({ status: 'active', uplineName: '王丽华', statusReason: null });
    expect(approved.reviewedByName).toMatch(/^测试员工/);
    expect(approved.reviewedAt).not.toBeNull();

    const me = (await get('/api/app/me', applicant.accessToken).expect(200)).body as MemberProfile;
    expect(me.isLeader).toBe(true);
    // An unbound member now buys at their own pickup point.
    expect(me.currentLeader).toMatchObject({ id: view.leaderId, pickupPoint: { name: '翠苑二区自提点' } });

    const wangLogin = await memberLogin(t, 'leader-wang');
    const recruits = (await get('/api/app/leader/recruits', wangLogin.accessToken).expect(200))
      .body as RecruitView[];
    expect(recruits[0]).toMatchObject({
      leaderId: view.leaderId,
      name: '林晓燕',
      status: 'active',
      pickupPointName: '翠苑二区自提点',
    });
    expect(
      (await get(`/api/admin/leaders/${wang.id}`, admin.accessToken).expect(200)).body.recruitCount,
    ).toBe(3);

    expect(await auditActions(t, view.leaderId)).toEqual(['leader.apply', 'leader.approve']);
    const audit = (await get(`/api/admin/audit-logs?action=leader.approve`, admin.accessToken).expect(200))
      .body as Paged<AuditLogEntry>;
    expect(audit.items[0]).toMatchObject({
      entityType: 'leader',
      entityId: String(view.leaderId),
      before: expect.objectContaining({ status: 'pending' }),
      after: expect.objectContaining({ status: 'active' }),
    });
  });

  it('approving a member who already buys somewhere keeps their pickup point', async () => {
    const zhang = await memberLogin(t, 'member-zhang');
    expect(zhang.member.currentLeader?.id).toBe(wang.id);
    const view = (
      await apply(t, zhang.accessToken, application({ name: '张美玲', phone: '13757112201' })).expect(201)
    ).body as LeaderApplicationView;
    expect(view.uplineName).toBeNull();
    await post(`/api/admin/leaders/${view.leaderId}/approve`, admin.accessToken).expect(200);
    const me = (await get('/api/app/me', zhang.accessToken).expect(200)).body as MemberProfile;
    expect(me).toMatchObject({ isLeader: true, currentLeader: { id: wang.id } });
  });

  it('reject with a reason → the applicant sees it → reapplies → pending again', async () => {
    const applicant = await memberLogin(t, 'applicant-rejected');
    const first = (await apply(t, applicant.accessToken, application({ name: '周一鸣' })).expect(201))
      .body as LeaderApplicationView;

    const rejected = (
      await post(`/api/admin/leaders/${first.leaderId}/reject`, admin.accessToken, {
        reason: '  自提点地址无法核实，请补充门牌号  ',
      }).expect(200)
    ).body as LeaderDetail;
    expect(rejected).toMatchObject({
      status: 'rejected',
      statusReason: '自提点地址无法核实，请补充门牌号',
      reviewedByName: '系统管理员',
    });

    const mine = (await get('/api/app/leader-applications/mine', applicant.accessToken).expect(200))
      .body as LeaderApplicationView;
    expect(mine).toMatchObject({ status: 'rejected', statusReason: '自提点地址无法核实，请补充门牌号' });
    expect(mine.reviewedAt).not.toBeNull();
    expect((await get('/api/app/me', applicant.accessToken).expect(200)).body.isLeader).toBe(false);

    const again = (
      await apply(
        t,
        applicant.accessToken,
        application({
          name: '周一鸣',
          inviteCode: wang.inviteCode,
          pickupPoint: {
            ...application().pickupPoint,
            address: '杭州市西湖区翠苑二区 5 幢 1 单元 102 室底商',
          },
        }),
      ).expect(201)
    ).body as LeaderApplicationView;
    expect(again).toMatchObject({
      leaderId: first.leaderId,
      inviteCode: first.inviteCode,
      status: 'pending',
      statusReason: null,
      reviewedAt: null,
      uplineName: '王丽华',
      pickupPoint: { id: first.pickupPoint.id, address: '杭州市西湖区翠苑二区 5 幢 1 单元 102 室底商' },
    });
    expect(await auditActions(t, first.leaderId)).toEqual(['leader.apply', 'leader.reject', 'leader.apply']);
    // The old application stays in the audit log.
    const rows = (await t.dataSource.query(
      "SELECT `before` AS b FROM audit_logs WHERE entity_type = 'leader' AND entity_id = ? AND action = 'leader.apply' ORDER BY id",
      [String(first.leaderId)],
    )) as Array<{ b: string | null }>;
    expect(rows[0].b).toBeNull();
    expect(JSON.parse(rows[1].b ?? '{}')).toMatchObject({ status: 'rejected', uplineLeaderId: null });
  });

  it('suspend → buyers of that leader get no campaigns → reactivate', async () => {
    const buyer = await memberLogin(t, 'demo-buyer');
    const wangLogin = await memberLogin(t, 'leader-wang');
    const campaigns = () =>
      get('/api/app/campaigns', buyer.accessToken)
        .expect(200)
        .then((r) => (r.body as CampaignView[]).map((c) => c.title));
    expect(await campaigns()).toEqual(['邻里鲜果蔬菜团']);

    const suspended = (
      await post(`/api/admin/leaders/${wang.id}/suspend`, operator.accessToken, {
        reason: '自提点装修，暂停营业',
      }).expect(200)
    ).body as LeaderDetail;
    expect(suspended).toMatchObject({ status: 'suspended', statusReason: '自提点装修，暂停营业' });

    expect(await campaigns()).toEqual([]);
    // Customers stay bound; the leader is no longer a leader in the app.
    expect((await get('/api/app/me', buyer.accessToken).expect(200)).body.currentLeader.id).toBe(wang.id);
    expect((await get('/api/app/me', wangLogin.accessToken).expect(200)).body.isLeader).toBe(false);
    expect((await get('/api/app/leader/recruits', wangLogin.accessToken).expect(403)).body.code).toBe(
      'LEADER_NOT_ACTIVE',
    );
    expect(
      (await get('/api/app/leader-applications/mine', wangLogin.accessToken).expect(200)).body,
    ).toMatchObject({
      status: 'suspended',
      statusReason: '自提点装修，暂停营业',
    });
    // A suspended leader's invite code recruits nobody.
    const newcomer = await memberLogin(t, 'applicant-suspended-code');
    expect(
      (await apply(t, newcomer.accessToken, application({ inviteCode: wang.inviteCode })).expect(400)).body
        .code,
    ).toBe('LEADER_INVITE_CODE_INVALID');

    const reactivated = (
      await post(`/api/admin/leaders/${wang.id}/reactivate`, operator.accessToken).expect(200)
    ).body as LeaderDetail;
    expect(reactivated).toMatchObject({ status: 'active', statusReason: null });
    expect(await campaigns()).toEqual(['邻里鲜果蔬菜团']);
    expect((await get('/api/app/me', wangLogin.accessToken).expect(200)).body.isLeader).toBe(true);
    expect((await auditActions(t, wang.id)).slice(-2)).toEqual(['leader.suspend', 'leader.reactivate']);
  });

  it('lists with status and keyword filters, newest application first', async () => {
    const all = (await get('/api/admin/leaders?pageSize=100', admin.accessToken).expect(200))
      .body as Paged<LeaderListItem>;
    const applied = all.items.map((i) => Date.parse(i.appliedAt));
    expect([...applied].sort((a, b) => b - a)).toEqual(applied);
    expect(all.total).toBe(all.items.length);

    const byPoint = (
      await get(`/api/admin/leaders?keyword=${encodeURIComponent('翠苑一区')}`, admin.accessToken).expect(200)
    ).body as Paged<LeaderListItem>;
    expect(byPoint.items.map((i) => i.name)).toEqual(['王丽华']);
    const byCode = (
      await get(`/api/admin/leaders?keyword=${wang.inviteCode.toLowerCase()}`, admin.accessToken).expect(200)
    ).body as Paged<LeaderListItem>;
    expect(byCode.items.map((i) => i.id)).toEqual([wang.id]);
    const wildcard = (await get('/api/admin/leaders?keyword=%25', admin.accessToken).expect(200))
      .body as Paged<LeaderListItem>;
    expect(wildcard.total).toBe(0);

    const rejected = (
      await get('/api/admin/leaders?status=pending&pageSize=1', admin.accessToken).expect(200)
    ).body as Paged<LeaderListItem>;
    expect(rejected).toMatchObject({ page: 1, pageSize: 1, total: 1 });
    expect(rejected.items[0]).toMatchObject({ name: '周一鸣', status: 'pending' });
  });
});
