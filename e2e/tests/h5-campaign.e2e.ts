// The buyer's group-buy journey in the H5 app: 首页 lists the live campaigns of their leader, a card opens
// the campaign page (截单 countdown, pickup point, items), an item opens the product page, where the spec
// selector (two dimensions) picks an option, greys what cannot be bought and bounds the quantity.
// Phone-sized viewport; screenshots go to docs/screenshots/h5-*.png.
import type { Page } from 'playwright-core';
import {
  formatFen,
  type CampaignDetail,
  type CampaignInput,
  type CampaignListItem,
  type LeaderApplicationView,
  type Paged,
  type CampaignPageView,
  type CampaignProductOption,
  type CampaignProductView,
  type CampaignView,
  type MemberLoginResponse,
} from '@linli/shared-types';
import { call, devLogin, get, staffLogin } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN, DEMO_BUYER_OPENID } from '../support/demo';

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

interface ChipState {
  value: string;
  selected: boolean;
  disabled: boolean;
}

/** The chips as the page shows them, row by row. */
async function chipRows(page: Page, rows: number): Promise<ChipState[][]> {
  const result: ChipState[][] = [];
  for (let row = 0; row < rows; row += 1) {
    result.push(
      await page.locator(`#product-spec-row-${row} .spec-chip`).evaluateAll((chips) =>
        chips.map((chip) => ({
          value: (chip.textContent ?? '').trim(),
          selected: chip.classList.contains('spec-chip--selected'),
          disabled: chip.classList.contains('spec-chip--disabled'),
        })),
      ),
    );
  }
  return result;
}

async function clickChip(page: Page, row: number, value: string): Promise<void> {
  const chips = page.locator(`#product-spec-row-${row} .spec-chip`);
  const count = await chips.count();
  for (let i = 0; i < count; i += 1) {
    if (((await chips.nth(i).textContent()) ?? '').trim() === value) {
      await chips.nth(i).click();
      return;
    }
  }
  throw new Error(`no chip ${value} in row ${row}`);
}

/** Independent of the app's util: a value is choosable when an option in stock has it with the other choices. */
function expectedDisabled(product: CampaignProductView, selection: (string | null)[]): string[][] {
  return product.specDimensions.map((dimension, d) =>
    dimension.values.filter(
      (value) =>
        !product.options.some(
          (option) =>
            option.remaining > 0 &&
            option.specValues[d] === value &&
            selection.every((chosen, i) => i === d || chosen === null || option.specValues[i] === chosen),
        ),
    ),
  );
}

