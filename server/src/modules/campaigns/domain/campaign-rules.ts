import type { CampaignStatus, Fen, FieldError } from '@linli/shared-types';
import { shanghaiDate } from '../../../platform/time/shanghai';

export interface CampaignSchedule {
  startAt: Date;
  endAt: Date;
  /** 截单: orders close here; pickup happens on `pickupDate` (a Shanghai calendar date). */
  cutoffAt: Date;
  pickupDate: string;
}

export interface CampaignItemDraft {
  skuId: number;
  groupPrice: Fen;
  originalPrice: Fen;
  perMemberLimit: number;
  stockCap: number | null;
}

/** Field problems of a campaign definition; empty when it can be saved. */
export function campaignProblems(
  schedule: CampaignSchedule,
  items: readonly CampaignItemDraft[],
): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, error: string) => problems.push({ field, errors: [error] });
  if (!(schedule.startAt < schedule.endAt)) add('endAt', '结束时间必须晚于开始时间');
  if (!(schedule.cutoffAt > schedule.startAt && schedule.cutoffAt <= schedule.endAt)) {
    add('cutoffAt', '截单时间必须在活动开始之后、结束之前（含结束时间）');
  }
  if (!isCalendarDate(schedule.pickupDate)) {
    add('pickupDate', '提货日期格式应为 YYYY-MM-DD');
  } else if (schedule.pickupDate < shanghaiDate(schedule.cutoffAt)) {
    add('pickupDate', '提货日期不能早于截单日期');
  }
  if (items.length === 0) add('items', '至少需要一个商品');
  const seen = new Set<number>();
  items.forEach((item, i) => {
    const errors: string[] = [];
    if (!isNonNegativeInt(item.groupPrice)) errors.push('团购价必须是非负整数（分）');
    if (!isNonNegativeInt(item.originalPrice)) errors.push('划线价必须是非负整数（分）');
    if (item.groupPrice > item.originalPrice) errors.push('团购价不能高于划线价');
    if (!isNonNegativeInt(item.perMemberLimit)) errors.push('每人限购必须是非负整数（0 表示不限）');
    if (item.stockCap !== null && !isNonNegativeInt(item.stockCap)) errors.push('活动库存上限必须是非负整数');
    if (seen.has(item.skuId)) errors.push('同一规格不能重复添加');
    seen.add(item.skuId);
    if (errors.length > 0) problems.push({ field: `items.${i}`, errors });
  });
  return problems;
}

/** A live campaign is shown only within its time window, even before a job has moved its status. */
export function isOpenAt(
  campaign: { status: CampaignStatus; startAt: Date; endAt: Date },
  now: Date,
): boolean {
  return campaign.status === 'live' && campaign.startAt <= now && now < campaign.endAt;
}

/** Orders are taken while live, from the start until the cut-off (截单), which is never after the end. */
export function isOrderableAt(
  campaign: { status: CampaignStatus; startAt: Date; cutoffAt: Date; endAt: Date },
  now: Date,
): boolean {
  return isOpenAt(campaign, now) && now < campaign.cutoffAt;
}

/**
 * A real YYYY-MM-DD calendar date. Date.parse rolls impossible days over (2026-02-31 → 03-03), so the
 * date must come back unchanged from a round trip.
 */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

function isNonNegativeInt(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
