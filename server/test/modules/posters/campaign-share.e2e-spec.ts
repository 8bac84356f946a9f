import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CampaignShareView, LeaderCampaignView } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  campaignAction,
  campaignInput,
  createCampaign,
  dbTime,
  sellableSkus,
} from '../campaigns/campaigns-test-kit';
import { devLogin, seededLeaders } from '../members/members-test-kit';
import { bearer, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import { fetchPoster } from './poster-test-kit';

/** The leader's 分享 page without WeChat configured: the poster carries a QR of the H5 link. */
describe('leader share and poster (QR of the H5 link)', () => {
  let t: TestApp;
  let leaderA: string;
  let leaderB: string;
  let inviteA: string;
  let seededCampaignId: number;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true', PUBLIC_BASE_URL: 'https://tuan.example.com' } });
    await seedDemo(t);
    leaderA = (await devLogin(t, 'leader-wang')).accessToken;
    leaderB = (await devLogin(t, 'leader-chen')).accessToken;
    inviteA = (await seededLeaders(t))['王丽华'].inviteCode;
    const rows = (await t.dataSource.query("SELECT id FROM campaigns WHERE status = 'live'")) as Array<{
      id: number;
    }>;
    seededCampaignId = Number(rows[0].id);
  });
  afterAll(() => t.close());

  const share = (token: string, id: number) =>
    t
      .http()
      .get(`/api/app/leader/campaigns/${id}/share`)
      .set(...bearer(token));

  it('lists the live campaigns the leader can share', async () => {
    const res = await t
      .http()
      .get('/api/app/leader/campaigns')
      .set(...bearer(leaderA))
      .expect(200);
    const list = res.body as LeaderCampaignView[];
    expect(list.map((c) => c.title)).toEqual(['邻里鲜果蔬菜团']);
    expect(list[0]).toMatchObject({
      status: 'live',
      itemCount: expect.any(Number),
      minGroupPrice: expect.any(Number),
    });
  });

  it('answers the share card and a 750×1334 PNG poster whose QR is exactly the H5 link', async () => {
    const res = await share(leaderA, seededCampaignId).expect(200);
    const view = res.body as CampaignShareView;
    const h5Link = `https://tuan.example.com/h5/pages/campaign/index?id=${seededCampaignId}&leaderCode=${inviteA}&channel=poster`;
    expect(view).toMatchObject({
      campaignId: seededCampaignId,
      codeKind: 'qrcode',
      posterWidth: 750,
      posterHeight: 1334,
      h5Link,
      sharePath: `/pages/campaign/index?id=${seededCampaignId}&leaderCode=${inviteA}&channel=share_card`,
      shareTitle: '王丽华团长推荐：邻里鲜果蔬菜团',
    });
    expect(view.posterUrl).toMatch(/^\/uploads\/\d{4}\/\d{2}\/\d{2}\/[0-9a-f]{32}\.png$/);
    const poster = await fetchPoster(t, view.posterUrl);
    // `POSTER_SCREENSHOT=../docs/screenshots/poster-campaign.png` keeps the poster to look at.
    if (process.env.POSTER_SCREENSHOT) writeFileSync(process.env.POSTER_SCREENSHOT, poster.bytes);
    expect({ width: poster.width, height: poster.height, code: poster.code }).toEqual({
      width: 750,
      height: 1334,
      code: h5Link,
    });
  });

  it('draws a poster once: the same content is served from storage', async () => {
    const first = (await share(leaderA, seededCampaignId).expect(200)).body as CampaignShareView;
    const file = join(t.config.uploads.dir, ...first.posterUrl.replace('/uploads/', '').split('/'));
    const written = statSync(file).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = (await share(leaderA, seededCampaignId).expect(200)).body as CampaignShareView;
    expect(again.posterUrl).toBe(first.posterUrl);
    expect(statSync(file).mtimeMs).toBe(written);
    // Another leader's poster differs (their name, point and code).
    const other = (await share(leaderB, seededCampaignId).expect(200)).body as CampaignShareView;
    expect(other.posterUrl).not.toBe(first.posterUrl);
  });

  it('draws a new poster after the campaign changes', async () => {
    const before = (await share(leaderA, seededCampaignId).expect(200)).body as CampaignShareView;
    await t.dataSource.query("UPDATE campaigns SET title = '邻里鲜果蔬菜团（加量）' WHERE id = ?", [
      seededCampaignId,
    ]);
    const after = (await share(leaderA, seededCampaignId).expect(200)).body as CampaignShareView;
    expect(after.posterUrl).not.toBe(before.posterUrl);
    expect(after.shareTitle).toBe('王丽华团长推荐：邻里鲜果蔬菜团（加量）');
  });

  it('hides campaigns offered elsewhere, drafts and ended ones (404)', async () => {
    const admin = (await loginAsAdmin(t)).accessToken;
    const skus = await sellableSkus(t);
    const leaders = await seededLeaders(t);
    const onlyB = await createCampaign(
      t,
      admin,
      campaignInput(skus, {
        title: '陈建国专享',
        audience: { kind: 'leaders', levelIds: [], leaderIds: [leaders['陈建国'].id] },
      }),
    );
    await campaignAction(t, admin, onlyB.id, 'schedule');
    const refused = await share(leaderA, onlyB.id);
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 404,
      code: 'CAMPAIGN_NOT_FOUND',
    });
    // Scheduled: not listed and not shareable even by the leader it is for; buyers could not open it yet.
    const listOf = async (token: string) =>
      (
        (
          await t
            .http()
            .get('/api/app/leader/campaigns')
            .set(...bearer(token))
            .expect(200)
        ).body as LeaderCampaignView[]
      ).map((c) => c.title);
    expect(await listOf(leaderB)).not.toContain('陈建国专享');
    const early = await share(leaderB, onlyB.id);
    expect({ status: early.status, code: early.body.code }).toEqual({
      status: 404,
      code: 'CAMPAIGN_NOT_FOUND',
    });
    // Once it has started (moved by the clock): listed and shareable, and the buyer link opens.
    await t.dataSource.query("UPDATE campaigns SET status = 'live', start_at = ? WHERE id = ?", [
      dbTime(Date.now() - 60_000),
      onlyB.id,
    ]);
    expect(await listOf(leaderB)).toContain('陈建国专享');
    const shared = (await share(leaderB, onlyB.id).expect(200)).body as CampaignShareView;
    const buyer = (await devLogin(t, 'share-link-buyer')).accessToken;
    const code = new URL(shared.h5Link).searchParams.get('leaderCode');
    await t
      .http()
      .get(`/api/app/campaigns/${onlyB.id}`)
      .query({ leaderCode: code })
      .set(...bearer(buyer))
      .expect(200);
    await campaignAction(t, admin, onlyB.id, 'end');
    expect((await share(leaderB, onlyB.id)).status).toBe(404);
    const draft = await createCampaign(t, admin, campaignInput(skus));
    expect((await share(leaderA, draft.id)).status).toBe(404);
  });

  it('refuses buyers who are not leaders (403)', async () => {
    const buyer = (await devLogin(t, 'demo-buyer')).accessToken;
    const res = await share(buyer, seededCampaignId);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'LEADER_NOT_ACTIVE' });
  });
});
