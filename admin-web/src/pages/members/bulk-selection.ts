import type { BulkTagRequest, MemberListQuery } from '@linli/shared-types';
import { toMemberListQuery, type MemberListFilters } from './service';

/** Bulk tagging acts either on the ticked rows or on every member the current filter matches. */
export type BulkTarget =
  | { by: 'ids'; memberIds: number[] }
  | { by: 'filter'; filter: Omit<MemberListQuery, 'page' | 'pageSize'>; totalLabel: string };

/** "1,234", or "10,000+" when the server stopped counting (MemberPage.totalCapped). */
export function memberCountLabel(total: number, capped: boolean): string {
  const n = total.toLocaleString('zh-CN');
  return capped ? `${n}+` : n;
}

/** The filter part of the list query (what "all N matching" means), without paging or empty fields. */
export function filterOf(filters: MemberListFilters): Omit<MemberListQuery, 'page' | 'pageSize'> {
  const { page: _page, pageSize: _pageSize, ...rest } = toMemberListQuery(filters);
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<
    MemberListQuery,
    'page' | 'pageSize'
  >;
}

/**
 * A key that changes whenever the filter (not the page) changes: ticked rows are kept across pages of
 * one filter and cleared when the filter changes, so a selection never mixes two result sets.
 */
export function selectionScope(filters: MemberListFilters): string {
  return JSON.stringify(filterOf(filters));
}

export function bulkRequest(
  target: BulkTarget,
  action: BulkTagRequest['action'],
  tagIds: number[],
): BulkTagRequest {
  return target.by === 'ids'
    ? { action, tagIds, memberIds: target.memberIds }
    : { action, tagIds, filter: target.filter };
}

/** How the modal names who it acts on. */
export function targetLabel(target: BulkTarget): string {
  return target.by === 'ids'
    ? `已勾选的 ${target.memberIds.length} 名会员`
    : `筛选结果中的全部 ${target.totalLabel} 名会员`;
}

/** Ticked ids after the table reports this page's selection: other pages' ticks stay. */
export function mergePageSelection(
  selected: readonly number[],
  pageIds: readonly number[],
  pageSelected: readonly number[],
): number[] {
  const onPage = new Set(pageIds);
  return [...new Set([...selected.filter((id) => !onPage.has(id)), ...pageSelected])];
}
