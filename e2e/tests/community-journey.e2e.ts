// The headline journey: a new member applies as leader in the H5 app, staff approve it in the
// admin web, the leader creates a community (我的社群) and opens its invite, a brand-new buyer opens that
// link and lands in the app; the leader's 我的客户 shows them with the community, and the admin's member
// detail shows the source: 群二维码, first leader, first community. Screenshots go to docs/screenshots/.
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import type {
  CommunityInvite,
  CommunityView,
  JoinCommunityResponse,
  LeaderApplicationView,
  LeaderCustomerView,
  LeaderDetail,
  MemberDetail,
  MemberLoginResponse,
  Paged,
  StaffLoginResponse,
} from '@linli/shared-types';
import { openMenu } from '../support/admin-ui';
import { call, devLogin, get } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN } from '../support/demo';

let leaderH5: BrowserSession;
let buyerH5: BrowserSession;
let admin: BrowserSession;

beforeAll(async () => {
  [leaderH5, buyerH5, admin] = await Promise.all([
    openBrowser({ width: 375, height: 812 }, true),
    openBrowser({ width: 375, height: 812 }, true),
    openBrowser({ width: 1440, height: 900 }),
  ]);
});

afterAll(async () => {
  await Promise.all([leaderH5?.close(), buyerH5?.close(), admin?.close()]);
});

afterEach(() => {
  expect(leaderH5.pageErrors).toEqual([]);
  expect(buyerH5.pageErrors).toEqual([]);
  expect(admin.pageErrors).toEqual([]);
});

