// 履约配送 in the back office, over the real server: a campaign of its own for 王丽华 and 陈建国, whose buyers
// order and pay through the buyer API (simulator payments); the 截单 then happens (the server has no staff
// "cut off now" action, so the test moves the campaign's `cutoff_at` into the past in the server's SQLite
// file and waits for the fulfillment clock's minute sweep to record the wave and lock the orders). In the
// UI: the wave's board (flow counts, demand), 生成采购单, adjust a line, 标记已下单 and 到货入库 (stock booked),
// the pick lists and their print page, a new 配送线路 with the two pickup points (reordered, and a refusal
// from the server shown in Chinese), its 配送单, and 发车 (the orders move to 已发货). Every figure is checked
// against the API. Screenshots: docs/screenshots/admin-fulfillment-*.png.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import type {
  CampaignDetail,
  CampaignInput,
  CampaignListItem,
  DeliveryRouteView,
  DeliverySheet,
  DemandLine,
  FulfillmentWaveDetail,
  FulfillmentWaveView,
  InventorySkuView,
  LeaderListItem,
  Paged,
  PickList,
  PickSummary,
  PurchaseListDetail,
  PurchaseListSummary,
} from '@linli/shared-types';
import { logIn, openMenu, settle, waitForCount } from '../support/admin-ui';
import { call, get, staffLogin } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN } from '../support/demo';
import { activeLeader, newBuyer, payOrder, placeOrder } from '../support/orders-api';

let admin: BrowserSession;
let adminToken: string;
let wang: LeaderListItem;
let chen: LeaderListItem;
let campaign: CampaignDetail;
let wave: FulfillmentWaveView;
/** The SKU made short (sellable stock counted down to 1) so the wave has something to buy. */
let shortSku: InventorySkuView;
/** Its sellable stock after the test's orders reserved theirs, restored at the end. */
let stockToRestore = 0;
const routeName = `城东一线 ${Date.now().toString(36).slice(-4)}`;

