// The order centre in the back office: orders placed, paid (payment simulator) and picked up through the
// real buyer and leader APIs; 订单管理 with status tabs and counts, the member page's 查看订单 link, status
// and keyword filters; an order's detail (items, payment record, timeline); 取消订单 that needs a reason and
// refunds a paid order in full, the refund settling asynchronously; an operator who may read but not act;
// and the campaign form's 秒杀 switch. Screenshots go to docs/screenshots/.
import { randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type {
  AdminOrderDetail,
  AdminOrderListItem,
  CampaignDetail,
  CampaignInput,
  LeaderListItem,
  OrderDetail,
  OrderStatus,
  OrderStatusCounts,
  Paged,
  StaffProfile,
} from '@linli/shared-types';
import { logIn, openMenu, settle, waitForCount } from '../support/admin-ui';
import { call, get, staffLogin } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN } from '../support/demo';
import {
  DEMO_LEADER_OPENIDS,
  activeLeader,
  leaderToken,
  newBuyer,
  orderableCampaign,
  payOrder,
  placeOrder,
  verifyPickup,
  type Buyer,
} from '../support/orders-api';

let admin: BrowserSession;
let adminToken: string;
let wang: LeaderListItem;
let buyer: Buyer;
let campaignId: number;
/** Three orders of one buyer: waiting for payment, paid, and paid + handed over by the leader. */
let unpaid: OrderDetail;
let paid: OrderDetail;
let pickedUp: OrderDetail;
const suffix = randomInt(1000, 9999);
const operator = { username: `ops_${suffix}`, name: `运营小周${suffix}`, password: `Linli${suffix}ops` };
const cancelReason = '买家临时出差，电话要求取消订单';

const rows = (page: Page): Locator => page.getByTestId('orders-table').locator('tr.ant-table-row');
const rowOf = (page: Page, orderNo: string): Locator => rows(page).filter({ hasText: orderNo });

/** The count shown on a status tab (`all` for 全部). */
async function tabCount(page: Page, tab: OrderStatus | 'all'): Promise<number> {
  const text = await page.getByTestId(`order-tab-${tab}`).getByTestId('order-tab-count').textContent();
  return Number(text);
}

/** Waits until every tab shows the expected count (counts load next to the list). */
async function expectTabCounts(page: Page, expected: Record<OrderStatus | 'all', number>): Promise<void> {
  const tabs = Object.keys(expected) as Array<OrderStatus | 'all'>;
  const read = async () =>
    Object.fromEntries(await Promise.all(tabs.map(async (t) => [t, await tabCount(page, t)])));
  const deadline = Date.now() + 10_000;
  let seen = await read();
  while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    seen = await read();
  }
  expect(seen).toEqual(expected);
}

