// Leader applications end to end: a fresh buyer applies in the H5 app (我的 → 申请成为团长) with a seeded
// leader's invite code, sees 审核中; the admin approves it in 团长申请; the buyer's 我的 shows the 团长 badge.
// Then the admin's 团长列表 and 团长详情 (upline, recruits, suspend with a reason, reactivate), a decision
// someone else made first, and a finance user who may look but not decide. Screenshots go to docs/screenshots/.
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import type {
  LeaderAgreement,
  LeaderApplicationRequest,
  LeaderApplicationView,
  LeaderDetail,
  LeaderListItem,
  MemberProfile,
  Paged,
  StaffProfile,
} from '@linli/shared-types';
import { logIn, openMenu, toastsGone } from '../support/admin-ui';
import { call, devLogin, get } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN } from '../support/demo';

const SEEDED_LEADER_OPENID = 'leader-wang';

let h5: BrowserSession;
let admin: BrowserSession;

beforeAll(async () => {
  [h5, admin] = await Promise.all([
    openBrowser({ width: 375, height: 812 }, true),
    openBrowser({ width: 1440, height: 900 }),
  ]);
});

afterAll(async () => {
  await Promise.all([h5?.close(), admin?.close()]);
});

afterEach(() => {
  expect(h5.pageErrors).toEqual([]);
  expect(admin.pageErrors).toEqual([]);
});

async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByTestId('menu');
  const closed = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  while ((await closed.count()) > 0) await closed.first().click();
  return (await menu.locator('.ant-menu-title-content').allTextContents()).map((l) => l.trim());
}

async function fillH5(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id} input`).fill(value);
}

/** A mainland mobile number unlikely to collide with the seed or another run. */
const randomMobile = () => `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

