// The buyer's H5 app over the embedded demo: dev login, the seeded live group-buy on 首页, 订单, and 我的
// showing the member and their pickup point. Phone-sized viewport; screenshots go to docs/screenshots/.
import type { CampaignView, MemberLoginResponse, MemberProfile } from '@linli/shared-types';
import { devLogin, get } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_BUYER_OPENID } from '../support/demo';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser({ width: 375, height: 812 }, true);
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.pageErrors).toEqual([]);
});

test('H5: dev login, the live group-buy on 首页, 订单, and 我的 with the member and pickup point', async () => {
  const { page } = session;

  // What the server holds for the demo buyer, fetched independently of the app.
  const expected = await devLogin(DEMO_BUYER_OPENID);
  const expectedPickup = expected.member.currentLeader?.pickupPoint;
  expect(expectedPickup).toBeTruthy();
  const expectedCampaigns = await get<CampaignView[]>('/api/app/campaigns', expected.accessToken);
  expect(expectedCampaigns.length).toBeGreaterThan(0);

  // A fresh browser profile: the app has no session, so opening it must log in through dev login.
  const [login, campaigns] = await Promise.all([
    nextJson<MemberLoginResponse>(page, '/api/app/auth/dev-login', 'POST'),
    nextJson<CampaignView[]>(page, '/api/app/campaigns'),
    page.goto(`${baseUrl()}/h5/?openid=${DEMO_BUYER_OPENID}`),
  ]);
  expect(login.member.id).toBe(expected.member.id);
  expect(campaigns.map((c) => c.id)).toEqual(expectedCampaigns.map((c) => c.id));

  const list = page.locator('#home-campaigns');
  await list.waitFor();
  for (const campaign of campaigns) {
    await expect(list.locator(`#campaign-${campaign.id}`).first().textContent()).resolves.toContain(
      campaign.title,
    );
  }
  await expect(page.locator('#home-pickup-name').textContent()).resolves.toContain(expectedPickup!.name);
  await screenshot(page, 'h5-home.png');

  await page.locator('.weui-tabbar__item', { hasText: '订单' }).click();
  await page.locator('#orders-empty').waitFor();
  await screenshot(page, 'h5-orders.png');

  const [me] = await Promise.all([
    nextJson<MemberProfile>(page, '/api/app/me'),
    page.locator('.weui-tabbar__item', { hasText: '我的' }).click(),
  ]);
  expect(me.id).toBe(expected.member.id);
  await page.locator('#mine-nickname').waitFor();
  await expect(page.locator('#mine-nickname').textContent()).resolves.toBe(expected.member.nickname);
  await expect(page.locator('#mine-pickup-name').textContent()).resolves.toBe(expectedPickup!.name);
  await expect(page.locator('#mine-leader-name').textContent()).resolves.toBe(
    expected.member.currentLeader!.name,
  );
  await screenshot(page, 'h5-mine.png');
});
