import { describe, expect, it } from 'vitest';
import type { CategoryView } from '@linli/shared-types';
import { buildCategoryTree, categoryOptions, nextSortOrder } from './category-tree';

const cat = (id: number, name: string, parentId: number | null, sortOrder: number, productCount = 0) =>
  ({
    id,
    name,
    parentId,
    sortOrder,
    productCount,
  }) satisfies CategoryView;

const flat = [
  cat(3, '热带水果', 1, 20, 4),
  cat(1, '水果', null, 10, 1),
  cat(2, '蔬菜', null, 5),
  cat(4, '苹果梨', 1, 10, 2),
];

describe('category tree', () => {
  it('nests children under their top category, both levels by sort order, and totals products', () => {
    const tree = buildCategoryTree(flat);
    expect(tree.map((n) => n.name)).toEqual(['蔬菜', '水果']);
    expect(tree[0].children).toBeUndefined();
    expect(tree[1].children?.map((n) => n.name)).toEqual(['苹果梨', '热带水果']);
    expect(tree[1].totalProducts).toBe(7);
  });

  it('labels picker options with the parent', () => {
    expect(categoryOptions(flat).map((o) => o.label)).toEqual([
      '蔬菜',
      '水果',
      '水果 / 苹果梨',
      '水果 / 热带水果',
    ]);
  });

  it('puts a new category after its last sibling', () => {
    expect(nextSortOrder(flat, 1)).toBe(30);
    expect(nextSortOrder(flat, 2)).toBe(10);
  });
});
