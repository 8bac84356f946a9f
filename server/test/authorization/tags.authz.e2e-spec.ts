import type { TagGroup } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../support/test-app';
import { devLogin } from '../modules/members/members-test-kit';
import { memberIdsByNickname, tagGroups } from '../modules/members/tags-test-kit';
import {
  bearer,
  countRows,
  createStaffAndLogin,
  loginAsAdmin,
  seedDemo,
} from '../modules/support/modules-test-kit';
import { describeRoute } from './describe-route';

/**
 * Tag routes that take an id: a staff role with members.read but not members.write (finance), one
 * without members.read (warehouse) and a buyer's token are all refused, and nothing changes.
 */
describe('tags authorization', () => {
  let t: TestApp;
  let adminToken: string;
  let readOnlyToken: string;
  let noMembersToken: string;
  let buyerToken: string;
  let group: TagGroup;
  let tagId: number;
  let memberId: number;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    await seedDemo(t);
    adminToken = (await loginAsAdmin(t)).accessToken;
    readOnlyToken = (await createStaffAndLogin(t, adminToken, ['finance'])).session.accessToken;
    noMembersToken = (await createStaffAndLogin(t, adminToken, ['warehouse'])).session.accessToken;
    buyerToken = (await devLogin(t, 'demo-buyer')).accessToken;
    group = (await tagGroups(t, adminToken)).find((g) => g.name === '偏好') as TagGroup;
    tagId = group.tags.find((tag) => tag.name === '宝妈')?.id as number;
    memberId = (await memberIdsByNickname(t))['张美玲'];
  });
  afterAll(() => t.close());

  /** Everything a refused request could have touched. */
  async function snapshot(): Promise<unknown> {
    const tables = ['tag_groups', 'tags', 'member_tags', 'audit_logs'];
    const counts = await Promise.all(tables.map((table) => countRows(t, table)));
    const tags = await t.dataSource.query(
      'SELECT id, group_id, name, color, member_count FROM tags ORDER BY id',
    );
    const groups = await t.dataSource.query('SELECT id, name, sort FROM tag_groups ORDER BY id');
    return { counts, tags, groups };
  }

  type Send = (token: string) => Promise<{ status: number }>;

  /** Each caller is refused with one of the allowed statuses and the data stays as it was. */
  async function expectRefused(send: Send, readerAllowed = false): Promise<void> {
    const before = await snapshot();
    const callers: Array<[string, string, number[]]> = [
      ['buyer', buyerToken, [401, 403]],
      ['no members.read', noMembersToken, [403, 404]],
    ];
    if (!readerAllowed) callers.push(['members.read only', readOnlyToken, [403, 404]]);
    for (const [who, token, statuses] of callers) {
      const res = await send(token);
      expect({ who, refused: statuses.includes(res.status) }).toEqual({ who, refused: true });
    }
    expect(await snapshot()).toEqual(before);
  }

  const http = () => t.http();

  describeRoute('PUT /api/admin/tag-groups/:id', () => {
    it('is refused without members.write', () =>
      expectRefused((token) =>
        http()
          .put(`/api/admin/tag-groups/${group.id}`)
          .set(...bearer(token))
          .send({ name: '改名' }),
      ));
  });

  describeRoute('DELETE /api/admin/tag-groups/:id', () => {
    it('is refused without members.write', async () => {
      const empty = await http()
        .post('/api/admin/tag-groups')
        .set(...bearer(adminToken))
        .send({ name: '空组' })
        .expect(201);
      await expectRefused((token) =>
        http()
          .delete(`/api/admin/tag-groups/${empty.body.id}`)
          .set(...bearer(token)),
      );
    });
  });

  describeRoute('PUT /api/admin/tags/:id', () => {
    it('is refused without members.write', () =>
      expectRefused((token) =>
        http()
          .put(`/api/admin/tags/${tagId}`)
          .set(...bearer(token))
          .send({ groupId: group.id, name: '改名', color: 'red' }),
      ));
  });

  describeRoute('DELETE /api/admin/tags/:id', () => {
    it('is refused without members.write', () =>
      expectRefused((token) =>
        http()
          .delete(`/api/admin/tags/${tagId}`)
          .set(...bearer(token)),
      ));
  });

  describeRoute('POST /api/admin/members/:id/tags', () => {
    it('is refused without members.write', () =>
      expectRefused((token) =>
        http()
          .post(`/api/admin/members/${memberId}/tags`)
          .set(...bearer(token))
          .send({ tagIds: [group.tags[0].id] }),
      ));
  });

  describeRoute('DELETE /api/admin/members/:id/tags/:tagId', () => {
    it('is refused without members.write', () =>
      expectRefused((token) =>
        http()
          .delete(`/api/admin/members/${memberId}/tags/${tagId}`)
          .set(...bearer(token)),
      ));
  });

  it('refuses bulk tagging without members.write', () =>
    expectRefused((token) =>
      http()
        .post('/api/admin/members/bulk-tags')
        .set(...bearer(token))
        .send({ action: 'remove', tagIds: [tagId], filter: {} }),
    ));

  it('lets members.read list the groups, not the others', async () => {
    await http()
      .get('/api/admin/tag-groups')
      .set(...bearer(readOnlyToken))
      .expect(200);
    await expectRefused(
      (token) =>
        http()
          .get('/api/admin/tag-groups')
          .set(...bearer(token)),
      true,
    );
  });
});
