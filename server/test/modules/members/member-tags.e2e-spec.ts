import type {
  BulkTagResponse,
  MemberDetail,
  MemberListItem,
  Paged,
  Tag,
  TagGroup,
} from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, countRows, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import { memberDetail, seededLeaders } from './members-test-kit';
import {
  auditOf,
  expectCountsConsistent,
  memberIdsByNickname,
  storedMemberCount,
  tagGroups,
  tagIdsByName,
  taggedMemberIds,
} from './tags-test-kit';

describe('member tags', () => {
  let t: TestApp;
  let token: string;
  let tags: Record<string, number>;
  let members: Record<string, number>;

  const api = {
    post: (url: string, body: object) =>
      t
        .http()
        .post(url)
        .set(...bearer(token))
        .send(body),
    put: (url: string, body: object) =>
      t
        .http()
        .put(url)
        .set(...bearer(token))
        .send(body),
    del: (url: string) =>
      t
        .http()
        .delete(url)
        .set(...bearer(token)),
    get: (url: string, query: object = {}) =>
      t
        .http()
        .get(url)
        .query(query)
        .set(...bearer(token)),
  };
  const bulk = async (body: object): Promise<BulkTagResponse> => {
    const res = await api.post('/api/admin/members/bulk-tags', body);
    if (res.status !== 200) throw new Error(`bulk: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as BulkTagResponse;
  };
  const list = async (query: object): Promise<Paged<MemberListItem>> =>
    (await api.get('/api/admin/members', { pageSize: 100, ...query }).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    token = (await loginAsAdmin(t)).accessToken;
    tags = await tagIdsByName(t, token);
    members = await memberIdsByNickname(t);
  });
  afterAll(() => t.close());

  it('lists the seeded groups by sort with their tags and member counts', async () => {
    const groups = await tagGroups(t, token);
    expect(groups.map((g) => [g.name, g.tags.map((tag) => [tag.name, tag.memberCount])])).toEqual([
      [
        '消费能力',
        [
          ['高消费', 2],
          ['价格敏感', 2],
        ],
      ],
      [
        '偏好',
        [
          ['爱生鲜', 3],
          ['爱零食', 2],
          ['宝妈', 2],
        ],
      ],
      ['状态', [['待激活', 1]]],
    ]);
    expect(groups[1].tags[0]).toMatchObject({ color: 'green', kind: 'manual', groupId: groups[1].id });
    await expectCountsConsistent(t);
  });

  describe('groups and tags CRUD', () => {
    let group: TagGroup;
    let tag: Tag;

    it('creates, renames and refuses duplicate or empty group names', async () => {
      const created = await api.post('/api/admin/tag-groups', { name: '  渠道偏好 ', sort: 5 });
      expect(created.status).toBe(201);
      group = created.body as TagGroup;
      expect(group).toMatchObject({ name: '渠道偏好', sort: 5, tags: [] });
      const dup = await api.post('/api/admin/tag-groups', { name: '偏好' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('TAG_GROUP_DUPLICATE');
      const empty = await api.post('/api/admin/tag-groups', { name: '   ' });
      expect(empty.status).toBe(400);
      expect(empty.body.code).toBe('VALIDATION_FAILED');
      const tooLong = await api.post('/api/admin/tag-groups', { name: '一'.repeat(17) });
      expect(tooLong.status).toBe(400);
      const renamed = await api.put(`/api/admin/tag-groups/${group.id}`, { name: '购物渠道' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: group.id, name: '购物渠道', sort: 5 });
      const renameToTaken = await api.put(`/api/admin/tag-groups/${group.id}`, { name: '状态' });
      expect(renameToTaken.body.code).toBe('TAG_GROUP_DUPLICATE');
      expect((await api.put('/api/admin/tag-groups/99999', { name: '无' })).body.code).toBe(
        'TAG_GROUP_NOT_FOUND',
      );
      const audits = await auditOf(t, token, 'tagGroup.update');
      expect(audits[0]).toMatchObject({
        entityType: 'tag_group',
        entityId: String(group.id),
        before: { name: '渠道偏好' },
        after: { name: '购物渠道' },
      });
    });

    it('creates and edits manual tags with preset colours; refuses duplicates, bad colours, unknown groups', async () => {
      const created = await api.post('/api/admin/tags', {
        groupId: group.id,
        name: '社群活跃',
        color: 'purple',
      });
      expect(created.status).toBe(201);
      tag = created.body as Tag;
      expect(tag).toMatchObject({
        groupId: group.id,
        name: '社群活跃',
        color: 'purple',
        kind: 'manual',
        memberCount: 0,
      });
      const dup = await api.post('/api/admin/tags', { groupId: group.id, name: '社群活跃', color: 'red' });
      expect([dup.status, dup.body.code]).toEqual([409, 'TAG_DUPLICATE']);
      // The same name in another group is fine.
      const other = await api.post('/api/admin/tags', {
        groupId: (await tagGroups(t, token))[2].id,
        name: '社群活跃',
        color: 'red',
      });
      expect(other.status).toBe(201);
      await api.del(`/api/admin/tags/${other.body.id}`).expect(204);
      const badColour = await api.post('/api/admin/tags', {
        groupId: group.id,
        name: '红色',
        color: '#ff0000',
      });
      expect([badColour.status, badColour.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const noGroup = await api.post('/api/admin/tags', { groupId: 99999, name: '孤儿', color: 'red' });
      expect([noGroup.status, noGroup.body.code]).toEqual([404, 'TAG_GROUP_NOT_FOUND']);
      const edited = await api.put(`/api/admin/tags/${tag.id}`, {
        groupId: group.id,
        name: '社群达人',
        color: 'lime',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ id: tag.id, name: '社群达人', color: 'lime' });
      expect(
        (await api.put('/api/admin/tags/99999', { groupId: group.id, name: 'x', color: 'red' })).body.code,
      ).toBe('TAG_NOT_FOUND');
      expect(
        (await auditOf(t, token, 'tag.create')).find((a) => a.entityId === String(tag.id)),
      ).toMatchObject({
        actorType: 'staff',
        after: { name: '社群活跃', color: 'purple', kind: 'manual' },
      });
    });

    it('refuses to delete a group that still has tags, then deletes tag (with its members) and group', async () => {
      const notEmpty = await api.del(`/api/admin/tag-groups/${group.id}`);
      expect([notEmpty.status, notEmpty.body.code]).toEqual([409, 'TAG_GROUP_NOT_EMPTY']);
      await bulk({ action: 'add', tagIds: [tag.id], memberIds: [members['张美玲'], members['李志强']] });
      expect(await storedMemberCount(t, tag.id)).toBe(2);
      await api.del(`/api/admin/tags/${tag.id}`).expect(204);
      expect(await taggedMemberIds(t, tag.id)).toEqual([]);
      const [audit] = (await auditOf(t, token, 'tag.delete')).filter((a) => a.entityId === String(tag.id));
      expect(audit).toMatchObject({ before: { name: '社群达人', removedFromMembers: 2 }, after: null });
      await api.del(`/api/admin/tag-groups/${group.id}`).expect(204);
      expect((await api.del(`/api/admin/tag-groups/${group.id}`)).body.code).toBe('TAG_GROUP_NOT_FOUND');
      expect((await api.del(`/api/admin/tags/${tag.id}`)).body.code).toBe('TAG_NOT_FOUND');
    });
  });

  describe('one member', () => {
    it('adds tags idempotently and keeps member_count right', async () => {
      const id = members['赵雪'];
      const before = await storedMemberCount(t, tags['爱零食']);
      const res = await api.post(`/api/admin/members/${id}/tags`, {
        tagIds: [tags['爱零食'], tags['爱零食'], tags['待激活']],
      });
      expect(res.status).toBe(200);
      const detail = res.body as MemberDetail;
      expect(detail.tags.map((c) => c.name)).toEqual(['爱零食', '待激活']);
      expect(await storedMemberCount(t, tags['爱零食'])).toBe(before + 1);
      expect(await storedMemberCount(t, tags['待激活'])).toBe(1);
      const audits = await countRows(t, 'audit_logs');
      const again = await api.post(`/api/admin/members/${id}/tags`, { tagIds: [tags['爱零食']] });
      expect(again.status).toBe(200);
      expect(await storedMemberCount(t, tags['爱零食'])).toBe(before + 1);
      expect(await countRows(t, 'audit_logs')).toBe(audits);
      const [audit] = await auditOf(t, token, 'member.addTags');
      expect(audit).toMatchObject({
        entityType: 'member',
        entityId: String(id),
        after: { tagIds: [tags['爱零食']] },
      });
    });

    it('removes a tag (twice is a no-op) and shows tags in the detail and the list', async () => {
      const id = members['赵雪'];
      const res = await api.del(`/api/admin/members/${id}/tags/${tags['爱零食']}`);
      expect(res.status).toBe(200);
      expect((res.body as MemberDetail).tags.map((c) => c.name)).toEqual(['待激活']);
      await api.del(`/api/admin/members/${id}/tags/${tags['爱零食']}`).expect(200);
      expect(await storedMemberCount(t, tags['爱零食'])).toBe(2);
      expect((await memberDetail(t, token, members['张美玲'])).tags).toEqual([
        { id: tags['高消费'], name: '高消费', color: 'gold' },
        { id: tags['爱生鲜'], name: '爱生鲜', color: 'green' },
        { id: tags['宝妈'], name: '宝妈', color: 'magenta' },
      ]);
      const page = await list({});
      expect(page.items.find((i) => i.id === members['李志强'])?.tags.map((c) => c.name)).toEqual([
        '价格敏感',
        '爱零食',
      ]);
      expect(page.items.find((i) => i.nickname === '王丽华')?.tags).toEqual([]);
      await expectCountsConsistent(t);
    });

    it('refuses unknown members and tags, and rule tags', async () => {
      expect((await api.post('/api/admin/members/99999/tags', { tagIds: [tags['宝妈']] })).body.code).toBe(
        'MEMBER_NOT_FOUND',
      );
      const unknownTag = await api.post(`/api/admin/members/${members['周敏']}/tags`, { tagIds: [99999] });
      expect([unknownTag.status, unknownTag.body.code]).toEqual([404, 'TAG_NOT_FOUND']);
      expect((await api.post(`/api/admin/members/${members['周敏']}/tags`, { tagIds: [] })).status).toBe(400);
      await t.dataSource.query(
        "INSERT INTO tags (group_id, name, color, kind, rule, member_count) VALUES (?, '近30天下单', 'blue', 'rule', '{}', 0)",
        [(await tagGroups(t, token))[2].id],
      );
      const ruleTagId = (await tagIdsByName(t, token))['近30天下单'];
      const rows = await countRows(t, 'member_tags');
      for (const res of [
        await api.post(`/api/admin/members/${members['周敏']}/tags`, { tagIds: [ruleTagId] }),
        await api.del(`/api/admin/members/${members['周敏']}/tags/${ruleTagId}`),
        await api.put(`/api/admin/tags/${ruleTagId}`, { groupId: 1, name: '改名', color: 'red' }),
        await api.del(`/api/admin/tags/${ruleTagId}`),
        await api.post('/api/admin/members/bulk-tags', { action: 'add', tagIds: [ruleTagId], filter: {} }),
      ]) {
        expect([res.status, res.body.code]).toEqual([400, 'TAG_RULE_MANAGED']);
      }
      expect(await countRows(t, 'member_tags')).toBe(rows);
      expect((await tagIdsByName(t, token))['近30天下单']).toBe(ruleTagId);
      await t.dataSource.query('DELETE FROM tags WHERE id = ?', [ruleTagId]);
    });
  });

  describe('bulk', () => {
    it('adds over explicit ids: matched counts the members, changed only the rows inserted', async () => {
      // 张美玲 and 吴佳怡 already have 宝妈; 周敏 does not; unknown ids do not match.
      const ids = [members['张美玲'], members['吴佳怡'], members['周敏'], 99999];
      const audits = await countRows(t, 'audit_logs');
      expect(await bulk({ action: 'add', tagIds: [tags['宝妈'], tags['高消费']], memberIds: ids })).toEqual({
        matched: 3,
        changed: 1 + 2,
      });
      expect(await countRows(t, 'audit_logs')).toBe(audits + 1);
      expect(await storedMemberCount(t, tags['宝妈'])).toBe(3);
      expect(await storedMemberCount(t, tags['高消费'])).toBe(4);
      expect(await bulk({ action: 'add', tagIds: [tags['宝妈']], memberIds: ids })).toEqual({
        matched: 3,
        changed: 0,
      });
      const [audit] = await auditOf(t, token, 'member.bulkAddTags');
      expect(audit).toMatchObject({
        entityType: 'member',
        entityId: null,
        after: { tagIds: [tags['宝妈']], memberIds: ids, matched: 3, changed: 0 },
      });
    });

    it('removes over explicit ids', async () => {
      const ids = [members['吴佳怡'], members['周敏'], members['郑国华']];
      expect(
        await bulk({ action: 'remove', tagIds: [tags['宝妈'], tags['高消费']], memberIds: ids }),
      ).toEqual({
        matched: 3,
        changed: 2 + 3,
      });
      expect(await taggedMemberIds(t, tags['宝妈'])).toEqual([members['张美玲']]);
      expect(await taggedMemberIds(t, tags['高消费'])).toEqual([members['张美玲']]);
      await expectCountsConsistent(t);
    });

    it('adds and removes over a list filter, selecting exactly what the list shows', async () => {
      const { 王丽华: wang } = await seededLeaders(t);
      const atWang = await list({ leaderId: wang.id });
      const alreadyTagged = atWang.items.filter((i) => i.tags.some((c) => c.id === tags['爱生鲜'])).length;
      const result = await bulk({ action: 'add', tagIds: [tags['爱生鲜']], filter: { leaderId: wang.id } });
      expect(result).toEqual({ matched: atWang.total, changed: atWang.total - alreadyTagged });
      const [audit] = await auditOf(t, token, 'member.bulkAddTags');
      expect(audit.after).toMatchObject({ filter: { leaderId: wang.id }, matched: atWang.total });

      // Filter by the tag itself and remove it: the DELETE's subquery reads the table it deletes from.
      const fresh = await list({ tagId: tags['爱生鲜'] });
      expect(fresh.items.every((i) => i.tags.some((c) => c.id === tags['爱生鲜']))).toBe(true);
      expect(
        await bulk({
          action: 'remove',
          tagIds: [tags['爱生鲜']],
          filter: { tagId: tags['爱生鲜'], keyword: '张' },
        }),
      ).toEqual({
        matched: 1,
        changed: 1,
      });
      expect(await storedMemberCount(t, tags['爱生鲜'])).toBe(fresh.total - 1);

      // Filter by one tag, add another.
      const snack = await list({ tagId: tags['爱零食'] });
      expect(snack.items.map((i) => i.nickname).sort()).toEqual(['冯晓丽', '李志强']);
      expect(
        await bulk({ action: 'add', tagIds: [tags['价格敏感']], filter: { tagId: tags['爱零食'] } }),
      ).toEqual({
        matched: 2,
        changed: 1,
      });
      // An empty filter is every member.
      const all = await list({});
      const pending = (await taggedMemberIds(t, tags['待激活'])).length;
      expect(await bulk({ action: 'add', tagIds: [tags['待激活']], filter: {} })).toEqual({
        matched: all.total,
        changed: all.total - pending,
      });
      await expectCountsConsistent(t);
    });

    it('matches nothing without writing rows', async () => {
      const rows = await countRows(t, 'member_tags');
      expect(
        await bulk({ action: 'add', tagIds: [tags['宝妈']], filter: { keyword: '没有这个人' } }),
      ).toEqual({
        matched: 0,
        changed: 0,
      });
      expect(await countRows(t, 'member_tags')).toBe(rows);
    });

    it('needs exactly one of memberIds and filter, known tags and at most 1000 ids', async () => {
      const rows = await countRows(t, 'member_tags');
      const both = await api.post('/api/admin/members/bulk-tags', {
        action: 'add',
        tagIds: [tags['宝妈']],
        memberIds: [members['周敏']],
        filter: {},
      });
      expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(both.body.message).toMatch(/二选一|只能选一种/);
      const neither = await api.post('/api/admin/members/bulk-tags', {
        action: 'add',
        tagIds: [tags['宝妈']],
      });
      expect([neither.status, neither.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const tooMany = await api.post('/api/admin/members/bulk-tags', {
        action: 'add',
        tagIds: [tags['宝妈']],
        memberIds: Array.from({ length: 1001 }, (_, i) => i + 1),
      });
      expect(tooMany.status).toBe(400);
      const badFilter = await api.post('/api/admin/members/bulk-tags', {
        action: 'add',
        tagIds: [tags['宝妈']],
        filter: { channel: 'telepathy' },
      });
      expect(badFilter.status).toBe(400);
      const unknownTag = await api.post('/api/admin/members/bulk-tags', {
        action: 'remove',
        tagIds: [99999],
        filter: {},
      });
      expect([unknownTag.status, unknownTag.body.code]).toEqual([404, 'TAG_NOT_FOUND']);
      expect(await countRows(t, 'member_tags')).toBe(rows);
    });
  });

  it('filters the member list by tag, combined with the other filters', async () => {
    const byTag = await list({ tagId: tags['宝妈'] });
    expect(byTag.items.map((i) => i.nickname)).toEqual(['张美玲']);
    expect(byTag.total).toBe(1);
    const none = await list({ tagId: tags['宝妈'], channel: 'poster' });
    expect(none.total).toBe(0);
    expect((await api.get('/api/admin/members', { tagId: 'x' })).status).toBe(400);
  });

  it('filters by community, and bulk-tags a community through the same filter', async () => {
    const rows = (await t.dataSource.query(
      'SELECT community_id, COUNT(*) AS n FROM community_memberships GROUP BY community_id ORDER BY community_id',
    )) as Array<{ community_id: number | string; n: number | string }>;
    expect(rows.length).toBeGreaterThan(0);
    const communityId = Number(rows[0].community_id);
    const inCommunity = await list({ communityId });
    expect(inCommunity.total).toBe(Number(rows[0].n));
    const memberIds = (
      (await t.dataSource.query('SELECT member_id FROM community_memberships WHERE community_id = ?', [
        communityId,
      ])) as Array<{ member_id: number | string }>
    ).map((r) => Number(r.member_id));
    expect(inCommunity.items.map((i) => i.id).sort()).toEqual([...memberIds].sort());
    const before = await taggedMemberIds(t, tags['爱零食']);
    const missing = memberIds.filter((id) => !before.includes(id)).length;
    expect(await bulk({ action: 'add', tagIds: [tags['爱零食']], filter: { communityId } })).toEqual({
      matched: memberIds.length,
      changed: missing,
    });
    await expectCountsConsistent(t);
  });
});