async function ok<T>(method: string, apiPath: string, expected: number, body?: unknown): Promise<T> {
  const res = await call<T>(method, apiPath, { token: adminToken, body });
  if (res.status !== expected)
    throw new Error(`${method} ${apiPath} → HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

const tableRows = (page: Page, testId: string): Locator =>
  page.getByTestId(testId).locator('tr.ant-table-row');

async function inventorySku(skuId: number): Promise<InventorySkuView> {
  const page = await get<Paged<InventorySkuView>>('/api/admin/inventory/skus?pageSize=100', adminToken);
  const sku = page.items.find((s) => s.skuId === skuId);
  if (!sku) throw new Error(`SKU ${skuId} is not in the stock table`);
  return sku;
}

/**
 * 截单 now: the campaign's cut-off moves a minute into the past in the server's SQLite file (beside its log,
 * see support/server.ts). The fulfillment clock sweeps every minute and cuts off what is due.
 */
function moveCutoffIntoThePast(campaignId: number): void {
  const logFile = process.env.LINLI_E2E_SERVER_LOG;
  if (!logFile) throw new Error('LINLI_E2E_SERVER_LOG is not set: run through jest (global setup)');
  const db = new Database(path.join(path.dirname(logFile), 'linli.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    // How TypeORM stores a UTC datetime in SQLite: `YYYY-MM-DD HH:MM:SS.SSS`.
    const aMinuteAgo = new Date(Date.now() - 60_000).toISOString().replace('T', ' ').replace('Z', '');
    const result = db.prepare('UPDATE campaigns SET cutoff_at = ? WHERE id = ?').run(aMinuteAgo, campaignId);
    if (result.changes !== 1) throw new Error(`campaign ${campaignId} not updated`);
  } finally {
    db.close();
  }
}

async function waitForWave(campaignId: number, orders: number): Promise<FulfillmentWaveView> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const page = await get<Paged<FulfillmentWaveView>>(
      `/api/admin/fulfillment/waves?campaignId=${campaignId}`,
      adminToken,
    );
    const found = page.items[0];
    if (found && found.counts.locked === orders) return found;
    if (Date.now() > deadline)
      throw new Error(
        `no wave with ${orders} locked orders for campaign ${campaignId}: ${JSON.stringify(found)}`,
      );
    await new Promise((r) => setTimeout(r, 2000));
  }
}

const waveApi = () => get<FulfillmentWaveDetail>(`/api/admin/fulfillment/waves/${wave.id}`, adminToken);

beforeAll(async () => {
  admin = await openBrowser({ width: 1440, height: 900 });
  adminToken = (await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password)).accessToken;
  wang = await activeLeader(adminToken, '王丽华');
  chen = await activeLeader(adminToken, '陈建国');

  // Two stocked (non-bundle) items of a seeded live campaign, offered in a campaign of the test's own.
  const seeded = await get<Paged<CampaignListItem>>(
    '/api/admin/campaigns?status=live&pageSize=5',
    adminToken,
  );
  const stockTable = await get<Paged<InventorySkuView>>('/api/admin/inventory/skus?pageSize=100', adminToken);
  const stocked = new Map(stockTable.items.map((s) => [s.skuId, s]));
  let items: CampaignDetail['items'] = [];
  for (const listed of seeded.items) {
    const detail = await get<CampaignDetail>(`/api/admin/campaigns/${listed.id}`, adminToken);
    items = detail.items.filter((i) => (stocked.get(i.skuId)?.stock ?? 0) >= 20);
    if (items.length >= 2) break;
  }
  expect(items.length).toBeGreaterThanOrEqual(2);
  const now = Date.now();
  const created = await ok<CampaignDetail>('POST', '/api/admin/campaigns', 201, {
    title: `履约测试团 ${now.toString(36).slice(-5)}`,
    coverKey: null,
    description: '履约配送浏览器测试',
    startAt: new Date(now - 60_000).toISOString(),
    cutoffAt: new Date(now + 20 * 3_600_000).toISOString(),
    endAt: new Date(now + 24 * 3_600_000).toISOString(),
    pickupDate: new Date(now + 48 * 3_600_000).toISOString().slice(0, 10),
    audience: { kind: 'leaders', levelIds: [], leaderIds: [wang.id, chen.id] },
    items: items.slice(0, 2).map((item) => ({
      skuId: item.skuId,
      groupPrice: item.groupPrice,
      originalPrice: item.originalPrice,
      perMemberLimit: 0,
      stockCap: null,
    })),
  } satisfies CampaignInput);
  campaign = await ok<CampaignDetail>('POST', `/api/admin/campaigns/${created.id}/schedule`, 200);
  expect(campaign.status).toBe('live');
  const [a, b] = campaign.items;

  // 王丽华's buyer: 2 × A + 1 × B; 陈建国's buyer: 3 × A. Both pay in the simulator.
  const wangBuyer = await newBuyer(wang.inviteCode, '履约买家甲');
  const chenBuyer = await newBuyer(chen.inviteCode, '履约买家乙');
  for (const [buyer, lines] of [
    [
      wangBuyer,
      [
        { itemId: a!.id, quantity: 2 },
        { itemId: b!.id, quantity: 1 },
      ],
    ],
    [chenBuyer, [{ itemId: a!.id, quantity: 3 }]],
  ] as const) {
    const order = await placeOrder(buyer.token, { campaignId: campaign.id, lines: [...lines] });
    expect((await payOrder(buyer.token, order.id)).status).toBe('paid');
  }

  // A is short: its sellable stock is counted down to 1, so the wave has 5 − 1 = 4 to buy.
  shortSku = await inventorySku(a!.skuId);
  stockToRestore = shortSku.stock;
  await ok('POST', '/api/admin/inventory/adjustments', 201, {
    skuId: a!.skuId,
    kind: 'count',
    quantity: 1,
    reason: '履约测试：盘点',
  });

  moveCutoffIntoThePast(campaign.id);
  wave = await waitForWave(campaign.id, 2);
}, 240_000);

afterAll(async () => {
  // The test's campaign is past its cut-off: staff end it, so other suites never pick it to order from.
  if (campaign && adminToken)
    await call('POST', `/api/admin/campaigns/${campaign.id}/end`, { token: adminToken });
  if (shortSku && adminToken)
    await call('POST', '/api/admin/inventory/adjustments', {
      token: adminToken,
      body: { skuId: shortSku.skuId, kind: 'count', quantity: stockToRestore, reason: '履约测试：恢复库存' },
    });
  await admin?.close();
});

afterEach(() => {
  expect(admin.pageErrors).toEqual([]);
});

describe('履约配送 in the back office', () => {
  test('履约看板: the wave with its flow counts and demand', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await logIn(page);
    await openMenu(page, '履约看板');
    await page.waitForURL('**/admin/fulfillment/waves');
    const row = page.getByTestId('waves-table').locator('tr.ant-table-row', { hasText: campaign.title });
    const [detail, demand] = await Promise.all([
      nextJson<FulfillmentWaveDetail>(page, `/api/admin/fulfillment/waves/${wave.id}`),
      nextJson<DemandLine[]>(page, `/api/admin/fulfillment/waves/${wave.id}/demand`),
      row.getByTestId('wave-row-title').click(),
    ]);
    await page.getByTestId('wave-detail').waitFor();
    expect(detail.counts).toMatchObject({ locked: 2, total: 2, shipped: 0 });
    await expect(
      page.getByTestId('wave-flow-cutoff').getByTestId('wave-flow-figure').textContent(),
    ).resolves.toBe('2 单');
    await expect(
      page.getByTestId('wave-flow-pick').getByTestId('wave-flow-figure').textContent(),
    ).resolves.toBe('2 单待发');
    // Demand: A 5 (2 + 3), B 1; A's stock is 1 after the count.
    await waitForCount(tableRows(page, 'demand-table'), demand.length);
    const a = demand.find((d) => d.skuId === shortSku.skuId)!;
    expect([a.quantity, a.directQuantity, a.bundleQuantity, a.orderCount, a.availableStock]).toEqual([
      5, 5, 0, 2, 1,
    ]);
    expect(demand.reduce((s, d) => s + d.quantity, 0)).toBe(6);
    // Both points have orders but no route yet.
    await expect(page.getByTestId('unrouted-points').textContent()).resolves.toContain(
      '2 个自提点不在任何线路上',
    );
    expect(detail.unroutedPoints.map((p) => p.leaderId).sort()).toEqual([wang.id, chen.id].sort());
  });

  test('采购单: generate, adjust a line, mark ordered and receive (stock booked)', async () => {
    const { page } = admin;
    await page.getByTestId('generate-purchase-lists').click();
    const [lists] = await Promise.all([
      nextJson<PurchaseListSummary[]>(page, `/api/admin/fulfillment/waves/${wave.id}/purchase-lists`, 'POST'),
      page.locator('.ant-modal-confirm .ant-btn-primary').click(),
    ]);
    const list = lists.find((l) => l.totalQuantity > 0 && l.status === 'draft')!;
    expect(list).toBeDefined();
    await waitForCount(tableRows(page, 'purchase-lists-table'), lists.length);

    const [detail] = await Promise.all([
      nextJson<PurchaseListDetail>(page, `/api/admin/fulfillment/purchase-lists/${list.id}`),
      page.getByTestId('purchase-lists-table').getByText(list.listNo).click(),
    ]);
    await page.getByTestId('purchase-list-detail').waitFor();
    const line = detail.lines.find((l) => l.skuId === shortSku.skuId)!;
    expect([line.demandQuantity, line.stockQuantity, line.suggestedQuantity, line.quantity]).toEqual([
      5, 1, 4, 4,
    ]);

    // Adjust A to 6 (a spare carton), save.
    const row = tableRows(page, 'purchase-lines-table').filter({ hasText: line.productName });
    await row.locator('.ant-input-number input').fill('6');
    const [adjusted] = await Promise.all([
      nextJson<PurchaseListDetail>(page, `/api/admin/fulfillment/purchase-lists/${list.id}/lines`, 'PUT'),
      page.getByTestId('save-purchase-lines').click(),
    ]);
    expect(adjusted.lines.find((l) => l.skuId === shortSku.skuId)!.quantity).toBe(6);
    expect(adjusted.totalQuantity).toBe(detail.totalQuantity + 2);
    await page.locator('.ant-message-notice', { hasText: '采购数量已保存' }).waitFor();

    // 标记已下单 (confirm), then the quantities are read-only.
    await page.getByTestId('mark-ordered').click();
    const [ordered] = await Promise.all([
      nextJson<PurchaseListDetail>(
        page,
        `/api/admin/fulfillment/purchase-lists/${list.id}/mark-ordered`,
        'POST',
      ),
      page.locator('.ant-modal-confirm .ant-btn-primary').click(),
    ]);
    expect(ordered.status).toBe('ordered');
    await page.getByTestId('purchase-status').filter({ hasText: '已下单' }).waitFor();
    await expect(page.getByTestId('purchase-quantity-input').count()).resolves.toBe(0);
    await settle(page);
    await screenshot(page, 'admin-fulfillment-purchase-list.png');

    // 导出 Excel: the server's file, named after the list.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-purchase-list').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`采购单-${list.listNo}.xlsx`);

    // 到货入库: everything arrives as listed; A's stock goes 1 → 7.
    await page.getByTestId('receive-purchase-list').click();
    const [received] = await Promise.all([
      nextJson<PurchaseListDetail>(page, `/api/admin/fulfillment/purchase-lists/${list.id}/receive`, 'POST'),
      page.getByTestId('receive-confirm').click(),
    ]);
    expect(received.status).toBe('received');
    expect(received.lines.find((l) => l.skuId === shortSku.skuId)!.receivedQuantity).toBe(6);
    await page.getByTestId('purchase-status').filter({ hasText: '已入库' }).waitFor();
    expect((await inventorySku(shortSku.skuId)).stock).toBe(7);
    // A repeat books nothing.
    await ok('POST', `/api/admin/fulfillment/purchase-lists/${list.id}/receive`, 200, {});
    expect((await inventorySku(shortSku.skuId)).stock).toBe(7);
  });

  test('拣货单: per point and the print page', async () => {
    const { page } = admin;
    const [lists] = await Promise.all([
      nextJson<PickList[]>(page, `/api/admin/fulfillment/waves/${wave.id}/pick-lists`),
      page.goto(`${baseUrl()}/admin/fulfillment/waves/${wave.id}`),
    ]);
    expect(lists.map((l) => l.leaderId).sort()).toEqual([wang.id, chen.id].sort());
    expect(lists.reduce((s, l) => s + l.totalQuantity, 0)).toBe(6);
    await waitForCount(tableRows(page, 'pick-lists-table'), 2);
    const totals = await page.getByTestId('pick-lists-table').getByTestId('pick-total').allTextContents();
    expect(totals.map(Number)).toEqual(lists.map((l) => l.totalQuantity));

    await page.getByTestId('print-pick-lists').click();
    await page.waitForURL(`**/admin/fulfillment/waves/${wave.id}/print/pick-lists`);
    await waitForCount(page.getByTestId('print-sheet'), 2);
    // No back-office chrome on the print page; one A4 sheet per point, in the API's order.
    await expect(page.getByTestId('menu').count()).resolves.toBe(0);
    const sheetTotals = await page.getByTestId('print-total').allTextContents();
    expect(sheetTotals.map(Number)).toEqual(lists.map((l) => l.totalQuantity));
    const points = await page.getByTestId('print-point').allTextContents();
    expect(points.map((p) => p.includes(lists[0]!.leaderName))[0]).toBe(true);
    const printed = await page.evaluate(() => {
      let calls = 0;
      window.print = () => {
        calls += 1;
      };
      (document.querySelector('[data-testid="print-button"]') as HTMLButtonElement).click();
      return calls;
    });
    expect(printed).toBe(1);
    await screenshot(page, 'admin-fulfillment-pick-list-print.png');
    // As printed: the toolbar disappears and sheets break pages.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('button', { hasText: '打印' }).isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The wave summary's print page: per SKU over all points.
    const [summary] = await Promise.all([
      nextJson<PickSummary>(page, `/api/admin/fulfillment/waves/${wave.id}/pick-summary`),
      page.goto(`${baseUrl()}/admin/fulfillment/waves/${wave.id}/print/pick-summary`),
    ]);
    expect([summary.pointCount, summary.orderCount, summary.totalQuantity]).toEqual([2, 2, 6]);
    await expect(page.getByTestId('print-total').textContent()).resolves.toBe('6');
  });

  test('配送线路: a new route with the two points, reordered; a point on another route is refused', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/fulfillment/routes`);
    await page.getByTestId('routes-page').waitFor();
    await page.getByTestId('route-create').click();
    await page.waitForURL('**/admin/fulfillment/routes/new');
    await page.getByTestId('route-name').fill(routeName);
    await page.getByTestId('route-driver-name').fill('赵师傅');
    await page.getByTestId('route-driver-phone').fill('13800138000');
    await page.getByTestId('route-vehicle').fill('浙A·D1234 冷藏车');
    const select = page.getByTestId('route-stop-add');
    for (const leader of [wang, chen]) {
      await select.click();
      await select.locator('input').fill(leader.name);
      const options = page.locator('.ant-select-dropdown:visible [data-testid="leader-option"]', {
        hasText: leader.name,
      });
      await options.first().click();
    }
    await waitForCount(page.getByTestId('route-stop'), 2);
    // 陈建国 first: move him up.
    await page.getByTestId('route-stop').nth(1).getByTestId('route-stop-up').click();
    await expect(page.getByTestId('route-stop').first().textContent()).resolves.toContain(chen.name);
    await settle(page);
    await screenshot(page, 'admin-fulfillment-route-edit.png');
    const [route] = await Promise.all([
      nextJson<DeliveryRouteView>(page, '/api/admin/fulfillment/routes', 'POST'),
      page.getByTestId('route-submit').click(),
    ]);
    expect(route.stops.map((s) => s.leaderId)).toEqual([chen.id, wang.id]);
    await page.waitForURL('**/admin/fulfillment/routes');
    await tableRows(page, 'routes-table').filter({ hasText: routeName }).waitFor();

    // A second route with 王丽华: she is on the first one already, and the server says so in Chinese.
    await page.getByTestId('route-create').click();
    await page.getByTestId('route-name').fill(`${routeName}B`);
    await page.getByTestId('route-driver-name').fill('钱师傅');
    await page.getByTestId('route-driver-phone').fill('13800138001');
    await select.click();
    await select.locator('input').fill(wang.name);
    await page
      .locator('.ant-select-dropdown:visible [data-testid="leader-option"]', { hasText: wang.name })
      .first()
      .click();
    const [refusal] = await Promise.all([
      page.waitForResponse(
        (r) =>
          new URL(r.url()).pathname.endsWith('/api/admin/fulfillment/routes') &&
          r.request().method() === 'POST',
      ),
      page.getByTestId('route-submit').click(),
    ]);
    expect(refusal.status()).toBe(409);
    const body = (await refusal.json()) as { code: string; message: string };
    expect(body.code).toBe('FULFILLMENT_STOP_ON_OTHER_ROUTE');
    await page.locator('.ant-message-notice', { hasText: body.message }).waitFor();
    expect(page.url()).toContain('/fulfillment/routes/new');
  });

  test('配送单 and 发车: the stops in order, then the orders move to 已发货', async () => {
    const { page } = admin;
    const routes = await get<DeliveryRouteView[]>('/api/admin/fulfillment/routes', adminToken);
    const route = routes.find((r) => r.name === routeName)!;
    await page.goto(`${baseUrl()}/admin/fulfillment/waves/${wave.id}`);
    await page.getByTestId('wave-detail').waitFor();
    await expect(page.getByTestId('unrouted-points').count()).resolves.toBe(0);
    const [sheet] = await Promise.all([
      nextJson<DeliverySheet>(
        page,
        `/api/admin/fulfillment/waves/${wave.id}/routes/${route.id}/delivery-sheet`,
      ),
      page.getByTestId('route-progress-table').getByText(routeName).click(),
    ]);
    await page.getByTestId('delivery-sheet').waitFor();
    expect(sheet.stops.map((s) => s.leaderId)).toEqual([chen.id, wang.id]);
    expect([sheet.orderCount, sheet.totalQuantity]).toEqual([2, 6]);
    await waitForCount(tableRows(page, 'sheet-stops'), 2);
    const quantities = await page.getByTestId('sheet-stops').getByTestId('stop-quantity').allTextContents();
    expect(quantities.map(Number)).toEqual(sheet.stops.map((s) => s.totalQuantity));
    await expect(page.getByTestId('sheet-to-ship').textContent()).resolves.toContain('2');
    await settle(page);
    await screenshot(page, 'admin-fulfillment-delivery-sheet.png');

    // The print page of the sheet.
    await page.getByTestId('print-delivery-sheet').click();
    await page.waitForURL(`**/print/routes/${route.id}`);
    await expect(page.getByTestId('print-total').textContent()).resolves.toBe(String(sheet.totalQuantity));
    await page.goBack();
    await page.getByTestId('delivery-sheet').waitFor();

    // 发车: the confirm says how many orders move.
    await page.getByTestId('ship-route').click();
    await expect(page.getByTestId('ship-confirm-text').textContent()).resolves.toContain(
      '2 个订单将改为「已发货」',
    );
    const [shipped] = await Promise.all([
      nextJson<{ shipped: number }>(
        page,
        `/api/admin/fulfillment/waves/${wave.id}/routes/${route.id}/ship`,
        'POST',
      ),
      page.locator('.ant-modal-confirm .ant-btn-primary').click(),
    ]);
    expect(shipped.shipped).toBe(2);
    await page.locator('.ant-message-notice', { hasText: '已发车，2 单改为已发货' }).waitFor();
    const after = await waveApi();
    expect(after.counts).toMatchObject({ locked: 0, shipped: 2 });
    await page.getByTestId('sheet-shipped').filter({ hasText: '已发车' }).waitFor();
    await expect(page.getByTestId('ship-route').isDisabled()).resolves.toBe(true);

    // The board shows 发货 done.
    await page.goto(`${baseUrl()}/admin/fulfillment/waves/${wave.id}`);
    await expect(
      page.getByTestId('wave-flow-ship').getByTestId('wave-flow-figure').textContent(),
    ).resolves.toBe('2 单');
    await expect(
      page.getByTestId('wave-flow-purchase').getByTestId('wave-flow-figure').textContent(),
    ).resolves.toBe('1/1 张已入库');
    await tableRows(page, 'route-progress-table').filter({ hasText: '已发车' }).waitFor();
    await settle(page);
    await screenshot(page, 'admin-fulfillment-board.png');
  });
});
