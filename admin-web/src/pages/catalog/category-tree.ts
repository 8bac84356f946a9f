import type { CategoryView } from '@linli/shared-types';

export interface CategoryNode extends CategoryView {
  /** Undefined on leaves so antd's tree table shows no expand icon there. */
  children?: CategoryNode[];
  /** Products in this category and its children. */
  totalProducts: number;
}

const bySort = (a: CategoryView, b: CategoryView) => a.sortOrder - b.sortOrder || a.id - b.id;

/** The two-level tree from the flat list the API returns; children of an unknown parent become tops. */
export function buildCategoryTree(flat: readonly CategoryView[]): CategoryNode[] {
  const ids = new Set(flat.map((c) => c.id));
  const tops = flat.filter((c) => c.parentId === null || !ids.has(c.parentId)).sort(bySort);
  return tops.map((top) => {
    const children = flat
      .filter((c) => c.parentId === top.id)
      .sort(bySort)
      .map((c) => ({ ...c, totalProducts: c.productCount }));
    return {
      ...top,
      totalProducts: top.productCount + children.reduce((sum, c) => sum + c.productCount, 0),
      children: children.length > 0 ? children : undefined,
    };
  });
}

/** Options for a category picker: `水果 / 热带水果`, tops first with their children under them. */
export function categoryOptions(flat: readonly CategoryView[]): { value: number; label: string }[] {
  return buildCategoryTree(flat).flatMap((top) => [
    { value: top.id, label: top.name },
    ...(top.children ?? []).map((c) => ({ value: c.id, label: `${top.name} / ${c.name}` })),
  ]);
}

/** The sort order a new category gets: after its last sibling. */
export function nextSortOrder(flat: readonly CategoryView[], parentId: number | null): number {
  const siblings = flat.filter((c) => c.parentId === parentId);
  return siblings.length === 0 ? 10 : Math.max(...siblings.map((c) => c.sortOrder)) + 10;
}
