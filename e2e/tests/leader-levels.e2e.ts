// Leader levels in the back office: 团长等级 (create and edit a level, a refused delete, 立即评估 with its
// result), a level set by hand on a leader's detail and seen in 等级记录, and the 下级团队 tree expanding a
// node that loads its recruits. Screenshots go to docs/screenshots/.
import { randomInt } from 'node:crypto';
import type {
  LeaderAgreement,
  LeaderApplicationView,
  LeaderDetail,
  LeaderLevel,
  LeaderListItem,
  LevelEvaluationResult,
  Paged,
} from '@linli/shared-types';
import { logIn, openMenu } from '../support/admin-ui';
import { call, devLogin, get, staffLogin } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN } from '../support/demo';

let admin: BrowserSession;
let adminToken: string;

beforeAll(async () => {
  admin = await openBrowser({ width: 1440, height: 900 });
  adminToken = (await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password)).accessToken;
});

afterAll(async () => {
  await admin?.close();
});

afterEach(() => {
  expect(admin.pageErrors).toEqual([]);
});

async function findLeader(keyword: string): Promise<LeaderListItem> {
  const page = await get<Paged<LeaderListItem>>(
    `/api/admin/leaders?keyword=${encodeURIComponent(keyword)}`,
    adminToken,
  );
  return page.items[0];
}

/** A new leader recruited by `inviteCode`, applied and approved through the API. */
async function recruit(inviteCode: string, name: string): Promise<number> {
  const suffix = randomInt(100_000, 999_999);
  const agreement = (await call<LeaderAgreement>('GET', '/api/app/leader-agreement')).body;
  const { accessToken } = await devLogin(`e2e-levels-${suffix}`);
  const applied = await call<LeaderApplicationView>('POST', '/api/app/leader-applications', {
    token: accessToken,
    body: {
      name,
      phone: `139${randomInt(10_000_000, 99_999_999)}`,
      inviteCode,
      pickupPoint: {
        name: `${name}自提点`,
        address: '杭州市上城区采荷路 66 号社区便利店',
        latitude: null,
        longitude: null,
        openingHours: '每天 08:00–20:00',
      },
      agreementVersion: agreement.version,
      agreementAccepted: true,
    },
  });
  expect(applied.status).toBe(201);
  const approved = await call('POST', `/api/admin/leaders/${applied.body.leaderId}/approve`, {
    token: adminToken,
  });
  expect(approved.status).toBe(200);
  return applied.body.leaderId;
}

