import type { CampaignAudience, CampaignStatus, FieldError } from '@linli/shared-types';
import { sameAudience } from './campaign-audience';
import type { CampaignItemDraft, CampaignSchedule } from './campaign-rules';

/** The editable content of a campaign, as stored and as a PUT sends it. */
export interface CampaignContent extends CampaignSchedule {
  title: string;
  coverKey: string | null;
  description: string | null;
  audience: CampaignAudience;
  /** 秒杀: orders pass the Redis flash-sale gate. */
  flashSale: boolean;
  items: CampaignItemDraft[];
}

/** How far a campaign in `status` may be edited: fully, only the live-safe fields, or not at all. */
export function editScope(status: CampaignStatus): 'full' | 'live' | 'none' {
  if (status === 'draft' || status === 'scheduled') return 'full';
  return status === 'live' ? 'live' : 'none';
}

/**
 * What a live campaign may not change (409 CAMPAIGN_LIVE_FIELD_LOCKED, one field error each). Buyers may
 * hold its items in a cart or an order, so prices, limits, the start, the audience and the items already
 * offered stay; the title, cover, description, a LATER end or cut-off, the pickup date, new items and
 * raised stock caps may change.
 */
export function liveEditLocks(current: CampaignContent, next: CampaignContent): FieldError[] {
  const locks: FieldError[] = [];
  const lock = (field: string, error: string) => locks.push({ field, errors: [error] });
  if (next.startAt.getTime() !== current.startAt.getTime()) lock('startAt', '活动进行中，不能修改开始时间');
  if (next.endAt < current.endAt) lock('endAt', '活动进行中，结束时间只能延后');
  if (next.cutoffAt < current.cutoffAt) lock('cutoffAt', '活动进行中，截单时间只能延后');
  if (!sameAudience(current.audience, next.audience)) lock('audience', '活动进行中，不能修改投放范围');
  if (current.flashSale !== next.flashSale) lock('flashSale', '活动进行中，不能切换秒杀');

  const nextBySku = new Map(next.items.map((item, index) => [item.skuId, { item, index }]));
  const removed = current.items.filter((item) => !nextBySku.has(item.skuId));
  if (removed.length > 0) lock('items', '活动进行中，不能移除已上架的商品');
  for (const before of current.items) {
    const found = nextBySku.get(before.skuId);
    if (!found) continue;
    const { item: after, index } = found;
    const errors: string[] = [];
    if (after.groupPrice !== before.groupPrice || after.originalPrice !== before.originalPrice) {
      errors.push('活动进行中，不能修改价格');
    }
    if (after.perMemberLimit !== before.perMemberLimit) errors.push('活动进行中，不能修改每人限购');
    if (isLowerCap(before.stockCap, after.stockCap)) errors.push('活动进行中，活动库存上限只能调高');
    if (errors.length > 0) locks.push({ field: `items.${index}`, errors });
  }
  return locks;
}

/**
 * Times of a running (scheduled or live) campaign already passed at `now`: the end, else the cut-off.
 * With `unchanged` (a live campaign's stored times) only a time the edit actually changes is checked,
 * so a live campaign past its cut-off can still get a new title, description or pickup date.
 */
export function passedTimeProblems(
  next: Pick<CampaignContent, 'endAt' | 'cutoffAt'>,
  now: Date,
  unchanged?: Pick<CampaignContent, 'endAt' | 'cutoffAt'>,
): FieldError[] {
  const checked = (field: 'endAt' | 'cutoffAt') =>
    !unchanged || next[field].getTime() !== unchanged[field].getTime();
  if (checked('endAt') && next.endAt <= now) return [{ field: 'endAt', errors: ['活动结束时间已过'] }];
  if (checked('cutoffAt') && next.cutoffAt <= now) return [{ field: 'cutoffAt', errors: ['截单时间已过'] }];
  return [];
}

/** null means "no cap", which is above every number. */
function isLowerCap(before: number | null, after: number | null): boolean {
  if (after === null) return false;
  return before === null || after < before;
}
