// The back office over the embedded demo: the admin creates a 运营 (operator), sees it in 操作日志, and the
// operator's menu and routes follow their permissions. Screenshots go to docs/screenshots/.
import type { Page } from 'playwright-core';
import type { StaffLoginResponse, StaffProfile } from '@linli/shared-types';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { staffLogin } from '../support/api';
import { DEMO_ADMIN } from '../support/demo';

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

async function logIn(page: Page, username: string, password: string): Promise<StaffProfile> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const [login] = await Promise.all([
    nextJson<StaffLoginResponse>(page, '/api/admin/auth/login', 'POST'),
    page.getByTestId('login-submit').click(),
  ]);
  await page.getByTestId('menu').waitFor();
  await expect(page.getByTestId('header-staff-name').textContent()).resolves.toContain(login.staff.name);
  return login.staff;
}

/** Labels of every menu entry, sub-menus opened, so hidden-by-permission and collapsed are not confused. */
async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByTestId('menu');
  const groups = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  while ((await groups.count()) > 0) await groups.first().click();
  const labels = await menu.locator('.ant-menu-title-content').allTextContents();
  return labels.map((l) => l.trim()).filter(Boolean);
}

/** antd's toasts float over the page for 3 s; screenshots of later screens wait them out. */
async function toastsGone(page: Page): Promise<void> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
}

async function openMenu(page: Page, label: string): Promise<void> {
  await menuLabels(page);
  await page.getByTestId('menu').locator('.ant-menu-title-content', { hasText: label }).click();
}

// One story in steps: each step starts where the previous one left the browser, so a failure names the step.
describe('admin web: staff management and role-limited menus', () => {
  const suffix = Date.now().toString(36);
  const operator = {
    username: `op_${suffix}`,
    name: `运营小李${suffix.slice(-3)}`,
    password: `Linli${suffix}9`,
  };
  let admin: StaffProfile;
  let created: StaffProfile;

  test('an unauthenticated visitor lands on the login page', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/admin/`);
    await page.getByTestId('login-submit').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await screenshot(page, 'admin-login.png');
  });

  test('the seeded admin logs in and sees the whole menu', async () => {
    const { page } = session;
    admin = await logIn(page, DEMO_ADMIN.username, DEMO_ADMIN.password);
    expect(admin.roles).toContain('admin');
    await page.getByTestId('welcome-card').waitFor();
    await page.getByTestId('health-status').waitFor();
    const labels = await menuLabels(page);
    expect(labels).toEqual(expect.arrayContaining(['工作台', '员工管理', '操作日志']));
    await screenshot(page, 'admin-dashboard.png');
  });

  test('员工管理: the admin creates a staff member with the 运营 role', async () => {
    const { page } = session;
    await openMenu(page, '员工管理');
    await page.waitForURL('**/admin/system/staff**');
    await page.getByTestId('staff-table').waitFor();
    await page.getByTestId('staff-create').click();
    await page.getByTestId('staff-form-username').fill(operator.username);
    await page.getByTestId('staff-form-name').fill(operator.name);
    await page.getByTestId('staff-form-password').fill(operator.password);
    await page.getByTestId('staff-form-roles').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '运营' }).click();
    await page.keyboard.press('Escape'); // closes the multi-select dropdown, not the modal
    [created] = await Promise.all([
      nextJson<StaffProfile>(page, '/api/admin/staff', 'POST'),
      page.getByTestId('staff-form-submit').click(),
    ]);
    expect(created).toMatchObject({ username: operator.username, roles: ['operator'], status: 'active' });
    const row = page.getByTestId('staff-table').locator('tr', { hasText: operator.username });
    await row.waitFor();
    // The modal stays mounted (forceRender); wait until its closing animation has hidden it.
    await page.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' });
    await page.locator('.ant-modal-mask').first().waitFor({ state: 'hidden' });
    await expect(row.textContent()).resolves.toContain('运营');
    await screenshot(page, 'admin-staff.png');
  });

  test('操作日志 shows the creation by the admin with the new account in the after-snapshot', async () => {
    const { page } = session;
    await openMenu(page, '操作日志');
    await page.waitForURL('**/admin/system/audit-logs**');
    const entry = page
      .getByTestId('audit-table')
      .locator('tr.ant-table-row', { hasText: `#${created.id}` })
      .filter({ hasText: '新建员工' })
      .first();
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toContain(admin.name);
    await entry.locator('.ant-table-row-expand-icon').click();
    const diff = await page.getByTestId('audit-diff').first().textContent();
    expect(diff).toContain(operator.username);
    expect(diff).not.toContain(operator.password);
    await toastsGone(page);
    await screenshot(page, 'admin-audit-logs.png');
  });

  test('the operator logs in and sees only 工作台, not 员工管理 or 操作日志', async () => {
    const { page } = session;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    const me = await logIn(page, operator.username, operator.password);
    expect(me.roles).toEqual(['operator']);
    await page.getByTestId('welcome-card').waitFor();
    const labels = await menuLabels(page);
    expect(labels).toContain('工作台');
    expect(labels).not.toContain('员工管理');
    expect(labels).not.toContain('操作日志');
    await toastsGone(page);
    await screenshot(page, 'operator-dashboard.png');
  });

  test('typing /admin/system/staff shows the 403 page, and the API refuses too', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/admin/system/staff`);
    await page.getByTestId('page-403').waitFor();
    await expect(page.getByTestId('staff-table').count()).resolves.toBe(0);
    await screenshot(page, 'operator-403.png');

    // The server enforces the same limit whatever the UI shows.
    const token = await staffLogin(operator.username, operator.password);
    const denied = await fetch(`${baseUrl()}/api/admin/staff`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
    });
    expect(denied.status).toBe(403);
    await expect(denied.json()).resolves.toMatchObject({ code: 'FORBIDDEN' });
  });
});
