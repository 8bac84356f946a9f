import { describe, expect, it } from 'vitest';
import type { TagGroup } from '@linli/shared-types';
import { bulkResultText, deleteTagWarning, tagById, tagOptions } from './tags-service';

const tag = (id: number, name: string, kind: 'manual' | 'rule' = 'manual') => ({
  id,
  groupId: 1,
  name,
  color: 'blue' as const,
  kind,
  memberCount: 0,
  createdAt: '2026-11-01T00:00:00.000Z',
});
const groups: TagGroup[] = [
  { id: 1, name: '偏好', sort: 0, tags: [tag(1, '爱生鲜'), tag(2, '近30天下单', 'rule')] },
  { id: 2, name: '规则', sort: 1, tags: [tag(3, '沉睡', 'rule')] },
  { id: 3, name: '空组', sort: 2, tags: [] },
];

describe('tag options', () => {
  it('groups tags for filtering, including rule tags, and drops empty groups', () => {
    expect(tagOptions(groups, 'filter').map((g) => [g.label, g.options.map((o) => o.label)])).toEqual([
      ['偏好', ['爱生鲜', '近30天下单']],
      ['规则', ['沉睡']],
    ]);
  });

  it('offers only manual tags for assigning by hand', () => {
    expect(tagOptions(groups, 'assign').map((g) => [g.label, g.options.map((o) => o.value)])).toEqual([
      ['偏好', [1]],
    ]);
  });

  it('finds a tag across groups', () => {
    expect(tagById(groups, 3)?.name).toBe('沉睡');
    expect(tagById(groups, 99)).toBeUndefined();
    expect(tagById(undefined, 1)).toBeUndefined();
  });
});

describe('texts', () => {
  it('warns how many members lose a deleted tag', () => {
    expect(deleteTagWarning({ name: '宝妈', memberCount: 12 })).toBe(
      '删除后，「宝妈」将从 12 名会员身上移除，且不可恢复。',
    );
    expect(deleteTagWarning({ name: '宝妈', memberCount: 0 })).toContain('还没有会员使用');
  });

  it('reports what a bulk operation did', () => {
    expect(bulkResultText('add', { matched: 30, changed: 25 })).toBe('已选中 30 名会员，新增 25 个会员标签');
    expect(bulkResultText('remove', { matched: 3, changed: 0 })).toBe(
      '已选中 3 名会员，移除 0 个会员标签，他们都没有这些标签',
    );
    expect(bulkResultText('add', { matched: 0, changed: 0 })).toBe('没有符合条件的会员，未做任何修改');
  });
});
