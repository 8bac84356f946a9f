import type { CampaignStatus } from '@linli/shared-types';

/** What moves a campaign: staff buttons, or the clock (jobs and the sweep). */
export type CampaignAction = 'schedule' | 'unschedule' | 'end';

export interface TimeWindow {
  startAt: Date;
  endAt: Date;
}

/**
 * Where a staff action takes a campaign from `from` at `now`, or null when the action is not allowed
 * there (409 CAMPAIGN_INVALID_STATUS):
 * - schedule: draft → scheduled, or straight to live when the start has passed (the end must not have);
 * - unschedule (撤回排期): scheduled → draft; a live campaign may hold orders, so it can only be ended;
 * - end (提前结束): scheduled or live → ended.
 */
export function staffTransition(
  from: CampaignStatus,
  action: CampaignAction,
  window: TimeWindow,
  now: Date,
): CampaignStatus | null {
  switch (action) {
    case 'schedule':
      if (from !== 'draft') return null;
      return window.startAt <= now ? 'live' : 'scheduled';
    case 'unschedule':
      return from === 'scheduled' ? 'draft' : null;
    case 'end':
      return from === 'scheduled' || from === 'live' ? 'ended' : null;
  }
}

/**
 * Where the clock takes a campaign at `now`, or null when it stays: scheduled → live once started,
 * scheduled/live → ended once over. Drafts and ended campaigns never move by time.
 */
export function timeTransition(from: CampaignStatus, window: TimeWindow, now: Date): CampaignStatus | null {
  if ((from === 'scheduled' || from === 'live') && window.endAt <= now) return 'ended';
  if (from === 'scheduled' && window.startAt <= now) return 'live';
  return null;
}

/** Statuses from which the clock moves a campaign to `to` (the WHERE of the conditional update). */
export function timeSources(to: 'live' | 'ended'): CampaignStatus[] {
  return to === 'live' ? ['scheduled'] : ['scheduled', 'live'];
}
