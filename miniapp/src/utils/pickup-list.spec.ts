import { type PickupPointChoice } from '@linli/shared-types';
import {
  hasMorePickupPoints,
  INITIAL_PICKUP_LIST,
  PICKUP_PAGE_SIZE,
  pickupListReducer,
  pickupRequestKey,
  pickupSearchQuery,
  type PickupListState,
} from './pickup-list';

function choice(leaderId: number): PickupPointChoice {
  return {
    leaderId,
    leaderName: `团长${leaderId}`,
    current: false,
    distanceMeters: leaderId * 100,
    pickupPoint: {
      id: leaderId,
      name: `自提点${leaderId}`,
      address: '文三路',
      latitude: null,
      longitude: null,
      openingHours: null,
      contactPhone: null,
      photoUrl: null,
    },
  };
}

function page(ids: number[], pageNo: number, total: number) {
  return { items: ids.map(choice), page: pageNo, pageSize: PICKUP_PAGE_SIZE, total };
}

describe('pickupListReducer', () => {
  const started = pickupListReducer(INITIAL_PICKUP_LIST, { type: 'start', requestKey: 'k1' });

  it('starts empty and loading', () => {
    expect(started).toMatchObject({ status: 'loading', items: [], page: 0, requestKey: 'k1' });
    expect(hasMorePickupPoints(started)).toBe(false);
  });

  it('replaces on the first page and appends later pages without duplicates', () => {
    const first = pickupListReducer(started, {
      type: 'loaded',
      requestKey: 'k1',
      result: page([1, 2], 1, 45),
    });
    expect(first.items.map((i) => i.leaderId)).toEqual([1, 2]);
    expect(hasMorePickupPoints(first)).toBe(true);

    const more = pickupListReducer(pickupListReducer(first, { type: 'start-more' }), {
      type: 'loaded',
      requestKey: 'k1',
      result: page([2, 3], 2, 45),
    });
    expect(more.items.map((i) => i.leaderId)).toEqual([1, 2, 3]);
    expect(more.status).toBe('ready');

    const last = pickupListReducer(more, { type: 'loaded', requestKey: 'k1', result: page([4], 3, 45) });
    expect(hasMorePickupPoints(last)).toBe(false);
  });

  it('drops responses of an older search', () => {
    const newer = pickupListReducer(started, { type: 'start', requestKey: 'k2' });
    const stale = pickupListReducer(newer, { type: 'loaded', requestKey: 'k1', result: page([9], 1, 1) });
    expect(stale).toBe(newer);
    expect(pickupListReducer(newer, { type: 'failed', requestKey: 'k1', message: 'x' })).toBe(newer);
  });

  it('keeps loaded items when loading more fails', () => {
    const first = pickupListReducer(started, { type: 'loaded', requestKey: 'k1', result: page([1], 1, 30) });
    const failed = pickupListReducer(pickupListReducer(first, { type: 'start-more' }), {
      type: 'failed',
      requestKey: 'k1',
      message: '网络连接失败',
    });
    expect(failed).toMatchObject({ status: 'error', error: '网络连接失败', page: 1 });
    expect(failed.items).toHaveLength(1);
    expect(hasMorePickupPoints(failed)).toBe(true);
  });

  it('reports no more when the server has nothing', () => {
    const empty: PickupListState = pickupListReducer(started, {
      type: 'loaded',
      requestKey: 'k1',
      result: page([], 1, 0),
    });
    expect(empty).toMatchObject({ status: 'ready', total: 0 });
    expect(hasMorePickupPoints(empty)).toBe(false);
  });
});

describe('pickupSearchQuery / pickupRequestKey', () => {
  it('leaves out an empty keyword and an unknown position', () => {
    expect(pickupSearchQuery('  ', null, 1)).toEqual({ page: 1, pageSize: PICKUP_PAGE_SIZE });
  });

  it('trims the keyword and rounds coordinates', () => {
    expect(pickupSearchQuery(' 翠苑 ', { latitude: 30.27410049, longitude: 120.1551234 }, 2)).toEqual({
      page: 2,
      pageSize: PICKUP_PAGE_SIZE,
      keyword: '翠苑',
      latitude: 30.2741,
      longitude: 120.155123,
    });
  });

  it('changes the key with keyword or position, not with tiny GPS jitter', () => {
    const here = { latitude: 30.27411, longitude: 120.15512 };
    expect(pickupRequestKey('a', here)).toBe(
      pickupRequestKey(' a ', { latitude: 30.274112, longitude: 120.155121 }),
    );
    expect(pickupRequestKey('a', here)).not.toBe(pickupRequestKey('b', here));
    expect(pickupRequestKey('a', here)).not.toBe(pickupRequestKey('a', null));
  });
});
