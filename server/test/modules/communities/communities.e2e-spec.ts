import type {
  CommunityInvite,
  CommunityListItem,
  CommunityView,
  JoinCommunityResponse,
  LeaderCustomerView,
  MemberListItem,
  Paged,
} from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  expectConsistentHistories,
  memberDetail,
  devLogin,
  seededLeaders,
  type SeededLeader,
} from '../members/members-test-kit';
import { bearer, countRows, createStaffAndLogin, loginAsAdmin, seedDemo } from '../support/modules-test-kit';

describe('communities (社群): leader management, invites, joining, 我的客户, admin list', () => {
  let t: TestApp;
  let adminToken: string;
  let wang: SeededLeader;
  let chen: SeededLeader;
  let wangToken: string;
  let chenToken: string;

  const http = () => t.http();
  const asWang = () => bearer(wangToken);

  async function createCommunity(token: string, name: string): Promise<CommunityView> {
    const res = await http()
      .post('/api/app/leader/communities')
      .set(...bearer(token))
      .send({ name });
    if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as CommunityView;
  }

  async function community(id: number): Promise<{ member_count: number; status: string }> {
    const rows = (await t.dataSource.query('SELECT member_count, status FROM communities WHERE id = ?', [
      id,
    ])) as Array<{ member_count: number | string; status: string }>;
    return { member_count: Number(rows[0].member_count), status: rows[0].status };
  }

  async function memberships(communityId: number): Promise<number> {
    const rows = (await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM community_memberships WHERE community_id = ?',
      [communityId],
    )) as Array<{ n: number | string }>;
    return Number(rows[0].n);
  }

  function join(token: string, communityCode: string) {
    return http()
      .post('/api/app/communities/join')
      .set(...bearer(token))
      .send({ communityCode });
  }

  function customers(token: string, query: Record<string, string | number> = {}) {
    return http()
      .get('/api/app/leader/customers')
      .query(query)
      .set(...bearer(token));
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        DEV_LOGIN: 'true',
        LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
        PUBLIC_BASE_URL: 'https://tuan.example.com/',
      },
    });
    await seedDemo(t);
    adminToken = (await loginAsAdmin(t)).accessToken;
    const leaders = await seededLeaders(t);
    wang = leaders['王丽华'];
    chen = leaders['陈建国'];
    wangToken = (await devLogin(t, 'leader-wang')).accessToken;
    chenToken = (await devLogin(t, 'leader-chen')).accessToken;
  });
  afterAll(() => t.close());

  describe('the leader manages their communities', () => {
    it('lists the seeded communities newest first, with member counts equal to their memberships', async () => {
      const res = await http()
        .get('/api/app/leader/communities')
        .set(...asWang())
        .expect(200);
      const list = res.body as CommunityView[];
      expect(list.map((c) => c.name)).toEqual(['翠苑宝妈生鲜群', '翠苑一区1号楼团购群']);
      for (const c of list) expect(c.memberCount).toBe(await memberships(c.id));
      expect(list[1].memberCount).toBe(4);
    });

    it('creates a community with a fresh unguessable invite code, audited', async () => {
      const audits = await countRows(t, 'audit_logs');
      const created = await createCommunity(wangToken, '  翠苑二区团购群 ');
      expect(created).toMatchObject({ name: '翠苑二区团购群', status: 'active', memberCount: 0 });
      expect(created.inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      expect(await countRows(t, 'audit_logs')).toBe(audits + 1);
    });

    it('refuses names that are too short or too long', async () => {
      for (const name of ['群', 'x'.repeat(33)]) {
        const res = await http()
          .post('/api/app/leader/communities')
          .set(...asWang())
          .send({ name });
        expect(res.status).toBe(400);
      }
    });

    it('renames and archives; an archived community takes no new members, existing ones stay', async () => {
      const c = await createCommunity(wangToken, '临时拼单群');
      const buyer = await devLogin(t, 'cm-archive-buyer');
      expect((await join(buyer.accessToken, c.inviteCode)).status).toBe(200);
      const renamed = await http()
        .patch(`/api/app/leader/communities/${c.id}`)
        .set(...asWang())
        .send({ name: '临时拼单群（已满）', status: 'archived' })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: '临时拼单群（已满）', status: 'archived', memberCount: 1 });

      const late = await devLogin(t, 'cm-archive-late');
      const refused = await join(late.accessToken, c.inviteCode);
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 400,
        code: 'COMMUNITY_INVITE_INVALID',
      });
      // At login an archived code is ignored: the login works, nothing is joined.
      const viaLogin = await devLogin(t, 'cm-archive-login', { communityCode: c.inviteCode });
      expect(viaLogin.isNew).toBe(true);
      expect(viaLogin.member.currentLeader).toBeNull();
      expect(await community(c.id)).toEqual({ member_count: 1, status: 'archived' });
      expect(await memberships(c.id)).toBe(1);
    });

    it('limits a leader to 50 active communities; archived ones do not count', async () => {
      for (let i = 1; i <= 50; i++) await createCommunity(chenToken, `陈团长测试群${i}`);
      const over = await http()
        .post('/api/app/leader/communities')
        .set(...bearer(chenToken))
        .send({ name: '第五十一个群' });
      expect({ status: over.status, code: over.body.code }).toEqual({
        status: 409,
        code: 'COMMUNITY_LIMIT_REACHED',
      });
      const list = (
        await http()
          .get('/api/app/leader/communities')
          .set(...bearer(chenToken))
      ).body as CommunityView[];
      await http()
        .patch(`/api/app/leader/communities/${list[0].id}`)
        .set(...bearer(chenToken))
        .send({ status: 'archived' })
        .expect(200);
      const replacement = await createCommunity(chenToken, '第五十一个群');
      // Re-activating the archived one would make 51.
      const back = await http()
        .patch(`/api/app/leader/communities/${list[0].id}`)
        .set(...bearer(chenToken))
        .send({ status: 'active' });
      expect({ status: back.status, code: back.body.code }).toEqual({
        status: 409,
        code: 'COMMUNITY_LIMIT_REACHED',
      });
      expect(replacement.status).toBe('active');
    });

    it('gives the invite: scene, mini-program path, H5 link on PUBLIC_BASE_URL and a PNG QR code', async () => {
      const [c] = (
        await http()
          .get('/api/app/leader/communities')
          .set(...asWang())
      ).body as CommunityView[];
      const res = await http()
        .get(`/api/app/leader/communities/${c.id}/invite`)
        .set(...asWang())
        .expect(200);
      const invite = res.body as CommunityInvite;
      expect(invite).toMatchObject({
        communityId: c.id,
        communityName: c.name,
        leaderName: '王丽华',
        inviteCode: c.inviteCode,
        scene: `c=${c.inviteCode}`,
        miniProgramPath: `pages/index/index?scene=c%3D${c.inviteCode}`,
        h5Url: `https://tuan.example.com/h5/?communityCode=${c.inviteCode}`,
      });
      expect(invite.qrPngDataUrl).toMatch(/^data:image\/png;base64,/);
      const png = Buffer.from(invite.qrPngDataUrl.split(',')[1], 'base64');
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    });

    it('refuses a member who is not an active leader', async () => {
      const buyer = await devLogin(t, 'cm-not-leader');
      const res = await http()
        .get('/api/app/leader/communities')
        .set(...bearer(buyer.accessToken));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'LEADER_NOT_ACTIVE' });
    });
  });

  describe('joining', () => {
    let c: CommunityView;
    beforeAll(async () => {
      c = await createCommunity(wangToken, '翠苑三区团购群');
    });

    it('attributes a NEW member who logs in through the invite: 群二维码, first leader, first community, bound', async () => {
      const session = await devLogin(t, 'cm-new', { communityCode: c.inviteCode.toLowerCase() });
      expect(session.isNew).toBe(true);
      expect(session.member.currentLeader).toMatchObject({ id: wang.id });
      const detail = await memberDetail(t, adminToken, session.member.id);
      expect(detail.source).toMatchObject({
        channel: 'group_qr',
        firstLeaderId: wang.id,
        firstLeaderName: '王丽华',
        firstCommunityId: c.id,
        firstCommunityName: '翠苑三区团购群',
      });
      expect(detail.communities).toEqual([
        expect.objectContaining({
          communityId: c.id,
          name: c.name,
          leaderId: wang.id,
          leaderName: '王丽华',
          channel: 'group_qr',
        }),
      ]);
      expect(detail.bindingHistory).toEqual([
        expect.objectContaining({ fromLeaderId: null, toLeaderId: wang.id, reason: 'entry_link' }),
      ]);
      expect((await community(c.id)).member_count).toBe(1);
    });

    it('takes the community code over a leader code at login', async () => {
      const session = await devLogin(t, 'cm-both', {
        communityCode: c.inviteCode,
        leaderCode: chen.inviteCode,
      });
      expect(session.member.currentLeader).toMatchObject({ id: wang.id });
      const detail = await memberDetail(t, adminToken, session.member.id);
      expect(detail.source).toMatchObject({
        channel: 'group_qr',
        firstLeaderId: wang.id,
        firstCommunityId: c.id,
      });
    });

    it('ignores an invalid community code at login (the leader code then counts)', async () => {
      const session = await devLogin(t, 'cm-invalid', {
        communityCode: 'NOPE2345',
        leaderCode: chen.inviteCode,
      });
      expect(session.isNew).toBe(true);
      const detail = await memberDetail(t, adminToken, session.member.id);
      expect(detail.source).toMatchObject({
        channel: 'share_card',
        firstLeaderId: chen.id,
        firstCommunityId: null,
      });
      expect(detail.communities).toEqual([]);
    });

    it('an existing member bound elsewhere only gains the membership: source and leader unchanged', async () => {
      const sun = await devLogin(t, 'member-sun');
      const before = await memberDetail(t, adminToken, sun.member.id);
      const again = await devLogin(t, 'member-sun', { communityCode: c.inviteCode });
      expect(again.isNew).toBe(false);
      const after = await memberDetail(t, adminToken, sun.member.id);
      expect(after.source).toEqual(before.source);
      expect(after.currentLeaderId).toBe(chen.id);
      expect(after.bindingHistory).toEqual(before.bindingHistory);
      expect(after.communities.map((x) => x.communityId)).toEqual([c.id]);
    });

    it('binds an existing UNBOUND member to the community leader (entry link), source unchanged', async () => {
      const first = await devLogin(t, 'cm-unbound');
      expect(first.member.currentLeader).toBeNull();
      const again = await devLogin(t, 'cm-unbound', { communityCode: c.inviteCode });
      expect(again.member.currentLeader).toMatchObject({ id: wang.id });
      const detail = await memberDetail(t, adminToken, first.member.id);
      expect(detail.source).toMatchObject({ channel: 'direct', firstLeaderId: null, firstCommunityId: null });
      expect(detail.bindingHistory).toEqual([
        expect.objectContaining({
          fromLeaderId: null,
          toLeaderId: wang.id,
          reason: 'entry_link',
          actorType: 'member',
        }),
      ]);
      await expectConsistentHistories(t);
    });

    it('joins from the app: unbound members get bound; twice is a no-op', async () => {
      const buyer = await devLogin(t, 'cm-app-join');
      const countBefore = (await community(c.id)).member_count;
      const first = await join(buyer.accessToken, c.inviteCode).expect(200);
      expect(first.body as JoinCommunityResponse).toEqual({
        communityId: c.id,
        communityName: c.name,
        leaderId: wang.id,
        leaderName: '王丽华',
        joined: true,
      });
      const rows = {
        m: await countRows(t, 'community_memberships'),
        b: await countRows(t, 'member_bindings'),
      };
      const second = await join(buyer.accessToken, c.inviteCode).expect(200);
      expect(second.body.joined).toBe(false);
      expect({
        m: await countRows(t, 'community_memberships'),
        b: await countRows(t, 'member_bindings'),
      }).toEqual(rows);
      expect((await community(c.id)).member_count).toBe(countBefore + 1);
      expect((await memberDetail(t, adminToken, buyer.member.id)).currentLeaderId).toBe(wang.id);
    });

    it('refuses an unknown code and a missing one', async () => {
      const buyer = await devLogin(t, 'cm-bad-code');
      const unknown = await join(buyer.accessToken, 'ZZZZ2222');
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({
        status: 400,
        code: 'COMMUNITY_INVITE_INVALID',
      });
      const empty = await join(buyer.accessToken, '');
      expect(empty.status).toBe(400);
    });

    it('keeps member_count exact under concurrent joins, also of the same member', async () => {
      const target = await createCommunity(wangToken, '并发加入测试群');
      const sessions = await Promise.all(Array.from({ length: 12 }, (_, i) => devLogin(t, `cm-race-${i}`)));
      const results = await Promise.all([
        ...sessions.map((s) => join(s.accessToken, target.inviteCode)),
        // The same member five more times at once: exactly one of all their joins inserts.
        ...Array.from({ length: 5 }, () => join(sessions[0].accessToken, target.inviteCode)),
        // And new members arriving through the invite at login.
        ...Array.from({ length: 6 }, (_, i) =>
          devLogin(t, `cm-race-login-${i}`, { communityCode: target.inviteCode }),
        ),
      ]);
      for (const r of results.slice(0, 17)) expect((r as { status: number }).status).toBe(200);
      expect(await memberships(target.id)).toBe(18);
      expect((await community(target.id)).member_count).toBe(18);
      await expectConsistentHistories(t);
    });
  });

  describe('我的客户', () => {
    it("lists the leader's bound members newest first, phones masked, with the leader's communities", async () => {
      const res = await customers(wangToken, { pageSize: 100 }).expect(200);
      const page = res.body as Paged<LeaderCustomerView>;
      const ids = page.items.map((i) => i.memberId);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      expect(page.items.every((i) => i.boundToMe)).toBe(true);
      const zhang = page.items.find((i) => i.nickname === '张美玲');
      expect(zhang).toMatchObject({ phoneMasked: '137****2201', channel: 'share_card' });
      expect(zhang?.communities.map((x) => x.name).sort()).toEqual(['翠苑一区1号楼团购群', '翠苑宝妈生鲜群']);
      const li = page.items.find((i) => i.nickname === '李志强');
      expect(li?.channel).toBe('group_qr');
      // member-sun joined a community of Wang but is bound to Chen: not in Wang's bound list.
      expect(page.items.some((i) => i.nickname === '孙浩然')).toBe(false);
    });

    it('with a community: its members, including ones bound to another leader', async () => {
      const list = (
        await http()
          .get('/api/app/leader/communities')
          .set(...asWang())
      ).body as CommunityView[];
      const third = list.find((c) => c.name === '翠苑三区团购群')!;
      const page = (await customers(wangToken, { communityId: third.id, pageSize: 100 }).expect(200))
        .body as Paged<LeaderCustomerView>;
      expect(page.total).toBe(third.memberCount);
      const sun = page.items.find((i) => i.nickname === '孙浩然');
      expect(sun).toMatchObject({ boundToMe: false, communities: [{ id: third.id, name: third.name }] });
    });

    it('searches by nickname and by the last digits of the phone', async () => {
      const byName = (await customers(wangToken, { keyword: '美玲' }).expect(200))
        .body as Paged<LeaderCustomerView>;
      expect(byName.items.map((i) => i.nickname)).toEqual(['张美玲']);
      const byTail = (await customers(wangToken, { keyword: '3302' }).expect(200))
        .body as Paged<LeaderCustomerView>;
      expect(byTail.items.map((i) => i.nickname)).toEqual(['李志强']);
      // The middle of a number is not a tail.
      const middle = (await customers(wangToken, { keyword: '5882' }).expect(200))
        .body as Paged<LeaderCustomerView>;
      expect(middle.total).toBe(0);
    });

    it('pages with LIMIT: pages do not overlap and add up to the total', async () => {
      const first = (await customers(wangToken, { pageSize: 5, page: 1 }).expect(200))
        .body as Paged<LeaderCustomerView>;
      const second = (await customers(wangToken, { pageSize: 5, page: 2 }).expect(200))
        .body as Paged<LeaderCustomerView>;
      expect(first.items).toHaveLength(5);
      expect(first.total).toBeGreaterThan(5);
      const overlap = first.items.filter((a) => second.items.some((b) => b.memberId === a.memberId));
      expect(overlap).toEqual([]);
    });

    it("404s another leader's community and 403s a non-leader", async () => {
      const list = (
        await http()
          .get('/api/app/leader/communities')
          .set(...asWang())
      ).body as CommunityView[];
      const res = await customers(chenToken, { communityId: list[0].id });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'COMMUNITY_NOT_FOUND',
      });
      const buyer = await devLogin(t, 'demo-buyer');
      const refused = await customers(buyer.accessToken);
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 403,
        code: 'LEADER_NOT_ACTIVE',
      });
    });
  });

  describe('admin', () => {
    it('lists all communities with the leader name, filtered by leader, keyword and status', async () => {
      const all = (
        await http()
          .get('/api/admin/communities')
          .set(...bearer(adminToken))
          .expect(200)
      ).body as Paged<CommunityListItem>;
      expect(all.total).toBe(await countRows(t, 'communities'));
      const wangs = (
        await http()
          .get('/api/admin/communities')
          .query({ leaderId: wang.id, pageSize: 100 })
          .set(...bearer(adminToken))
          .expect(200)
      ).body as Paged<CommunityListItem>;
      expect(wangs.items.every((c) => c.leaderId === wang.id && c.leaderName === '王丽华')).toBe(true);
      const byName = (
        await http()
          .get('/api/admin/communities')
          .query({ keyword: '宝妈' })
          .set(...bearer(adminToken))
          .expect(200)
      ).body as Paged<CommunityListItem>;
      expect(byName.items.map((c) => c.name)).toEqual(['翠苑宝妈生鲜群']);
      const archived = (
        await http()
          .get('/api/admin/communities')
          .query({ status: 'archived', pageSize: 100 })
          .set(...bearer(adminToken))
          .expect(200)
      ).body as Paged<CommunityListItem>;
      expect(archived.items.length).toBeGreaterThanOrEqual(2);
      expect(archived.items.every((c) => c.status === 'archived')).toBe(true);
    });

    it('needs leaders.read', async () => {
      const warehouse = await createStaffAndLogin(t, adminToken, ['warehouse']);
      const res = await http()
        .get('/api/admin/communities')
        .set(...bearer(warehouse.session.accessToken));
      expect(res.status).toBe(403);
    });

    it('filters the member list by community', async () => {
      const [bm] = (
        await http()
          .get('/api/admin/communities')
          .query({ keyword: '宝妈' })
          .set(...bearer(adminToken))
      ).body.items as CommunityListItem[];
      const res = await http()
        .get('/api/admin/members')
        .query({ communityId: bm.id })
        .set(...bearer(adminToken))
        .expect(200);
      expect((res.body.items as MemberListItem[]).map((m) => m.nickname)).toEqual(['张美玲']);
    });
  });
});
