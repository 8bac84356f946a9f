import type { MemberListItem, Paged, PickupPointChoice } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { application, apply } from '../leaders/leaders-test-kit';
import { bearer, countRows, createStaffAndLogin, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import {
  bindingCounts,
  currentLeaders,
  devLogin,
  expectConsistentHistories,
  memberDetail,
  seededLeaders,
  type SeededLeader,
} from './members-test-kit';

/** Near 翠苑 (王丽华's point). */
const NEAR_CUIYUAN = { latitude: 30.284, longitude: 120.127 };

describe('pickup point choice, staff moves and transfers', () => {
  let t: TestApp;
  let adminToken: string;
  let financeToken: string;
  let operatorToken: string;
  let wang: SeededLeader;
  let chen: SeededLeader;
  let liu: SeededLeader;
  let farLeaderId: number;
  let unlocatedLeaderId: number;
  let buyerToken: string;
  let buyerId: number;

  /** Applies as a new member and has the admin approve: the approval binds them (leader_approved). */
  async function approvedLeader(openid: string, point: Parameters<typeof application>[0]): Promise<number> {
    const applicant = await devLogin(t, openid);
    const res = await apply(t, applicant.accessToken, application(point));
    if (res.status !== 201) throw new Error(`apply ${openid}: ${res.status} ${JSON.stringify(res.body)}`);
    const leaderId = Number(res.body.id ?? res.body.leaderId);
    await t
      .http()
      .post(`/api/admin/leaders/${leaderId}/approve`)
      .set(...bearer(adminToken))
      .expect(200);
    return leaderId;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seedDemo(t);
    adminToken = (await loginAsAdmin(t)).accessToken;
    financeToken = (await createStaffAndLogin(t, adminToken, ['finance'])).session.accessToken;
    operatorToken = (await createStaffAndLogin(t, adminToken, ['operator'])).session.accessToken;
    ({ 王丽华: wang, 陈建国: chen, 刘晓燕: liu } = await seededLeaders(t));
    farLeaderId = await approvedLeader('far-leader', {
      name: '赵北京',
      pickupPoint: {
        name: '北京朝阳自提点',
        address: '北京市朝阳区建国路 1 号',
        openingHours: '每天 08:00–20:00',
        latitude: 39.9087,
        longitude: 116.4595,
      },
    });
    unlocatedLeaderId = await approvedLeader('unlocated-leader', {
      name: '钱无坐标',
      pickupPoint: {
        name: '阿里巴巴自提点',
        address: '杭州市余杭区文一西路 969 号',
        latitude: null,
        longitude: null,
        openingHours: '每天 08:00–20:00',
      },
    });
    const buyer = await devLogin(t, 'demo-buyer');
    buyerToken = buyer.accessToken;
    buyerId = buyer.member.id;
  });
  afterAll(() => t.close());

  function search(query: Record<string, unknown>, token = buyerToken) {
    return t
      .http()
      .get('/api/app/pickup-points')
      .query(query)
      .set(...bearer(token));
  }

  it('writes a leader_approved history row, naming the approving staff member, when an approval binds the new leader', async () => {
    const [row] = (await t.dataSource.query(
      "SELECT b.reason, b.to_leader_id, b.actor_type, b.actor_name FROM member_bindings b JOIN members m ON m.id = b.member_id WHERE m.openid = 'dev:far-leader'",
    )) as Array<{ reason: string; to_leader_id: number | string; actor_type: string; actor_name: string }>;
    expect({
      reason: row.reason,
      to: Number(row.to_leader_id),
      actorType: row.actor_type,
      actorName: row.actor_name,
    }).toEqual({
      reason: 'leader_approved',
      to: farLeaderId,
      actorType: 'staff',
      actorName: '系统管理员',
    });
  });

  it('lists active pickup points nearest first, the far one after, those without coordinates last', async () => {
    const res = await search(NEAR_CUIYUAN);
    expect(res.status).toBe(200);
    const page = res.body as Paged<PickupPointChoice>;
    expect(page.total).toBe(5);
    expect(page.items.map((p) => p.leaderId)).toEqual([
      wang.id,
      chen.id,
      liu.id,
      farLeaderId,
      unlocatedLeaderId,
    ]);
    expect(page.items[0]).toMatchObject({
      current: true,
      leaderName: '王丽华',
      pickupPoint: { name: '翠苑一区自提点' },
    });
    expect(page.items[0].distanceMeters).toBeLessThan(200);
    expect(page.items[1].distanceMeters).toBeGreaterThan(6_000);
    expect(page.items[3].distanceMeters).toBeGreaterThan(1_000_000);
    expect(page.items[4].distanceMeters).toBeNull();
    expect(page.items.slice(1).every((p) => !p.current)).toBe(true);
  });

  it('pages the nearest-first list consistently and filters by keyword; without coordinates sorts by name', async () => {
    const p1 = (await search({ ...NEAR_CUIYUAN, pageSize: 2, page: 1 })).body as Paged<PickupPointChoice>;
    const p2 = (await search({ ...NEAR_CUIYUAN, pageSize: 2, page: 2 })).body as Paged<PickupPointChoice>;
    const p3 = (await search({ ...NEAR_CUIYUAN, pageSize: 2, page: 3 })).body as Paged<PickupPointChoice>;
    expect([...p1.items, ...p2.items, ...p3.items].map((p) => p.leaderId)).toEqual([
      wang.id,
      chen.id,
      liu.id,
      farLeaderId,
      unlocatedLeaderId,
    ]);
    const kw = (await search({ keyword: '滨江' })).body as Paged<PickupPointChoice>;
    expect(kw.items.map((p) => p.leaderId)).toEqual([liu.id]);
    const byName = (await search({})).body as Paged<PickupPointChoice>;
    const names = byName.items.map((p) => p.pickupPoint.name);
    expect(byName.items.every((p) => p.distanceMeters === null)).toBe(true);
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
  });

  it('rejects bad coordinates and refuses staff tokens and anonymous callers', async () => {
    const bad = await search({ latitude: 91, longitude: 'east' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['latitude', 'longitude']);
    expect((await search({}, adminToken)).status).toBe(401);
    expect((await t.http().get('/api/app/pickup-points')).status).toBe(401);
  });

  it('lets the buyer switch to another active pickup point and records it', async () => {
    const res = await t
      .http()
      .post('/api/app/me/pickup-point')
      .set(...bearer(buyerToken))
      .send({ leaderId: chen.id });
    expect(res.status).toBe(200);
    expect(res.body.currentLeader).toMatchObject({ id: chen.id, name: '陈建国' });
    const detail = await memberDetail(t, adminToken, buyerId);
    expect(detail.currentLeaderId).toBe(chen.id);
    expect(detail.bindingHistory[0]).toMatchObject({
      fromLeaderId: wang.id,
      fromLeaderName: '王丽华',
      toLeaderId: chen.id,
      toLeaderName: '陈建国',
      reason: 'buyer_switch',
      actorType: 'member',
      actorName: '演示买家',
      note: null,
    });
    // Source stays.
    expect(detail.source.channel).toBe('share_card');
    const again = await t
      .http()
      .post('/api/app/me/pickup-point')
      .set(...bearer(buyerToken))
      .send({ leaderId: chen.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MEMBER_ALREADY_AT_LEADER');
  });

  it('refuses a switch to a suspended or unknown leader and changes nothing', async () => {
    const suspended = await approvedLeader('soon-suspended', {
      name: '孙停用',
      pickupPoint: {
        name: '停用自提点',
        address: '杭州市拱墅区 1 号',
        openingHours: '每天 08:00–20:00',
        latitude: 30.3,
        longitude: 120.15,
      },
    });
    await t
      .http()
      .post(`/api/admin/leaders/${suspended}/suspend`)
      .set(...bearer(adminToken))
      .send({ reason: '暂停营业整改' })
      .expect(200);
    const listed = (await search(NEAR_CUIYUAN)).body as Paged<PickupPointChoice>;
    expect(listed.items.map((p) => p.leaderId)).not.toContain(suspended);
    const counts = await bindingCounts(t);
    const leaders = await currentLeaders(t);
    for (const leaderId of [suspended, 999_999]) {
      const res = await t
        .http()
        .post('/api/app/me/pickup-point')
        .set(...bearer(buyerToken))
        .send({ leaderId });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MEMBER_TARGET_LEADER_INVALID');
    }
    for (const body of [{}, { leaderId: 'x' }, { leaderId: chen.id, memberId: 1 }]) {
      const res = await t
        .http()
        .post('/api/app/me/pickup-point')
        .set(...bearer(buyerToken))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await bindingCounts(t)).toEqual(counts);
    expect(await currentLeaders(t)).toEqual(leaders);
  });

  it('lists members newest first with filters', async () => {
    const all = await t
      .http()
      .get('/api/admin/members')
      .query({ pageSize: 100 })
      .set(...bearer(financeToken));
    expect(all.status).toBe(200);
    const items = (all.body as Paged<MemberListItem>).items;
    expect(items.map((m) => m.id)).toEqual([...items.map((m) => m.id)].sort((a, b) => b - a));
    expect(items.find((m) => m.nickname === '王丽华')).toMatchObject({
      isLeader: true,
      currentLeaderName: '王丽华',
    });

    const byLeader = (
      await t
        .http()
        .get('/api/admin/members')
        .query({ leaderId: liu.id })
        .set(...bearer(adminToken))
    ).body as Paged<MemberListItem>;
    expect(byLeader.total).toBe(4);
    expect(byLeader.items.every((m) => m.currentLeaderId === liu.id)).toBe(true);

    const byKeyword = (
      await t
        .http()
        .get('/api/admin/members')
        .query({ keyword: '13757112201' })
        .set(...bearer(adminToken))
    ).body as Paged<MemberListItem>;
    expect(byKeyword.items.map((m) => m.nickname)).toEqual(['张美玲']);

    const direct = (
      await t
        .http()
        .get('/api/admin/members')
        .query({ channel: 'direct', joinedFrom: new Date(Date.now() - 3_600_000).toISOString() })
        .set(...bearer(adminToken))
    ).body as Paged<MemberListItem>;
    expect(direct.items.length).toBeGreaterThan(0);
    expect(direct.items.every((m) => m.channel === 'direct')).toBe(true);

    const future = (
      await t
        .http()
        .get('/api/admin/members')
        .query({ joinedFrom: new Date(Date.now() + 3_600_000).toISOString() })
        .set(...bearer(adminToken))
    ).body as Paged<MemberListItem>;
    expect(future.total).toBe(0);

    const bad = await t
      .http()
      .get('/api/admin/members')
      .query({ channel: 'fax', joinedTo: 'yesterday', leaderId: 'x' })
      .set(...bearer(adminToken));
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'channel',
      'joinedTo',
      'leaderId',
    ]);
  });

  it('moves one member with a reason: history and audit in one go; finance may read but not move', async () => {
    const counts = await bindingCounts(t);
    const refused = await t
      .http()
      .post(`/api/admin/members/${buyerId}/move`)
      .set(...bearer(financeToken))
      .send({ toLeaderId: liu.id, reason: '就近调整' });
    expect(refused.status).toBe(403);
    expect(await bindingCounts(t)).toEqual(counts);

    for (const body of [
      { toLeaderId: liu.id },
      { toLeaderId: liu.id, reason: ' x ' },
      { toLeaderId: 0, reason: '就近调整' },
      { toLeaderId: liu.id, reason: '就近调整', note: 'extra' },
    ]) {
      const res = await t
        .http()
        .post(`/api/admin/members/${buyerId}/move`)
        .set(...bearer(operatorToken))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await bindingCounts(t)).toEqual(counts);

    const res = await t
      .http()
      .post(`/api/admin/members/${buyerId}/move`)
      .set(...bearer(operatorToken))
      .send({ toLeaderId: liu.id, reason: '  原团长休假，就近调整 ' });
    expect(res.status).toBe(200);
    expect(res.body.currentLeaderId).toBe(liu.id);
    expect(res.body.currentPickupPoint).toMatchObject({ name: '滨江星光社区自提点' });
    expect(res.body.bindingHistory[0]).toMatchObject({
      fromLeaderId: chen.id,
      toLeaderId: liu.id,
      reason: 'staff_move',
      note: '原团长休假，就近调整',
      actorType: 'staff',
      actorName: expect.stringMatching(/^测试员工/),
    });
    expect(await bindingCounts(t)).toEqual({
      ...counts,
      member_bindings: counts.member_bindings + 1,
      audit_logs: counts.audit_logs + 1,
    });
    const [audit] = (await t.dataSource.query(
      "SELECT entity_type, entity_id FROM audit_logs WHERE action = 'member.move'",
    )) as Array<{ entity_type: string; entity_id: string }>;
    expect(audit).toEqual({ entity_type: 'member', entity_id: String(buyerId) });

    for (const [toLeaderId, status, code] of [
      [liu.id, 409, 'MEMBER_ALREADY_AT_LEADER'],
      [999_999, 400, 'MEMBER_TARGET_LEADER_INVALID'],
    ] as const) {
      const r = await t
        .http()
        .post(`/api/admin/members/${buyerId}/move`)
        .set(...bearer(adminToken))
        .send({ toLeaderId, reason: '再调整一次' });
      expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
    }
    const missing = await t
      .http()
      .post('/api/admin/members/999999/move')
      .set(...bearer(adminToken))
      .send({ toLeaderId: wang.id, reason: '再调整一次' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('MEMBER_NOT_FOUND');
    await expectConsistentHistories(t);
  });

  it('keeps histories consistent when a staff move races buyer switches', async () => {
    const racer = await devLogin(t, 'racer', { leaderCode: wang.inviteCode });
    const switches = [chen.id, liu.id, wang.id, chen.id].map((leaderId) =>
      t
        .http()
        .post('/api/app/me/pickup-point')
        .set(...bearer(racer.accessToken))
        .send({ leaderId }),
    );
    const moves = [liu.id, wang.id].map((toLeaderId) =>
      t
        .http()
        .post(`/api/admin/members/${racer.member.id}/move`)
        .set(...bearer(adminToken))
        .send({ toLeaderId, reason: '并发调整' }),
    );
    const results = await Promise.all([...switches, ...moves]);
    for (const r of results) expect([200, 409]).toContain(r.status);
    await expectConsistentHistories(t);
  });

  it('transfers every member of a leader: count, one history row each, one audit row', async () => {
    const before = (await currentLeaders(t)).entries();
    const atLiu = [...before].filter(([, leader]) => leader === liu.id).map(([id]) => id);
    expect(atLiu.length).toBeGreaterThan(2);
    const counts = await bindingCounts(t);

    const refused = await t
      .http()
      .post(`/api/admin/leaders/${liu.id}/transfer-members`)
      .set(...bearer(financeToken))
      .send({ toLeaderId: chen.id, reason: '团长退出' });
    expect(refused.status).toBe(403);
    const memberToken = await t
      .http()
      .post(`/api/admin/leaders/${liu.id}/transfer-members`)
      .set(...bearer(buyerToken))
      .send({ toLeaderId: chen.id, reason: '团长退出' });
    expect(memberToken.status).toBe(401);
    for (const [id, body, status, code] of [
      [liu.id, { toLeaderId: liu.id, reason: '团长退出' }, 409, 'MEMBER_ALREADY_AT_LEADER'],
      [liu.id, { toLeaderId: 999_999, reason: '团长退出' }, 400, 'MEMBER_TARGET_LEADER_INVALID'],
      [999_999, { toLeaderId: chen.id, reason: '团长退出' }, 404, 'LEADER_NOT_FOUND'],
      [liu.id, { toLeaderId: chen.id }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const r = await t
        .http()
        .post(`/api/admin/leaders/${id}/transfer-members`)
        .set(...bearer(adminToken))
        .send(body);
      expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
    }
    expect(await bindingCounts(t)).toEqual(counts);

    const res = await t
      .http()
      .post(`/api/admin/leaders/${liu.id}/transfer-members`)
      .set(...bearer(operatorToken))
      .send({ toLeaderId: chen.id, reason: '团长退出，整体转给陈建国' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ moved: atLiu.length });
    const after = await currentLeaders(t);
    for (const id of atLiu) expect(after.get(id)).toBe(chen.id);
    expect([...after.values()].filter((l) => l === liu.id)).toHaveLength(0);
    expect(await bindingCounts(t)).toEqual({
      members: counts.members,
      member_bindings: counts.member_bindings + atLiu.length,
      audit_logs: counts.audit_logs + 1,
    });
    const rows = (await t.dataSource.query(
      `SELECT member_id, reason, note FROM member_bindings WHERE from_leader_id = ${liu.id} AND to_leader_id = ${chen.id} AND actor_type = 'staff' AND reason = 'staff_move'`,
    )) as Array<{ member_id: number | string; reason: string; note: string }>;
    expect(rows.map((r) => Number(r.member_id)).sort((a, b) => a - b)).toEqual(
      [...atLiu].sort((a, b) => a - b),
    );
    expect(new Set(rows.map((r) => `${r.reason}|${r.note}`))).toEqual(
      new Set(['staff_move|团长退出，整体转给陈建国']),
    );
    expect(await countRows(t, "audit_logs WHERE action = 'leader.transferMembers'")).toBe(1);
    await expectConsistentHistories(t);

    const empty = await t
      .http()
      .post(`/api/admin/leaders/${liu.id}/transfer-members`)
      .set(...bearer(adminToken))
      .send({ toLeaderId: chen.id, reason: '再转一次' });
    expect(empty.body).toEqual({ moved: 0 });
  });

  it('keeps members and staff apart', async () => {
    expect(
      (
        await t
          .http()
          .get('/api/admin/members')
          .set(...bearer(buyerToken))
      ).status,
    ).toBe(401);
    expect((await t.http().get('/api/admin/members')).status).toBe(401);
    const warehouse = (await createStaffAndLogin(t, adminToken, ['warehouse'])).session.accessToken;
    expect(
      (
        await t
          .http()
          .get('/api/admin/members')
          .set(...bearer(warehouse))
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .get(`/api/admin/members/${buyerId}`)
          .set(...bearer(warehouse))
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .get(`/api/admin/members/${buyerId}`)
          .set(...bearer(financeToken))
      ).status,
    ).toBe(200);
    expect(
      (
        await t
          .http()
          .get('/api/admin/members/999999')
          .set(...bearer(adminToken))
      ).status,
    ).toBe(404);
    expect(
      (
        await t
          .http()
          .post('/api/app/me/pickup-point')
          .set(...bearer(adminToken))
          .send({ leaderId: 1 })
      ).status,
    ).toBe(401);
  });
});