describe('leader levels: ladder, evaluation, manual level, downline', () => {
  test('团长等级: create a level, edit it, a refused delete, evaluate now', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await logIn(page);
    await openMenu(page, '团长等级');
    const table = page.getByTestId('levels-table');
    await table.locator('tr.ant-table-row', { hasText: '金牌团长' }).waitFor();

    await page.getByTestId('level-create').click();
    await page.getByTestId('level-name').fill('钻石团长');
    await page.getByTestId('level-rate').fill('18');
    await page.getByTestId('level-upgrade-gmv').fill('60000');
    await page.getByTestId('level-upgrade-customers').fill('150');
    await page.getByTestId('level-keep-gmv').fill('80000'); // above the upgrade GMV: refused in the form
    await page.getByTestId('level-keep-customers').fill('80');
    await page.getByTestId('level-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '保级GMV不能高于升级GMV' }).waitFor();
    await screenshot(page, 'admin-leader-level-modal.png');
    await page.getByTestId('level-keep-gmv').fill('30000');
    const [created] = await Promise.all([
      nextJson<LeaderLevel>(page, '/api/admin/leader-levels', 'POST'),
      page.getByTestId('level-submit').click(),
    ]);
    expect(created).toMatchObject({
      name: '钻石团长',
      rank: 4,
      commissionRateBps: 1800,
      upgrade: { minGmv30dFen: 6_000_000, minActiveCustomers30d: 150 },
      keep: { minGmv30dFen: 3_000_000, minActiveCustomers30d: 80 },
    });
    const diamond = table.locator('tr.ant-table-row', { hasText: '钻石团长' });
    await diamond.waitFor();
    expect(await diamond.textContent()).toContain('¥60,000.00');

    await diamond.getByTestId('level-edit').click();
    await page.getByTestId('level-rate').fill('20');
    const [updated] = await Promise.all([
      nextJson<LeaderLevel>(page, `/api/admin/leader-levels/${created.id}`, 'PUT'),
      page.getByTestId('level-submit').click(),
    ]);
    expect(updated.commissionRateBps).toBe(2000);
    await diamond.getByTestId('level-row-rate').filter({ hasText: '20%' }).waitFor();

    // The lowest level has leaders on it: the server refuses and the page explains why.
    await table.locator('tr.ant-table-row', { hasText: '普通团长' }).getByTestId('level-delete').click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    const refusal = page.locator('.ant-modal-confirm', { hasText: '无法删除此等级' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('请先调整他们的等级');
    await refusal.getByRole('button', { name: /知道了/ }).click();

    const [result] = await Promise.all([
      nextJson<LevelEvaluationResult>(page, '/api/admin/leader-levels/evaluate', 'POST'),
      page.getByTestId('levels-evaluate').click(),
    ]);
    // The demo leaves one leader without a level: the run gives them the first one.
    expect(result.initial).toBeGreaterThanOrEqual(1);
    const card = page.getByTestId('levels-evaluation-result');
    await card.waitFor();
    expect(await card.textContent()).toContain(`评估 ${result.evaluated} 名团长`);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.mouse.move(800, 880); // no tooltip in the picture
    await page.locator('.ant-tooltip:visible').waitFor({ state: 'hidden' });
    await screenshot(page, 'admin-leader-levels.png');
  });

  test('leader detail: set a level by hand and find it in 等级记录', async () => {
    const { page } = admin;
    // 王丽华 has the richest history: the demo's initial level and upgrade, and what the evaluation did.
    const wang = await findLeader('王丽华');
    await page.goto(`${baseUrl()}/admin/leaders/${wang.id}`);
    await page.getByTestId('leader-level-card').waitFor();
    await page.getByTestId('leader-set-level').click();
    const select = page.getByTestId('set-level-select');
    await select.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '金牌团长' })
      .click();
    await page.getByTestId('set-level-reason').fill('社群运营表现突出，破格提升');
    const [detail] = await Promise.all([
      nextJson<LeaderDetail>(page, `/api/admin/leaders/${wang.id}/level`, 'POST'),
      page.getByTestId('set-level-submit').click(),
    ]);
    expect(detail).toMatchObject({ levelName: '金牌团长' });
    expect(detail.levelHoldUntil).not.toBeNull();
    await page.getByTestId('leader-level-name').filter({ hasText: '金牌团长' }).waitFor();
    await page.getByTestId('leader-level-hold').waitFor();

    await page.getByRole('tab', { name: /等级记录/ }).click();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('levels');
    const first = page.getByTestId('level-history-table').locator('tr.ant-table-row').first();
    await first.waitFor();
    const text = await first.textContent();
    for (const part of ['手动调整', '金牌团长', '社群运营表现突出，破格提升', '系统管理员'])
      expect(text).toContain(part);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'admin-leader-detail-levels.png');

    // A link to the tab opens it.
    await page.goto(`${baseUrl()}/admin/leaders/${wang.id}?tab=levels`);
    await page.getByTestId('level-history-table').waitFor();
  });

  test('下级团队: the tree loads a node’s recruits when expanded', async () => {
    const { page } = admin;
    const wang = await findLeader('王丽华');
    const chen = await findLeader('陈建国');
    const recruitId = await recruit(chen.inviteCode, '周晓梅');

    await page.goto(`${baseUrl()}/admin/leaders/${wang.id}?tab=downline`);
    const tree = page.getByTestId('downline-tree');
    await tree.waitFor();
    const chenNode = tree.locator('.ant-tree-treenode', {
      has: page.locator(`[data-testid="downline-node"][data-leader-id="${chen.id}"]`),
    });
    await chenNode.waitFor();
    expect(await chenNode.getByTestId('downline-node-counts').textContent()).toMatch(/直推 [1-9]\d* · 团队/);

    await Promise.all([
      nextJson(page, `/api/admin/leaders/${chen.id}/downline`),
      chenNode.locator('.ant-tree-switcher').click(),
    ]);
    const child = tree.locator(`[data-testid="downline-node"][data-leader-id="${recruitId}"]`);
    await child.waitFor();
    expect(await child.textContent()).toContain('周晓梅');
    await screenshot(page, 'admin-leader-downline.png');

    // The breadcrumb of a recruit shows the chain above; clicking a node opens that leader.
    await child.click();
    await page.waitForURL(new RegExp(`/admin/leaders/${recruitId}$`));
    await page.getByRole('tab', { name: /下级团队/ }).click();
    const chain = page.getByTestId('downline-upline-chain');
    await chain.filter({ hasText: '陈建国' }).waitFor();
    expect(await chain.textContent()).toContain('王丽华');
  });
});