async function fillH5(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id} input`).fill(value);
}

describe('community journey: apply → approve → 我的社群 → invite → new buyer → 我的客户 → admin source', () => {
  const suffix = `${Date.now().toString(36)}${randomInt(0, 1000)}`;
  const leader = {
    openid: `e2e-cl-${suffix}`,
    name: '周晓雯',
    phone: `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
    pickupName: '嘉绿苑北门自提点',
    address: '杭州市西湖区嘉绿苑 12 幢底商（北门菜鸟驿站旁）',
    hours: '每天 08:30–20:30',
  };
  const communityName = '嘉绿苑北区3号楼团购群';
  // A different tail than the leader's openid: default nicknames are 微信用户 + the last 4 characters.
  const buyerOpenid = `e2e-cb-${suffix}-${randomInt(1000, 10_000)}`;
  let application: LeaderApplicationView;
  let adminToken: string;
  let community: CommunityView;
  let invite: CommunityInvite;
  let buyer: MemberLoginResponse;

  test('H5: a new member applies to become a leader', async () => {
    const { page } = leaderH5;
    await page.goto(`${baseUrl()}/h5/?openid=${leader.openid}`);
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    await page.locator('#mine-apply-entry').click();
    await page.locator('#apply-form').waitFor();
    await fillH5(page, 'apply-name', leader.name);
    await fillH5(page, 'apply-phone', leader.phone);
    await fillH5(page, 'apply-pickup-name', leader.pickupName);
    await fillH5(page, 'apply-address', leader.address);
    await fillH5(page, 'apply-latitude', '30.283614');
    await fillH5(page, 'apply-longitude', '120.108325');
    await fillH5(page, 'apply-hours', leader.hours);
    await page.locator('#apply-agree').click();
    [application] = await Promise.all([
      nextJson<LeaderApplicationView>(page, '/api/app/leader-applications', 'POST'),
      page.locator('#apply-submit').click(),
    ]);
    expect(application.status).toBe('pending');
  });

  test('admin: staff approve the application', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await page.getByTestId('login-username').fill(DEMO_ADMIN.username);
    await page.getByTestId('login-password').fill(DEMO_ADMIN.password);
    const [login] = await Promise.all([
      nextJson<StaffLoginResponse>(page, '/api/admin/auth/login', 'POST'),
      page.getByTestId('login-submit').click(),
    ]);
    adminToken = login.accessToken;
    await page.getByTestId('menu').waitFor();
    await openMenu(page, '团长申请');
    const row = page
      .getByTestId('leader-applications-table')
      .locator('tr.ant-table-row', { hasText: leader.name });
    await row.getByTestId('leader-approve').click();
    const [approved] = await Promise.all([
      nextJson<LeaderDetail>(page, `/api/admin/leaders/${application.leaderId}/approve`, 'POST'),
      page.locator('.ant-popconfirm:visible .ant-btn-primary').click(),
    ]);
    expect(approved.status).toBe('active');
  });

  test('H5 我的社群: the leader creates a community and opens its invite', async () => {
    const { page } = leaderH5;
    await page.goto(`${baseUrl()}/h5/?openid=${leader.openid}`);
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    await page.locator('#mine-communities-entry').click();
    await page.locator('#communities-empty').waitFor();

    await page.locator('#communities-new').click();
    await fillH5(page, 'community-create-input', communityName);
    [community] = await Promise.all([
      nextJson<CommunityView>(page, '/api/app/leader/communities', 'POST'),
      page.locator('#community-create-submit').click(),
    ]);
    expect(community).toMatchObject({ name: communityName, status: 'active', memberCount: 0 });
    const card = page.locator(`#community-${community.id}`);
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('使用中');
    // A second, archived group shows both states on the screen.
    const token = (await devLogin(leader.openid)).accessToken;
    const second = await call<CommunityView>('POST', '/api/app/leader/communities', {
      token,
      body: { name: '嘉绿苑宝妈拼单群' },
    });
    await call('PATCH', `/api/app/leader/communities/${second.body.id}`, {
      token,
      body: { status: 'archived' },
    });
    // Reloading also clears the 社群已创建 toast from the screenshot.
    await page.reload();
    await page.locator(`#community-${second.body.id}`).waitFor();
    await screenshot(page, 'h5-leader-communities.png');

    [invite] = await Promise.all([
      nextJson<CommunityInvite>(page, `/api/app/leader/communities/${community.id}/invite`),
      page.locator(`#community-invite-${community.id}`).click(),
    ]);
    await page.locator('#invite-page').waitFor();
    const link = (await page.locator('#invite-link').textContent())?.trim() ?? '';
    expect(link).toBe(`${baseUrl()}/h5/?communityCode=${community.inviteCode}`);
    expect(invite.h5Url).toBe(link);
    // The QR image is the server's PNG, rendered (natural size > 0).
    const qr = page.locator('#invite-qr img');
    await expect(qr.getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#invite-qr img');
      return Boolean(img && img.complete && img.naturalWidth > 0);
    });
    await expect(page.locator('#invite-community-name').textContent()).resolves.toBe(communityName);
    await screenshot(page, 'h5-community-invite.png');
  });

  test('a brand-new buyer opens the invite link and lands in the app, bound to the leader', async () => {
    const { page } = buyerH5;
    const link = new URL(invite.h5Url);
    link.searchParams.set('openid', buyerOpenid); // the H5 dev login stands in for WeChat's openid
    [buyer] = await Promise.all([
      nextJson<MemberLoginResponse>(page, '/api/app/auth/dev-login', 'POST'),
      page.goto(link.toString()),
    ]);
    expect(buyer.isNew).toBe(true);
    expect(buyer.member.currentLeader).toMatchObject({ id: application.leaderId, name: leader.name });
    await page.locator('.weui-tabbar__item', { hasText: '首页' }).waitFor();
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    await expect(page.locator('#mine-leader-name').textContent()).resolves.toContain(leader.name);
  });

  test('a signed-in buyer opening another invite joins it in place (已加入「…」)', async () => {
    const { page } = buyerH5;
    const token = (await devLogin(leader.openid)).accessToken;
    const other = await call<CommunityView>('POST', '/api/app/leader/communities', {
      token,
      body: { name: '嘉绿苑水果拼团群' },
    });
    expect(other.status).toBe(201);
    const [joined] = await Promise.all([
      nextJson<JoinCommunityResponse>(page, '/api/app/communities/join', 'POST'),
      page.goto(`${baseUrl()}/h5/?communityCode=${other.body.inviteCode}`),
    ]);
    expect(joined).toMatchObject({
      communityId: other.body.id,
      leaderId: application.leaderId,
      joined: true,
    });
    await page
      .locator('.taro__toast', { hasText: '已加入「嘉绿苑水果拼团群」' })
      .waitFor({ state: 'attached' });
  });

  test('H5 我的客户: the leader sees the new buyer with the community', async () => {
    const { page } = leaderH5;
    await page.goto(`${baseUrl()}/h5/?openid=${leader.openid}`);
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    const [customers] = await Promise.all([
      nextJson<Paged<LeaderCustomerView>>(page, '/api/app/leader/customers'),
      page.locator('#mine-customers-entry').click(),
    ]);
    const row = customers.items.find((c) => c.memberId === buyer.member.id);
    expect(row).toMatchObject({
      channel: 'group_qr',
      boundToMe: true,
      communities: [
        { id: community.id, name: communityName },
        { id: expect.any(Number), name: '嘉绿苑水果拼团群' },
      ],
    });
    const item = page.locator(`#customer-${buyer.member.id}`);
    await item.waitFor();
    const text = await item.textContent();
    for (const part of [buyer.member.nickname, communityName, '群二维码']) expect(text).toContain(part);
    await page.locator(`#customers-chip-${community.id}`).waitFor();
    await screenshot(page, 'h5-leader-customers.png');

    // The community chip narrows the list to its members.
    const [filtered] = await Promise.all([
      nextJson<Paged<LeaderCustomerView>>(page, '/api/app/leader/customers'),
      page.locator(`#customers-chip-${community.id}`).click(),
    ]);
    expect(filtered.items.map((c) => c.memberId)).toEqual([buyer.member.id]);
    await expect(page.locator('#customers-total').textContent()).resolves.toContain('共 1 位');

    // A search that matches nobody shows the designed empty state.
    await fillH5(page, 'customers-search', '没有这个人');
    await Promise.all([
      nextJson<Paged<LeaderCustomerView>>(page, '/api/app/leader/customers'),
      page.locator('#customers-search-submit').click(),
    ]);
    await page.locator('#customers-empty').waitFor();
  });

  test('admin: the member detail shows source 群二维码, first leader and first community', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/members/${buyer.member.id}`);
    const source = page.getByTestId('member-source');
    await source.waitFor();
    const text = await source.textContent();
    for (const part of ['群二维码', leader.name, communityName]) expect(text).toContain(part);
    await expect(page.getByTestId('member-first-community').textContent()).resolves.toBe(communityName);
    const detail = await get<MemberDetail>(`/api/admin/members/${buyer.member.id}`, adminToken);
    expect(detail.source).toMatchObject({
      channel: 'group_qr',
      firstLeaderId: application.leaderId,
      firstCommunityId: community.id,
      firstCommunityName: communityName,
    });
  });

  test('admin: the leader detail lists the community', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/leaders/${application.leaderId}`);
    await page.getByTestId('leader-detail').waitFor();
    await page.getByRole('tab', { name: /社群/ }).click();
    const table = page.getByTestId('leader-communities-table');
    const row = table.locator('tr.ant-table-row', { hasText: communityName });
    await row.waitFor();
    const text = await row.textContent();
    for (const part of ['1 人', '使用中', community.inviteCode]) expect(text).toContain(part);
    await screenshot(page, 'admin-leader-detail-communities.png');
  });
});