beforeAll(async () => {
  admin = await openBrowser({ width: 1440, height: 900 });
  adminToken = (await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password)).accessToken;
  wang = await activeLeader(adminToken, '王丽华');
  buyer = await newBuyer(wang.inviteCode, '林小满');
  const { campaign, items } = await orderableCampaign(buyer.token, 3);
  campaignId = campaign.id;

  unpaid = await placeOrder(buyer.token, { campaignId, lines: [{ itemId: items[0].id, quantity: 1 }] });
  const toPay = await placeOrder(buyer.token, {
    campaignId,
    lines: [
      { itemId: items[1].id, quantity: 2 },
      { itemId: items[2].id, quantity: 1 },
    ],
    remark: '周六上午来取，谢谢团长',
  });
  paid = await payOrder(buyer.token, toPay.id);
  const toHandOver = await placeOrder(buyer.token, {
    campaignId,
    lines: [{ itemId: items[0].id, quantity: 2 }],
  });
  const handOverPaid = await payOrder(buyer.token, toHandOver.id);
  await verifyPickup(await leaderToken(DEMO_LEADER_OPENIDS.王丽华), handOverPaid.pickupCode!);
  pickedUp = { ...handOverPaid, status: 'picked_up' };
  expect([unpaid.status, paid.status]).toEqual(['pending_payment', 'paid']);

  // Another buyer at another leader, so the unfiltered list is not just one person's.
  const chen = await activeLeader(adminToken, '陈建国');
  const other = await newBuyer(chen.inviteCode, '周一鸣');
  const atChen = await orderableCampaign(other.token, 1);
  const otherOrder = await placeOrder(other.token, {
    campaignId: atChen.campaign.id,
    lines: [{ itemId: atChen.items[0].id, quantity: 3 }],
  });
  await payOrder(other.token, otherOrder.id);

  const created = await call<StaffProfile>('POST', '/api/admin/staff', {
    token: adminToken,
    body: { ...operator, roles: ['operator'] },
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await admin?.close();
});

afterEach(() => {
  expect(admin.pageErrors).toEqual([]);
});

describe('订单中心 in the back office', () => {
  test('订单管理 lists the orders with status counts; a member’s 查看订单, tabs and keyword filter them', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await logIn(page);
    await openMenu(page, '订单管理');
    await page.waitForURL('**/admin/orders');
    for (const order of [unpaid, paid, pickedUp]) await rowOf(page, order.orderNo).waitFor();
    // The tabs count what the server counts (other test files may have placed orders too).
    const counts = await get<OrderStatusCounts>('/api/admin/orders/status-counts', adminToken);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    await expectTabCounts(page, { all: total, ...counts });
    expect(counts.picked_up).toBeGreaterThanOrEqual(1);
    const paidRow = rowOf(page, paid.orderNo);
    expect(await paidRow.getByTestId('order-status').textContent()).toBe('已付款');
    expect(await paidRow.textContent()).toContain(buyer.phone);
    expect(await paidRow.getByTestId('order-row-amount').textContent()).toContain(
      `实付 ¥${(paid.paidAmount / 100).toFixed(2)}`,
    );
    await settle(page);
    await screenshot(page, 'admin-orders.png');

    // From the buyer's member page: only their orders, counted per status.
    await page.goto(`${baseUrl()}/admin/members/${buyer.memberId}`);
    await page.getByTestId('member-orders').click();
    await page.waitForURL(`**/admin/orders?memberId=${buyer.memberId}`);
    await waitForCount(rows(page), 3);
    await page.getByTestId('order-filter-member').filter({ hasText: '林小满' }).waitFor();
    await expectTabCounts(page, {
      all: 3,
      pending_payment: 1,
      paid: 1,
      locked: 0,
      shipped: 0,
      ready_for_pickup: 0,
      picked_up: 1,
      cancelled: 0,
      refunded: 0,
    });

    await page.getByRole('tab', { name: /已付款/ }).click();
    await page.waitForURL(/status=paid/);
    await waitForCount(rows(page), 1);
    await rowOf(page, paid.orderNo).waitFor();

    await page.getByRole('tab', { name: /全部/ }).click();
    await waitForCount(rows(page), 3);
    const search = page.getByTestId('order-search');
    await search.fill(pickedUp.orderNo);
    const [byNumber] = await Promise.all([
      nextJson<Paged<AdminOrderListItem>>(page, '/api/admin/orders'),
      search.press('Enter'),
    ]);
    expect(byNumber.items.map((o) => o.orderNo)).toEqual([pickedUp.orderNo]);
    await waitForCount(rows(page), 1);
    expect(await rowOf(page, pickedUp.orderNo).getByTestId('order-status').textContent()).toBe('已提货');
    expect(page.url()).toContain(`keyword=${pickedUp.orderNo}`);

    // A phone prefix finds the buyer's orders too.
    await search.fill(buyer.phone.slice(0, 7));
    await search.press('Enter');
    await waitForCount(rows(page), 3);

    // The leader's page links to their orders the same way.
    await page.goto(`${baseUrl()}/admin/leaders/${wang.id}`);
    await page.getByTestId('leader-orders').click();
    await page.waitForURL(`**/admin/orders?leaderId=${wang.id}`);
    for (const order of [unpaid, paid, pickedUp]) await rowOf(page, order.orderNo).waitFor();
    await page.getByTestId('order-filter-leader').filter({ hasText: '王丽华' }).waitFor();
  });

  test('the paid order’s detail shows its items, payment record and timeline', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/orders?memberId=${buyer.memberId}`);
    const [detail] = await Promise.all([
      nextJson<AdminOrderDetail>(page, `/api/admin/orders/${paid.id}`),
      rowOf(page, paid.orderNo).getByTestId('order-row-no').click(),
    ]);
    await page.waitForURL(`**/admin/orders/${paid.id}`);
    expect(detail.actions).toEqual({ cancel: true, refund: true, markReady: true });
    expect(await page.getByTestId('order-detail-no').textContent()).toContain(paid.orderNo);
    expect(await page.getByTestId('order-detail').getByTestId('order-status').first().textContent()).toBe(
      '已付款',
    );

    const lines = page.getByTestId('order-lines').locator('tr.ant-table-row');
    await waitForCount(lines, 2);
    const names = await page.getByTestId('order-line-name').allTextContents();
    expect(names.sort()).toEqual(paid.lines.map((l) => l.productName).sort());
    expect(await page.getByTestId('order-payable').textContent()).toBe(
      `¥${(paid.payableAmount / 100).toFixed(2)}`,
    );
    expect(await page.getByTestId('order-remark').textContent()).toBe('周六上午来取，谢谢团长');
    expect(await page.getByTestId('order-pickup-code').textContent()).toContain(paid.pickupCode!);
    expect(await page.getByTestId('order-buyer').getAttribute('href')).toBe(
      `/admin/members/${buyer.memberId}`,
    );

    const payment = page.getByTestId('order-payments').locator('tr.ant-table-row');
    await waitForCount(payment, 1);
    expect(await payment.textContent()).toContain(paid.orderNo); // out_trade_no = the order number
    expect(await payment.getByTestId('payment-status').textContent()).toBe('支付成功');
    expect(await payment.getByTestId('payment-transaction-id').textContent()).toBe(
      detail.payments[0].transactionId,
    );

    const timeline = page.getByTestId('order-timeline-entry');
    await waitForCount(timeline, 3);
    expect(await timeline.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual([
      'placed',
      'payment_requested',
      'paid',
    ]);
    expect(await page.getByTestId('order-timeline').textContent()).toContain('支付成功');
    for (const button of ['order-cancel', 'order-refund', 'order-mark-ready'])
      await page.getByTestId(button).waitFor();
    await settle(page);
    await screenshot(page, 'admin-order-detail.png');
  });

  test('取消订单 needs a reason; with one the paid order is refunded in full and the refund settles', async () => {
    const { page } = admin;
    await page.getByTestId('order-cancel').click();
    const modal = page.getByTestId('order-action-modal');
    await modal.getByTestId('order-action-consequence').filter({ hasText: '全额退款' }).waitFor();

    // Without a reason the form refuses and nothing is sent.
    let cancelCalls = 0;
    const countCancel = (r: { url(): string; method(): string }) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/admin/orders/${paid.id}/cancel`)) cancelCalls += 1;
    };
    page.on('request', countCancel);
    await page.getByTestId('order-action-submit').click();
    await modal.locator('.ant-form-item-explain-error', { hasText: '请填写原因' }).waitFor();
    await page.getByTestId('order-action-reason').fill('退');
    await page.getByTestId('order-action-submit').click();
    await modal.locator('.ant-form-item-explain-error', { hasText: '原因至少 2 个字' }).waitFor();
    expect(cancelCalls).toBe(0);

    await page.getByTestId('order-action-reason').fill(cancelReason);
    await modal.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
    await settle(page);
    await screenshot(page, 'admin-order-cancel.png');
    const [cancelled] = await Promise.all([
      nextJson<AdminOrderDetail>(page, `/api/admin/orders/${paid.id}/cancel`, 'POST'),
      page.getByTestId('order-action-submit').click(),
    ]);
    page.off('request', countCancel);
    expect(cancelled.status).toBe('refunded');
    expect(cancelled.refunds).toHaveLength(1);
    expect(cancelled.refunds[0]).toMatchObject({ amount: paid.paidAmount, reason: cancelReason });
    await modal.waitFor({ state: 'hidden' });

    const detail = page.getByTestId('order-detail');
    await detail.getByTestId('order-status').filter({ hasText: '已退款' }).first().waitFor();
    const refundRow = page.getByTestId('order-refunds').locator('tr.ant-table-row');
    await waitForCount(refundRow, 1);
    expect(await refundRow.textContent()).toContain(cancelReason);
    // The simulator confirms the refund with a notification a moment later; the page polls until then.
    await refundRow
      .locator('[data-testid="refund-status"][data-status="succeeded"]')
      .waitFor({ timeout: 30_000 });
    expect(await refundRow.getByTestId('refund-status').textContent()).toBe('已退款');
    await page.getByTestId('order-refund-processing').waitFor({ state: 'detached' });
    expect(await page.getByTestId('order-refunded-amount').textContent()).toContain(
      `¥${(paid.paidAmount / 100).toFixed(2)}`,
    );
    const types = await page
      .getByTestId('order-timeline-entry')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(types).toEqual(['placed', 'payment_requested', 'paid', 'refund_requested', 'refund_succeeded']);
    const timeline = await page.getByTestId('order-timeline').textContent();
    expect(timeline).toContain('发起退款');
    expect(timeline).toContain('退款成功');
    expect(timeline).toContain(cancelReason);
    expect(timeline).toContain('员工 · ');
    // Nothing is left to do with a refunded order.
    await expect(page.getByTestId('order-actions').locator('button').count()).resolves.toBe(0);

    // Back in the list the buyer's tabs moved the order from 已付款 to 已退款.
    await page.goto(`${baseUrl()}/admin/orders?memberId=${buyer.memberId}`);
    await expectTabCounts(page, {
      all: 3,
      pending_payment: 1,
      paid: 0,
      locked: 0,
      shipped: 0,
      ready_for_pickup: 0,
      picked_up: 1,
      cancelled: 0,
      refunded: 1,
    });
    expect(await rowOf(page, paid.orderNo).getByTestId('order-row-amount').textContent()).toContain('已退');
  });

  test('an operator (orders.read only) sees the order centre but no action buttons', async () => {
    const ops = await openBrowser({ width: 1440, height: 900 });
    try {
      const { page } = ops;
      await page.goto(`${baseUrl()}/admin/`);
      await logIn(page, operator.username, operator.password);
      await openMenu(page, '订单管理');
      await rowOf(page, unpaid.orderNo).waitFor();
      for (const order of [unpaid, pickedUp]) {
        await page.goto(`${baseUrl()}/admin/orders/${order.id}`);
        await page.getByTestId('order-detail-no').filter({ hasText: order.orderNo }).waitFor();
        await page.getByTestId('order-timeline').waitFor();
        await expect(page.getByTestId('order-actions').locator('button').count()).resolves.toBe(0);
      }
      // The server agrees: reading is all an operator may do.
      const opsToken = (await staffLogin(operator.username, operator.password)).accessToken;
      const denied = await call('POST', `/api/admin/orders/${unpaid.id}/cancel`, {
        token: opsToken,
        body: { reason: '运营不能取消订单' },
      });
      expect(denied.status).toBe(403);
      expect(ops.pageErrors).toEqual([]);
    } finally {
      await ops.close();
    }
  });

  test('the 秒杀 switch saves on a draft campaign and is locked on a live one; 订单 opens its orders', async () => {
    const { page } = admin;
    const live = await get<CampaignDetail>(`/api/admin/campaigns/${campaignId}`, adminToken);
    expect(live.status).toBe('live');
    const day = 86_400_000;
    const now = Date.now();
    const input: CampaignInput = {
      title: `整点秒杀 · 爆款抢购 ${suffix}`,
      coverKey: null,
      description: '每天 10:00 开抢，限量供应，抢完即止。',
      startAt: new Date(now + day).toISOString(),
      cutoffAt: new Date(now + 2 * day).toISOString(),
      endAt: new Date(now + 2 * day).toISOString(),
      pickupDate: new Date(now + 3 * day + 8 * 3600_000).toISOString().slice(0, 10),
      audience: { kind: 'all', levelIds: [], leaderIds: [] },
      items: live.items.slice(0, 2).map((i) => ({
        skuId: i.skuId,
        groupPrice: i.groupPrice,
        originalPrice: i.originalPrice,
        perMemberLimit: 1,
        stockCap: 20,
      })),
    };
    const draft = await call<CampaignDetail>('POST', '/api/admin/campaigns', {
      token: adminToken,
      body: input,
    });
    expect(draft.status).toBe(201);
    expect(draft.body.flashSale).toBe(false);

    await page.goto(`${baseUrl()}/admin/campaigns/${draft.body.id}/edit`);
    const flashSwitch = page.getByTestId('campaign-flash-sale');
    await flashSwitch.waitFor();
    expect(await flashSwitch.getAttribute('aria-checked')).toBe('false');
    expect(await flashSwitch.isDisabled()).toBe(false);
    await flashSwitch.click();
    expect(await flashSwitch.getAttribute('aria-checked')).toBe('true');
    await settle(page);
    await screenshot(page, 'admin-campaign-flash-sale.png');
    const [saved] = await Promise.all([
      nextJson<CampaignDetail>(page, `/api/admin/campaigns/${draft.body.id}`, 'PUT'),
      page.getByTestId('campaign-save').click(),
    ]);
    expect(saved.flashSale).toBe(true);
    await page.waitForURL(`**/admin/campaigns/${draft.body.id}`);
    await page.getByTestId('flash-sale-tag').waitFor();

    // In the list the draft carries the 秒杀 tag, the live demo campaign does not.
    await page.goto(`${baseUrl()}/admin/campaigns?status=draft&keyword=${encodeURIComponent(input.title)}`);
    const draftRow = page
      .getByTestId('campaigns-table')
      .locator('tr.ant-table-row', { hasText: input.title });
    await draftRow.getByTestId('flash-sale-tag').waitFor();

    // A live campaign's switch is locked (the server would answer 409 CAMPAIGN_LIVE_FIELD_LOCKED).
    await page.goto(`${baseUrl()}/admin/campaigns/${campaignId}/edit`);
    await page.getByTestId('campaign-live-lock').waitFor();
    expect(await page.getByTestId('campaign-flash-sale').isDisabled()).toBe(true);
    const locked = await call<{ code: string; fields: Array<{ field: string }> }>(
      'PUT',
      `/api/admin/campaigns/${campaignId}`,
      {
        token: adminToken,
        body: {
          title: live.title,
          coverKey: live.coverKey,
          description: live.description,
          startAt: live.startAt,
          endAt: live.endAt,
          cutoffAt: live.cutoffAt,
          pickupDate: live.pickupDate,
          audience: live.audience,
          flashSale: !live.flashSale,
          items: live.items.map((i) => ({
            skuId: i.skuId,
            groupPrice: i.groupPrice,
            originalPrice: i.originalPrice,
            perMemberLimit: i.perMemberLimit,
            stockCap: i.stockCap,
          })),
        } satisfies CampaignInput,
      },
    );
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('CAMPAIGN_LIVE_FIELD_LOCKED');
    expect(locked.body.fields.map((f) => f.field)).toEqual(['flashSale']);

    // 订单 on the campaign's page opens the order centre filtered to it.
    await page.goto(`${baseUrl()}/admin/campaigns/${campaignId}`);
    await page.getByTestId('campaign-orders').click();
    await page.waitForURL(`**/admin/orders?campaignId=${campaignId}`);
    await rowOf(page, pickedUp.orderNo).waitFor();
    await page.getByTestId('order-filter-campaign').filter({ hasText: live.title }).waitFor();
  });
});
