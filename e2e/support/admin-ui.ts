// Back-office (admin-web, Ant Design) helpers the browser tests share: log in, open a menu entry, wait
// for toasts to go, poll a locator's count.
import type { Locator, Page } from 'playwright-core';
import type { StaffLoginResponse } from '@linli/shared-types';
import { nextJson } from './browser';
import { DEMO_ADMIN } from './demo';

/** Logs in on the login screen (the demo admin by default) and waits for the menu. */
export async function logIn(
  page: Page,
  username: string = DEMO_ADMIN.username,
  password: string = DEMO_ADMIN.password,
): Promise<StaffLoginResponse> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const [login] = await Promise.all([
    nextJson<StaffLoginResponse>(page, '/api/admin/auth/login', 'POST'),
    page.getByTestId('login-submit').click(),
  ]);
  await page.getByTestId('menu').waitFor();
  return login;
}

/** Opens every collapsed menu group, then clicks the entry labelled `label`. */
export async function openMenu(page: Page, label: string): Promise<void> {
  const menu = page.getByTestId('menu');
  const closed = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  while ((await closed.count()) > 0) await closed.first().click();
  await menu.locator('.ant-menu-title-content', { hasText: label }).click();
}

/** Waits until the first toast (antd message) has gone. */
export async function toastsGone(page: Page): Promise<void> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** Moves the mouse out of the way and lets a toast go (if any), so a screenshot shows the settled screen. */
export async function settle(page: Page): Promise<void> {
  await page.mouse.move(1400, 880);
  await toastsGone(page).catch(() => undefined);
}

/** Polls until the locator matches `expected` elements (jest's expect does not wait), then asserts it. */
export async function waitForCount(locator: Locator, expected: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await locator.count()) !== expected && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  expect(await locator.count()).toBe(expected);
}
