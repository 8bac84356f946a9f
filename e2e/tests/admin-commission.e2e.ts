// 佣金结算 in the back office: 佣金方案 (a new draft from the rules in force with one level's rate changed,
// 试算 of a sample order, 历史订单模拟, 发布 from tomorrow), 佣金明细 (balances, a 人工调整 with its reason, the
// ledger filtered by leader and type), 对账单 (a leader's month and its Excel, the all-leaders 汇总) and
// 提现审核 (驳回 with a reason, 通过, the bank batch Excel, 标记已打款). Withdrawals are requested through the
// real leader API (王丽华 and 陈建国); every one is closed by the end, so no leader is left with an open request.
// Screenshots go to docs/screenshots/.
import type { Locator, Page } from 'playwright-core';
import type {
  CommissionEntryView,
  CommissionPreview,
  CommissionStatement,
  LeaderCommissionRow,
  LeaderCommissionOverview,
  LeaderListItem,
  Paged,
  RuleSetSimulation,
  RuleSetView,
  WithdrawalView,
} from '@linli/shared-types';
import { logIn, openMenu, settle, waitForCount } from '../support/admin-ui';
import { call, get, staffLogin } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN } from '../support/demo';
import { DEMO_LEADER_OPENIDS, activeLeader, leaderToken } from '../support/orders-api';

let admin: BrowserSession;
let adminToken: string;
let wang: LeaderListItem;
let chen: LeaderListItem;
/** 陈建国 to his bank card (waits for review: above the auto-approve amount). */
let chenWithdrawal: WithdrawalView;
/** 王丽华 to WeChat (waits for review). 刘晓燕 is left alone: the mini-program's commission test is hers. */
let wangWithdrawal: WithdrawalView;
const adjustReason = '12 月社区团购拉新活动补贴';

