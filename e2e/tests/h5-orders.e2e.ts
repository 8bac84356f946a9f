// Ordering in the H5 app, end to end over the embedded demo (simulator payments): a buyer bound to a demo
// leader puts items in the cart (a spec chosen on the product page, + on the campaign page), checks out one
// campaign with a remark, pays in the simulated payment sheet and lands on the order page with the pickup
// code and QR; the order is listed under 待提货. The leader opens 待提货订单, confirms the goods arrived,
// and hands them over in 核销 (a wrong code is refused in place); the buyer's order then reads 已提货 with
// its timeline. Unpaid orders can be cancelled from the list and from the order page.
// Phone-sized viewports; screenshots go to docs/screenshots/h5-*.png.
import { randomInt, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  formatFen,
  type AdminOrderDetail,
  type CampaignPageView,
  type CampaignProductOption,
  type CampaignProductView,
  type CampaignView,
  type ConfirmArrivalResponse,
  type LeaderApplicationView,
  type LeaderPickupCampaign,
  type LeaderPickupOrder,
  type MemberLoginResponse,
  type OrderDetail,
  type OrderPreview,
  type OrderSummary,
  type Paged,
  type PayOrderResponse,
} from '@linli/shared-types';
import { call, devLogin, get } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { logIn } from '../support/admin-ui';
import { placeOrder } from '../support/orders-api';

const LEADER_OPENID = 'leader-wang';

let buyerH5: BrowserSession;
let leaderH5: BrowserSession;

beforeAll(async () => {
  [buyerH5, leaderH5] = await Promise.all([
    openBrowser({ width: 375, height: 812 }, true),
    openBrowser({ width: 375, height: 812 }, true),
  ]);
});

afterAll(async () => {
  await Promise.all([buyerH5?.close(), leaderH5?.close()]);
});

afterEach(() => {
  expect(buyerH5.pageErrors).toEqual([]);
  expect(leaderH5.pageErrors).toEqual([]);
});

function h5(path: string, openid: string): string {
  return `${baseUrl()}/h5${path}${path.includes('?') ? '&' : '?'}openid=${openid}`;
}

async function clickChip(page: Page, row: number, value: string): Promise<void> {
  await page.locator(`#product-spec-row-${row} .spec-chip[data-value="${value}"]`).click();
}

/** Taro's H5 showModal: press its confirm button. */
async function confirmModal(page: Page, expectedText: string | RegExp): Promise<void> {
  const modal = page.locator('.taro-modal__content');
  await expect(modal.textContent()).resolves.toMatch(expectedText);
  await modal.locator('.taro-model__confirm').click();
}

async function qrLoaded(page: Page, selector: string): Promise<number> {
  await page.waitForFunction((sel) => {
    const img = document.querySelector<HTMLImageElement>(`${sel} img`);
    return Boolean(img && img.complete && img.naturalWidth > 0);
  }, selector);
  return page.locator(`${selector} img`).evaluate((img: HTMLImageElement) => img.naturalWidth);
}

