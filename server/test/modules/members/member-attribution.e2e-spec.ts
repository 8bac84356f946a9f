import { createTestApp, type TestApp } from '../../support/test-app';
import { loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import {
  bindingCounts,
  devLogin,
  expectConsistentHistories,
  memberDetail,
  seededLeaders,
  type SeededLeader,
} from './members-test-kit';

describe('member source attribution and entry-link binding', () => {
  let t: TestApp;
  let adminToken: string;
  let wang: SeededLeader;
  let chen: SeededLeader;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seedDemo(t);
    adminToken = (await loginAsAdmin(t)).accessToken;
    const leaders = await seededLeaders(t);
    wang = leaders['王丽华'];
    chen = leaders['陈建国'];
  });
  afterAll(() => t.close());

  it('gives every seeded binding a history row', async () => {
    const zhangId = Number(
      (
        (await t.dataSource.query("SELECT id FROM members WHERE openid = 'dev:member-zhang'")) as Array<{
          id: number;
        }>
      )[0].id,
    );
    const detail = await memberDetail(t, adminToken, zhangId);
    expect(detail.bindingHistory).toEqual([
      expect.objectContaining({
        fromLeaderId: null,
        toLeaderId: wang.id,
        toLeaderName: '王丽华',
        reason: 'entry_link',
      }),
    ]);
    const leaderRow = (await t.dataSource.query(
      "SELECT reason FROM member_bindings b JOIN members m ON m.id = b.member_id WHERE m.openid = 'dev:leader-chen'",
    )) as Array<{ reason: string }>;
    expect(leaderRow.map((r) => r.reason)).toEqual(['leader_approved']);
    await expectConsistentHistories(t);
  });

  it('attributes a first login through a poster and never changes the source or the leader afterwards', async () => {
    const first = await devLogin(t, 'attr-poster', { leaderCode: wang.inviteCode, channel: 'poster' });
    expect(first.isNew).toBe(true);
    expect(first.member.currentLeader).toMatchObject({ id: wang.id });
    const before = await memberDetail(t, adminToken, first.member.id);
    expect(before.source).toMatchObject({
      channel: 'poster',
      firstLeaderId: wang.id,
      firstLeaderName: '王丽华',
      firstCommunityId: null,
      firstOrderAt: null,
    });
    expect(before.bindingHistory).toEqual([
      expect.objectContaining({
        fromLeaderId: null,
        toLeaderId: wang.id,
        reason: 'entry_link',
        actorType: 'member',
        actorName: first.member.nickname,
      }),
    ]);

    const counts = await bindingCounts(t);
    const again = await devLogin(t, 'attr-poster', { leaderCode: chen.inviteCode, channel: 'share_card' });
    expect(again.isNew).toBe(false);
    expect(again.member.currentLeader).toMatchObject({ id: wang.id });
    const after = await memberDetail(t, adminToken, first.member.id);
    expect(after.source).toEqual(before.source);
    expect(after.bindingHistory).toEqual(before.bindingHistory);
    expect(await bindingCounts(t)).toEqual(counts);
  });

  it('defaults to share_card with a valid code, and to direct without one (unknown codes count as none)', async () => {
    const card = await devLogin(t, 'attr-card', { leaderCode: chen.inviteCode.toLowerCase() });
    expect((await memberDetail(t, adminToken, card.member.id)).source).toMatchObject({
      channel: 'share_card',
      firstLeaderId: chen.id,
    });
    const direct = await devLogin(t, 'attr-direct', { leaderCode: 'NOSUCH99' });
    expect(direct.member.currentLeader).toBeNull();
    const detail = await memberDetail(t, adminToken, direct.member.id);
    expect(detail.source).toMatchObject({ channel: 'direct', firstLeaderId: null });
    expect(detail.bindingHistory).toEqual([]);
  });

  it('binds a member who is still unbound when they later come through a link', async () => {
    const plain = await devLogin(t, 'attr-later');
    expect(plain.member.currentLeader).toBeNull();
    const later = await devLogin(t, 'attr-later', { leaderCode: chen.inviteCode, channel: 'group_qr' });
    expect(later.member.currentLeader).toMatchObject({ id: chen.id });
    const detail = await memberDetail(t, adminToken, plain.member.id);
    // The source stays as first recorded; the binding is new.
    expect(detail.source).toMatchObject({ channel: 'direct', firstLeaderId: null });
    expect(detail.bindingHistory).toEqual([
      expect.objectContaining({
        fromLeaderId: null,
        toLeaderId: chen.id,
        reason: 'entry_link',
        actorType: 'member',
      }),
    ]);
    await expectConsistentHistories(t);
  });

  it('does not bind through a suspended leader', async () => {
    const liu = (await seededLeaders(t))['刘晓燕'];
    await t
      .http()
      .post(`/api/admin/leaders/${liu.id}/suspend`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ reason: '暂停营业整改' })
      .expect(200);
    const res = await devLogin(t, 'attr-suspended', { leaderCode: liu.inviteCode, channel: 'poster' });
    expect(res.member.currentLeader).toBeNull();
    expect((await memberDetail(t, adminToken, res.member.id)).source).toMatchObject({
      channel: 'poster',
      firstLeaderId: null,
    });
  });

  it.each([
    [{ entry: { channel: 'carrier_pigeon' } }, 'entry.channel'],
    [{ entry: 'WANG' }, 'entry'],
    [{ entry: { leaderCode: 'x'.repeat(33) } }, 'entry.leaderCode'],
    [{ entry: { leaderCode: 'ABC', extra: 1 } }, 'entry.extra'],
  ])('rejects bad entry %j and creates nothing', async (extra, field) => {
    const counts = await bindingCounts(t);
    const res = await t
      .http()
      .post('/api/app/auth/dev-login')
      .send({ openid: 'attr-bad', ...extra });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.fields)).toContain(field.split('.')[0]);
    expect(await bindingCounts(t)).toEqual(counts);
  });
});
