// A leader's 分享 in the H5 app: 我的 → 分享团购 lists the campaigns offered at their pickup point, one
// opens its poster (a PNG drawn by the server) and link. A brand-new buyer who opens that link lands on
// the campaign page and is attributed to, and bound to, the leader (channel poster).
// Phone-sized viewports; screenshots go to docs/screenshots/h5-leader-share*.png and h5-campaign-landing.png.
import { randomInt } from 'node:crypto';
import type {
  CampaignPageView,
  CampaignShareView,
  LeaderCampaignView,
  LeaderApplicationView,
  LeaderCustomerView,
  MemberLoginResponse,
  MemberProfile,
  Paged,
} from '@linli/shared-types';
import { devLogin, get } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';

const LEADER_OPENID = 'leader-wang';

let leaderH5: BrowserSession;
let buyerH5: BrowserSession;

beforeAll(async () => {
  [leaderH5, buyerH5] = await Promise.all([
    openBrowser({ width: 375, height: 812 }, true),
    openBrowser({ width: 375, height: 812 }, true),
  ]);
});

afterAll(async () => {
  await Promise.all([leaderH5?.close(), buyerH5?.close()]);
});

afterEach(() => {
  expect(leaderH5.pageErrors).toEqual([]);
  expect(buyerH5.pageErrors).toEqual([]);
});

describe('leader 分享: campaign list → poster and link → a new buyer opens the link', () => {
  let leader: MemberLoginResponse;
  let record: LeaderApplicationView;
  let share: CampaignShareView;

  beforeAll(async () => {
    leader = await devLogin(LEADER_OPENID);
    record = await get<LeaderApplicationView>('/api/app/leader-applications/mine', leader.accessToken);
  });

  test('the seeded leader is active', () => {
    expect(record.status).toBe('active');
  });

  test('我的 → 分享团购 lists the campaigns offered at this leader', async () => {
    const { page } = leaderH5;
    await page.goto(`${baseUrl()}/h5/?openid=${LEADER_OPENID}`);
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    const [campaigns] = await Promise.all([
      nextJson<LeaderCampaignView[]>(page, '/api/app/leader/campaigns'),
      page.locator('#mine-share-entry').click(),
    ]);
    expect(campaigns.length).toBeGreaterThan(0);
    await page.locator('#share-campaigns').waitFor();
    for (const campaign of campaigns) {
      await expect(page.locator(`#share-campaign-${campaign.id}`).textContent()).resolves.toContain(
        campaign.title,
      );
    }
    await screenshot(page, 'h5-leader-share-list.png');
  });

  test('a campaign opens its poster (loaded image) and its H5 link', async () => {
    const { page } = leaderH5;
    const first = page.locator('[id^="share-campaign-"][id$="-open"]').first();
    const id = Number(/share-campaign-(\d+)-open/.exec((await first.getAttribute('id')) ?? '')?.[1]);
    [share] = await Promise.all([
      nextJson<CampaignShareView>(page, `/api/app/leader/campaigns/${id}/share`),
      first.click(),
    ]);
    expect(share.campaignId).toBe(id);
    expect(share.sharePath).toContain(`id=${id}`);
    await page.locator('#share-page').waitFor();
    // The poster really loaded: the <img> inside Taro's Image has decoded pixels.
    const poster = page.locator('#share-poster img');
    await poster.waitFor();
    await page.waitForFunction(
      () => {
        const img = document.querySelector<HTMLImageElement>('#share-poster img');
        return Boolean(img && img.complete && img.naturalWidth > 0);
      },
      undefined,
      { timeout: 20_000 },
    );
    const size = await poster.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([share.posterWidth, share.posterHeight]);
    await expect(page.locator('#share-link').textContent()).resolves.toBe(share.h5Link);
    await screenshot(page, 'h5-leader-share.png');
  });

  test('a new buyer opening the H5 link lands on the campaign and is bound to the leader', async () => {
    const { page } = buyerH5;
    const buyerOpenid = `e2e-share-${Date.now().toString(36)}${randomInt(1000, 10_000)}`;
    // The link as the poster QR carries it, served by this test server, with the dev identity added.
    const link = new URL(share.h5Link);
    const url = new URL(`${link.pathname}${link.search}${link.hash}`, baseUrl());
    url.searchParams.set('openid', buyerOpenid);
    const [login, view] = await Promise.all([
      page
        .waitForRequest((r) => r.url().endsWith('/api/app/auth/dev-login') && r.method() === 'POST')
        .then(async (request) => {
          const response = await request.response();
          return {
            body: request.postDataJSON() as {
              openid: string;
              entry?: { leaderCode?: string; channel?: string };
            },
            member: ((await response!.json()) as MemberLoginResponse).member,
          };
        }),
      nextJson<CampaignPageView>(page, `/api/app/campaigns/${share.campaignId}`),
      page.goto(url.toString()),
    ]);
    expect(login.body.openid).toBe(buyerOpenid);
    expect(login.body.entry).toEqual({ leaderCode: record.inviteCode, channel: 'poster' });
    expect(login.member.currentLeader?.id).toBe(record.leaderId);

    expect(view.id).toBe(share.campaignId);
    expect(view.offeredHere).toBe(true);
    await page.locator('#campaign-page').waitFor();
    expect(await page.locator('[id^="campaign-notice-"]').count()).toBe(0);
    await screenshot(page, 'h5-campaign-landing.png');

    // Cross-check on the server: bound to the leader, and in the leader's 我的客户 as a poster customer.
    const me = await get<MemberProfile>('/api/app/me', (await devLogin(buyerOpenid)).accessToken);
    expect(me.currentLeader?.id).toBe(record.leaderId);
    await expect(page.locator('#campaign-pickup-name').textContent()).resolves.toBe(record.pickupPoint.name);
    const customers = await get<Paged<LeaderCustomerView>>(
      '/api/app/leader/customers?page=1&pageSize=100',
      leader.accessToken,
    );
    const customer = customers.items.find((c) => c.memberId === me.id);
    expect(customer).toMatchObject({ channel: 'poster', boundToMe: true });
  });
});
