// A leader's commission in the H5 app, end to end over the embedded demo (simulator payments and payouts):
// a buyer of 刘晓燕 orders, pays in the simulator and picks the goods up (核销), so her commission accrues,
// frozen for the after-sales window. The window is then made to pass (the test writes `available_at` in
// the server's SQLite file, as the server's own commission tests do), and she opens 我的 → 我的佣金: the
// balance, 佣金明细 with the order and rule behind the entry, the month's 对账单, then 提现 to WeChat; the
// payout waits for her in 提现记录, she confirms receipt in the simulator sheet and it reads 已到账.
// Phone-sized viewport; screenshots go to docs/screenshots/h5-leader-commission*.png and h5-leader-withdraw*.png.
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  formatFen,
  type CommissionEntryView,
  type CommissionStatement,
  type LeaderCommissionOverview,
  type OrderDetail,
  type Paged,
  type WithdrawalConfirmation,
  type WithdrawalView,
} from '@linli/shared-types';
import { call, staffLogin } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN } from '../support/demo';
import {
  activeLeader,
  leaderToken as leaderTokenOf,
  newBuyer,
  orderableCampaign,
  payOrder,
  placeOrder,
  verifyPickup,
} from '../support/orders-api';

const LEADER_NAME = '刘晓燕';
const LEADER_OPENID = 'leader-liu';

let h5Session: BrowserSession;

beforeAll(async () => {
  h5Session = await openBrowser({ width: 375, height: 812 }, true);
});

afterAll(async () => {
  await h5Session?.close();
});

afterEach(() => {
  expect(h5Session.pageErrors).toEqual([]);
});

