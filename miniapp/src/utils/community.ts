import { type Paged } from '@linli/shared-types';

export const COMMUNITY_NAME_MIN = 2;
export const COMMUNITY_NAME_MAX = 32;

/** Why a community name cannot be saved, or null (the server checks the same 2–32 characters). */
export function communityNameError(name: string): string | null {
  const length = [...name.trim()].length;
  if (length === 0) return '请填写社群名称';
  if (length < COMMUNITY_NAME_MIN || length > COMMUNITY_NAME_MAX)
    return `社群名称需为 ${COMMUNITY_NAME_MIN}–${COMMUNITY_NAME_MAX} 个字`;
  return null;
}

/** The base64 payload of a `data:image/png;base64,…` URL, or null for anything else. */
export function pngBase64Of(dataUrl: string): string | null {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  return match ? match[1] : null;
}

export interface PagedList<T> {
  items: T[];
  page: number;
  total: number;
  hasMore: boolean;
}

/**
 * Adds a fetched page to what is shown (page 1 replaces): rows already shown are skipped, so a customer
 * who joined between two pages, pushing the list down, does not appear twice.
 */
export function mergePage<T>(
  shown: PagedList<T> | null,
  next: Paged<T>,
  keyOf: (item: T) => number,
): PagedList<T> {
  const base = next.page === 1 || !shown ? [] : shown.items;
  const seen = new Set(base.map(keyOf));
  const items = [...base, ...next.items.filter((item) => !seen.has(keyOf(item)))];
  const hasMore = next.items.length === next.pageSize && next.page * next.pageSize < next.total;
  return { items, page: next.page, total: next.total, hasMore };
}

/** "138****5678 · 2 个社群" style meta: the parts that are known, joined. */
export function joinMeta(parts: Array<string | null | undefined | false>): string {
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}
