import type {
  DownlineView,
  LeaderDetail,
  LeaderLevel,
  LeaderListItem,
  MemberDetail,
  Paged,
  StaffLoginResponse,
} from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, countRows, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import { application, apply, findLeader, memberLogin } from './leaders-test-kit';
import { levelInput, listLevels, sqlDateTime } from './levels-test-kit';

describe('leader levels: ladder, manual level, downline, approval, activity', () => {
  let t: TestApp;
  let admin: StaffLoginResponse;
  let ladder: LeaderLevel[];
  let wang: LeaderListItem;
  let chen: LeaderListItem;

  const req = () => t.http();
  const auth = bearer;
  const as = () => auth(admin.accessToken);
  const levelAudits = async (action: string) =>
    Number(
      (
        (await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_logs WHERE action = ?', [
          action,
        ])) as Array<{
          n: number | string;
        }>
      )[0].n,
    );

  /** Applies (recruited by `inviteCode`) and is approved; the new leader's id. */
  async function recruit(openid: string, name: string, inviteCode: string): Promise<number> {
    const session = await memberLogin(t, openid);
    const res = await apply(
      t,
      session.accessToken,
      application({ name, inviteCode, pickupPoint: { ...application().pickupPoint, name: `${name}自提点` } }),
    ).expect(201);
    const leaderId = Number(res.body.leaderId);
    await req()
      .post(`/api/admin/leaders/${leaderId}/approve`)
      .set(...as())
      .expect(200);
    return leaderId;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seedDemo(t);
    admin = await loginAsAdmin(t);
    ladder = await listLevels(t, admin.accessToken);
    wang = await findLeader(t, admin.accessToken, '王丽华');
    chen = await findLeader(t, admin.accessToken, '陈建国');
  });
  afterAll(() => t?.close());

  describe('the ladder', () => {
    it('lists the default levels by rank with their leader counts', () => {
      expect(ladder.map((l) => [l.name, l.rank, l.commissionRateBps])).toEqual([
        ['普通团长', 1, 1000],
        ['银牌团长', 2, 1200],
        ['金牌团长', 3, 1500],
      ]);
      expect(ladder[1]).toMatchObject({
        upgrade: { minGmv30dFen: 1_000_000, minActiveCustomers30d: 30 },
        keep: { minGmv30dFen: 500_000, minActiveCustomers30d: 15 },
      });
      // demo: 陈建国 on 普通, 王丽华 on 银牌, 刘晓燕 without a level yet
      expect(ladder.map((l) => l.leaderCount)).toEqual([1, 1, 0]);
    });

    let diamond: LeaderLevel;

    it('creates a level (audited)', async () => {
      const res = await req()
        .post('/api/admin/leader-levels')
        .set(...as())
        .send(levelInput())
        .expect(201);
      diamond = res.body as LeaderLevel;
      expect(diamond).toMatchObject({ ...levelInput(), leaderCount: 0 });
      expect(await levelAudits('leaderLevel.create')).toBe(1);
      expect((await listLevels(t, admin.accessToken)).map((l) => l.name)).toEqual([
        '普通团长',
        '银牌团长',
        '金牌团长',
        '钻石团长',
      ]);
    });

    it.each([
      ['a duplicate name', levelInput({ rank: 9 })],
      ['a duplicate rank', levelInput({ name: '星耀团长' })],
      ['a rank already used by another level', levelInput({ name: '星耀团长', rank: 1 })],
    ])('refuses %s with 409 LEADER_LEVEL_DUPLICATE', async (_label, body) => {
      const before = await countRows(t, 'leader_levels');
      const res = await req()
        .post('/api/admin/leader-levels')
        .set(...as())
        .send(body)
        .expect(409);
      expect(res.body.code).toBe('LEADER_LEVEL_DUPLICATE');
      expect(await countRows(t, 'leader_levels')).toBe(before);
    });

    it.each([
      ['an empty name', { name: '' }, 'name'],
      ['a 17-char name', { name: '一二三四五六七八九十一二三四五六七' }, 'name'],
      ['rank 0', { rank: 0 }, 'rank'],
      ['rank 100', { rank: 100 }, 'rank'],
      ['a rate above 100%', { commissionRateBps: 10_001 }, 'commissionRateBps'],
      ['a fractional rate', { commissionRateBps: 12.5 }, 'commissionRateBps'],
      ['a negative GMV', { upgrade: { minGmv30dFen: -1, minActiveCustomers30d: 0 } }, 'upgrade.minGmv30dFen'],
      [
        'keep above upgrade',
        { keep: { minGmv30dFen: 7_000_000, minActiveCustomers30d: 1 } },
        'keep.minGmv30dFen',
      ],
    ])('refuses %s with 400', async (_label, overrides, field) => {
      const before = await countRows(t, 'leader_levels');
      const res = await req()
        .post('/api/admin/leader-levels')
        .set(...as())
        .send(levelInput({ name: '新等级', rank: 50, ...overrides }))
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((res.body.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
      expect(await countRows(t, 'leader_levels')).toBe(before);
    });

    it('updates a level (audited), and refuses a clash or an unknown id', async () => {
      const res = await req()
        .put(`/api/admin/leader-levels/${diamond.id}`)
        .set(...as())
        .send(levelInput({ name: '钻石团长Plus', commissionRateBps: 2000 }))
        .expect(200);
      expect(res.body).toMatchObject({ id: diamond.id, name: '钻石团长Plus', commissionRateBps: 2000 });
      expect(await levelAudits('leaderLevel.update')).toBe(1);
      // Saving a level with its own name and rank is no clash.
      await req()
        .put(`/api/admin/leader-levels/${diamond.id}`)
        .set(...as())
        .send(levelInput({ name: '钻石团长Plus' }))
        .expect(200);
      const clash = await req()
        .put(`/api/admin/leader-levels/${diamond.id}`)
        .set(...as())
        .send(levelInput({ name: '金牌团长' }))
        .expect(409);
      expect(clash.body.code).toBe('LEADER_LEVEL_DUPLICATE');
      const missing = await req()
        .put('/api/admin/leader-levels/99999')
        .set(...as())
        .send(levelInput())
        .expect(404);
      expect(missing.body.code).toBe('LEADER_LEVEL_NOT_FOUND');
    });

    it('refuses to delete a level leaders are on, deletes an unused one (audited)', async () => {
      const inUse = await req()
        .delete(`/api/admin/leader-levels/${ladder[0].id}`)
        .set(...as())
        .expect(409);
      expect(inUse.body.code).toBe('LEADER_LEVEL_IN_USE');
      expect(inUse.body.message).toContain('普通团长');
      await req()
        .delete(`/api/admin/leader-levels/${diamond.id}`)
        .set(...as())
        .expect(204);
      expect(await levelAudits('leaderLevel.delete')).toBe(1);
      const again = await req()
        .delete(`/api/admin/leader-levels/${diamond.id}`)
        .set(...as())
        .expect(404);
      expect(again.body.code).toBe('LEADER_LEVEL_NOT_FOUND');
    });
  });

  describe('leader list and detail', () => {
    it('shows the level and filters by it', async () => {
      const res = await req()
        .get('/api/admin/leaders')
        .query({ levelId: ladder[1].id })
        .set(...as())
        .expect(200);
      const page = res.body as Paged<LeaderListItem>;
      expect(page.items.map((l) => [l.name, l.levelName])).toEqual([['王丽华', '银牌团长']]);
      expect(page.total).toBe(1);
    });

    it('shows history, figures, customers and communities on the detail', async () => {
      const detail = (
        await req()
          .get(`/api/admin/leaders/${wang.id}`)
          .set(...as())
          .expect(200)
      ).body as LeaderDetail;
      expect(detail.levelHistory.map((h) => [h.kind, h.toLevelName])).toEqual([
        ['upgrade', '银牌团长'],
        ['initial', '普通团长'],
      ]);
      expect(detail.levelHistory[0].reason).toBe('近30天GMV ¥12,680.00 ≥ ¥10,000.00，活跃客户 32 ≥ 30');
      expect(detail.metrics.gmv30dFen).toBeGreaterThan(0);
      expect(detail.levelHoldUntil).toBeNull();
      const customers = (await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM members WHERE current_leader_id = ?',
        [wang.id],
      )) as Array<{ n: number | string }>;
      expect(detail.customerCount).toBe(Number(customers[0].n));
      const communities = (await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM communities WHERE leader_id = ?',
        [wang.id],
      )) as Array<{ n: number | string }>;
      expect(detail.communityCount).toBe(Number(communities[0].n));
    });
  });

  describe('manual level', () => {
    it('sets a level by hand with a hold (audited, in the history)', async () => {
      const before = Date.now();
      const res = await req()
        .post(`/api/admin/leaders/${chen.id}/level`)
        .set(...as())
        .send({ levelId: ladder[2].id, reason: '社区团购标杆，破格提升', holdDays: 10 })
        .expect(200);
      const detail = res.body as LeaderDetail;
      expect(detail).toMatchObject({ levelId: ladder[2].id, levelName: '金牌团长' });
      const hold = Date.parse(detail.levelHoldUntil ?? '');
      expect(hold).toBeGreaterThanOrEqual(before + 10 * 86_400_000 - 1000);
      expect(hold).toBeLessThanOrEqual(Date.now() + 10 * 86_400_000 + 1000);
      expect(detail.levelHistory[0]).toMatchObject({
        kind: 'manual',
        fromLevelName: '普通团长',
        toLevelName: '金牌团长',
        reason: '社区团购标杆，破格提升',
        gmv30dFen: null,
        activeCustomers30d: null,
        actorType: 'staff',
        actorName: '系统管理员',
      });
      expect(await levelAudits('leader.setLevel')).toBe(1);
    });

    it('holdDays 0 sets no hold; the default is 30 days', async () => {
      const none = await req()
        .post(`/api/admin/leaders/${chen.id}/level`)
        .set(...as())
        .send({ levelId: ladder[1].id, reason: '回到银牌', holdDays: 0 })
        .expect(200);
      expect(none.body.levelHoldUntil).toBeNull();
      const dflt = await req()
        .post(`/api/admin/leaders/${chen.id}/level`)
        .set(...as())
        .send({ levelId: ladder[1].id, reason: '保持银牌' })
        .expect(200);
      const days = (Date.parse(dflt.body.levelHoldUntil) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);
    });

    it.each([
      ['an unknown level', { levelId: 99999, reason: '测试原因' }, 404, 'LEADER_LEVEL_NOT_FOUND'],
      ['a one-char reason', { levelId: 1, reason: '短' }, 400, 'VALIDATION_FAILED'],
      ['a hold of 366 days', { levelId: 1, reason: '测试原因', holdDays: 366 }, 400, 'VALIDATION_FAILED'],
    ])('refuses %s and changes nothing', async (_label, body, status, code) => {
      const before = await countRows(t, 'leader_level_changes');
      const res = await req()
        .post(`/api/admin/leaders/${chen.id}/level`)
        .set(...as())
        .send(body)
        .expect(status);
      expect(res.body.code).toBe(code);
      expect(await countRows(t, 'leader_level_changes')).toBe(before);
    });

    it('refuses an unknown leader and a pending application', async () => {
      const missing = await req()
        .post('/api/admin/leaders/99999/level')
        .set(...as())
        .send({ levelId: ladder[0].id, reason: '测试原因' })
        .expect(404);
      expect(missing.body.code).toBe('LEADER_NOT_FOUND');
      const session = await memberLogin(t, 'level-pending');
      const applied = await apply(t, session.accessToken, application({ name: '待审团长' })).expect(201);
      const pending = await req()
        .post(`/api/admin/leaders/${applied.body.leaderId}/level`)
        .set(...as())
        .send({ levelId: ladder[0].id, reason: '测试原因' })
        .expect(409);
      expect(pending.body.code).toBe('LEADER_INVALID_STATUS');
    });
  });

  describe('approval and the downline tree', () => {
    let a: number;
    let b: number;

    it('approval assigns the lowest level with an initial change', async () => {
      a = await recruit('tree-a', '树一号', chen.inviteCode);
      const detail = (
        await req()
          .get(`/api/admin/leaders/${a}`)
          .set(...as())
          .expect(200)
      ).body as LeaderDetail;
      expect(detail).toMatchObject({ levelId: ladder[0].id, levelName: '普通团长' });
      expect(detail.levelHistory).toHaveLength(1);
      expect(detail.levelHistory[0]).toMatchObject({
        kind: 'initial',
        actorType: 'staff',
        fromLevelId: null,
      });
      const mine = await req()
        .get('/api/app/leader-applications/mine')
        .set(...bearer((await memberLogin(t, 'tree-a')).accessToken))
        .expect(200);
      expect(mine.body).toMatchObject({ uplineName: '陈建国', uplineInviteCode: chen.inviteCode });
    });

    it('counts a 3-deep tree with a recursive query and walks the upline chain', async () => {
      const aCode = (await findLeader(t, admin.accessToken, '树一号')).inviteCode;
      b = await recruit('tree-b', '树二号', aCode);
      // 王丽华 → 陈建国 → 树一号 → 树二号; 王丽华 → 刘晓燕
      const root = (
        await req()
          .get(`/api/admin/leaders/${wang.id}/downline`)
          .set(...as())
          .expect(200)
      ).body as DownlineView;
      expect(root.uplineChain).toEqual([]);
      expect(root.node).toMatchObject({
        name: '王丽华',
        recruitCount: 2,
        descendantCount: 4,
        levelName: '银牌团长',
      });
      expect(root.children.map((c) => [c.name, c.recruitCount, c.descendantCount])).toEqual([
        ['陈建国', 1, 2],
        ['刘晓燕', 0, 0],
      ]);
      expect(root.children[0]).toMatchObject({ status: 'active', pickupPointName: '采荷新村自提点' });

      const mid = (
        await req()
          .get(`/api/admin/leaders/${a}/downline`)
          .set(...as())
          .expect(200)
      ).body as DownlineView;
      expect(mid.uplineChain.map((u) => u.name)).toEqual(['王丽华', '陈建国']);
      expect(mid.node).toMatchObject({ recruitCount: 1, descendantCount: 1 });
      expect(mid.children.map((c) => [c.leaderId, c.descendantCount])).toEqual([[b, 0]]);

      const missing = await req()
        .get('/api/admin/leaders/99999/downline')
        .set(...as())
        .expect(404);
      expect(missing.body.code).toBe('LEADER_NOT_FOUND');
    });

    it('survives a corrupted, cyclic tree', async () => {
      await t.dataSource.query('UPDATE leaders SET upline_leader_id = ? WHERE id = ?', [b, wang.id]);
      try {
        const res = await req()
          .get(`/api/admin/leaders/${a}/downline`)
          .set(...as())
          .expect(200);
        const view = res.body as DownlineView;
        // 树一号 → 树二号 → 王丽华 → 陈建国 (→ 树一号 again), 刘晓燕: each counted once, the root never
        expect(view.node.descendantCount).toBe(4);
        expect(view.uplineChain.map((u) => u.name)).toEqual(['树二号', '王丽华', '陈建国']);
      } finally {
        await t.dataSource.query('UPDATE leaders SET upline_leader_id = NULL WHERE id = ?', [wang.id]);
      }
    });
  });

  describe('member activity', () => {
    it('marks a member active at login, and on GET /me at most once an hour', async () => {
      const session = await memberLogin(t, 'activity-buyer');
      const memberId = session.member.id;
      const detail = async () =>
        (
          await req()
            .get(`/api/admin/members/${memberId}`)
            .set(...as())
            .expect(200)
        ).body as MemberDetail;
      const atLogin = Date.parse((await detail()).lastActiveAt ?? '');
      expect(atLogin).toBeGreaterThan(Date.now() - 60_000);

      const twoMinutesAgo = sqlDateTime(new Date(Date.now() - 120_000));
      await t.dataSource.query('UPDATE members SET last_active_at = ? WHERE id = ?', [
        twoMinutesAgo,
        memberId,
      ]);
      await req()
        .get('/api/app/me')
        .set(...bearer(session.accessToken))
        .expect(200);
      expect((await detail()).lastActiveAt).toBe(`${twoMinutesAgo.replace(' ', 'T')}Z`);

      await t.dataSource.query('UPDATE members SET last_active_at = ? WHERE id = ?', [
        sqlDateTime(new Date(Date.now() - 2 * 3600_000)),
        memberId,
      ]);
      await req()
        .get('/api/app/me')
        .set(...bearer(session.accessToken))
        .expect(200);
      expect(Date.parse((await detail()).lastActiveAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    });
  });
});
