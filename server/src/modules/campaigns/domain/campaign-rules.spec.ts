import {
  campaignProblems,
  isCalendarDate,
  isOpenAt,
  isOrderableAt,
  type CampaignItemDraft,
  type CampaignSchedule,
} from './campaign-rules';

const schedule: CampaignSchedule = {
  startAt: new Date('2026-03-01T00:00:00Z'),
  endAt: new Date('2026-03-03T00:00:00Z'),
  cutoffAt: new Date('2026-03-01T14:00:00Z'), // 22:00 in Shanghai
  pickupDate: '2026-03-02',
};
const item: CampaignItemDraft = {
  skuId: 1,
  groupPrice: 1990,
  originalPrice: 2990,
  perMemberLimit: 2,
  stockCap: null,
};

describe('campaignProblems', () => {
  it('accepts a consistent campaign', () => {
    expect(campaignProblems(schedule, [item, { ...item, skuId: 2, groupPrice: 2990 }])).toEqual([]);
  });

  it('checks the time order of start, cutoff, end and pickup', () => {
    const fields = (s: Partial<CampaignSchedule>) =>
      campaignProblems({ ...schedule, ...s }, [item]).map((p) => p.field);
    expect(fields({ endAt: schedule.startAt })).toContain('endAt');
    expect(fields({ cutoffAt: new Date('2026-03-04T00:00:00Z') })).toEqual(['cutoffAt', 'pickupDate']);
    expect(fields({ cutoffAt: schedule.startAt })).toEqual(['cutoffAt']);
    expect(fields({ cutoffAt: schedule.endAt, pickupDate: '2026-03-03' })).toEqual([]);
    expect(fields({ pickupDate: '2026-02-28' })).toEqual(['pickupDate']);
    expect(fields({ pickupDate: '2026-3-2' })).toEqual(['pickupDate']);
    // Impossible days are refused, not rolled over into the next month.
    expect(fields({ pickupDate: '2026-02-31' })).toEqual(['pickupDate']);
    expect(fields({ pickupDate: '2026-03-32' })).toEqual(['pickupDate']);
    expect(fields({ pickupDate: '2026-13-01' })).toEqual(['pickupDate']);
    // Cut-off at 22:00 Shanghai on 03-01: same-day pickup is allowed, the day before is not.
    expect(fields({ pickupDate: '2026-03-01' })).toEqual([]);
  });

  it('checks items: prices in fen, group price not above original, no duplicates', () => {
    const problems = campaignProblems(schedule, [
      { ...item, groupPrice: 3000 },
      { ...item, skuId: 2, groupPrice: 19.9 },
      { ...item, skuId: 2, perMemberLimit: -1, stockCap: -3 },
    ]);
    expect(problems).toEqual([
      { field: 'items.0', errors: ['团购价不能高于划线价'] },
      { field: 'items.1', errors: ['团购价必须是非负整数（分）'] },
      {
        field: 'items.2',
        errors: [
          '每人限购必须是非负整数（0 表示不限）',
          '活动库存上限必须是非负整数',
          '同一规格不能重复添加',
        ],
      },
    ]);
    expect(campaignProblems(schedule, [])).toEqual([{ field: 'items', errors: ['至少需要一个商品'] }]);
  });
});

describe('isOpenAt / isOrderableAt', () => {
  const live = { status: 'live' as const, startAt: schedule.startAt, endAt: schedule.endAt };

  it('is open only while live and within [startAt, endAt)', () => {
    expect(isOpenAt(live, schedule.startAt)).toBe(true);
    expect(isOpenAt(live, new Date('2026-03-02T00:00:00Z'))).toBe(true);
    expect(isOpenAt(live, schedule.endAt)).toBe(false);
    expect(isOpenAt(live, new Date('2026-02-28T23:59:59Z'))).toBe(false);
    expect(isOpenAt({ ...live, status: 'scheduled' }, new Date('2026-03-02T00:00:00Z'))).toBe(false);
  });

  it('takes orders only until the cut-off', () => {
    const campaign = { ...live, cutoffAt: schedule.cutoffAt };
    expect(isOrderableAt(campaign, schedule.startAt)).toBe(true);
    expect(isOrderableAt(campaign, new Date(schedule.cutoffAt.getTime() - 1))).toBe(true);
    expect(isOrderableAt(campaign, schedule.cutoffAt)).toBe(false);
    expect(isOrderableAt({ ...campaign, status: 'ended' }, schedule.startAt)).toBe(false);
  });
});

describe('isCalendarDate', () => {
  it('takes real dates, leap days included, and nothing else', () => {
    expect(['2026-03-02', '2028-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-04-31', '2026-00-10', '2026-3-2', ''].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
