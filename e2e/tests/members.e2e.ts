// Members in the back office: 会员列表 filtered by current leader and channel, a member's 来源 and 绑定记录,
// 调整团长 with a reason (the new binding row appears, the source stays), 转移会员 of a leader who quits, and a
// finance user who may look but not move anyone. Screenshots go to docs/screenshots/.
import { randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type {
  LeaderAgreement,
  LeaderApplicationRequest,
  LeaderApplicationView,
  LeaderListItem,
  MemberDetail,
  MemberListItem,
  Paged,
  StaffProfile,
  TransferMembersResponse,
} from '@linli/shared-types';
import { logIn, openMenu, toastsGone } from '../support/admin-ui';
import { call, devLogin, get, staffLogin } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN } from '../support/demo';

let admin: BrowserSession;

beforeAll(async () => {
  admin = await openBrowser({ width: 1440, height: 900 });
});

afterAll(async () => {
  await admin?.close();
});

afterEach(() => {
  expect(admin.pageErrors).toEqual([]);
});

/** Types into an ActiveLeaderSelect (it searches the server) and picks the leader named `name`. */
async function pickLeader(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  await select.locator('input').fill(name);
  // The list shows the previous results until the search answers; click only once it has narrowed down,
  // so a re-render cannot swallow the click.
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

describe('members: list, source, binding history and staff moves', () => {
  const suffix = `${Date.now().toString(36)}${randomInt(0, 1000)}`;
  // Each run has a fresh database: plain names keep the screenshots in docs/ realistic.
  const poster = { openid: `e2e-poster-${suffix}`, nickname: '林晓雨' };
  const shared = { openid: `e2e-card-${suffix}`, nickname: '方子涵' };
  const elsewhere = { openid: `e2e-elsewhere-${suffix}`, nickname: '沈一帆' };
  const finance = {
    username: `mfin_${suffix}`,
    name: `财务小吴${suffix.slice(-3)}`,
    password: `Linli${suffix}7`,
  };
  const moveReason = '原团长自提点装修停业，会员就近改到采荷新村提货';
  let adminToken: string;
  let wang: LeaderListItem;
  let chen: LeaderListItem;
  let liu: LeaderListItem;
  let posterId: number;
  let sharedId: number;
  let elsewhereId: number;
  /** A leader who joins and quits in this test: their members are transferred to 刘晓燕. */
  let quitting: LeaderApplicationView;
  const quittingMembers: number[] = [];

  async function activeLeader(name: string): Promise<LeaderListItem> {
    const page = await get<Paged<LeaderListItem>>(
      `/api/admin/leaders?status=active&keyword=${encodeURIComponent(name)}`,
      adminToken,
    );
    const leader = page.items.find((l) => l.name === name);
    expect(leader).toBeDefined();
    return leader!;
  }

  async function arrive(
    openid: string,
    nickname: string,
    leaderCode: string,
    channel: 'poster' | 'share_card',
  ) {
    const login = await devLogin(openid, { nickname, entry: { leaderCode, channel } });
    expect(login.member.currentLeader?.id).toBeDefined();
    return login.member.id;
  }

  beforeAll(async () => {
    adminToken = (await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password)).accessToken;
    [wang, chen, liu] = await Promise.all(['王丽华', '陈建国', '刘晓燕'].map(activeLeader));
    posterId = await arrive(poster.openid, poster.nickname, wang.inviteCode, 'poster');
    sharedId = await arrive(shared.openid, shared.nickname, wang.inviteCode, 'share_card');
    elsewhereId = await arrive(elsewhere.openid, elsewhere.nickname, chen.inviteCode, 'poster');

    // A fresh leader (applied and approved through the API) with two members of their own.
    const agreement = (await call<LeaderAgreement>('GET', '/api/app/leader-agreement')).body;
    const applicant = await devLogin(`e2e-quitting-${suffix}`);
    const body: LeaderApplicationRequest = {
      name: '蒋文静',
      phone: `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
      pickupPoint: {
        name: '文一西路便利店自提点',
        address: '杭州市西湖区文一西路 522 号',
        latitude: null,
        longitude: null,
        openingHours: '每天 08:00–20:00',
      },
      agreementVersion: agreement.version,
      agreementAccepted: true,
    };
    const applied = await call<LeaderApplicationView>('POST', '/api/app/leader-applications', {
      token: applicant.accessToken,
      body,
    });
    expect(applied.status).toBe(201);
    quitting = applied.body;
    const approved = await call('POST', `/api/admin/leaders/${quitting.leaderId}/approve`, {
      token: adminToken,
    });
    expect(approved.status).toBe(200);
    for (const n of [1, 2]) {
      quittingMembers.push(
        await arrive(`e2e-q${n}-${suffix}`, `蒋团会员${n}`, quitting.inviteCode, 'share_card'),
      );
    }

    const created = await call<StaffProfile>('POST', '/api/admin/staff', {
      token: adminToken,
      body: { ...finance, roles: ['finance'] },
    });
    expect(created.status).toBe(201);
  });

  test('会员列表: filter by current leader and channel; the URL keeps the filters', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await logIn(page, DEMO_ADMIN.username, DEMO_ADMIN.password);
    await openMenu(page, '会员列表');
    await page.waitForURL('**/admin/members');
    const table = page.getByTestId('members-table');
    await table.locator('tr.ant-table-row', { hasText: poster.nickname }).waitFor();

    const [byLeader] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes('/api/admin/members?') && r.url().includes(`leaderId=${wang.id}`),
      ),
      pickLeader(page, page.getByTestId('member-filter-leader'), wang.name),
    ]);
    const leaderPage = (await byLeader.json()) as Paged<MemberListItem>;
    expect(new Set(leaderPage.items.map((m) => m.currentLeaderId))).toEqual(new Set([wang.id]));
    expect(leaderPage.items.map((m) => m.id)).toEqual(expect.arrayContaining([posterId, sharedId]));
    await table.locator('tr.ant-table-row', { hasText: elsewhere.nickname }).waitFor({ state: 'detached' });
    // Close the picker and bring the page header back into view for the picture.
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: '会员列表' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-members.png');

    const [byBoth] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes('/api/admin/members?') && r.url().includes('channel=poster'),
      ),
      pickOption(page, page.getByTestId('member-filter-channel'), '海报'),
    ]);
    const both = (await byBoth.json()) as Paged<MemberListItem>;
    expect(both.items.map((m) => m.id)).toContain(posterId);
    expect(both.items.map((m) => m.id)).not.toContain(sharedId);
    for (const m of both.items) expect(m).toMatchObject({ currentLeaderId: wang.id, channel: 'poster' });
    await table.locator('tr.ant-table-row', { hasText: shared.nickname }).waitFor({ state: 'detached' });
    const channels = await table.getByTestId('member-channel').allTextContents();
    expect(new Set(channels)).toEqual(new Set(['海报']));

    // A reload keeps the filters (they live in the URL) and the picker still names the leader.
    await page.reload();
    await table.locator('tr.ant-table-row', { hasText: poster.nickname }).waitFor();
    expect(new URL(page.url()).searchParams.get('leaderId')).toBe(String(wang.id));
    expect(new URL(page.url()).searchParams.get('channel')).toBe('poster');
    await expect(page.getByTestId('member-filter-leader').textContent()).resolves.toContain(wang.name);
  });

  test('会员详情: 来源 and 绑定记录 show how the member arrived', async () => {
    const { page } = admin;
    const table = page.getByTestId('members-table');
    // 来源渠道 (the row selection column comes first).
    await table.locator('tr.ant-table-row', { hasText: poster.nickname }).locator('td').nth(3).click();
    await page.waitForURL(`**/admin/members/${posterId}`);
    await page.getByTestId('member-detail').waitFor();
    await expect(page.getByTestId('member-detail-name').textContent()).resolves.toBe(poster.nickname);
    const source = await page.getByTestId('member-source').textContent();
    for (const part of ['海报', wang.name, '暂无订单']) expect(source).toContain(part);
    await expect(page.getByTestId('member-pickup-point').textContent()).resolves.toContain(
      wang.pickupPointName!,
    );
    const rows = page.getByTestId('binding-row');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().getAttribute('data-reason')).resolves.toBe('entry_link');
    await expect(rows.first().textContent()).resolves.toContain('通过团长链接进入');
  });

  test('调整团长: a reason is required; the move adds a binding row and leaves the source alone', async () => {
    const { page } = admin;
    await page.getByTestId('member-move').click();
    await page.getByTestId('member-move-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '请选择新的团长' }).waitFor();
    await page.locator('.ant-form-item-explain-error', { hasText: '请填写原因' }).waitFor();

    await pickLeader(page, page.getByTestId('member-move-leader'), chen.name);
    await page.getByTestId('member-move-reason').fill(moveReason);
    const [moved] = await Promise.all([
      nextJson<MemberDetail>(page, `/api/admin/members/${posterId}/move`, 'POST'),
      page.getByTestId('member-move-submit').click(),
    ]);
    expect(moved).toMatchObject({ currentLeaderId: chen.id, channel: 'poster' });
    expect(moved.source).toMatchObject({ channel: 'poster', firstLeaderId: wang.id });
    expect(moved.bindingHistory[0]).toMatchObject({
      fromLeaderId: wang.id,
      toLeaderId: chen.id,
      reason: 'staff_move',
      note: moveReason,
      actorType: 'staff',
    });

    const rows = page.getByTestId('binding-row');
    await expect(rows.count()).resolves.toBe(2);
    const newest = rows.first();
    await expect(newest.getAttribute('data-reason')).resolves.toBe('staff_move');
    const text = await newest.textContent();
    for (const part of [wang.name, chen.name, '后台调整', moveReason, '系统管理员'])
      expect(text).toContain(part);
    await expect(page.getByTestId('member-profile').textContent()).resolves.toContain(chen.name);
    await expect(page.getByTestId('member-source').textContent()).resolves.toContain(wang.name);

    const audit = await get<Paged<{ action: string }>>(
      `/api/admin/audit-logs?action=member.move&entityType=member&entityId=${posterId}`,
      adminToken,
    );
    expect(audit.items.map((e) => e.action)).toEqual(['member.move']);
    await toastsGone(page);
    await screenshot(page, 'admin-member-detail.png');
  });

  test('团长详情 → 转移会员: every member of a quitting leader moves, and the page says how many', async () => {
    const { page } = admin;
    // The leader's own member account is bound to their pickup point too (成为团长), so it moves with them.
    const bound = await get<Paged<MemberListItem>>(
      `/api/admin/members?leaderId=${quitting.leaderId}&pageSize=100`,
      adminToken,
    );
    expect(bound.items.map((m) => m.id)).toEqual(expect.arrayContaining(quittingMembers));
    const count = bound.total;
    await page.goto(`${baseUrl()}/admin/leaders/${quitting.leaderId}`);
    await expect(page.getByTestId('leader-member-count').textContent()).resolves.toBe(`${count} 名`);
    await page.getByTestId('leader-transfer').click();
    await pickLeader(page, page.getByTestId('leader-transfer-target'), liu.name);
    await page.getByTestId('leader-transfer-reason').fill('团长退出合作，会员统一转到滨江星光社区');
    const [result] = await Promise.all([
      nextJson<TransferMembersResponse>(
        page,
        `/api/admin/leaders/${quitting.leaderId}/transfer-members`,
        'POST',
      ),
      page.getByTestId('leader-transfer-submit').click(),
    ]);
    expect(result.moved).toBe(count);
    await expect(page.getByTestId('transfer-result').textContent()).resolves.toBe(
      `已将 ${count} 名会员转移给 ${liu.name}`,
    );
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect(page.getByTestId('leader-member-count').textContent()).resolves.toBe('0 名');
    for (const id of quittingMembers) {
      const member = await get<MemberDetail>(`/api/admin/members/${id}`, adminToken);
      expect(member.currentLeaderId).toBe(liu.id);
      expect(member.source.firstLeaderId).toBe(quitting.leaderId);
    }
  });

  test('finance (members.read only) sees members but no 调整团长 or 转移会员; the API refuses', async () => {
    const { page } = admin;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    const financeToken = (await logIn(page, finance.username, finance.password)).accessToken;
    await openMenu(page, '会员列表');
    await page
      .getByTestId('members-table')
      .locator('tr.ant-table-row', { hasText: poster.nickname })
      .waitFor();

    await page.goto(`${baseUrl()}/admin/members/${posterId}`);
    await page.getByTestId('member-profile').waitFor();
    await expect(page.getByTestId('binding-row').count()).resolves.toBe(2);
    await expect(page.getByTestId('member-move').count()).resolves.toBe(0);
    await page.goto(`${baseUrl()}/admin/leaders/${chen.id}`);
    await page.getByTestId('leader-profile').waitFor();
    await expect(page.getByTestId('leader-transfer').count()).resolves.toBe(0);

    const denied = await call('POST', `/api/admin/members/${elsewhereId}/move`, {
      token: financeToken,
      body: { toLeaderId: wang.id, reason: '财务不应能调整' },
    });
    expect(denied.status).toBe(403);
    const after = await get<MemberDetail>(`/api/admin/members/${elsewhereId}`, financeToken);
    expect(after.currentLeaderId).toBe(chen.id);
    expect(after.bindingHistory).toHaveLength(1);
  });
});