describe('H5 group-buy: 首页 → campaign page → product page with spec selector', () => {
  let buyer: MemberLoginResponse;
  let campaign: CampaignView;
  let product: CampaignProductView;

  beforeAll(async () => {
    buyer = await devLogin(DEMO_BUYER_OPENID);
    const live = await get<CampaignView[]>('/api/app/campaigns', buyer.accessToken);
    // The demo seed has a live campaign with a product of two spec dimensions; find it through the API.
    for (const candidate of live) {
      for (const productId of new Set(candidate.items.map((item) => item.productId))) {
        const view = await get<CampaignProductView>(
          `/api/app/campaigns/${candidate.id}/products/${productId}`,
          buyer.accessToken,
        );
        if (!product && view.specDimensions.length === 2) {
          campaign = candidate;
          product = view;
        }
      }
    }
  });

  test('the demo buyer has a live campaign with a two-dimension product', () => {
    expect(campaign).toBeDefined();
    expect(product.specDimensions).toHaveLength(2);
    expect(product.options.length).toBeGreaterThan(1);
    expect(product.offeredHere).toBe(true);
  });

  test('首页 shows the live campaign card with prices and 截单, and it opens the campaign page', async () => {
    const { page } = session;
    const [campaigns] = await Promise.all([
      nextJson<CampaignView[]>(page, '/api/app/campaigns'),
      page.goto(`${baseUrl()}/h5/?openid=${DEMO_BUYER_OPENID}`),
    ]);
    expect(campaigns.map((c) => c.id)).toContain(campaign.id);
    const card = page.locator(`#campaign-${campaign.id}`);
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(campaign.title);
    expect(text).toContain(formatFen(campaign.items[0].groupPrice));
    expect(text).toMatch(/截单/);
    await screenshot(page, 'h5-home-campaigns.png');

    const [view] = await Promise.all([
      nextJson<CampaignPageView>(page, `/api/app/campaigns/${campaign.id}`),
      card.click(),
    ]);
    await page.locator('#campaign-page').waitFor();
    expect(view.offeredHere).toBe(true);
    await expect(page.locator('#campaign-title').textContent()).resolves.toBe(campaign.title);
    // A live campaign before its cut-off counts down (hh:mm:ss, with days beyond a day).
    await expect(page.locator('#campaign-countdown').textContent()).resolves.toMatch(
      /^(\d+天 )?\d{2}:\d{2}:\d{2}$/,
    );
    await expect(page.locator('#campaign-pickup-name').textContent()).resolves.toBe(
      buyer.member.currentLeader!.pickupPoint!.name,
    );
    for (const item of view.items) {
      const row = page.locator(`#campaign-item-${item.id}`);
      const rowText = (await row.textContent()) ?? '';
      expect(rowText).toContain(item.productName);
      expect(rowText).toContain(formatFen(item.groupPrice));
      expect(rowText).toContain(`已团 ${item.soldQuantity} 件`);
      if (item.remaining <= 0) expect(rowText).toContain('已抢光');
    }
    expect(await page.locator('[id^="campaign-notice-"]').count()).toBe(0);
    await screenshot(page, 'h5-campaign.png');
  });

  test('an item opens the product page; choosing specs sets price, greys what cannot be bought, bounds quantity', async () => {
    const { page } = session;
    const item = campaign.items.find((i) => i.productId === product.productId)!;
    await Promise.all([
      nextJson<CampaignProductView>(page, `/api/app/campaigns/${campaign.id}/products/${product.productId}`),
      page.locator(`#campaign-item-${item.id}`).click(),
    ]);
    await page.locator('#product-page').waitFor();
    await expect(page.locator('#product-name').textContent()).resolves.toBe(product.name);
    expect(await page.locator('[id^="product-spec-row-"]').count()).toBe(2);

    // It starts on the first option in stock, so a price shows at once.
    const first = product.options.find((o) => o.remaining > 0)!;
    await expect(page.locator('#product-price').textContent()).resolves.toBe(formatFen(first.groupPrice));
    let rows = await chipRows(page, 2);
    expect(rows.map((row) => row.filter((c) => c.selected).map((c) => c.value))).toEqual(
      first.specValues.map((v) => [v]),
    );
    expect(rows.map((row) => row.filter((c) => c.disabled).map((c) => c.value))).toEqual(
      expectedDisabled(product, first.specValues),
    );
    await screenshot(page, 'h5-product.png');

    // Pick another option in stock: clear both choices, then tap its values.
    const target: CampaignProductOption =
      product.options.find((o) => o.remaining > 0 && o.itemId !== first.itemId) ?? first;
    for (let row = 1; row >= 0; row -= 1) await clickChip(page, row, first.specValues[row]);
    rows = await chipRows(page, 2);
    expect(rows.flat().some((c) => c.selected)).toBe(false);
    await expect(page.locator('#product-selected').textContent()).resolves.toContain('请选择');
    await expect(page.locator('#product-subtotal').textContent()).resolves.toBe('—');

    await clickChip(page, 0, target.specValues[0]);
    rows = await chipRows(page, 2);
    expect(rows.map((row) => row.filter((c) => c.disabled).map((c) => c.value))).toEqual(
      expectedDisabled(product, [target.specValues[0], null]),
    );
    await clickChip(page, 1, target.specValues[1]);
    await expect(page.locator('#product-price').textContent()).resolves.toBe(formatFen(target.groupPrice));
    await expect(page.locator('#product-selected').textContent()).resolves.toContain(target.specText);

    // The stepper stops at min(remaining, 限购).
    const max =
      target.perMemberLimit > 0 ? Math.min(target.remaining, target.perMemberLimit) : target.remaining;
    const clicks = Math.min(max, 6) - 1;
    for (let i = 0; i < clicks; i += 1) await page.locator('#product-quantity-plus').click();
    const shown = Math.min(max, 6);
    await expect(page.locator('#product-quantity-value').textContent()).resolves.toBe(String(shown));
    await expect(page.locator('#product-subtotal').textContent()).resolves.toBe(
      formatFen(target.groupPrice * shown),
    );
    if (max <= 6) {
      await page.locator('#product-quantity-plus').click();
      await expect(page.locator('#product-quantity-value').textContent()).resolves.toBe(String(max));
      expect(await page.locator('#product-quantity-plus').getAttribute('class')).toContain(
        'stepper__btn--disabled',
      );
    }
    await screenshot(page, 'h5-product-selected.png');
  });
});

