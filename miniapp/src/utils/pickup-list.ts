import { type Paged, type PickupPointChoice, type PickupPointSearchQuery } from '@linli/shared-types';

/**
 * The 选择自提点 list as a small state machine: a first page (new search / new position) replaces the
 * list, 加载更多 appends. Responses that arrive for an older search are dropped by `requestKey`.
 */

export const PICKUP_PAGE_SIZE = 20;

export type PickupListStatus = 'idle' | 'loading' | 'loading-more' | 'ready' | 'error';

export interface PickupListState {
  items: PickupPointChoice[];
  total: number;
  /** Last page loaded (0 before the first). */
  page: number;
  status: PickupListStatus;
  /** Message of the last failure; the list keeps what it had. */
  error: string | null;
  /** Identifies the search the list belongs to (keyword + position). */
  requestKey: string;
}

export type PickupListAction =
  | { type: 'start'; requestKey: string }
  | { type: 'start-more' }
  | { type: 'loaded'; requestKey: string; result: Paged<PickupPointChoice> }
  | { type: 'failed'; requestKey: string; message: string };

export const INITIAL_PICKUP_LIST: PickupListState = {
  items: [],
  total: 0,
  page: 0,
  status: 'idle',
  error: null,
  requestKey: '',
};

export function pickupListReducer(state: PickupListState, action: PickupListAction): PickupListState {
  switch (action.type) {
    case 'start':
      return { ...INITIAL_PICKUP_LIST, status: 'loading', requestKey: action.requestKey };
    case 'start-more':
      return { ...state, status: 'loading-more', error: null };
    case 'loaded': {
      if (action.requestKey !== state.requestKey) return state;
      const { result } = action;
      const fresh = result.page <= 1;
      // Points may shift between pages (a leader approved meanwhile); never show one twice.
      const seen = new Set(fresh ? [] : state.items.map((item) => item.leaderId));
      const added = result.items.filter((item) => !seen.has(item.leaderId));
      return {
        ...state,
        items: fresh ? added : [...state.items, ...added],
        total: result.total,
        page: result.page,
        status: 'ready',
        error: null,
      };
    }
    case 'failed':
      if (action.requestKey !== state.requestKey) return state;
      return { ...state, status: 'error', error: action.message };
    default:
      return state;
  }
}

export function hasMorePickupPoints(state: PickupListState): boolean {
  return state.page > 0 && state.page * PICKUP_PAGE_SIZE < state.total;
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** The GET /api/app/pickup-points query: empty keyword and unknown position are left out. */
export function pickupSearchQuery(
  keyword: string,
  coords: Coordinates | null,
  page: number,
): PickupPointSearchQuery & Record<string, string | number> {
  const query: PickupPointSearchQuery & Record<string, string | number> = {
    page,
    pageSize: PICKUP_PAGE_SIZE,
  };
  const trimmed = keyword.trim();
  if (trimmed) query.keyword = trimmed;
  if (coords) {
    // Six decimals is ~0.1m: enough, and keeps the URL short.
    query.latitude = Number(coords.latitude.toFixed(6));
    query.longitude = Number(coords.longitude.toFixed(6));
  }
  return query;
}

export function pickupRequestKey(keyword: string, coords: Coordinates | null): string {
  const position = coords ? `${coords.latitude.toFixed(4)},${coords.longitude.toFixed(4)}` : 'none';
  return `${keyword.trim()}|${position}`;
}
