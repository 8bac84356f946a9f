// 事件投递 (failed outbox deliveries) in the back office. The e2e server has no failing handler, so over
// the real API this checks access and the empty state; the retry flow is driven with the two endpoints
// answered by the test (page.route), which the server e2e tests cover for real.
import type { Page, Route } from 'playwright-core';
import type {
  FailedEventDelivery,
  Paged,
  RetryEventDeliveryResponse,
  StaffLoginResponse,
  StaffProfile,
} from '@linli/shared-types';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { staffLogin } from '../support/api';
import { DEMO_ADMIN } from '../support/demo';

const LIST_PATH = '/api/admin/system/event-deliveries';
let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser({ width: 1440, height: 900 });
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  expect(session.pageErrors).toEqual([]);
});

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/admin/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('menu').waitFor();
}

async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByTestId('menu');
  const groups = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  while ((await groups.count()) > 0) await groups.first().click();
  const labels = await menu.locator('.ant-menu-title-content').allTextContents();
  return labels.map((l) => l.trim()).filter(Boolean);
}

async function createOperator(adminToken: string): Promise<{ username: string; password: string }> {
  const suffix = Date.now().toString(36);
  const account = { username: `ops_${suffix}`, password: `Linli${suffix}7` };
  const res = await fetch(`${baseUrl()}/api/admin/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ ...account, name: `运营${suffix.slice(-3)}`, roles: ['operator'] }),
  });
  expect(res.status).toBe(201);
  await expect(res.json()).resolves.toMatchObject<Partial<StaffProfile>>({ roles: ['operator'] });
  return account;
}

describe('admin web: 事件投递', () => {
  let admin: StaffLoginResponse;

  test('the admin finds 事件投递 under 系统管理 and sees that nothing failed', async () => {
    const { page } = session;
    admin = await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password);
    await logIn(page, DEMO_ADMIN.username, DEMO_ADMIN.password);
    // Nothing failed on a fresh demo: the 工作台 figure is plain text, not a link.
    await page.getByTestId('health-status').waitFor();
    await expect(page.getByTestId('health-card').textContent()).resolves.toContain('投递失败');
    await expect(page.getByTestId('health-outbox-failed-link').count()).resolves.toBe(0);

    expect(await menuLabels(page)).toContain('事件投递');
    const [list] = await Promise.all([
      nextJson<Paged<FailedEventDelivery>>(page, LIST_PATH),
      page.getByTestId('menu').locator('.ant-menu-title-content', { hasText: '事件投递' }).click(),
    ]);
    await page.waitForURL('**/admin/system/event-deliveries');
    expect(list).toMatchObject({ items: [], total: 0 });
    await page.getByTestId('deliveries-empty').waitFor();
    await expect(page.getByTestId('deliveries-empty').textContent()).resolves.toContain(
      '没有失败的事件投递，一切正常',
    );
    await expect(page.locator('h4', { hasText: '事件投递' }).count()).resolves.toBe(1);
    await screenshot(page, 'admin-event-deliveries.png');
  });

  test('a failed delivery can be retried: confirm, success message, the row is gone', async () => {
    const { page } = session;
    const failed: FailedEventDelivery = {
      eventId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      eventType: 'orders.paid',
      handlerName: 'commission.accrueOnPaid',
      attempts: 8,
      lastError: 'Error: 佣金规则缺失：团长等级 3\n    at CommissionOnPaid.handle (dist/commission.js:42:11)',
      failedAt: new Date().toISOString(),
      eventOccurredAt: new Date(Date.now() - 300_000).toISOString(),
      aggregateId: '10086',
    };
    let remaining = [failed];
    const retried: unknown[] = [];
    await page.route(
      (url) => url.pathname === LIST_PATH,
      (route: Route) =>
        route.fulfill({
          json: {
            items: remaining,
            total: remaining.length,
            page: 1,
            pageSize: 20,
          } satisfies Paged<FailedEventDelivery>,
        }),
    );
    await page.route(`**${LIST_PATH}/*/retry`, (route: Route) => {
      retried.push(route.request().postDataJSON());
      remaining = [];
      const body: RetryEventDeliveryResponse = {
        eventId: failed.eventId,
        handlerName: failed.handlerName,
        status: 'requeued',
        remainingFailed: 0,
      };
      return route.fulfill({ json: body });
    });
    try {
      await page.getByTestId('deliveries-refresh').click();
      const row = page
        .getByTestId('deliveries-table')
        .locator('tr.ant-table-row', { hasText: 'orders.paid' });
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain('commission.accrueOnPaid');
      expect(text).toContain('Error: 佣金规则缺失：团长等级 3');
      expect(text).not.toContain('CommissionOnPaid.handle'); // the stack shows only when expanded
      await row.locator('.ant-table-row-expand-icon').click();
      await expect(page.getByTestId('delivery-detail').textContent()).resolves.toContain(
        'CommissionOnPaid.handle',
      );

      await row.getByTestId('delivery-retry').click();
      await page.locator('.ant-popconfirm .ant-btn-primary', { hasText: '重试' }).click();
      await page.locator('.ant-message-notice', { hasText: '已重新投递' }).waitFor();
      await page.getByTestId('deliveries-empty').waitFor();
      expect(retried).toEqual([{ handlerName: 'commission.accrueOnPaid' }]);
    } finally {
      await page.unrouteAll();
    }
  });

  test('an operator does not see 事件投递, and the API refuses them', async () => {
    const { page } = session;
    const operator = await createOperator(admin.accessToken);
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    await logIn(page, operator.username, operator.password);
    const labels = await menuLabels(page);
    expect(labels).toContain('工作台');
    expect(labels).not.toContain('事件投递');

    await page.goto(`${baseUrl()}/admin/system/event-deliveries`);
    await page.getByTestId('page-403').waitFor();

    const token = await staffLogin(operator.username, operator.password);
    const denied = await fetch(`${baseUrl()}${LIST_PATH}`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
    });
    expect(denied.status).toBe(403);
    await expect(denied.json()).resolves.toMatchObject({ code: 'FORBIDDEN' });
  });
});