describe("H5 group-buy: another leader's campaign opened from their share link", () => {
  const OTHER_LEADER_OPENID = 'leader-chen';
  let buyer: MemberLoginResponse;
  let other: LeaderApplicationView;
  let campaign: CampaignDetail;

  beforeAll(async () => {
    buyer = await devLogin(DEMO_BUYER_OPENID);
    other = await get<LeaderApplicationView>(
      '/api/app/leader-applications/mine',
      (await devLogin(OTHER_LEADER_OPENID)).accessToken,
    );
    const admin = (await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password)).accessToken;
    // A campaign for the other leader only, started a minute ago (scheduling makes it live at once).
    const seeded = await get<Paged<CampaignListItem>>('/api/admin/campaigns?status=live&pageSize=1', admin);
    const source = await get<CampaignDetail>(`/api/admin/campaigns/${seeded.items[0].id}`, admin);
    const now = Date.now();
    const created = await call<CampaignDetail>('POST', '/api/admin/campaigns', {
      token: admin,
      body: {
        title: `${other.name}团专享 ${now.toString(36)}`,
        coverKey: null,
        description: '只在这位团长的自提点开团',
        startAt: new Date(now - 60_000).toISOString(),
        cutoffAt: new Date(now + 20 * 3_600_000).toISOString(),
        endAt: new Date(now + 24 * 3_600_000).toISOString(),
        pickupDate: new Date(now + 48 * 3_600_000).toISOString().slice(0, 10),
        audience: { kind: 'leaders', levelIds: [], leaderIds: [other.leaderId] },
        items: source.items.slice(0, 2).map((item) => ({
          skuId: item.skuId,
          groupPrice: item.groupPrice,
          originalPrice: item.originalPrice,
          perMemberLimit: item.perMemberLimit,
          stockCap: null,
        })),
      } satisfies CampaignInput,
    });
    expect(created.status).toBe(201);
    const scheduled = await call<CampaignDetail>('POST', `/api/admin/campaigns/${created.body.id}/schedule`, {
      token: admin,
    });
    expect(scheduled.status).toBe(200);
    campaign = scheduled.body;
  });

  test('the demo buyer is bound to a leader outside the audience', () => {
    expect(campaign.status).toBe('live');
    expect(buyer.member.currentLeader?.id).toBeDefined();
    expect(buyer.member.currentLeader?.id).not.toBe(other.leaderId);
  });

  test('without the link the page is not found; with it, shown as offered elsewhere, and the code reaches the product page', async () => {
    const { page } = session;
    const pageUrl = (query: string) =>
      `${baseUrl()}/h5/pages/campaign/index?id=${campaign.id}${query}&openid=${DEMO_BUYER_OPENID}`;

    await page.goto(pageUrl(''));
    await page.locator('#campaign-not-found').waitFor();

    const [view] = await Promise.all([
      nextJson<CampaignPageView>(page, `/api/app/campaigns/${campaign.id}`),
      page.goto(pageUrl(`&leaderCode=${other.inviteCode}&channel=share_card`)),
    ]);
    expect(view.offeredHere).toBe(false);
    await page.locator('#campaign-page').waitFor();
    await page.locator('#campaign-notice-elsewhere').waitFor();

    const item = campaign.items[0];
    const [request] = await Promise.all([
      page.waitForRequest((r) =>
        new URL(r.url()).pathname.endsWith(`/api/app/campaigns/${campaign.id}/products/${item.productId}`),
      ),
      page.locator(`#campaign-item-${item.id}`).click(),
    ]);
    expect(new URL(request.url()).searchParams.get('leaderCode')).toBe(other.inviteCode);
    expect((await request.response())?.status()).toBe(200);
    await page.locator('#product-page').waitFor();
    expect(new URL(page.url()).searchParams.get('leaderCode')).toBe(other.inviteCode);
  });
});