describe('H5 ordering: cart → checkout → simulated payment → pickup code → leader 核销', () => {
  const buyerOpenid = `e2e-h5-orders-${randomUUID().slice(0, 8)}`;
  const buyerPhone = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  const remark = `放在门口的篮子里 ${randomInt(100, 1000)}`;
  let buyer: MemberLoginResponse;
  let leaderToken: string;
  let campaign: CampaignView;
  let product: CampaignProductView;
  /** The spec chosen on the product page (not the one it starts on). */
  let chosen: CampaignProductOption;
  /** An item added with + on the campaign page. */
  let plusItemId: number;
  let order: OrderDetail;

  beforeAll(async () => {
    const leader = await devLogin(LEADER_OPENID);
    leaderToken = leader.accessToken;
    const record = await get<LeaderApplicationView>('/api/app/leader-applications/mine', leaderToken);
    // A brand-new buyer who arrived through the leader's share card (so bound to them), with a phone whose
    // last 4 digits the leader can search by.
    buyer = await devLogin(buyerOpenid, {
      nickname: '下单测试买家',
      entry: { leaderCode: record.inviteCode, channel: 'share_card' },
    });
    const phone = await call('POST', '/api/app/me/phone', {
      token: buyer.accessToken,
      body: { phone: buyerPhone },
    });
    expect(phone.status).toBe(200);

    const live = await get<CampaignView[]>('/api/app/campaigns', buyer.accessToken);
    for (const candidate of live.filter((c) => !c.flashSale)) {
      for (const productId of new Set(candidate.items.map((item) => item.productId))) {
        const view = await get<CampaignProductView>(
          `/api/app/campaigns/${candidate.id}/products/${productId}`,
          buyer.accessToken,
        );
        const inStock = view.options.filter((o) => o.remaining >= 2);
        if (!product && view.specDimensions.length === 2 && inStock.length >= 2) {
          campaign = candidate;
          product = view;
          chosen = inStock[1];
        }
      }
    }
    plusItemId = campaign.items.find(
      (item) => item.productId !== product.productId && item.remaining >= 2 && item.perMemberLimit === 0,
    )!.id;
  });

  test('the buyer is bound to the leader and a live campaign has a two-dimension product', () => {
    expect(buyer.member.currentLeader?.name).toBe('王丽华');
    expect(product.specDimensions).toHaveLength(2);
    expect(plusItemId).toBeGreaterThan(0);
  });

  test('a spec chosen on the product page and + on the campaign page fill the cart, priced by the server', async () => {
    const { page } = buyerH5;
    await Promise.all([
      nextJson<CampaignPageView>(page, `/api/app/campaigns/${campaign.id}`),
      page.goto(h5(`/pages/campaign/index?id=${campaign.id}`, buyerOpenid)),
    ]);
    await page.locator('#campaign-page').waitFor();
    expect(await page.locator('#campaign-cart-count').count()).toBe(0);

    // Product page: clear the preselected spec, choose another, add 1 to the cart.
    const firstItem = campaign.items.find((item) => item.productId === product.productId)!;
    await page.locator(`#campaign-item-${firstItem.id}`).click();
    await page.locator('#product-page').waitFor();
    const initial = product.options.find((o) => o.remaining > 0)!;
    for (let row = 1; row >= 0; row -= 1) await clickChip(page, row, initial.specValues[row]);
    await clickChip(page, 0, chosen.specValues[0]);
    await clickChip(page, 1, chosen.specValues[1]);
    await expect(page.locator('#product-selected').textContent()).resolves.toContain(chosen.specText);
    await expect(page.locator('#product-subtotal').textContent()).resolves.toBe(formatFen(chosen.groupPrice));
    await page.locator('#product-add-to-cart').click();
    await expect(page.locator('#product-cart-count').textContent()).resolves.toBe('1');

    // Back on the campaign page: + on another item.
    await page.goBack();
    await page.locator('#campaign-page').waitFor();
    await page.locator(`#campaign-item-${plusItemId}-qty-plus`).click();
    await expect(page.locator(`#campaign-item-${plusItemId}-qty-value`).textContent()).resolves.toBe('1');
    await expect(page.locator('#campaign-cart-count').textContent()).resolves.toBe('2');

    const [preview] = await Promise.all([
      nextJson<OrderPreview>(page, '/api/app/orders/preview', 'POST'),
      page.locator('#campaign-go-cart').click(),
    ]);
    expect(preview.orderable).toBe(true);
    expect(preview.lines.map((l) => l.itemId).sort()).toEqual([chosen.itemId, plusItemId].sort());
    await page.locator('#cart-page').waitFor();
    const line = page.locator(`#cart-line-${campaign.id}-${chosen.itemId}`);
    await expect(line.textContent()).resolves.toContain(product.name);
    await expect(line.textContent()).resolves.toContain(formatFen(chosen.groupPrice));
    await expect(page.locator(`#cart-group-${campaign.id}-total`).textContent()).resolves.toBe(
      formatFen(preview.payableAmount),
    );
    await screenshot(page, 'h5-cart.png');
  });

  test('checkout with a remark sends one idempotency key; the simulated payment lands on the order page', async () => {
    const { page } = buyerH5;
    await Promise.all([
      nextJson<OrderPreview>(page, '/api/app/orders/preview', 'POST'),
      page.locator(`#cart-group-${campaign.id}-checkout`).click(),
    ]);
    await page.locator('#checkout-page').waitFor();
    await expect(page.locator('#checkout-pickup-name').textContent()).resolves.toBe(
      buyer.member.currentLeader!.pickupPoint!.name,
    );
    await page.locator('#checkout-remark textarea').fill(remark);
    await expect(page.locator('#checkout-remark-count').textContent()).resolves.toBe(`${remark.length}/100`);
    await screenshot(page, 'h5-checkout.png');

    const [request, placed, pay] = await Promise.all([
      page.waitForRequest((r) => new URL(r.url()).pathname === '/api/app/orders' && r.method() === 'POST'),
      page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/app/orders' && r.request().method() === 'POST',
      ),
      nextJson<PayOrderResponse>(page, '/pay', 'POST'),
      page.locator('#checkout-submit').click(),
    ]);
    expect(placed.status()).toBe(201);
    order = (await placed.json()) as OrderDetail;
    expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.postDataJSON()).toMatchObject({ campaignId: campaign.id, remark });
    expect(order.remark).toBe(remark);
    expect(pay.provider).toBe('simulator');

    const sheet = page.locator('#pay-sheet');
    await sheet.waitFor();
    await expect(sheet.textContent()).resolves.toContain('模拟支付（演示环境）');
    await expect(page.locator('#pay-sheet-amount').textContent()).resolves.toBe(
      formatFen(order.payableAmount),
    );
    await screenshot(page, 'h5-pay-sheet.png');

    const [paid] = await Promise.all([
      nextJson<OrderDetail>(page, `/api/app/payments/simulator/${pay.outTradeNo}/pay`, 'POST'),
      page.locator('#pay-sheet-confirm').click(),
    ]);
    expect(paid.status).toBe('paid');
    await page.locator('#order-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/h5/pages/order/index');
    expect(new URL(page.url()).searchParams.get('id')).toBe(String(order.id));
    await expect(page.locator('#order-status').textContent()).resolves.toBe('已付款');
    await expect(page.locator('#order-pickup-code').textContent()).resolves.toMatch(/^\d{6}$/);
    await expect(page.locator('#order-pickup-code').textContent()).resolves.toBe(paid.pickupCode);
    expect(await qrLoaded(page, '#order-pickup-qr')).toBeGreaterThan(100);
    await expect(page.locator('#order-remark').textContent()).resolves.toBe(remark);
    await expect(page.locator('#order-no').textContent()).resolves.toBe(order.orderNo);
    await screenshot(page, 'h5-order-detail.png');
    order = paid;
  });

  test('the ordered lines left the cart, and the order is listed under 待提货', async () => {
    const { page } = buyerH5;
    await page.goto(h5('/pages/cart/index', buyerOpenid));
    await page.locator('#cart-empty').waitFor();

    await page.goto(h5('/pages/mine/index', buyerOpenid));
    await expect(page.locator('#mine-orders-to_pickup-count').textContent()).resolves.toBe('1');
    const [list] = await Promise.all([
      nextJson<Paged<OrderSummary>>(page, '/api/app/orders'),
      page.locator('#mine-orders-to_pickup').click(),
    ]);
    expect(list.items.map((o) => o.id)).toEqual([order.id]);
    await expect(page.locator('#orders-tab-to_pickup').getAttribute('class')).resolves.toContain('is-active');
    const card = page.locator(`#order-card-${order.id}`);
    await expect(card.textContent()).resolves.toContain(campaign.title);
    await expect(page.locator(`#order-card-${order.id}-status`).textContent()).resolves.toBe('已付款');
    await expect(page.locator(`#order-card-${order.id}-amount`).textContent()).resolves.toBe(
      formatFen(order.payableAmount),
    );
    await screenshot(page, 'h5-orders.png');
  });

  test('the leader finds the order in 待提货订单 and confirms the goods arrived', async () => {
    const { page } = leaderH5;
    await page.goto(h5('/', LEADER_OPENID));
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    const [campaigns] = await Promise.all([
      nextJson<LeaderPickupCampaign[]>(page, '/api/app/leader/pickups/campaigns'),
      page.locator('#mine-pickups-entry').click(),
    ]);
    const mine = campaigns.find((c) => c.campaignId === campaign.id)!;
    expect(mine.paidCount).toBeGreaterThanOrEqual(1);
    await page.locator('#pickups-page').waitFor();
    await expect(page.locator(`#pickups-campaign-${campaign.id}-paid`).textContent()).resolves.toBe(
      String(mine.paidCount),
    );

    // Search by the buyer's phone tail.
    await page.locator('#pickups-search input').fill(buyerPhone.slice(-4));
    const [found] = await Promise.all([
      nextJson<Paged<LeaderPickupOrder>>(page, '/api/app/leader/pickups'),
      page.locator('#pickups-search-submit').click(),
    ]);
    expect(found.items.map((o) => o.orderId)).toContain(order.id);
    const row = page.locator(`#pickups-order-${order.id}`);
    await expect(row.textContent()).resolves.toContain('下单测试买家');
    await expect(row.textContent()).resolves.toContain(remark);
    await screenshot(page, 'h5-leader-pickups.png');

    await page.locator(`#pickups-campaign-${campaign.id}-arrive`).click();
    const [arrived] = await Promise.all([
      nextJson<ConfirmArrivalResponse>(page, '/api/app/leader/pickups/arrive', 'POST'),
      confirmModal(page, /确认后 \d+ 位买家会收到提货通知/),
    ]);
    expect(arrived.updated).toBe(mine.paidCount);
    await expect(page.locator(`#pickups-campaign-${campaign.id}-paid`).count()).resolves.toBe(1);
    await page.waitForFunction(
      (id) => document.querySelector(`#pickups-campaign-${id}-paid`)?.textContent === '0',
      campaign.id,
    );
    await expect(page.locator(`#pickups-order-${order.id}`).textContent()).resolves.toContain('待提货');
  });

  test('核销: a wrong code is refused in place, the buyer’s code shows the order, 确认提货 hands it over', async () => {
    const { page } = leaderH5;
    await page.locator('#pickups-go-verify').click();
    await page.locator('#verify-page').waitFor();
    // No camera scan in a browser: the button says so.
    await expect(page.locator('#verify-scan').getAttribute('class')).resolves.toContain('is-disabled');
    await expect(page.locator('#verify-scan-hint').textContent()).resolves.toContain('网页版不能扫码');

    // A code no open order of this leader has (lookup changes nothing, so probing is harmless).
    let wrong = '';
    for (let attempt = 0; !wrong && attempt < 20; attempt += 1) {
      const candidate = String(randomInt(100_000, 1_000_000));
      const probe = await call('POST', '/api/app/leader/pickups/lookup', {
        token: leaderToken,
        body: { code: candidate },
      });
      if (probe.status === 404) wrong = candidate;
    }
    await page.locator('#verify-code input').fill(wrong);
    await page.locator('#verify-lookup').click();
    const refusal = page.locator('#verify-refusal');
    await refusal.waitFor();
    await expect(refusal.getAttribute('data-code')).resolves.toBe('PICKUP_CODE_INVALID');
    await expect(refusal.textContent()).resolves.toContain('没有找到这笔订单');

    await page.locator('#verify-code input').fill(order.pickupCode!);
    expect(await page.locator('#verify-refusal').count()).toBe(0);
    const [looked] = await Promise.all([
      nextJson<LeaderPickupOrder>(page, '/api/app/leader/pickups/lookup', 'POST'),
      page.locator('#verify-lookup').click(),
    ]);
    expect(looked.orderId).toBe(order.id);
    await page.locator('#verify-order').waitFor();
    await expect(page.locator('#verify-order-buyer').textContent()).resolves.toBe('下单测试买家');
    await expect(page.locator('#verify-order').textContent()).resolves.toContain(
      `手机尾号 ${buyerPhone.slice(-4)}`,
    );
    await expect(page.locator('#verify-order-remark').textContent()).resolves.toContain(remark);
    await screenshot(page, 'h5-leader-verify.png');

    const [verified] = await Promise.all([
      nextJson<LeaderPickupOrder>(page, '/api/app/leader/pickups/verify', 'POST'),
      page.locator('#verify-confirm').click(),
    ]);
    expect(verified.status).toBe('picked_up');
    await page.locator('#verify-done').waitFor();
    await expect(page.locator('#verify-done-text').textContent()).resolves.toContain('下单测试买家');
    await page.locator('#verify-again').click();
    await expect(page.locator('#verify-code input').inputValue()).resolves.toBe('');
  });

  test('the buyer’s order page then reads 已提货 with the whole timeline', async () => {
    const { page } = buyerH5;
    const [detail] = await Promise.all([
      nextJson<OrderDetail>(page, `/api/app/orders/${order.id}`),
      page.goto(h5(`/pages/order/index?id=${order.id}`, buyerOpenid)),
    ]);
    expect(detail.status).toBe('picked_up');
    await page.locator('#order-page').waitFor();
    await expect(page.locator('#order-status').textContent()).resolves.toBe('已提货');
    for (const type of ['placed', 'paid', 'ready', 'picked_up']) {
      await page.locator(`#order-event-${type}`).waitFor();
    }
    await expect(page.locator('#order-event-picked_up').textContent()).resolves.toContain('王丽华');
    // The code is spent: no code card or QR any more; what is left to do is 申请售后 (after-sales).
    expect(await page.locator('#order-pickup').count()).toBe(0);
    await page.locator('#order-aftersales-apply').waitFor();
    expect(await page.locator('#order-actions .btn').count()).toBe(1);
  });

  test('staff find the completed order in 订单管理, with its payment and the whole story', async () => {
    const admin = await openBrowser({ width: 1440, height: 900 });
    try {
      const { page } = admin;
      await page.goto(`${baseUrl()}/admin/login`);
      await logIn(page);
      await page.goto(`${baseUrl()}/admin/orders?keyword=${order.orderNo}`);
      const row = page.getByTestId('orders-table').locator('tr.ant-table-row', { hasText: order.orderNo });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('已提货');
      const [detail] = await Promise.all([
        nextJson<AdminOrderDetail>(page, `/api/admin/orders/${order.id}`),
        row.getByTestId('order-row-no').click(),
      ]);
      expect(detail).toMatchObject({ status: 'picked_up', paidAmount: order.payableAmount, remark });
      await expect(page.getByTestId('order-detail-no').textContent()).resolves.toBe(order.orderNo);
      await expect(page.getByTestId('order-payments').textContent()).resolves.toContain('支付成功');
      const steps = await page
        .getByTestId('order-timeline-entry')
        .evaluateAll((entries) => entries.map((e) => e.getAttribute('data-type')));
      expect(steps).toEqual(expect.arrayContaining(['placed', 'paid', 'ready', 'picked_up']));
      expect(admin.pageErrors).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});

describe('H5 ordering: unpaid orders wait for payment and can be cancelled', () => {
  const buyerOpenid = `e2e-h5-unpaid-${randomUUID().slice(0, 8)}`;
  let token: string;
  let campaignId: number;
  let itemId: number;
  /** An item with 每人限购, and that limit. */
  let limitedItemId: number;
  let limit: number;

  beforeAll(async () => {
    const leader = await devLogin(LEADER_OPENID);
    const record = await get<LeaderApplicationView>('/api/app/leader-applications/mine', leader.accessToken);
    const buyer = await devLogin(buyerOpenid, {
      entry: { leaderCode: record.inviteCode, channel: 'share_card' },
    });
    token = buyer.accessToken;
    const live = await get<CampaignView[]>('/api/app/campaigns', token);
    const campaign = live.find((c) => !c.flashSale)!;
    campaignId = campaign.id;
    itemId = campaign.items.find((i) => i.remaining >= 5 && i.perMemberLimit === 0)!.id;
    const limitedItem = campaign.items.find((i) => i.perMemberLimit > 0 && i.remaining > i.perMemberLimit)!;
    limitedItemId = limitedItem.id;
    limit = limitedItem.perMemberLimit;
  });

  const unpaidOrder = () => placeOrder(token, { campaignId, lines: [{ itemId, quantity: 1 }] });

  test('from the list: 去支付 then 取消 keeps it pending; 取消订单 cancels it', async () => {
    const { page } = buyerH5;
    const pending = await unpaidOrder();
    await page.goto(h5('/pages/orders/index', buyerOpenid));
    await page.locator('#orders-tab-pending_payment').click();
    const card = page.locator(`#order-card-${pending.id}`);
    await card.waitFor();
    await expect(page.locator(`#order-card-${pending.id}-countdown`).textContent()).resolves.toMatch(
      /^剩 \d{2}:\d{2} 自动取消$/,
    );

    await page.locator(`#order-card-${pending.id}-pay`).click();
    await page.locator('#pay-sheet').waitFor();
    await page.locator('#pay-sheet-cancel').click();
    await page.locator('#pay-sheet').waitFor({ state: 'detached' });
    const stillPending = await get<OrderDetail>(`/api/app/orders/${pending.id}`, token);
    expect(stillPending.status).toBe('pending_payment');

    await page.locator(`#order-card-${pending.id}-cancel`).click();
    const [cancelled] = await Promise.all([
      nextJson<OrderDetail>(page, `/api/app/orders/${pending.id}/cancel`, 'POST'),
      confirmModal(page, '确定取消这笔订单吗'),
    ]);
    expect(cancelled.status).toBe('cancelled');
    await card.waitFor({ state: 'detached' });
    await page.locator('#orders-empty').waitFor();
  });

  test('from the order page: 取消订单 after the confirm dialog', async () => {
    const { page } = buyerH5;
    const pending = await unpaidOrder();
    await page.goto(h5(`/pages/order/index?id=${pending.id}`, buyerOpenid));
    await expect(page.locator('#order-status').textContent()).resolves.toBe('待付款');
    await expect(page.locator('#order-pay-countdown').textContent()).resolves.toMatch(/^剩余 \d{2}:\d{2}$/);
    await page.locator('#order-cancel').click();
    await Promise.all([
      nextJson<OrderDetail>(page, `/api/app/orders/${pending.id}/cancel`, 'POST'),
      confirmModal(page, '确定取消这笔订单吗'),
    ]);
    await page.waitForFunction(() => document.querySelector('#order-status')?.textContent === '已取消');
    await page.locator('#order-event-cancelled').waitFor();
    expect(await page.locator('#order-actions').count()).toBe(0);
  });

  test('a refusal on submit is shown in place, and the lines are priced again', async () => {
    const { page } = buyerH5;
    const [preview] = await Promise.all([
      nextJson<OrderPreview>(page, '/api/app/orders/preview', 'POST'),
      page.goto(h5(`/pages/checkout/index?campaignId=${campaignId}&lines=${limitedItemId}x1`, buyerOpenid)),
    ]);
    expect(preview.orderable).toBe(true);
    await page.locator('#checkout-page').waitFor();

    // Meanwhile the buyer's 限购 is used up elsewhere (another phone, say).
    await placeOrder(token, { campaignId, lines: [{ itemId: limitedItemId, quantity: limit }] });
    const [refused] = await Promise.all([
      page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/app/orders' && r.request().method() === 'POST',
      ),
      page.locator('#checkout-submit').click(),
    ]);
    expect(refused.status()).toBe(409);
    const body = (await refused.json()) as { code: string; message: string };
    const error = page.locator('#checkout-error');
    await error.waitFor();
    await expect(error.getAttribute('data-code')).resolves.toBe(body.code);
    await expect(error.textContent()).resolves.toContain(body.message);
    await page.locator(`#checkout-line-${limitedItemId}-problem`).waitFor();
    await expect(page.locator('#checkout-submit').getAttribute('class')).resolves.toContain('is-disabled');
  });
});