async function expectStatus<T>(
  res: Promise<{ status: number; body: T }>,
  expected: number,
  what: string,
): Promise<T> {
  const { status, body } = await res;
  if (status !== expected) throw new Error(`${what} → HTTP ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** Gives the leader money to withdraw (an adjustment through the API), then requests the withdrawal. */
async function fundAndWithdraw(
  leader: LeaderListItem,
  openid: string,
  fundFen: number,
  request: { amount: number; method: 'wechat' | 'bank'; bankAccount?: WithdrawalView['bankAccount'] },
): Promise<WithdrawalView> {
  await expectStatus(
    call('POST', '/api/admin/commission/adjustments', {
      token: adminToken,
      body: {
        leaderId: leader.id,
        amount: fundFen,
        reason: '11 月线下活动奖励补发',
        requestId: `e2e-fund-${leader.id}-${Date.now()}`,
      },
    }),
    201,
    'adjustment',
  );
  const token = await leaderToken(openid);
  const overview = await get<LeaderCommissionOverview>('/api/app/leader/commission', token);
  expect(overview.openWithdrawal).toBeNull();
  return expectStatus(
    call<WithdrawalView>('POST', '/api/app/leader/commission/withdrawals', {
      token,
      body: { ...request, requestId: `e2e-withdraw-${leader.id}-${Date.now()}` },
    }),
    201,
    'withdrawal request',
  );
}

/** Types into a leader picker (it searches the server) and picks the leader named `name`. */
async function pickLeader(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  await select.locator('input').fill(name);
  const options = page.locator('.ant-select-dropdown:visible [data-testid="leader-option"]');
  for (let tries = 0; ; tries++) {
    const texts = await options.allTextContents();
    if (texts.length === 1 && texts[0].includes(name)) break;
    if (tries > 100) throw new Error(`leader picker never narrowed to ${name}: ${texts.join(', ')}`);
    await page.waitForTimeout(100);
  }
  await options.first().click();
  await select.locator('.ant-select-selection-item', { hasText: name }).waitFor();
}

async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).click();
}

const tableRows = (page: Page, testId: string): Locator =>
  page.getByTestId(testId).locator('tr.ant-table-row');

beforeAll(async () => {
  admin = await openBrowser({ width: 1440, height: 900 });
  adminToken = (await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password)).accessToken;
  wang = await activeLeader(adminToken, '王丽华');
  chen = await activeLeader(adminToken, '陈建国');
  chenWithdrawal = await fundAndWithdraw(chen, DEMO_LEADER_OPENIDS.陈建国, 60_000, {
    amount: 35_000,
    method: 'bank',
    bankAccount: { holder: '陈建国', bankName: '中国工商银行杭州采荷支行', accountNo: '6222021202041234567' },
  });
  wangWithdrawal = await fundAndWithdraw(wang, DEMO_LEADER_OPENIDS.王丽华, 40_000, {
    amount: 26_000,
    method: 'wechat',
  });
  expect([chenWithdrawal.status, wangWithdrawal.status]).toEqual(['reviewing', 'reviewing']);
});

afterAll(async () => {
  await admin?.close();
});

afterEach(() => {
  expect(admin.pageErrors).toEqual([]);
});

describe('佣金结算 in the back office', () => {
  let draft: RuleSetView;

  test('佣金方案: a new draft with one level rate changed, 试算, 模拟 and 发布 from tomorrow', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await logIn(page);
    const [sets] = await Promise.all([
      nextJson<RuleSetView[]>(page, '/api/admin/commission/rule-sets'),
      openMenu(page, '佣金方案'),
    ]);
    await page.waitForURL('**/admin/commission/rule-sets');
    const current = sets.find((s) => s.current)!;
    expect(current.status).toBe('published');
    await waitForCount(tableRows(page, 'rule-sets-table'), sets.length);

    // 新建方案 starts from the rules in force.
    await page.getByTestId('rule-set-create').click();
    await page.waitForURL('**/admin/commission/rule-sets/new');
    // 王丽华's level (银牌 in the demo; another suite may have moved her): its rate becomes 13.5%.
    const wangLevelId = (await activeLeader(adminToken, '王丽华')).levelId!;
    const inForce = current.rules.levelRates.find((r) => r.levelId === wangLevelId)!;
    const silver = page.locator(`[data-testid="level-rate-input"][data-level-id="${wangLevelId}"]`);
    await silver.waitFor();
    expect(await silver.inputValue()).toBe((inForce.rateBps / 100).toFixed(2));
    await page.getByTestId('rule-set-name').fill('2027 春季佣金方案');
    await silver.fill('13.5');
    await page.getByTestId('rule-set-frozen-days').fill('10');
    // 海南金钻凤梨 pays a fixed ¥1.50 per unit instead of a rate.
    await page.getByTestId('override-add').click();
    const override = page.getByTestId('overrides').locator('tr.ant-table-row').first();
    const target = override.getByTestId('override-target');
    await target.click();
    await target.locator('input').fill('凤梨');
    await page
      .locator('.ant-select-dropdown:visible [data-testid="product-option"]', { hasText: '海南金钻凤梨' })
      .click();
    await pickOption(page, override.getByTestId('override-mode'), '固定金额');
    await override.getByTestId('override-fixed').fill('1.5');
    // 推荐奖励: 5% of the downline's commission to the recruiter, 2% to theirs.
    await page.getByTestId('referral-enabled').click();
    await page.getByTestId('referral-level1').fill('5');
    await page.getByTestId('referral-level2').fill('2');
    const [created] = await Promise.all([
      nextJson<RuleSetView>(page, '/api/admin/commission/rule-sets', 'POST'),
      page.getByTestId('rule-set-save').click(),
    ]);
    draft = created;
    expect(draft.status).toBe('draft');
    expect(draft.rules.levelRates).toContainEqual({ levelId: wangLevelId, rateBps: 1350 });
    expect(draft.rules.frozenDays).toBe(10);
    expect(draft.rules.overrides).toEqual([
      { targetKind: 'product', targetId: expect.any(Number), mode: 'fixed', rateBps: null, fixedFen: 150 },
    ]);
    expect(draft.rules.referral).toEqual({ base: 'commission', level1Bps: 500, level2Bps: 200 });
    expect(draft.rules.defaultRateBps).toBe(current.rules.defaultRateBps);
    await page.waitForURL(`**/admin/commission/rule-sets/${draft.id}`);
    await page.getByTestId('rule-set-title').filter({ hasText: '2027 春季佣金方案' }).waitFor();

    // 试算: 王丽华 sells two 元气早餐组合 at ¥25.00 (13.5%) and three 凤梨 (¥1.50 each).
    await pickLeader(page, page.getByTestId('preview-leader'), '王丽华');
    for (const product of ['元气早餐组合', '海南金钻凤梨']) {
      await page.getByTestId('preview-add-sku').click();
      await page.getByTestId('sku-picker-search').fill(product);
      await page.getByTestId('sku-picker-search').press('Enter');
      const picker = page.getByTestId('sku-picker-table');
      await waitForCount(picker.locator('tr.ant-table-row', { hasNotText: product }), 0);
      await picker.locator('tr.ant-table-row', { hasText: product }).first().click();
      await page.getByTestId('sku-picker-ok').click();
    }
    await waitForCount(page.getByTestId('preview-line'), 2);
    await page.getByTestId('preview-line-quantity').nth(0).fill('2');
    await page.getByTestId('preview-line-price').nth(0).fill('25');
    await page.getByTestId('preview-line-quantity').nth(1).fill('3');
    const [preview] = await Promise.all([
      nextJson<CommissionPreview>(page, '/api/admin/commission/preview', 'POST'),
      page.getByTestId('preview-run').click(),
    ]);
    const accrual = preview.entries.find((e) => e.type === 'accrual')!;
    expect(accrual.leaderId).toBe(wang.id);
    expect(accrual.amount).toBe(675 + 450); // 5 000 fen × 13.5 % + 150 fen × 3
    expect(accrual.details.map((d) => d.rule)).toHaveLength(2);
    await page.getByTestId('preview-result').waitFor();
    expect(await page.getByTestId('preview-entry-leader').first().textContent()).toBe('王丽华');
    const wangLines = page.getByTestId('preview-entry').first().getByTestId('detail-line-amount');
    expect(await wangLines.allTextContents()).toEqual(['¥6.75', '¥4.50']);

    // 历史订单模拟 over the last 30 days (the demo's picked-up order).
    const [simulation] = await Promise.all([
      nextJson<RuleSetSimulation>(page, `/api/admin/commission/rule-sets/${draft.id}/simulate`, 'POST'),
      page.getByTestId('simulation-run').click(),
    ]);
    await page.getByTestId('simulation-result').waitFor();
    expect(await page.getByTestId('simulation-orders').textContent()).toContain(String(simulation.orders));
    // The picture: level rates and the override on the left, 试算 and 模拟 on the right.
    await page.getByTestId('level-rates').evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -140);
    });
    await settle(page);
    await screenshot(page, 'admin-commission-rule-edit.png');

    // 发布: tomorrow 00:00 (Asia/Shanghai) is offered; published sets cannot be edited any more.
    await page.getByTestId('rule-set-publish-open').click();
    const modal = page.getByTestId('rule-set-publish-modal');
    await modal.getByTestId('rule-set-publish-consequence').filter({ hasText: '00:00' }).waitFor();
    const [published] = await Promise.all([
      nextJson<RuleSetView>(page, `/api/admin/commission/rule-sets/${draft.id}/publish`, 'POST'),
      page.getByTestId('rule-set-publish-submit').click(),
    ]);
    expect(published.status).toBe('published');
    expect(published.version).toBe((current.version ?? 0) + 1);
    expect(published.current).toBe(false);
    expect(Date.parse(published.effectiveFrom!)).toBeGreaterThan(Date.now());
    await page.getByTestId('rule-set-readonly').waitFor();
    await page.getByTestId('rule-set-copy-open').waitFor();

    await page.goto(`${baseUrl()}/admin/commission/rule-sets`);
    const row = tableRows(page, 'rule-sets-table').filter({ hasText: '2027 春季佣金方案' });
    await row.getByTestId('rule-set-phase').filter({ hasText: '待生效' }).waitFor();
    await tableRows(page, 'rule-sets-table')
      .filter({ hasText: current.name })
      .getByTestId('rule-set-current')
      .waitFor();
    await settle(page);
    await screenshot(page, 'admin-commission-rules.png');
  });

  test('佣金明细: balances by leader, a 人工调整 with a reason, the ledger filtered by leader and type', async () => {
    const { page } = admin;
    await openMenu(page, '佣金明细');
    await page.waitForURL('**/admin/commission/ledger');
    const balanceRow = tableRows(page, 'balances-table').filter({ hasText: '王丽华' });
    await balanceRow.waitFor();
    const before = (
      await get<Paged<LeaderCommissionRow>>('/api/admin/commission/leaders?keyword=王丽华', adminToken)
    ).items[0];

    await balanceRow.getByTestId('balance-adjust').click();
    const modal = page.getByTestId('adjustment-modal');
    await modal.locator('.ant-select-selection-item', { hasText: '王丽华' }).waitFor();
    await modal.getByTestId('adjustment-amount').fill('88');
    await modal.getByTestId('adjustment-preview').filter({ hasText: '将增加 ¥88.00' }).waitFor();
    // A reason is required.
    await page.getByTestId('adjustment-submit').click();
    await modal.locator('.ant-form-item-explain-error', { hasText: '请填写原因' }).waitFor();
    await modal.getByTestId('adjustment-reason').fill(adjustReason);
    const [entry] = await Promise.all([
      nextJson<CommissionEntryView>(page, '/api/admin/commission/adjustments', 'POST'),
      page.getByTestId('adjustment-submit').click(),
    ]);
    expect(entry).toMatchObject({ leaderId: wang.id, type: 'adjustment', amount: 8800, status: 'available' });
    await modal.waitFor({ state: 'hidden' });
    await balanceRow
      .getByTestId('balance-available')
      .filter({ hasText: `¥${((before.available + 8800) / 100).toFixed(2)}` })
      .waitFor();

    // 明细 opens the leader's ledger; the type filter narrows it to the adjustment.
    await balanceRow.getByTestId('balance-entries').click();
    await page.waitForURL(`**/admin/commission/ledger?*leaderId=${wang.id}*`);
    await page.getByTestId('entry-filter-leader').filter({ hasText: '王丽华' }).waitFor();
    await tableRows(page, 'entries-table').first().waitFor();
    const [response] = await Promise.all([
      page.waitForResponse((r) => {
        const url = new URL(r.url());
        return (
          url.pathname.endsWith('/api/admin/commission/entries') &&
          url.searchParams.get('type') === 'adjustment'
        );
      }),
      pickOption(page, page.getByTestId('entry-filter-type'), '人工调整'),
    ]);
    const filtered = (await response.json()) as Paged<CommissionEntryView>;
    expect(new URL(response.url()).searchParams.get('leaderId')).toBe(String(wang.id));
    // Hers: the one just made (newest first) and the one that funded her withdrawal.
    expect(filtered.items.map((e) => [e.leaderId, e.type])).toEqual([
      [wang.id, 'adjustment'],
      [wang.id, 'adjustment'],
    ]);
    expect(page.url()).toContain('type=adjustment');
    await waitForCount(tableRows(page, 'entries-table'), 2);
    expect(await tableRows(page, 'entries-table').first().textContent()).toContain(adjustReason);

    // Without the filters: every leader's entries, newest first.
    await page.getByTestId('entry-filter-reset').click();
    await page.waitForURL((url) => !url.search.includes('leaderId'));
    await tableRows(page, 'entries-table').filter({ hasText: '陈建国' }).first().waitFor();
    await settle(page);
    await screenshot(page, 'admin-commission-ledger.png');
  });

  test('对账单: a leader’s month with its Excel, and the 汇总 of all leaders', async () => {
    const { page } = admin;
    await openMenu(page, '对账单');
    await page.waitForURL('**/admin/commission/statements');
    await page.getByTestId('statement-pick-leader').waitFor();
    await page.getByTestId('statement-period').getByText('月', { exact: true }).click();
    const [statement] = await Promise.all([
      nextJson<CommissionStatement>(page, '/api/admin/commission/statements'),
      pickLeader(page, page.getByTestId('statement-leader'), '王丽华'),
    ]);
    expect(statement.period).toBe('month');
    expect(statement.totals.byType.adjustment).toBeGreaterThanOrEqual(8800);
    await page
      .getByTestId('statement-total')
      .filter({ hasText: (statement.totals.total / 100).toFixed(2) })
      .waitFor();
    expect(await page.getByTestId('statement-period-text').textContent()).toContain(statement.from);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('statement-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`对账单-王丽华-${statement.from}至${statement.to}.xlsx`);
    await settle(page);
    await screenshot(page, 'admin-commission-statement.png');

    await page.getByTestId('statement-tab-summary').click();
    const summaryRows = tableRows(page, 'summary-table');
    for (const name of ['王丽华', '陈建国']) await summaryRows.filter({ hasText: name }).waitFor();
  });

  test('提现审核: 驳回 with a reason, 通过, the bank batch Excel, 标记已打款', async () => {
    const { page } = admin;
    await openMenu(page, '提现审核');
    await page.waitForURL('**/admin/commission/withdrawals');
    // By withdrawal id: other suites may have left these leaders earlier (closed) withdrawals.
    const wangRow = page.locator(`[data-testid="withdrawals-table"] tr[data-row-key="${wangWithdrawal.id}"]`);
    const chenRow = page.locator(`[data-testid="withdrawals-table"] tr[data-row-key="${chenWithdrawal.id}"]`);
    await wangRow.waitFor();
    await chenRow.waitFor();

    // 驳回 needs a reason; the money goes back to 王丽华's balance.
    const balanceOfWang = async () =>
      (await get<Paged<LeaderCommissionRow>>('/api/admin/commission/leaders?keyword=王丽华', adminToken))
        .items[0].available;
    const availableBefore = await balanceOfWang();
    await wangRow.getByTestId('withdrawal-reject').click();
    const reasonModal = page.getByTestId('withdrawal-reason-modal');
    await reasonModal
      .getByTestId('withdrawal-reason-input')
      .fill('微信实名与团长姓名不一致，请核对后重新申请');
    const [rejected] = await Promise.all([
      nextJson<WithdrawalView>(page, `/api/admin/commission/withdrawals/${wangWithdrawal.id}/reject`, 'POST'),
      page.getByTestId('withdrawal-reason-submit').click(),
    ]);
    expect(rejected.status).toBe('rejected');
    expect(await balanceOfWang()).toBe(availableBefore + wangWithdrawal.amount);

    // 通过 the bank withdrawal, then export the batch: it moves to 打款中.
    await chenRow.getByTestId('withdrawal-approve').click();
    const [approved] = await Promise.all([
      nextJson<WithdrawalView>(
        page,
        `/api/admin/commission/withdrawals/${chenWithdrawal.id}/approve`,
        'POST',
      ),
      page.getByTestId('withdrawal-action-confirm').click(),
    ]);
    expect(approved.status).toBe('approved');
    await page.getByTestId('bank-batch-export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bank-batch-confirm').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^银行打款批次-.+\.xlsx$/);

    await page.getByTestId('withdrawal-tab-all').click();
    await chenRow.getByTestId('withdrawal-status').filter({ hasText: '打款中' }).waitFor();
    await wangRow.getByTestId('withdrawal-status').filter({ hasText: '已驳回' }).waitFor();
    expect(await wangRow.getByTestId('withdrawal-review-note').textContent()).toContain('微信实名');
    await settle(page);
    await screenshot(page, 'admin-commission-withdrawals.png');

    // 标记已打款 closes it; 陈建国's withdrawn total grows.
    await chenRow.getByTestId('withdrawal-mark-paid').click();
    const [paid] = await Promise.all([
      nextJson<WithdrawalView>(
        page,
        `/api/admin/commission/withdrawals/${chenWithdrawal.id}/mark-paid`,
        'POST',
      ),
      page.getByTestId('withdrawal-action-confirm').click(),
    ]);
    expect(paid.status).toBe('paid');
    await chenRow.getByTestId('withdrawal-status').filter({ hasText: '已到账' }).waitFor();
    const chenBalance = await get<Paged<LeaderCommissionRow>>(
      '/api/admin/commission/leaders?keyword=陈建国',
      adminToken,
    );
    expect(chenBalance.items[0].withdrawn).toBeGreaterThanOrEqual(35_000);
  });
});
