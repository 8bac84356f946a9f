import type { CampaignShareView } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { devLogin, seededLeaders } from '../members/members-test-kit';
import { bearer, seedDemo } from '../support/modules-test-kit';
import { startFakeWxacode, type FakeWxacode } from './fake-wxacode';
import { fetchPoster } from './poster-test-kit';

/** With WeChat configured the poster carries a mini-program code from wxacode.getUnlimited (a local fake here). */
describe('leader share poster with a WeChat mini-program code', () => {
  let t: TestApp;
  let wechat: FakeWxacode;
  let leader: string;
  let invite: string;
  let campaignId: number;

  beforeAll(async () => {
    wechat = await startFakeWxacode('wx-test-app', 'wx-test-secret');
    t = await createTestApp({
      env: {
        DEV_LOGIN: 'true',
        WECHAT_APPID: 'wx-test-app',
        WECHAT_SECRET: 'wx-test-secret',
        WECHAT_API_BASE: wechat.baseUrl,
      },
    });
    await seedDemo(t);
    leader = (await devLogin(t, 'leader-wang')).accessToken;
    invite = (await seededLeaders(t))['王丽华'].inviteCode;
    campaignId = Number(
      (
        (await t.dataSource.query("SELECT id FROM campaigns WHERE status = 'live'")) as Array<{ id: number }>
      )[0].id,
    );
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  const share = () =>
    t
      .http()
      .get(`/api/app/leader/campaigns/${campaignId}/share`)
      .set(...bearer(leader));
  const retitle = (title: string) =>
    t.dataSource.query('UPDATE campaigns SET title = ? WHERE id = ?', [title, campaignId]);

  it('asks WeChat for the code of the campaign page with the leader in the scene, and draws it', async () => {
    const view = (await share().expect(200)).body as CampaignShareView;
    expect(view.codeKind).toBe('wxacode');
    expect(wechat.codeCalls).toHaveLength(1);
    expect(wechat.codeCalls[0].body).toEqual({
      scene: `g=${campaignId}&l=${invite}`,
      page: 'pages/campaign/index',
      check_path: false,
      width: 430,
    });
    const poster = await fetchPoster(t, view.posterUrl);
    expect(poster.code).toBe(`wxacode:g=${campaignId}&l=${invite}`);
    // Cached: no second call to WeChat for the same poster.
    await share().expect(200);
    expect(wechat.codeCalls).toHaveLength(1);
  });

  it('refreshes a rejected access token once and retries', async () => {
    await retitle('邻里鲜果蔬菜团 · 第二期');
    wechat.expireAccessTokens();
    const tokensBefore = wechat.tokenCalls;
    await share().expect(200);
    expect(wechat.tokenCalls).toBe(tokensBefore + 1);
    expect(wechat.codeCalls.slice(-2).map((c) => c.accessToken)).toEqual([
      'token-1',
      `token-${tokensBefore + 1}`,
    ]);
  });

  it('answers 502 WECHAT_QRCODE_FAILED when WeChat refuses, and stores nothing', async () => {
    await retitle('邻里鲜果蔬菜团 · 第三期');
    wechat.failWith(41030);
    const res = await share();
    wechat.failWith(null);
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 502,
      code: 'WECHAT_QRCODE_FAILED',
    });
    // The next try draws it.
    await share().expect(200);
  });
});
