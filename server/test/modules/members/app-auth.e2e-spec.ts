import type { MemberLoginResponse } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { bearer, countRows, loginAsAdmin, seedDemo } from '../support/modules-test-kit';

describe('mini-program auth with WeChat configured and dev login on', () => {
  let t: TestApp;
  let wechat: FakeWechat;

  beforeAll(async () => {
    wechat = await startFakeWechat('wx-test-app', 'test-secret');
    t = await createTestApp({
      env: {
        WECHAT_APPID: 'wx-test-app',
        WECHAT_SECRET: 'test-secret',
        WECHAT_API_BASE: wechat.baseUrl,
        DEV_LOGIN: 'true',
      },
    });
    await seedDemo(t);
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  it('GET /api/app/auth/options reports both methods', async () => {
    const res = await t.http().get('/api/app/auth/options').expect(200);
    expect(res.body).toEqual({ wechatLogin: true, devLogin: true });
  });

  describe('wechat-login', () => {
    it('creates the member on first login and finds it afterwards', async () => {
      const first = await t.http().post('/api/app/auth/wechat-login').send({ code: 'ok-alice' });
      expect(first.status).toBe(200);
      const body = first.body as MemberLoginResponse;
      expect(body).toMatchObject({
        isNew: true,
        expiresIn: 900,
        member: { nickname: expect.stringMatching(/^微信用户/), isLeader: false, currentLeader: null },
      });
      expect(wechat.calls.at(-1)?.toString()).toBe(
        'appid=wx-test-app&secret=test-secret&js_code=ok-alice&grant_type=authorization_code',
      );
      const again = await t.http().post('/api/app/auth/wechat-login').send({ code: 'ok-alice' });
      expect(again.body).toMatchObject({ isNew: false, member: { id: body.member.id } });
      const rows = (await t.dataSource.query(
        "SELECT openid FROM members WHERE openid = 'wx-alice'",
      )) as unknown[];
      expect(rows).toHaveLength(1);
    });

    it('stores the unionid and binds a new buyer to the leader whose invite code is the scene', async () => {
      const [leader] = (await t.dataSource.query(
        'SELECT id, invite_code FROM leaders ORDER BY id LIMIT 1',
      )) as Array<{
        id: number;
        invite_code: string;
      }>;
      const res = await t
        .http()
        .post('/api/app/auth/wechat-login')
        .send({ code: 'union-bob', scene: leader.invite_code });
      expect(res.status).toBe(200);
      expect(res.body.member.currentLeader).toMatchObject({
        id: leader.id,
        pickupPoint: { name: '翠苑一区自提点' },
      });
      const [row] = (await t.dataSource.query(
        "SELECT unionid FROM members WHERE openid = 'wx-bob'",
      )) as Array<{ unionid: string }>;
      expect(row.unionid).toBe('union-bob');
    });

    it.each([
      ['invalid', 401, 'AUTH_WECHAT_CODE_INVALID'],
      ['used', 401, 'AUTH_WECHAT_CODE_INVALID'],
      ['busy', 502, 'AUTH_WECHAT_UNAVAILABLE'],
      ['http500', 502, 'AUTH_WECHAT_UNAVAILABLE'],
    ])('maps code %s to %d %s and creates nothing', async (code, status, errorCode) => {
      const membersBefore = await countRows(t, 'members');
      const tokensBefore = await countRows(t, 'refresh_tokens');
      const res = await t.http().post('/api/app/auth/wechat-login').send({ code });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(errorCode);
      expect(res.body.message).toMatch(/微信/);
      expect(await countRows(t, 'members')).toBe(membersBefore);
      expect(await countRows(t, 'refresh_tokens')).toBe(tokensBefore);
    });

    it('validates the body', async () => {
      const res = await t.http().post('/api/app/auth/wechat-login').send({ code: '', openid: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['code', 'openid']);
    });
  });

  describe('dev-login, refresh, logout and /api/app/me', () => {
    it('logs in as the seeded demo buyer by default', async () => {
      const res = await t.http().post('/api/app/auth/dev-login').send({});
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        isNew: false,
        member: {
          nickname: '演示买家',
          currentLeader: { name: '王丽华', pickupPoint: { address: expect.stringContaining('杭州市') } },
        },
      });
      const me = await t
        .http()
        .get('/api/app/me')
        .set(...bearer(res.body.accessToken))
        .expect(200);
      expect(me.body).toEqual(res.body.member);
    });

    it('creates a member for a new openid, with the given nickname; leaders see isLeader', async () => {
      const res = await t
        .http()
        .post('/api/app/auth/dev-login')
        .send({ openid: 'tester_01', nickname: '测试买家' });
      expect(res.body).toMatchObject({ isNew: true, member: { nickname: '测试买家', currentLeader: null } });
      const leader = await t.http().post('/api/app/auth/dev-login').send({ openid: 'leader-wang' });
      expect(leader.body.member).toMatchObject({ isLeader: true, currentLeader: { name: '王丽华' } });
      const bad = await t.http().post('/api/app/auth/dev-login').send({ openid: 'has space', nickname: '' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['nickname', 'openid']);
    });

    it('rotates member refresh tokens, detects reuse, and logs out', async () => {
      const session = (await t.http().post('/api/app/auth/dev-login').send({ openid: 'rotator' }))
        .body as MemberLoginResponse;
      const rotated = await t
        .http()
        .post('/api/app/auth/refresh')
        .send({ refreshToken: session.refreshToken });
      expect(rotated.status).toBe(200);
      expect(rotated.body).toMatchObject({ isNew: false, member: { id: session.member.id } });
      const replay = await t
        .http()
        .post('/api/app/auth/refresh')
        .send({ refreshToken: session.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('AUTH_REFRESH_INVALID');
      const successor = await t
        .http()
        .post('/api/app/auth/refresh')
        .send({ refreshToken: rotated.body.refreshToken });
      expect(successor.status).toBe(401);

      const next = (await t.http().post('/api/app/auth/dev-login').send({ openid: 'rotator' }))
        .body as MemberLoginResponse;
      await t.http().post('/api/app/auth/logout').send({ refreshToken: next.refreshToken }).expect(204);
      const afterLogout = await t
        .http()
        .post('/api/app/auth/refresh')
        .send({ refreshToken: next.refreshToken });
      expect(afterLogout.status).toBe(401);
    });

    it('keeps staff tokens out of the app area and member tokens out of the admin area', async () => {
      const admin = await loginAsAdmin(t);
      const staffOnApp = await t
        .http()
        .get('/api/app/me')
        .set(...bearer(admin.accessToken));
      expect(staffOnApp.status).toBe(401);
      expect(staffOnApp.body.code).toBe('UNAUTHENTICATED');
      const member = (await t.http().post('/api/app/auth/dev-login').send({})).body as MemberLoginResponse;
      const memberOnAdmin = await t
        .http()
        .get('/api/admin/auth/me')
        .set(...bearer(member.accessToken));
      expect(memberOnAdmin.status).toBe(401);
      // A staff refresh token is not accepted at the member refresh endpoint, and survives the attempt.
      const crossed = await t.http().post('/api/app/auth/refresh').send({ refreshToken: admin.refreshToken });
      expect(crossed.status).toBe(401);
      await t.http().post('/api/admin/auth/refresh').send({ refreshToken: admin.refreshToken }).expect(200);
      expect((await t.http().get('/api/app/me')).status).toBe(401);
    });
  });
});

describe('mini-program auth without WeChat and with dev login off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'false' } });
  });
  afterAll(() => t.close());

  it('reports neither method', async () => {
    const res = await t.http().get('/api/app/auth/options').expect(200);
    expect(res.body).toEqual({ wechatLogin: false, devLogin: false });
  });

  it('refuses dev-login with 403 AUTH_DEV_LOGIN_DISABLED and creates nothing', async () => {
    const res = await t.http().post('/api/app/auth/dev-login').send({ openid: 'intruder' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH_DEV_LOGIN_DISABLED');
    expect(await countRows(t, 'members')).toBe(0);
    expect(await countRows(t, 'refresh_tokens')).toBe(0);
  });

  it('refuses wechat-login with 503 AUTH_WECHAT_NOT_CONFIGURED', async () => {
    const res = await t.http().post('/api/app/auth/wechat-login').send({ code: 'ok-anyone' });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('AUTH_WECHAT_NOT_CONFIGURED');
  });
});

describe('WeChat behind a gateway with a path prefix (WECHAT_API_BASE=http://host/wx)', () => {
  it('keeps the prefix when calling jscode2session', async () => {
    const wechat = await startFakeWechat('wx-gw', 'gw-secret', { pathPrefix: '/wx' });
    const t = await createTestApp({
      env: { WECHAT_APPID: 'wx-gw', WECHAT_SECRET: 'gw-secret', WECHAT_API_BASE: `${wechat.baseUrl}/wx` },
    });
    try {
      const res = await t.http().post('/api/app/auth/wechat-login').send({ code: 'ok-gw' });
      expect(res.status).toBe(200);
      expect(wechat.calls).toHaveLength(1);
    } finally {
      await t.close();
      await wechat.close();
    }
  });
});

describe('WeChat unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Port 9 (discard) on localhost: connection refused.
    t = await createTestApp({
      env: { WECHAT_APPID: 'wx-a', WECHAT_SECRET: 's', WECHAT_API_BASE: 'http://127.0.0.1:9' },
    });
  });
  afterAll(() => t.close());

  it('answers 502 with a Chinese message', async () => {
    const res = await t.http().post('/api/app/auth/wechat-login').send({ code: 'ok-x' });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({
      code: 'AUTH_WECHAT_UNAVAILABLE',
      message: '微信登录服务暂时不可用，请稍后再试',
    });
  });
});
