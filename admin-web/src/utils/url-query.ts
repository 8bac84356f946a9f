import { PAGE_SIZE_OPTIONS } from '../components/table-pagination';

export const DEFAULT_PAGE_SIZE = 20;

/** A positive whole number from a URL (`?leaderId=12`, `/members/12`); anything else is undefined. */
export function positiveInt(raw: string | null | undefined): number | undefined {
  if (!raw || !/^\d{1,15}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n > 0 ? n : undefined;
}

/** A route id (`/leaders/:id`): null for `/leaders/abc` so the page can show 404. */
export function parseRouteId(raw: string | undefined): number | null {
  return positiveInt(raw) ?? null;
}

/** Page and size of a list whose query lives in the URL; unknown sizes fall back to the default. */
export function pageFromSearch(params: URLSearchParams): { page: number; pageSize: number } {
  const pageSize = Number(params.get('pageSize'));
  return {
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: PAGE_SIZE_OPTIONS.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The URL form of page and size, leaving out the defaults so links stay short. */
export function pageToSearch(query: { page?: number; pageSize?: number }): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.page && query.page > 1) out.page = String(query.page);
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) out.pageSize = String(query.pageSize);
  return out;
}
