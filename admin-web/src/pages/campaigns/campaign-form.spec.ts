import { describe, expect, it } from 'vitest';
import type { CampaignDetail } from '@linli/shared-types';
import {
  campaignProblems,
  defaultCampaignValues,
  isoToShanghai,
  lockedWhenLive,
  itemFromPicker,
  shanghaiToIso,
  toCampaignInput,
  valuesFromDetail,
  type CampaignFormValues,
} from './campaign-form';

const detail: CampaignDetail = {
  id: 5,
  title: '周末水果团',
  coverKey: '2026/11/23/a.jpg',
  coverUrl: '/uploads/2026/11/23/a.jpg',
  description: '产地直发',
  status: 'live',
  // 2026-11-24 10:00, 11-26 22:00 and 23:00 in Shanghai.
  startAt: '2026-11-24T02:00:00.000Z',
  cutoffAt: '2026-11-26T14:00:00.000Z',
  endAt: '2026-11-26T15:00:00.000Z',
  pickupDate: '2026-11-27',
  audience: { kind: 'levels', levelIds: [2, 3], leaderIds: [] },
  flashSale: true,
  audienceLevelNames: ['银牌团长', '金牌团长'],
  audienceLeaderNames: [],
  items: [
    {
      id: 1,
      skuId: 11,
      productId: 4,
      productName: '贵妃芒',
      skuName: '5斤装 / 海南',
      imageUrl: null,
      groupPrice: 2990,
      originalPrice: 3990,
      perMemberLimit: 2,
      soldQuantity: 7,
      remaining: 40,
      stockCap: 50,
      retailPrice: 3990,
      cost: 1800,
      productStatus: 'on_sale',
    },
  ],
  soldQuantity: 7,
  duplicatedFromId: null,
  createdAt: '2026-11-20T00:00:00.000Z',
  updatedAt: '2026-11-20T00:00:00.000Z',
};

describe('Shanghai wall clock', () => {
  it('shows ISO instants as Shanghai time and reads picked times back as Shanghai time', () => {
    const start = isoToShanghai('2026-11-24T02:00:00.000Z');
    expect(start.format('YYYY-MM-DD HH:mm')).toBe('2026-11-24 10:00');
    expect(shanghaiToIso(start)).toBe('2026-11-24T02:00:00.000Z');
    // Midnight in Shanghai is the previous day in UTC.
    expect(shanghaiToIso(isoToShanghai('2026-11-30T16:00:00.000Z'))).toBe('2026-11-30T16:00:00.000Z');
    expect(isoToShanghai('2026-11-30T16:00:00.000Z').format('YYYY-MM-DD HH:mm')).toBe('2026-12-01 00:00');
  });
});

describe('campaign form mapping', () => {
  it('round-trips a saved campaign to the same input, money in fen', () => {
    const values = valuesFromDetail(detail);
    expect(values.items[0]).toMatchObject({ groupPriceYuan: 29.9, originalPriceYuan: 39.9, locked: true });
    expect(toCampaignInput(values)).toEqual({
      title: '周末水果团',
      coverKey: '2026/11/23/a.jpg',
      description: '产地直发',
      startAt: detail.startAt,
      endAt: detail.endAt,
      cutoffAt: detail.cutoffAt,
      pickupDate: '2026-11-27',
      audience: { kind: 'levels', levelIds: [2, 3], leaderIds: [] },
      flashSale: true,
      items: [{ skuId: 11, groupPrice: 2990, originalPrice: 3990, perMemberLimit: 2, stockCap: 50 }],
    });
  });

  it('sends only the ids of the chosen audience kind and null for an empty cover/description', () => {
    const values: CampaignFormValues = {
      ...valuesFromDetail(detail),
      cover: [],
      description: '  ',
      audienceKind: 'all',
    };
    const input = toCampaignInput(values);
    expect(input.audience).toEqual({ kind: 'all', levelIds: [], leaderIds: [] });
    expect(input.coverKey).toBeNull();
    expect(input.description).toBeNull();
  });

  it('defaults a picked SKU’s 划线价 to its retail price and leaves the group price to fill', () => {
    const row = itemFromPicker({
      skuId: 3,
      productId: 1,
      productName: '土鸡蛋',
      productKind: 'standard',
      productStatus: 'on_sale',
      specText: '30枚',
      coverUrl: null,
      price: 3580,
      cost: 2000,
      stock: 12,
    });
    expect(row).toMatchObject({
      originalPriceYuan: 35.8,
      groupPriceYuan: null,
      perMemberLimit: 0,
      stockCap: null,
    });
  });

  it('defaults to tomorrow 10:00 Shanghai with 截单 two days later and pickup the day after', () => {
    const values = defaultCampaignValues(new Date('2026-11-23T20:00:00.000Z')); // 11-24 04:00 in Shanghai
    expect(values.startAt?.format('YYYY-MM-DD HH:mm')).toBe('2026-11-25 10:00');
    expect(values.cutoffAt?.format('YYYY-MM-DD HH:mm')).toBe('2026-11-27 22:00');
    expect(values.pickupDate?.format('YYYY-MM-DD')).toBe('2026-11-28');
  });
});

describe('秒杀 switch', () => {
  it('is off for a new campaign, always sent, and locked only while the campaign is live', () => {
    const fresh = defaultCampaignValues();
    expect(fresh.flashSale).toBe(false);
    expect(toCampaignInput({ ...valuesFromDetail(detail), flashSale: false }).flashSale).toBe(false);
    expect(lockedWhenLive('live').flashSale).toBe(true);
    expect(lockedWhenLive('draft').flashSale).toBe(false);
    expect(lockedWhenLive('scheduled').flashSale).toBe(false);
    expect(lockedWhenLive(null).flashSale).toBe(false);
  });
});

describe('campaignProblems', () => {
  it('accepts a consistent campaign', () => {
    expect(campaignProblems(valuesFromDetail(detail), 'draft')).toEqual([]);
  });

  it('names wrong time order, a missing audience, prices and a lowered live cap', () => {
    const base = valuesFromDetail(detail);
    const values: CampaignFormValues = {
      ...base,
      cutoffAt: base.startAt.subtract(1, 'hour'),
      endAt: base.startAt.subtract(2, 'hour'),
      pickupDate: base.startAt.subtract(3, 'day'),
      audienceKind: 'leaders',
      leaderIds: [],
      items: [
        { ...base.items[0], groupPriceYuan: 49.9, stockCap: 30 },
        { ...base.items[0], skuId: 12, groupPriceYuan: null },
      ],
    };
    expect(campaignProblems(values, 'live')).toEqual([
      '截单时间须晚于开始时间',
      '结束时间不能早于截单时间',
      '提货日期不能早于截单日期',
      '请选择可见的团长',
      '「贵妃芒 5斤装 / 海南」团购价不能高于划线价',
      '「贵妃芒 5斤装 / 海南」进行中的活动只能调高限量',
      '「贵妃芒 5斤装 / 海南」还没有填写团购价',
    ]);
  });
});
