// The commission journey across both apps: finance raises 王丽华's level rate and shortens the after-sales
// window to 0 days in 佣金方案 and publishes it at once (立即生效); a buyer of hers orders, pays (simulator)
// and collects (核销); the leader opens 我的佣金 in the H5 app, sees the commission computed at the new rate
// and asks to withdraw more than the auto-approve amount to WeChat 零钱; finance approves it in 提现审核;
// the leader confirms receipt (simulator sheet) and it reads 已到账. Afterwards the rules in force before
// are published again, so the other suites see the usual after-sales window.
import type { Page } from 'playwright-core';
import {
  formatFen,
  type CommissionEntryView,
  type LeaderCommissionOverview,
  type LeaderListItem,
  type OrderDetail,
  type Paged,
  type RuleSetView,
  type WithdrawalView,
} from '@linli/shared-types';
import { logIn, openMenu } from '../support/admin-ui';
import { call, get, staffLogin } from '../support/api';
import { baseUrl, nextJson, openBrowser, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN } from '../support/demo';
import {
  DEMO_LEADER_OPENIDS,
  activeLeader,
  leaderToken as leaderTokenOf,
  newBuyer,
  orderableCampaign,
  payOrder,
  placeOrder,
  verifyPickup,
} from '../support/orders-api';

const RATE_PERCENT = 30;
const LEADER_OPENID = DEMO_LEADER_OPENIDS.王丽华;

let admin: BrowserSession;
let leaderH5: BrowserSession;
let adminToken: string;
let leaderToken: string;
let wang: LeaderListItem;
let before: RuleSetView;
let order: OrderDetail;
let accrual: CommissionEntryView;
let withdrawal: WithdrawalView;

async function ok<T>(method: string, path: string, expected: number, body?: unknown): Promise<T> {
  const res = await call<T>(method, path, { token: adminToken, body });
  if (res.status !== expected)
    throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

function h5(pagePath: string): string {
  return `${baseUrl()}/h5${pagePath}${pagePath.includes('?') ? '&' : '?'}openid=${LEADER_OPENID}`;
}

async function publishNow(page: Page): Promise<RuleSetView> {
  await page.getByTestId('rule-set-publish-open').click();
  const modal = page.getByTestId('rule-set-publish-modal');
  await modal.getByTestId('rule-set-effective-from').click();
  await page.locator('.ant-picker-presets li', { hasText: '立即生效' }).click();
  const [published] = await Promise.all([
    nextJson<RuleSetView>(page, '/publish', 'POST'),
    page.getByTestId('rule-set-publish-submit').click(),
  ]);
  return published;
}

beforeAll(async () => {
  [admin, leaderH5] = await Promise.all([
    openBrowser({ width: 1440, height: 900 }),
    openBrowser({ width: 375, height: 812 }, true),
  ]);
  adminToken = (await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password)).accessToken;
  leaderToken = await leaderTokenOf(LEADER_OPENID);
  wang = await activeLeader(adminToken, '王丽华');
  const sets = await ok<RuleSetView[]>('GET', '/api/admin/commission/rule-sets', 200);
  before = sets.find((s) => s.current)!;
  const overview = await get<LeaderCommissionOverview>('/api/app/leader/commission', leaderToken);
  expect(overview.openWithdrawal).toBeNull();
});

afterAll(async () => {
  // Put the rules in force before back (a copy of them, published now).
  if (before && adminToken) {
    const copy = await ok<RuleSetView>('POST', `/api/admin/commission/rule-sets/${before.id}/copy`, 201);
    await ok('POST', `/api/admin/commission/rule-sets/${copy.id}/publish`, 200, {
      effectiveFrom: new Date().toISOString(),
    });
  }
  await Promise.all([admin?.close(), leaderH5?.close()]);
});

afterEach(() => {
  expect(admin.pageErrors).toEqual([]);
  expect(leaderH5.pageErrors).toEqual([]);
});