describe('leader applications: apply in H5, review in the admin web', () => {
  const suffix = `${Date.now().toString(36)}${randomInt(0, 1000)}`;
  const applicant = {
    openid: `e2e-applicant-${suffix}`,
    // Each run has a fresh database: plain names keep the screenshots in docs/ realistic.
    name: '林小满',
    phone: randomMobile(),
    pickupName: '翠苑二区东门自提点',
    address: '杭州市西湖区翠苑街道文三路 398 号 5 幢 1 单元底商',
    latitude: '30.279112',
    longitude: '120.128861',
    hours: '每天 08:00–21:00',
  };
  const finance = {
    username: `fin_${suffix}`,
    name: `财务小周${suffix.slice(-3)}`,
    password: `Linli${suffix}9`,
  };
  let adminToken: string;
  let adminStaff: StaffProfile;
  let agreement: LeaderAgreement;
  let upline: LeaderApplicationView;
  let applied: LeaderApplicationView;
  /** Applied through the API: the admin and someone else both try to approve it. */
  let raced: LeaderApplicationView;
  /** Applied through the API and left pending for the finance user to look at. */
  let waiting: LeaderApplicationView;
  /** Applied through the API and rejected in the queue; the member token reads the outcome. */
  let declined: LeaderApplicationView & { memberToken: string };

  async function applyByApi(
    openid: string,
    name: string,
    pickupName: string,
  ): Promise<LeaderApplicationView & { memberToken: string }> {
    const { accessToken } = await devLogin(openid);
    const body: LeaderApplicationRequest = {
      name,
      phone: randomMobile(),
      pickupPoint: {
        name: pickupName,
        address: '杭州市拱墅区大关路 88 号便利店',
        latitude: null,
        longitude: null,
        openingHours: '每天 09:00–20:00',
      },
      agreementVersion: agreement.version,
      agreementAccepted: true,
    };
    const res = await call<LeaderApplicationView>('POST', '/api/app/leader-applications', {
      token: accessToken,
      body,
    });
    expect(res.status).toBe(201);
    return { ...res.body, memberToken: accessToken };
  }

  beforeAll(async () => {
    agreement = (await call<LeaderAgreement>('GET', '/api/app/leader-agreement')).body;
    const wang = await devLogin(SEEDED_LEADER_OPENID);
    const mine = await get<LeaderApplicationView | null>(
      '/api/app/leader-applications/mine',
      wang.accessToken,
    );
    expect(mine?.status).toBe('active');
    upline = mine!;
    // Created before the H5 application, so that one is the newest in the queue.
    declined = await applyByApi(`e2e-declined-${suffix}`, '孙悦', '文晖苑自提点');
    raced = await applyByApi(`e2e-raced-${suffix}`, '赵一鸣', '大关苑南门自提点');
    waiting = await applyByApi(`e2e-waiting-${suffix}`, '钱多多', '德胜新村菜鸟驿站自提点');
  });

  test('H5: a new buyer applies from 我的 → 申请成为团长 and sees 审核中', async () => {
    const { page } = h5;
    await page.goto(`${baseUrl()}/h5/?openid=${applicant.openid}`);
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    await page.locator('#mine-apply-entry').click();
    await page.locator('#apply-form').waitFor();

    await fillH5(page, 'apply-name', applicant.name);
    await fillH5(page, 'apply-phone', applicant.phone);
    await fillH5(page, 'apply-pickup-name', applicant.pickupName);
    await fillH5(page, 'apply-address', applicant.address);
    await fillH5(page, 'apply-latitude', applicant.latitude);
    await fillH5(page, 'apply-longitude', applicant.longitude);
    await fillH5(page, 'apply-hours', applicant.hours);
    await fillH5(page, 'apply-invite', upline.inviteCode);
    await page.locator('#apply-agree').click();

    [applied] = await Promise.all([
      nextJson<LeaderApplicationView>(page, '/api/app/leader-applications', 'POST'),
      page.locator('#apply-submit').click(),
    ]);
    expect(applied).toMatchObject({
      status: 'pending',
      name: applicant.name,
      phone: applicant.phone,
      uplineName: upline.name,
      agreementVersion: agreement.version,
    });
    expect(applied.pickupPoint).toMatchObject({ name: applicant.pickupName, openingHours: applicant.hours });
    await expect(page.locator('#status-badge').textContent()).resolves.toContain('审核中');
  });

  test('团长申请: the admin sees the application first in the queue, with its details, and approves it', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    // Staff logins are limited to 10 a minute per IP for the whole suite: this test makes two (admin, finance).
    const login = await logIn(page, DEMO_ADMIN.username, DEMO_ADMIN.password);
    adminStaff = login.staff;
    adminToken = login.accessToken;
    const created = await call<StaffProfile>('POST', '/api/admin/staff', {
      token: adminToken,
      body: { ...finance, roles: ['finance'] },
    });
    expect(created.status).toBe(201);
    await openMenu(page, '团长申请');
    await page.waitForURL('**/admin/leaders/applications');
    const table = page.getByTestId('leader-applications-table');
    const first = table.locator('tr.ant-table-row').first();
    await first.waitFor();
    const text = await first.textContent();
    for (const part of [applicant.name, applicant.phone, applicant.pickupName, upline.name]) {
      expect(text).toContain(part);
    }
    await expect(table.textContent()).resolves.toContain(raced.name);

    // A click on the row unfolds what a reviewer checks: hours, coordinates, the signed agreement.
    await first.click();
    const panel = page.getByTestId('application-panel');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain(applicant.hours);
    await expect(panel.textContent()).resolves.toContain(`版本 ${agreement.version}`);
    await expect(panel.textContent()).resolves.toContain('30.279112, 120.128861');
    await screenshot(page, 'admin-leader-applications.png');

    await first.getByTestId('leader-approve').click();
    const [approved] = await Promise.all([
      nextJson<LeaderDetail>(page, `/api/admin/leaders/${applied.leaderId}/approve`, 'POST'),
      page.locator('.ant-popconfirm:visible .ant-btn-primary').click(),
    ]);
    expect(approved.status).toBe('active');
    await page.locator('.ant-message-notice', { hasText: `已通过 ${applicant.name} 的团长申请` }).waitFor();
    await table.locator('tr.ant-table-row', { hasText: applicant.name }).waitFor({ state: 'detached' });

    const audit = await get<Paged<{ action: string; actorName: string | null }>>(
      `/api/admin/audit-logs?action=leader.approve&entityType=leader&entityId=${applied.leaderId}`,
      adminToken,
    );
    expect(audit.items.map((e) => e.action)).toEqual(['leader.approve']);
  });

  test('团长申请: 拒绝 asks for a reason, and the applicant can read it', async () => {
    const { page } = admin;
    const table = page.getByTestId('leader-applications-table');
    const row = table.locator('tr.ant-table-row', { hasText: declined.name });
    await row.getByTestId('leader-reject').click();
    await page.getByTestId('leader-reason-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '请填写原因' }).waitFor();

    const reason = '自提点地址缺少门牌号，请补充后重新申请';
    await page.getByTestId('leader-reason-input').fill(reason);
    const [rejected] = await Promise.all([
      nextJson<LeaderDetail>(page, `/api/admin/leaders/${declined.leaderId}/reject`, 'POST'),
      page.getByTestId('leader-reason-submit').click(),
    ]);
    expect(rejected).toMatchObject({ status: 'rejected', statusReason: reason });
    await row.waitFor({ state: 'detached' });
    const mine = await get<LeaderApplicationView>('/api/app/leader-applications/mine', declined.memberToken);
    expect(mine).toMatchObject({ status: 'rejected', statusReason: reason });
  });

  test('H5: the buyer’s 我的 now shows the 团长 badge', async () => {
    const { page } = h5;
    await page.goto(`${baseUrl()}/h5/?openid=${applicant.openid}`);
    const [me] = await Promise.all([
      nextJson<MemberProfile>(page, '/api/app/me'),
      page.locator('.weui-tabbar__item', { hasText: '我的' }).click(),
    ]);
    expect(me.isLeader).toBe(true);
    await expect(page.locator('#mine-leader-badge').textContent()).resolves.toContain('团长');
  });

  test('团长列表: status filter and search lead to the new leader’s detail with upline and agreement', async () => {
    const { page } = admin;
    await toastsGone(page);
    await openMenu(page, '团长列表');
    await page.waitForURL('**/admin/leaders');
    const table = page.getByTestId('leaders-table');
    await table.locator('tr.ant-table-row', { hasText: applicant.name }).waitFor();
    await screenshot(page, 'admin-leaders.png');

    await page.getByTestId('leader-filter-status').getByText('待审核').click();
    await page.waitForURL('**/admin/leaders?status=pending');
    await table.locator('tr.ant-table-row', { hasText: applicant.name }).waitFor({ state: 'detached' });
    await table.locator('tr.ant-table-row', { hasText: waiting.name }).waitFor();
    const statuses = await table.getByTestId('leader-status').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['待审核']));

    await page.getByTestId('leader-filter-status').getByText('正常').click();
    // The search must go out with the new status, not race the filter change.
    await page.waitForURL('**/admin/leaders?status=active');
    await page.getByTestId('leader-search').fill(applicant.phone);
    const [found] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/admin/leaders?') && r.url().includes('keyword=')),
      page.getByTestId('leader-search').press('Enter'),
    ]);
    expect(((await found.json()) as Paged<LeaderListItem>).items.map((l) => l.id)).toEqual([
      applied.leaderId,
    ]);
    const row = table.locator('tr.ant-table-row', { hasText: applicant.name });
    await row.waitFor();
    // The previous page of results goes once the search answer is rendered.
    await table
      .locator('tr.ant-table-row', { hasNotText: applicant.name })
      .first()
      .waitFor({ state: 'detached' });
    await expect(table.locator('tr.ant-table-row').count()).resolves.toBe(1);
    await row.locator('td').nth(4).click(); // anywhere on the row
    await page.waitForURL(`**/admin/leaders/${applied.leaderId}`);

    const detail = page.getByTestId('leader-detail');
    await detail.waitFor();
    await expect(page.getByTestId('leader-detail-name').textContent()).resolves.toBe(applicant.name);
    await expect(detail.getByTestId('leader-status').first().textContent()).resolves.toBe('正常');
    await expect(page.getByTestId('leader-profile').textContent()).resolves.toContain(upline.name);
    await expect(page.getByTestId('leader-agreement').textContent()).resolves.toContain(adminStaff.name);
    const pickup = await page.getByTestId('leader-pickup-point').textContent();
    for (const part of [applicant.pickupName, applicant.address, applicant.hours, '30.279112, 120.128861']) {
      expect(pickup).toContain(part);
    }
    await expect(page.getByTestId('leader-agreement').textContent()).resolves.toContain(agreement.version);
    await toastsGone(page);
    await screenshot(page, 'admin-leader-detail.png');

    // The upline's detail lists the new leader among its direct recruits, linking back.
    await page.getByTestId('leader-profile').getByTestId('upline-link').click();
    await page.waitForURL(`**/admin/leaders/${upline.leaderId}`);
    const recruits = page.getByTestId('leader-recruits');
    await recruits.locator('tr', { hasText: applicant.name }).waitFor();
    await recruits.locator('a', { hasText: applicant.name }).click();
    await page.waitForURL(`**/admin/leaders/${applied.leaderId}`);
  });

  test('团长详情: 停用 needs a reason of 2+ characters, shows it, and 恢复 brings the leader back', async () => {
    const { page } = admin;
    await page.getByTestId('leader-suspend').click();
    const input = page.getByTestId('leader-reason-input');
    await input.fill('差');
    await page.getByTestId('leader-reason-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '原因至少 2 个字' }).waitFor();

    const reason = '连续两周未按时开门提货，经沟通后暂停合作';
    await input.fill(reason);
    const [suspended] = await Promise.all([
      nextJson<LeaderDetail>(page, `/api/admin/leaders/${applied.leaderId}/suspend`, 'POST'),
      page.getByTestId('leader-reason-submit').click(),
    ]);
    expect(suspended).toMatchObject({ status: 'suspended', statusReason: reason });
    await expect(page.getByTestId('leader-status-reason').textContent()).resolves.toContain(reason);
    await expect(
      page.getByTestId('leader-detail').getByTestId('leader-status').first().textContent(),
    ).resolves.toBe('已停用');

    await page.getByTestId('leader-reactivate').click();
    const [reactivated] = await Promise.all([
      nextJson<LeaderDetail>(page, `/api/admin/leaders/${applied.leaderId}/reactivate`, 'POST'),
      page.locator('.ant-popconfirm:visible .ant-btn-primary').click(),
    ]);
    expect(reactivated.status).toBe('active');
    await page.getByTestId('leader-suspend').waitFor();
    await expect(page.getByTestId('leader-status-reason').count()).resolves.toBe(0);
  });

  test('someone else approved first: the page says so and shows the current state', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/leaders/${raced.leaderId}`);
    await page.getByTestId('leader-approve').waitFor();
    const other = await call('POST', `/api/admin/leaders/${raced.leaderId}/approve`, { token: adminToken });
    expect(other.status).toBe(200);

    await page.getByTestId('leader-approve').click();
    const [conflict] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/admin/leaders/${raced.leaderId}/approve`)),
      page.locator('.ant-popconfirm:visible .ant-btn-primary').click(),
    ]);
    expect(conflict.status()).toBe(409);
    expect(((await conflict.json()) as { code: string }).code).toBe('LEADER_INVALID_STATUS');
    const notice = page.locator('.ant-modal-confirm', { hasText: '状态已变化' });
    await notice.waitFor();
    await page.getByTestId('leader-stale-ok').click();
    await notice.waitFor({ state: 'detached' });
    await page.getByTestId('leader-suspend').waitFor(); // refreshed: active now, so 停用 instead of 通过
    await expect(page.getByTestId('leader-approve').count()).resolves.toBe(0);
  });

  test('finance (leaders.read only) sees applications and details but no decision buttons; the API refuses', async () => {
    const { page } = admin;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    const financeToken = (await logIn(page, finance.username, finance.password)).accessToken;
    expect(await menuLabels(page)).toEqual(expect.arrayContaining(['团长申请', '团长列表']));

    await openMenu(page, '团长申请');
    const table = page.getByTestId('leader-applications-table');
    await table.locator('tr.ant-table-row', { hasText: waiting.name }).waitFor();
    await expect(table.getByTestId('leader-approve').count()).resolves.toBe(0);
    await expect(table.getByTestId('leader-reject').count()).resolves.toBe(0);

    await page.goto(`${baseUrl()}/admin/leaders/${waiting.leaderId}`);
    await page.getByTestId('leader-profile').waitFor();
    for (const id of ['leader-approve', 'leader-reject', 'leader-suspend', 'leader-reactivate']) {
      await expect(page.getByTestId(id).count()).resolves.toBe(0);
    }

    const denied = await call<{ code: string }>('POST', `/api/admin/leaders/${waiting.leaderId}/approve`, {
      token: financeToken,
    });
    expect(denied.status).toBe(403);
    const after = await get<LeaderDetail>(`/api/admin/leaders/${waiting.leaderId}`, financeToken);
    expect(after.status).toBe('pending');
    const list = await get<Paged<LeaderListItem>>(
      `/api/admin/leaders?status=pending&keyword=${encodeURIComponent(waiting.name)}`,
      financeToken,
    );
    expect(list.items.map((l) => l.id)).toEqual([waiting.leaderId]);
  });
});