function h5(pagePath: string, openid: string = LEADER_OPENID): string {
  return `${baseUrl()}/h5${pagePath}${pagePath.includes('?') ? '&' : '?'}openid=${openid}`;
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

async function api<T>(method: string, apiPath: string, token: string, body?: unknown): Promise<T> {
  const res = await call<T>(method, apiPath, { token, body });
  if (res.status >= 300)
    throw new Error(`${method} ${apiPath} → HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The after-sales window passes: the leader's frozen entries become due a minute ago. Written straight into
 * the server's throw-away SQLite file (beside its log, see support/server.ts); the balances count due
 * entries as available at once, and the server's minute sweep flips their status column later.
 */
function endAfterSalesWindow(leaderId: number): number {
  const logFile = process.env.LINLI_E2E_SERVER_LOG;
  if (!logFile) throw new Error('LINLI_E2E_SERVER_LOG is not set: run through jest (global setup)');
  const db = new Database(path.join(path.dirname(logFile), 'linli.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    // How TypeORM stores a UTC datetime in SQLite: `YYYY-MM-DD HH:MM:SS.SSS`.
    const aMinuteAgo = new Date(Date.now() - 60_000).toISOString().replace('T', ' ').replace('Z', '');
    const result = db
      .prepare(`UPDATE commission_entries SET available_at = ? WHERE leader_id = ? AND status = 'frozen'`)
      .run(aMinuteAgo, leaderId);
    return result.changes;
  } finally {
    db.close();
  }
}

describe('H5 leader commission: 我的佣金 → 明细 → 对账单 → 提现 → 确认收款 → 已到账', () => {
  let leaderId: number;
  let leaderToken: string;
  let order: OrderDetail;
  let accrual: CommissionEntryView;
  let before: LeaderCommissionOverview;
  let withdrawal: WithdrawalView;

  beforeAll(async () => {
    const admin = await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password);
    const leader = await activeLeader(admin.accessToken, LEADER_NAME);
    leaderId = leader.id;
    leaderToken = await leaderTokenOf(LEADER_OPENID);

    // A buyer of hers orders a few units, pays (simulator) and collects them: the order is completed.
    const buyer = await newBuyer(leader.inviteCode, '佣金测试买家');
    const { campaign, items } = await orderableCampaign(buyer.token, 2);
    const placed = await placeOrder(buyer.token, {
      campaignId: campaign.id,
      lines: [
        { itemId: items[0].id, quantity: 3 },
        { itemId: items[1].id, quantity: 2 },
      ],
    });
    order = await payOrder(buyer.token, placed.id);
    expect(order.pickupCode).toMatch(/^\d{6}$/);
    await verifyPickup(leaderToken, order.pickupCode!);

    // orders.picked_up → outbox → queue → the accrual entry, frozen for the after-sales window.
    accrual = await until('the accrual of the order', async () => {
      const page = await api<Paged<CommissionEntryView>>(
        'GET',
        '/api/app/leader/commission/entries?type=accrual&pageSize=50',
        leaderToken,
      );
      return page.items.find((entry) => entry.orderNo === order.orderNo);
    });
    expect(accrual.status).toBe('frozen');
    expect(accrual.amount).toBeGreaterThan(0);
    before = await api<LeaderCommissionOverview>('GET', '/api/app/leader/commission', leaderToken);
    // Another suite may have left her a withdrawal waiting for finance: turned down, its money returns.
    const open = before.openWithdrawal;
    if (open?.status === 'reviewing') {
      await api('POST', `/api/admin/commission/withdrawals/${open.id}/reject`, admin.accessToken, {
        reason: '浏览器测试：先处理新的提现',
      });
      before = await api<LeaderCommissionOverview>('GET', '/api/app/leader/commission', leaderToken);
    }
    expect(before.openWithdrawal).toBeNull();
  });

  test('我的 → 我的佣金: the new commission shows as frozen, with the after-sales window', async () => {
    const { page } = h5Session;
    await page.goto(h5('/pages/mine/index'));
    await page.locator('#mine-pickup-desk').waitFor();
    await page.locator('#mine-pickup-desk').scrollIntoViewIfNeeded();
    await screenshot(page, 'h5-leader-commission-mine.png');
    const [overview] = await Promise.all([
      nextJson<LeaderCommissionOverview>(page, '/api/app/leader/commission'),
      page.locator('#mine-commission-entry').click(),
    ]);
    await page.locator('#commission-page').waitFor();
    expect(overview.balance.frozen).toBeGreaterThanOrEqual(accrual.amount);
    await expect(page.locator('#commission-frozen').textContent()).resolves.toBe(
      formatFen(overview.balance.frozen),
    );
    await expect(page.locator('#commission-available').textContent()).resolves.toBe(
      formatFen(overview.balance.available),
    );
    await expect(page.locator('#commission-today').textContent()).resolves.toBe(
      formatFen(overview.balance.today),
    );
    await expect(page.locator('#commission-frozen-hint').textContent()).resolves.toBe(
      `售后期 ${overview.rules.frozenDays} 天后可提现`,
    );
    await expect(page.locator('#commission-min-withdraw').textContent()).resolves.toBe(
      formatFen(overview.minWithdrawFen),
    );
    await expect(page.locator('#commission-rule-version').textContent()).resolves.toBe(
      `v${overview.rules.ruleSetVersion}`,
    );
  });

  test('once the after-sales window ended the money is available, and 提现 opens', async () => {
    const { page } = h5Session;
    expect(endAfterSalesWindow(leaderId)).toBeGreaterThanOrEqual(1);
    const [overview] = await Promise.all([
      nextJson<LeaderCommissionOverview>(page, '/api/app/leader/commission'),
      page.reload(),
    ]);
    await page.locator('#commission-page').waitFor();
    expect(overview.balance.frozen).toBe(0);
    expect(overview.balance.available).toBe(before.balance.available + before.balance.frozen);
    expect(overview.balance.available).toBeGreaterThanOrEqual(overview.minWithdrawFen);
    await expect(page.locator('#commission-available').textContent()).resolves.toBe(
      formatFen(overview.balance.available),
    );
    await expect(page.locator('#commission-frozen').textContent()).resolves.toBe(formatFen(0));
    await expect(page.locator('#commission-withdraw-reason').count()).resolves.toBe(0);
    await screenshot(page, 'h5-leader-commission.png');
    before = overview;
  });

  test('佣金明细: the order behind the entry and, on a tap, the rule and rate that produced it', async () => {
    const { page } = h5Session;
    const [entries] = await Promise.all([
      nextJson<Paged<CommissionEntryView>>(page, '/api/app/leader/commission/entries'),
      page.locator('#commission-go-entries').click(),
    ]);
    await page.locator('#entries-page').waitFor();
    expect(entries.items.map((e) => e.id)).toContain(accrual.id);
    const row = `#entry-${accrual.id}`;
    await expect(page.locator(`${row}-order-no`).textContent()).resolves.toBe(`订单号 ${order.orderNo}`);
    await expect(page.locator(`${row}-amount`).textContent()).resolves.toBe(`+${formatFen(accrual.amount)}`);
    // Due now: counted (and shown) as available, as the balance above.
    await expect(page.locator(`${row}-status`).textContent()).resolves.toBe('可提现');

    await page.locator(row).click();
    const details = page.locator(`${row}-details`);
    await details.waitFor();
    expect(accrual.details.length).toBeGreaterThanOrEqual(1);
    const text = (await details.textContent()) ?? '';
    for (const line of accrual.details) {
      expect(text).toContain(line.label);
      expect(text).toContain(line.rule);
    }
    expect(text).toMatch(/× \d+(\.\d+)?%/);
    await expect(page.locator(`${row}-rule-version`).textContent()).resolves.toBe(
      `佣金方案 v${accrual.ruleSetVersion}`,
    );

    // The type filter asks the server again.
    const [refunds] = await Promise.all([
      nextJson<Paged<CommissionEntryView>>(page, '/api/app/leader/commission/entries'),
      page.locator('#entries-type-chip-reversal').click(),
    ]);
    expect(refunds.items.every((e) => e.type === 'reversal')).toBe(true);
    if (refunds.total === 0) await page.locator('#entries-empty').waitFor();
    await Promise.all([
      nextJson<Paged<CommissionEntryView>>(page, '/api/app/leader/commission/entries'),
      page.locator('#entries-type-chip-all').click(),
    ]);
    await page.locator(row).click();
    await page.locator(`${row}-details`).waitFor();
    await screenshot(page, 'h5-leader-commission-entries.png');
    await page.goBack();
    await page.locator('#commission-page').waitFor();
  });

  test('对账单: this month’s total, the order with what was paid and earned, and the entries', async () => {
    const { page } = h5Session;
    const [statement] = await Promise.all([
      nextJson<CommissionStatement>(page, '/api/app/leader/commission/statement'),
      page.locator('#commission-go-statement').click(),
    ]);
    await page.locator('#statement-body').waitFor();
    expect(statement.period).toBe('month');
    expect(statement.entries.map((e) => e.id)).toContain(accrual.id);
    await expect(page.locator('#statement-tab-month').getAttribute('class')).resolves.toContain('is-active');
    await expect(page.locator('#statement-total').textContent()).resolves.toBe(
      `${statement.totals.total > 0 ? '+' : ''}${formatFen(statement.totals.total)}`,
    );
    const orderRow = page.locator(`#statement-order-${order.id}`);
    await expect(orderRow.textContent()).resolves.toContain(order.orderNo);
    await expect(orderRow.textContent()).resolves.toContain(formatFen(order.payableAmount));
    await expect(orderRow.textContent()).resolves.toContain(formatFen(accrual.amount));
    await screenshot(page, 'h5-leader-commission-statement.png');

    // The day tab: today's statement holds the same entry (the order completed today).
    const [today] = await Promise.all([
      nextJson<CommissionStatement>(page, '/api/app/leader/commission/statement'),
      page.locator('#statement-tab-day').click(),
    ]);
    expect(today.period).toBe('day');
    expect(today.entries.map((e) => e.id)).toContain(accrual.id);
    await page.locator('#statement-body').waitFor();
    await page.goBack();
    await page.locator('#commission-page').waitFor();
  });

  test('提现: the minimum and the balance are shown; a WeChat withdrawal goes through once', async () => {
    const { page } = h5Session;
    // Within the auto-approve amount, so it is paid without finance (other suites may have funded her more).
    const amount = Math.min(before.balance.available, before.autoApproveFen);
    await Promise.all([
      nextJson<LeaderCommissionOverview>(page, '/api/app/leader/commission'),
      page.locator('#commission-withdraw').click(),
    ]);
    await page.locator('#withdraw-page').waitFor();
    await expect(page.locator('#withdraw-available').textContent()).resolves.toBe(
      `可提现 ${formatFen(before.balance.available)}`,
    );
    const minimum = formatFen(before.minWithdrawFen);
    await expect(page.locator('#withdraw-review-note').textContent()).resolves.toContain(
      `单笔最少 ${minimum}`,
    );
    expect(before.methods).toContain('wechat');
    for (const method of before.methods) await page.locator(`#withdraw-method-${method}`).waitFor();

    // Too little is refused before anything is sent.
    await page.locator('#withdraw-amount input').fill('0.01');
    await page.locator('#withdraw-submit').click();
    await expect(page.locator('#withdraw-amount-error').textContent()).resolves.toBe(
      `单笔最少提现 ${minimum}`,
    );

    // 全部提现 types the whole balance; then the amount to withdraw.
    await page.locator('#withdraw-all').click();
    await expect(page.locator('#withdraw-submit').textContent()).resolves.toBe(
      `确认提现 ${formatFen(before.balance.available)}`,
    );
    await page.locator('#withdraw-amount input').fill((amount / 100).toFixed(2));
    await page.locator('#withdraw-method-wechat').click();
    await expect(page.locator('#withdraw-submit').textContent()).resolves.toBe(
      `确认提现 ${formatFen(amount)}`,
    );
    await screenshot(page, 'h5-leader-withdraw.png');

    const [request, created] = await Promise.all([
      page.waitForRequest(
        (r) =>
          new URL(r.url()).pathname === '/api/app/leader/commission/withdrawals' && r.method() === 'POST',
      ),
      nextJson<WithdrawalView>(page, '/api/app/leader/commission/withdrawals', 'POST'),
      page.locator('#withdraw-submit').click(),
    ]);
    const body = request.postDataJSON() as { amount: number; method: string; requestId: string };
    expect(body).toMatchObject({ amount, method: 'wechat' });
    expect(body.requestId).toMatch(/^[0-9A-Za-z_-]{8,64}$/);
    expect(created.amount).toBe(amount);
    withdrawal = created;

    // A retry of the same request (same requestId) is the same withdrawal, not a second one.
    const again = await api<WithdrawalView>(
      'POST',
      '/api/app/leader/commission/withdrawals',
      leaderToken,
      body,
    );
    expect(again.id).toBe(created.id);
    await page.locator('#withdrawals-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/h5/leader/withdrawals/index');
  });

  test('提现记录: the payout waits for 确认收款; the simulator sheet confirms it and it reads 已到账', async () => {
    const { page } = h5Session;
    const card = `#withdrawal-${withdrawal.id}`;
    await expect(page.locator(`${card}-amount`).textContent()).resolves.toBe(formatFen(withdrawal.amount));
    // Auto-approved; the transfer is set up in the background and the page checks again by itself.
    await page.locator(`${card}-confirm`).waitFor();
    await expect(page.locator(`${card}-status`).textContent()).resolves.toBe('待确认收款');

    // Only one open withdrawal at a time.
    const second = await call<{ code: string; message: string }>(
      'POST',
      '/api/app/leader/commission/withdrawals',
      { token: leaderToken, body: { amount: 100, method: 'wechat', requestId: `e2e-second-${Date.now()}` } },
    );
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('WITHDRAWAL_OPEN_EXISTS');

    const [confirmation] = await Promise.all([
      nextJson<WithdrawalConfirmation>(
        page,
        `/api/app/leader/commission/withdrawals/${withdrawal.id}/confirmation`,
        'POST',
      ),
      page.locator(`${card}-confirm`).click(),
    ]);
    expect(confirmation.mode).toBe('simulator');
    await page.locator('#receipt-sheet').waitFor();
    await expect(page.locator('#receipt-sheet-amount').textContent()).resolves.toBe(
      formatFen(withdrawal.amount),
    );
    await screenshot(page, 'h5-leader-withdraw-confirm.png');

    await Promise.all([
      nextJson<WithdrawalView>(
        page,
        `/api/app/leader/commission/withdrawals/${withdrawal.id}/simulate`,
        'POST',
      ),
      page.locator('#receipt-sheet-confirm').click(),
    ]);
    await page.locator('#receipt-sheet').waitFor({ state: 'detached' });
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent === '已到账',
      `${card}-status`,
      { timeout: 30_000 },
    );
    await expect(page.locator(`${card}-confirm`).count()).resolves.toBe(0);
    await expect(page.locator(card).textContent()).resolves.toContain('到账时间');
    await page.waitForTimeout(2600); // the success toast fades
    await screenshot(page, 'h5-leader-withdrawals.png');

    const after = await api<LeaderCommissionOverview>('GET', '/api/app/leader/commission', leaderToken);
    expect(after.openWithdrawal).toBeNull();
    expect(after.balance.available).toBe(before.balance.available - withdrawal.amount);
    expect(after.balance.withdrawn).toBe(before.balance.withdrawn + withdrawal.amount);

    // In 佣金明细 the withdrawal's entry is money out, settled: 已到账.
    const [withdrawals] = await Promise.all([
      nextJson<Paged<CommissionEntryView>>(page, '/api/app/leader/commission/entries'),
      page.goto(h5('/leader/commission-entries/index?type=withdrawal')),
    ]);
    const hold = withdrawals.items.find((e) => e.amount === -withdrawal.amount && e.status === 'settled');
    expect(hold).toBeDefined();
    await expect(page.locator(`#entry-${hold!.id}-type`).textContent()).resolves.toBe('提现');
    await expect(page.locator(`#entry-${hold!.id}-status`).textContent()).resolves.toBe('已到账');
    await expect(page.locator(`#entry-${hold!.id}-note`).textContent()).resolves.toBe('提现到微信零钱');
  });

  test('a buyer who is no leader is told so on the commission screens, not shown an error', async () => {
    const { page } = h5Session;
    const openid = `e2e-no-leader-${Date.now()}`;
    const [refused] = await Promise.all([
      page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/app/leader/commission' && r.request().method() === 'GET',
      ),
      page.goto(h5('/leader/commission/index', openid)),
    ]);
    expect(refused.status()).toBe(403);
    await page.locator('#commission-not-leader').waitFor();
    await page.goto(h5('/leader/withdrawals/index', openid));
    await page.locator('#withdrawals-not-leader').waitFor();
  });
});