describe('commission journey: finance sets a rate → an order completes → the leader withdraws → finance approves', () => {
  test('finance raises the level rate, 售后冻结 0 天, and publishes it at once', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await logIn(page);
    await openMenu(page, '佣金方案');
    await page.waitForURL('**/admin/commission/rule-sets');
    await page.getByTestId('rule-set-create').click();
    await page.waitForURL('**/admin/commission/rule-sets/new');
    const rate = page.locator(`[data-testid="level-rate-input"][data-level-id="${wang.levelId}"]`);
    await rate.waitFor();
    await page.getByTestId('rule-set-name').fill('团长冲量月方案');
    await rate.fill(String(RATE_PERCENT));
    await page.getByTestId('rule-set-frozen-days').fill('0');
    const [draft] = await Promise.all([
      nextJson<RuleSetView>(page, '/api/admin/commission/rule-sets', 'POST'),
      page.getByTestId('rule-set-save').click(),
    ]);
    expect(draft.rules.levelRates).toContainEqual({ levelId: wang.levelId, rateBps: RATE_PERCENT * 100 });
    expect(draft.rules.frozenDays).toBe(0);
    await page.waitForURL(`**/admin/commission/rule-sets/${draft.id}`);
    const published = await publishNow(page);
    expect(published).toMatchObject({ id: draft.id, status: 'published', current: true });
    await page.getByTestId('rule-set-readonly').waitFor();
  });

  test('a buyer of hers orders, pays and collects: the commission is in her ledger within seconds', async () => {
    const buyer = await newBuyer(wang.inviteCode, '冲量月买家');
    const { campaign, items } = await orderableCampaign(buyer.token, 1);
    // Enough for a commission above the auto-approve amount, so that finance reviews the withdrawal.
    const overview = await get<LeaderCommissionOverview>('/api/app/leader/commission', leaderToken);
    const item = [...items].sort((a, b) => b.groupPrice - a.groupPrice)[0];
    const quantity = Math.ceil((overview.autoApproveFen + 100) / ((item.groupPrice * RATE_PERCENT) / 100));
    expect(quantity).toBeLessThanOrEqual(item.remaining);
    const placed = await placeOrder(buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId: item.id, quantity }],
    });
    order = await payOrder(buyer.token, placed.id);
    await verifyPickup(leaderToken, order.pickupCode!);
    accrual = await until('the accrual of the order', async () => {
      const page = await get<Paged<CommissionEntryView>>(
        '/api/app/leader/commission/entries?type=accrual&pageSize=50',
        leaderToken,
      );
      return page.items.find((entry) => entry.orderNo === order.orderNo);
    });
    expect(accrual.amount).toBe(Math.floor((order.payableAmount * RATE_PERCENT) / 100 + 0.5));
    expect(accrual.status).toBe('available'); // 0 days of after-sales freeze
  });

  test('the leader sees it in 我的佣金 and asks to withdraw it to WeChat 零钱', async () => {
    const { page } = leaderH5;
    const [overview] = await Promise.all([
      nextJson<LeaderCommissionOverview>(page, '/api/app/leader/commission'),
      page.goto(h5('/leader/commission/index')),
    ]);
    await page.locator('#commission-page').waitFor();
    expect(overview.balance.available).toBeGreaterThanOrEqual(accrual.amount);
    await expect(page.locator('#commission-available').textContent()).resolves.toBe(
      formatFen(overview.balance.available),
    );
    await expect(page.locator('#commission-rule-version').textContent()).resolves.toBe(
      `v${overview.rules.ruleSetVersion}`,
    );
    await Promise.all([
      nextJson<LeaderCommissionOverview>(page, '/api/app/leader/commission'),
      page.locator('#commission-withdraw').click(),
    ]);
    await page.locator('#withdraw-page').waitFor();
    await page.locator('#withdraw-amount input').fill((accrual.amount / 100).toFixed(2));
    await page.locator('#withdraw-method-wechat').click();
    const [created] = await Promise.all([
      nextJson<WithdrawalView>(page, '/api/app/leader/commission/withdrawals', 'POST'),
      page.locator('#withdraw-submit').click(),
    ]);
    expect(created).toMatchObject({ amount: accrual.amount, method: 'wechat', status: 'reviewing' });
    withdrawal = created;
    await page.locator('#withdrawals-page').waitFor();
    await expect(page.locator(`#withdrawal-${withdrawal.id}-status`).textContent()).resolves.toBe('待审核');
  });

  test('finance approves it in 提现审核; the leader confirms receipt and it reads 已到账', async () => {
    const { page } = admin;
    await openMenu(page, '提现审核');
    await page.waitForURL('**/admin/commission/withdrawals');
    const row = page.locator(`[data-testid="withdrawals-table"] tr[data-row-key="${withdrawal.id}"]`);
    await row.waitFor();
    await row.getByTestId('withdrawal-approve').click();
    const [approved] = await Promise.all([
      nextJson<WithdrawalView>(page, `/api/admin/commission/withdrawals/${withdrawal.id}/approve`, 'POST'),
      page.getByTestId('withdrawal-action-confirm').click(),
    ]);
    expect(approved.status).toBe('approved');

    // The leader opens 提现记录 again; the transfer is set up in the background and the page offers
    // 确认收款 as soon as it waits for her.
    const h5Page = leaderH5.page;
    const card = `#withdrawal-${withdrawal.id}`;
    await h5Page.reload();
    await h5Page.locator(`${card}-confirm`).waitFor();
    await h5Page.locator(`${card}-confirm`).click();
    await h5Page.locator('#receipt-sheet').waitFor();
    await h5Page.locator('#receipt-sheet-confirm').click();
    await h5Page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent === '已到账',
      `${card}-status`,
      { timeout: 30_000 },
    );
    await row
      .getByTestId('withdrawal-status')
      .filter({ hasText: '已到账' })
      .waitFor({ timeout: 1000 })
      .catch(async () => {
        await page.getByTestId('withdrawal-tab-all').click();
        await row.getByTestId('withdrawal-status').filter({ hasText: '已到账' }).waitFor();
      });
    const after = await get<LeaderCommissionOverview>('/api/app/leader/commission', leaderToken);
    expect(after.openWithdrawal).toBeNull();
    expect(after.balance.withdrawn).toBeGreaterThanOrEqual(withdrawal.amount);
  });
});
