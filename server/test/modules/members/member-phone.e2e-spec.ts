import type { MemberProfile } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';
import { bearer } from '../support/modules-test-kit';
import { devLogin } from './members-test-kit';

async function phoneOf(t: TestApp, memberId: number): Promise<string | null> {
  const rows = (await t.dataSource.query('SELECT phone FROM members WHERE id = ?', [memberId])) as Array<{
    phone: string | null;
  }>;
  return rows[0].phone;
}

describe('the member phone number', () => {
  let t: TestApp;
  let wechat: FakeWechat;

  beforeAll(async () => {
    wechat = await startFakeWechat('wx-phone-app', 'phone-secret');
    t = await createTestApp({
      env: {
        WECHAT_APPID: 'wx-phone-app',
        WECHAT_SECRET: 'phone-secret',
        WECHAT_API_BASE: wechat.baseUrl,
        DEV_LOGIN: 'true',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  const setWechatPhone = (token: string, code: string) =>
    t
      .http()
      .post('/api/app/me/phone/wechat')
      .set(...bearer(token))
      .send({ code });

  describe('POST /api/app/me/phone/wechat', () => {
    it('shares one access-token request between concurrent callers and stores the numbers', async () => {
      const members = await Promise.all(['p-1', 'p-2', 'p-3'].map((openid) => devLogin(t, openid)));
      const results = await Promise.all(
        members.map((m, i) => setWechatPhone(m.accessToken, `phone-1391234567${i}`)),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(results.map((r) => (r.body as MemberProfile).phone)).toEqual([
        '13912345670',
        '13912345671',
        '13912345672',
      ]);
      expect(wechat.tokenCalls).toHaveLength(1);
      expect(wechat.tokenCalls[0].get('grant_type')).toBe('client_credential');
      expect(wechat.phoneCalls.map((c) => c.accessToken)).toEqual(['token-1', 'token-1', 'token-1']);
      expect(await phoneOf(t, members[0].member.id)).toBe('13912345670');
    });

    it('reuses the cached token and returns the profile', async () => {
      const { accessToken, member } = await devLogin(t, 'p-cached');
      const res = await setWechatPhone(accessToken, 'phone-13800138000');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: member.id, phone: '13800138000' });
      expect(wechat.tokenCalls).toHaveLength(1);
      const me = await t
        .http()
        .get('/api/app/me')
        .set(...bearer(accessToken))
        .expect(200);
      expect(me.body.phone).toBe('13800138000');
    });

    it('stores a non-mainland number with its country code', async () => {
      const { accessToken } = await devLogin(t, 'p-hk');
      const res = await setWechatPhone(accessToken, 'intl-61234567');
      expect(res.body.phone).toBe('+85261234567');
    });

    it('answers 400 MEMBER_PHONE_CODE_INVALID for a bad code and keeps the number', async () => {
      const { accessToken, member } = await devLogin(t, 'p-cached');
      const res = await setWechatPhone(accessToken, 'not-a-code');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MEMBER_PHONE_CODE_INVALID');
      expect(await phoneOf(t, member.id)).toBe('13800138000');
    });

    it('refreshes an expired access token once and retries', async () => {
      const { accessToken, member } = await devLogin(t, 'p-expired');
      const tokensBefore = wechat.tokenCalls.length;
      const phoneCallsBefore = wechat.phoneCalls.length;
      wechat.expireAccessTokens();
      const res = await setWechatPhone(accessToken, 'phone-13700001111');
      expect(res.status).toBe(200);
      expect(await phoneOf(t, member.id)).toBe('13700001111');
      expect(wechat.tokenCalls).toHaveLength(tokensBefore + 1);
      expect(wechat.phoneCalls.slice(phoneCallsBefore).map((c) => c.accessToken)).toEqual([
        'token-1',
        `token-${tokensBefore + 1}`,
      ]);
    });

    it('gives up after one refresh when WeChat keeps rejecting the token', async () => {
      const { accessToken } = await devLogin(t, 'p-rejected');
      const tokensBefore = wechat.tokenCalls.length;
      const phoneCallsBefore = wechat.phoneCalls.length;
      wechat.expireAccessTokens();
      wechat.rejectNewAccessTokens(true);
      try {
        const res = await setWechatPhone(accessToken, 'phone-13700002222');
        expect(res.status).toBe(502);
        expect(res.body.code).toBe('AUTH_WECHAT_UNAVAILABLE');
      } finally {
        wechat.rejectNewAccessTokens(false);
      }
      expect(wechat.tokenCalls.length - tokensBefore).toBe(1);
      expect(wechat.phoneCalls.length - phoneCallsBefore).toBe(2);
    });

    it('validates the body and needs a member token', async () => {
      const { accessToken } = await devLogin(t, 'p-body');
      const empty = await setWechatPhone(accessToken, '');
      expect(empty.status).toBe(400);
      expect(empty.body.code).toBe('VALIDATION_FAILED');
      await t.http().post('/api/app/me/phone/wechat').send({ code: 'phone-13800138000' }).expect(401);
    });
  });

  describe('POST /api/app/me/phone (typed)', () => {
    it('stores a mainland mobile in canonical form', async () => {
      const { accessToken, member } = await devLogin(t, 'p-typed');
      const res = await t
        .http()
        .post('/api/app/me/phone')
        .set(...bearer(accessToken))
        .send({ phone: '+86 139-0000-1234' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: member.id, phone: '13900001234' });
      expect(await phoneOf(t, member.id)).toBe('13900001234');
    });

    it.each(['12345', '0571-88886666', '23900001234', '+85261234567'])(
      'refuses %p with 400 MEMBER_PHONE_INVALID and keeps the number',
      async (phone) => {
        const { accessToken, member } = await devLogin(t, 'p-typed');
        const res = await t
          .http()
          .post('/api/app/me/phone')
          .set(...bearer(accessToken))
          .send({ phone });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('MEMBER_PHONE_INVALID');
        expect(await phoneOf(t, member.id)).toBe('13900001234');
      },
    );

    it('needs a member token', async () => {
      await t.http().post('/api/app/me/phone').send({ phone: '13900001234' }).expect(401);
    });
  });
});

describe('the member phone number without WeChat configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
  });
  afterAll(() => t.close());

  it('answers 503 AUTH_WECHAT_NOT_CONFIGURED to the WeChat route; typing still works', async () => {
    const { accessToken } = await devLogin(t, 'p-nowx');
    const res = await t
      .http()
      .post('/api/app/me/phone/wechat')
      .set(...bearer(accessToken))
      .send({ code: 'phone-13800138000' });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('AUTH_WECHAT_NOT_CONFIGURED');
    const typed = await t
      .http()
      .post('/api/app/me/phone')
      .set(...bearer(accessToken))
      .send({ phone: '13800138000' });
    expect(typed.status).toBe(200);
  });
});
