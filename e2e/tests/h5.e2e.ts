// The buyer's H5 app over the embedded demo: dev login, the seeded live group-buy on 首页, 订单, and 我的
// showing the member and their pickup point. Phone-sized viewport; screenshots go to docs/screenshots/.
import {
  formatFen,
  type CampaignView,
  type MemberLoginResponse,
  type MemberProfile,
  type OrderSummary,
  type Paged,
} from '@linli/shared-types';
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

describe('H5 mini-program', () => {
  let expected: MemberLoginResponse;
  let expectedCampaigns: CampaignView[];

  beforeAll(async () => {
    // What the server holds for the demo buyer, fetched independently of the app.
    expected = await devLogin(DEMO_BUYER_OPENID);
    expectedCampaigns = await get<CampaignView[]>('/api/app/campaigns', expected.accessToken);
  });

  test('the seeded demo buyer is bound to a pickup point and has a live group-buy', () => {
    expect(expected.member.currentLeader?.pickupPoint).toBeTruthy();
    expect(expectedCampaigns.length).toBeGreaterThan(0);
    expect(expectedCampaigns.every((c) => c.status === 'live')).toBe(true);
  });

  test('首页: a fresh browser logs in through dev login and shows the live group-buy', async () => {
    const { page } = session;
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
      const card = list.locator(`#campaign-${campaign.id}`).first();
      await expect(card.textContent()).resolves.toContain(campaign.title);
      // Money is shown as ¥12.30 from integer fen.
      const first = campaign.items[0];
      if (first) await expect(card.textContent()).resolves.toContain(formatFen(first.groupPrice));
    }
    const pickup = expected.member.currentLeader!.pickupPoint!;
    await expect(page.locator('#home-pickup-name').textContent()).resolves.toContain(pickup.name);
    await screenshot(page, 'h5-home.png');
  });

  test('订单: the tab lists the demo buyer’s orders (the demo has some in different states)', async () => {
    const { page } = session;
    const [orders] = await Promise.all([
      nextJson<Paged<OrderSummary>>(page, '/api/app/orders'),
      page.locator('.weui-tabbar__item', { hasText: '订单' }).click(),
    ]);
    expect(orders.total).toBeGreaterThan(0);
    await page.locator('#orders-list').waitFor();
    for (const order of orders.items) await page.locator(`#order-card-${order.id}`).waitFor();
  });

  test('我的: shows the logged-in member, their leader and pickup point', async () => {
    const { page } = session;
    const [me] = await Promise.all([
      nextJson<MemberProfile>(page, '/api/app/me'),
      page.locator('.weui-tabbar__item', { hasText: '我的' }).click(),
    ]);
    expect(me.id).toBe(expected.member.id);
    const leader = expected.member.currentLeader!;
    await page.locator('#mine-nickname').waitFor();
    await expect(page.locator('#mine-nickname').textContent()).resolves.toBe(expected.member.nickname);
    await expect(page.locator('#mine-leader-name').textContent()).resolves.toBe(leader.name);
    await expect(page.locator('#mine-pickup-name').textContent()).resolves.toBe(leader.pickupPoint!.name);
    await screenshot(page, 'h5-mine.png');
  });
});
