// Member tags in the back office: 标签管理 (a new group and tag), the member list filtered by a tag, bulk
// tagging of everyone the filter matches, chips on the rows, and removing a tag on a member's detail.
// Screenshots go to docs/screenshots/.
import type { Locator, Page } from 'playwright-core';
import type {
  BulkTagResponse,
  MemberDetail,
  MemberListItem,
  Paged,
  Tag,
  TagGroup,
} from '@linli/shared-types';
import { logIn, openMenu, toastsGone } from '../support/admin-ui';
import { get, staffLogin } from '../support/api';
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

/** Opens a select, types to narrow it and clicks the option with exactly this label. */
async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await select.locator('input').fill(label);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
    .first()
    .click();
}

describe('member tags: manage, filter, bulk-tag, remove', () => {
  const groupName = '活动偏好';
  const tagName = '团购达人';
  let adminToken: string;
  let tag: Tag;
  /** Members the seed tagged 爱生鲜. */
  let freshLovers: MemberListItem[];

  beforeAll(async () => {
    adminToken = (await staffLogin(DEMO_ADMIN.username, DEMO_ADMIN.password)).accessToken;
  });

  test('标签管理: create a group and a coloured tag in it', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await logIn(page);
    await openMenu(page, '标签管理');
    await page.waitForURL('**/admin/members/tags');
    await page.locator('[data-testid="tag-group-card"][data-group="偏好"]').waitFor();

    await page.getByTestId('tag-group-create').click();
    await page.getByTestId('tag-group-name').fill(groupName);
    const [group] = await Promise.all([
      nextJson<TagGroup>(page, '/api/admin/tag-groups', 'POST'),
      page.getByTestId('tag-group-submit').click(),
    ]);
    expect(group).toMatchObject({ name: groupName, tags: [] });
    const card = page.locator(`[data-testid="tag-group-card"][data-group="${groupName}"]`);
    await card.getByText('这个组还没有标签').waitFor();

    await card.getByTestId('tag-create').click();
    await page.getByTestId('tag-name').fill(tagName);
    await page.getByTestId('tag-color-purple').click();
    [tag] = await Promise.all([
      nextJson<Tag>(page, '/api/admin/tags', 'POST'),
      page.getByTestId('tag-submit').click(),
    ]);
    expect(tag).toMatchObject({
      groupId: group.id,
      name: tagName,
      color: 'purple',
      kind: 'manual',
      memberCount: 0,
    });
    const row = card.locator(`[data-testid="tag-row"][data-tag="${tagName}"]`);
    await expect(row.getByTestId('tag-member-count').textContent()).resolves.toBe('0 人');
    await toastsGone(page);
    await screenshot(page, 'admin-tags.png');
  });

  test('会员列表: filter by a tag, then tag everyone the filter matches', async () => {
    const { page } = admin;
    await openMenu(page, '会员列表');
    await page.waitForURL('**/admin/members');
    const table = page.getByTestId('members-table');
    await table.locator('tr.ant-table-row').first().waitFor();

    const [filtered] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/admin/members?') && r.url().includes('tagId=')),
      pickOption(page, page.getByTestId('member-filter-tag'), '爱生鲜'),
    ]);
    const result = (await filtered.json()) as Paged<MemberListItem>;
    freshLovers = result.items;
    expect(result.total).toBeGreaterThan(0);
    for (const m of freshLovers) expect(m.tags.map((c) => c.name)).toContain('爱生鲜');
    await expect(table.locator('tr.ant-table-row').count()).resolves.toBe(result.total);
    expect(new URL(page.url()).searchParams.get('tagId')).not.toBeNull();
    await page.keyboard.press('Escape');

    await page.getByTestId('bulk-add-filtered').click();
    await expect(page.getByTestId('bulk-tag-target').textContent()).resolves.toContain(
      `筛选结果中的全部 ${result.total} 名会员`,
    );
    await pickOption(page, page.getByTestId('bulk-tag-select'), tagName);
    await page.keyboard.press('Escape');
    const [response] = await Promise.all([
      nextJson<BulkTagResponse>(page, '/api/admin/members/bulk-tags', 'POST'),
      page.getByTestId('bulk-tag-submit').click(),
    ]);
    expect(response).toEqual({ matched: result.total, changed: result.total });
    await expect(page.getByTestId('bulk-tag-result').textContent()).resolves.toContain(
      `已选中 ${result.total} 名会员，新增 ${result.total} 个会员标签`,
    );
    await page.getByTestId('bulk-tag-done').click();

    // Every row now carries the new chip.
    await table
      .locator(`[data-testid="member-tag-chip"][data-tag="${tagName}"]`)
      .nth(result.total - 1)
      .waitFor();
    const groups = await get<TagGroup[]>('/api/admin/tag-groups', adminToken);
    expect(groups.flatMap((g) => g.tags).find((t) => t.id === tag.id)?.memberCount).toBe(result.total);

    // Tick two rows: the bulk bar offers the ticked-rows actions (for the picture).
    const boxes = table.locator('tr.ant-table-row .ant-checkbox-input');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('bulk-add-selected').waitFor();
    await expect(page.getByTestId('member-bulk-bar').textContent()).resolves.toContain('已勾选 2 名会员');
    await toastsGone(page);
    await screenshot(page, 'admin-members-bulk-tags.png');
    await boxes.nth(0).uncheck();
    await boxes.nth(1).uncheck();
  });

  test('会员详情: the tag shows as a chip and can be removed', async () => {
    const { page } = admin;
    const member = freshLovers.find((m) => m.nickname === '张美玲') ?? freshLovers[0];
    const table = page.getByTestId('members-table');
    await table.locator('tr.ant-table-row', { hasText: member.nickname }).locator('td').nth(3).click();
    await page.waitForURL(`**/admin/members/${member.id}`);
    const card = page.getByTestId('member-tags-card');
    const chip = card.locator(`[data-testid="member-tag-chip"][data-tag="${tagName}"]`);
    await chip.waitFor();

    const [removed] = await Promise.all([
      nextJson<MemberDetail>(page, `/api/admin/members/${member.id}/tags/${tag.id}`, 'DELETE'),
      chip.locator('.ant-tag-close-icon').click(),
    ]);
    expect(removed.tags.map((c) => c.id)).not.toContain(tag.id);
    await chip.waitFor({ state: 'detached' });
    await expect(card.textContent()).resolves.toContain('爱生鲜');

    const detail = await get<MemberDetail>(`/api/admin/members/${member.id}`, adminToken);
    expect(detail.tags.map((c) => c.name)).not.toContain(tagName);
    await toastsGone(page);
    await screenshot(page, 'admin-member-detail.png');
  });
});
