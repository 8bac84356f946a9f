// Campaigns in the back office: a campaign made in the form (times in Asia/Shanghai, items picked from the
// catalog with group prices), scheduled with a start that has passed so it goes live at once, previewed in
// the phone frame as a buyer sees it, locked fields on the live edit page, 复制到下周 and 提前结束.
// Screenshots go to docs/screenshots/.
import fs from 'node:fs';
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import type {
  CampaignDetail,
  CampaignPageView,
  CampaignPreview,
  CampaignView,
  ProductDetail,
  ProductInput,
  UploadedFile,
} from '@linli/shared-types';
import { logIn, openMenu, settle, waitForCount } from '../support/admin-ui';
import { call, staffLogin } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN, DEMO_BUYER_OPENID, demoImagePath } from '../support/demo';

let admin: BrowserSession;
let adminToken: string;
let product: ProductDetail;
let campaign: CampaignDetail;
const suffix = randomInt(1000, 9999);
const productName = `荔枝团测${suffix}`;
const title = `周末荔枝团 ${suffix}`;

/** Shanghai wall-clock `YYYY-MM-DD HH:mm` of an instant, as the DatePicker takes it. */
function shanghai(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

async function uploadDemoImage(file: string): Promise<UploadedFile> {
  const form = new FormData();
  const bytes = fs.readFileSync(demoImagePath(file));
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), file);
  const res = await fetch(`${baseUrl()}/api/admin/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: form,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as UploadedFile;
}

beforeAll(async () => {
  admin = await openBrowser({ width: 1440, height: 900 });
  adminToken = (await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password)).accessToken;
  const image = await uploadDemoImage('lychee.jpg');
  const input: ProductInput = {
    name: productName,
    subtitle: '妃子笑，当天采摘',
    imageKeys: [image.key],
    unit: '箱',
    specDimensions: [{ name: '规格', values: ['1斤装', '3斤装'] }],
    skus: [
      { specValues: ['1斤装'], price: 2590, cost: 1200, initialStock: 40 },
      { specValues: ['3斤装'], price: 6990, cost: 3300, initialStock: 20 },
    ],
  };
  const created = await call<ProductDetail>('POST', '/api/admin/products', {
    token: adminToken,
    body: input,
  });
  expect(created.status).toBe(201);
  const listed = await call<ProductDetail>('POST', `/api/admin/products/${created.body.id}/status`, {
    token: adminToken,
    body: { status: 'on_sale' },
  });
  expect(listed.status).toBe(200);
  product = listed.body;
});

afterAll(async () => {
  await admin?.close();
});

afterEach(() => {
  expect(admin.pageErrors).toEqual([]);
});

/** Types a value into the DatePicker of the form item labelled `label` and commits it with Enter. */
async function typeDate(page: Page, label: string, value: string): Promise<void> {
  const input = page.locator('.ant-form-item', { hasText: label }).locator('.ant-picker input');
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

describe('campaigns in the back office', () => {
  test('create a campaign, schedule it so it goes live, preview it', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await logIn(page);
    await openMenu(page, '活动列表');
    await page.getByTestId('campaigns-table').waitFor();
    await page.getByTestId('campaign-create').click();

    await page.getByTestId('campaign-title').fill(title);
    await page
      .locator('.ant-form-item', { hasText: '活动描述' })
      .locator('textarea')
      .fill('妃子笑荔枝，当天采摘，冷链到自提点。');
    const now = Date.now();
    const start = shanghai(now - 2 * 60_000);
    const cutoff = shanghai(now + 2 * 86_400_000);
    const end = shanghai(now + 2 * 86_400_000 + 3_600_000);
    const pickup = shanghai(now + 3 * 86_400_000).slice(0, 10);
    await typeDate(page, '开始时间', start);
    await typeDate(page, '截单时间', cutoff);
    await typeDate(page, '结束时间', end);
    await typeDate(page, '提货日期', pickup);

    await page.getByTestId('campaign-add-items').click();
    await page.getByTestId('sku-picker-search').fill(productName);
    await page.getByTestId('sku-picker-search').press('Enter');
    const picker = page.getByTestId('sku-picker-table');
    await picker.locator('tr.ant-table-row', { hasText: '1斤装' }).click();
    await picker.locator('tr.ant-table-row', { hasText: '3斤装' }).click();
    await page.getByTestId('sku-picker-ok').click();
    const items = page.getByTestId('campaign-items').locator('tr.ant-table-row');
    await waitForCount(items, 2);
    await items.nth(0).getByTestId('campaign-item-group-price').fill('19.9');
    await items.nth(1).getByTestId('campaign-item-group-price').fill('49.9');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // commit the last input
    await settle(page);
    await screenshot(page, 'admin-campaign-edit.png');

    [campaign] = await Promise.all([
      nextJson<CampaignDetail>(page, '/api/admin/campaigns', 'POST'),
      page.getByTestId('campaign-save').click(),
    ]);
    expect(campaign).toMatchObject({
      title,
      status: 'draft',
      pickupDate: pickup,
      audience: { kind: 'all', levelIds: [], leaderIds: [] },
    });
    // The typed Shanghai wall-clock times arrive as the right instants.
    expect(shanghai(Date.parse(campaign.startAt))).toBe(start);
    expect(shanghai(Date.parse(campaign.cutoffAt))).toBe(cutoff);
    expect(shanghai(Date.parse(campaign.endAt))).toBe(end);
    const bySpec = Object.fromEntries(campaign.items.map((i) => [i.skuName, i]));
    expect(bySpec['1斤装']).toMatchObject({
      groupPrice: 1990,
      originalPrice: 2590,
      perMemberLimit: 0,
      stockCap: null,
    });
    expect(bySpec['3斤装']).toMatchObject({ groupPrice: 4990, originalPrice: 6990 });
    await page.waitForURL(new RegExp(`/admin/campaigns/${campaign.id}$`));

    // Its start has passed: scheduling puts it live at once.
    await page.getByTestId('campaign-schedule').click();
    const [scheduled] = await Promise.all([
      nextJson<CampaignDetail>(page, `/api/admin/campaigns/${campaign.id}/schedule`, 'POST'),
      page.getByTestId('campaign-action-confirm').click(),
    ]);
    expect(scheduled.status).toBe('live');
    await page.getByTestId('campaign-status').filter({ hasText: '进行中' }).first().waitFor();
    await waitForCount(page.getByTestId('campaign-detail-items').locator('tr.ant-table-row'), 2);
    await settle(page);
    await screenshot(page, 'admin-campaign-detail.png');

    const [preview] = await Promise.all([
      nextJson<CampaignPreview>(page, `/api/admin/campaigns/${campaign.id}/preview`),
      page.getByTestId('campaign-preview-open').click(),
    ]);
    expect(preview.items.map((i) => i.groupPrice).sort()).toEqual([1990, 4990]);
    const phone = page.getByTestId('campaign-preview');
    await phone.getByTestId('preview-title').filter({ hasText: title }).waitFor();
    await waitForCount(phone.getByTestId('preview-item'), 2);
    const prices = await phone.getByTestId('preview-price').allTextContents();
    expect(prices.sort()).toEqual(['¥19.90', '¥49.90']);
    expect(await phone.textContent()).toContain(productName);
    await page.waitForTimeout(300); // the cover image
    await settle(page);
    await screenshot(page, 'admin-campaign-preview.png');
    await page.keyboard.press('Escape');
  });

  test('a buyer at a leader sees the new campaign in the H5 app', async () => {
    // The campaign is offered to all leaders; the demo buyer is bound to one of them.
    const buyer = await openBrowser({ width: 375, height: 812 }, true);
    try {
      const { page } = buyer;
      const [live] = await Promise.all([
        nextJson<CampaignView[]>(page, '/api/app/campaigns'),
        page.goto(`${baseUrl()}/h5/?openid=${DEMO_BUYER_OPENID}`),
      ]);
      expect(live.map((c) => c.id)).toContain(campaign.id);
      const card = page.locator(`#campaign-${campaign.id}`);
      await card.waitFor();
      expect(await card.textContent()).toContain(title);

      const [view] = await Promise.all([
        nextJson<CampaignPageView>(page, `/api/app/campaigns/${campaign.id}`),
        card.click(),
      ]);
      expect(view.offeredHere).toBe(true);
      await page.locator('#campaign-page').waitFor();
      // The item rows (their quantity steppers have ids that start the same way).
      const items = await page.locator('[id^="campaign-item-"]:not([id*="-qty"])').allTextContents();
      expect(items).toHaveLength(2);
      expect(items.join(' ')).toContain(productName);
      expect(items.some((text) => text.includes('¥19.90'))).toBe(true);
      expect(items.some((text) => text.includes('¥49.90'))).toBe(true);
      expect(buyer.pageErrors).toEqual([]);
    } finally {
      await buyer.close();
    }
  });

  test('live edit locks prices; 复制到下周 makes a future draft; 提前结束 ends it', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/campaigns/${campaign.id}/edit`);
    await page.getByTestId('campaign-live-lock').waitFor();
    const groupPrices = page
      .getByTestId('campaign-items')
      .locator('[data-testid="campaign-item-group-price"]');
    await waitForCount(groupPrices, 2);
    expect(await groupPrices.first().isDisabled()).toBe(true);
    await settle(page);
    await screenshot(page, 'admin-campaign-edit-live.png');

    await openMenu(page, '活动列表');
    await page.getByRole('tab', { name: '进行中' }).click();
    const row = page.getByTestId('campaigns-table').locator('tr.ant-table-row', { hasText: title });
    await row.waitFor();
    await settle(page);
    await screenshot(page, 'admin-campaigns.png');

    await row.getByTestId('campaign-duplicate').click();
    const [copy] = await Promise.all([
      nextJson<CampaignDetail>(page, `/api/admin/campaigns/${campaign.id}/duplicate`, 'POST'),
      page.getByTestId('campaign-action-confirm').click(),
    ]);
    expect(copy).toMatchObject({ title, status: 'draft', duplicatedFromId: campaign.id });
    expect(Date.parse(copy.startAt)).toBeGreaterThan(Date.now());
    expect(copy.items.map((i) => i.groupPrice).sort()).toEqual([1990, 4990]);
    await page.waitForURL(new RegExp(`/admin/campaigns/${copy.id}/edit$`));
    await page.getByTestId('campaign-title').waitFor();
    expect(await page.getByTestId('campaign-title').inputValue()).toBe(title);

    await page.goto(`${baseUrl()}/admin/campaigns/${campaign.id}`);
    await page.getByTestId('campaign-end').click();
    const [ended] = await Promise.all([
      nextJson<CampaignDetail>(page, `/api/admin/campaigns/${campaign.id}/end`, 'POST'),
      page.getByTestId('campaign-action-confirm').click(),
    ]);
    expect(ended.status).toBe('ended');
    await page.getByTestId('campaign-status').filter({ hasText: '已结束' }).first().waitFor();
    expect(await page.getByTestId('campaign-edit').count()).toBe(0);
    expect(product.status).toBe('on_sale');
  });
});
