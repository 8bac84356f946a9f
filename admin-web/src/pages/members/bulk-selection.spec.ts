import { describe, expect, it } from 'vitest';
import {
  bulkRequest,
  filterOf,
  memberCountLabel,
  mergePageSelection,
  selectionScope,
  targetLabel,
} from './bulk-selection';

describe('bulk tagging selection', () => {
  it('keeps only the filter, without paging or unset fields', () => {
    expect(filterOf({ page: 3, pageSize: 50, tagId: 2, keyword: '张' })).toEqual({ tagId: 2, keyword: '张' });
    expect(filterOf({ page: 1, pageSize: 20 })).toEqual({});
  });

  it('keeps the selection scope across pages and changes it with the filter', () => {
    const base = { page: 1, pageSize: 20, channel: 'poster' as const };
    expect(selectionScope({ ...base, page: 4 })).toBe(selectionScope(base));
    expect(selectionScope({ ...base, communityId: 3 })).not.toBe(selectionScope(base));
  });

  it('builds the request for ticked rows or for the whole filter result', () => {
    expect(bulkRequest({ by: 'ids', memberIds: [4, 5] }, 'add', [1])).toEqual({
      action: 'add',
      tagIds: [1],
      memberIds: [4, 5],
    });
    expect(bulkRequest({ by: 'filter', filter: { tagId: 3 }, totalLabel: '120' }, 'remove', [1, 2])).toEqual({
      action: 'remove',
      tagIds: [1, 2],
      filter: { tagId: 3 },
    });
    expect(targetLabel({ by: 'filter', filter: {}, totalLabel: '120' })).toBe('筛选结果中的全部 120 名会员');
  });

  it('shows a capped total as 10,000+', () => {
    expect(memberCountLabel(10000, true)).toBe('10,000+');
    expect(memberCountLabel(1234, false)).toBe('1,234');
    expect(targetLabel({ by: 'ids', memberIds: [1, 2] })).toBe('已勾选的 2 名会员');
  });

  it('merges one page of ticks into the selection, keeping other pages', () => {
    expect(mergePageSelection([1, 2, 30], [1, 2, 3], [2, 3])).toEqual([30, 2, 3]);
    expect(mergePageSelection([1], [1, 2], [])).toEqual([]);
    // The table may report other pages' ticks again: no duplicates.
    expect(mergePageSelection([30, 1], [1, 2], [30, 2])).toEqual([30, 2]);
  });
});
