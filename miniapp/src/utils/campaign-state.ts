import { type CampaignStatus } from '@linli/shared-types';

/**
 * Can the buyer take part in a campaign right now, and if not, why: 已结束 (ended), 已截单 (cut off but
 * not ended yet), or offered at another pickup point than theirs. Order matters: an ended campaign is
 * ended wherever it was offered.
 */
export type CampaignAvailability = 'open' | 'ended' | 'cut-off' | 'elsewhere';

export function campaignAvailability(
  campaign: { status: CampaignStatus; cutoffAt: string; offeredHere: boolean },
  now: Date,
): CampaignAvailability {
  if (campaign.status === 'ended') return 'ended';
  if (new Date(campaign.cutoffAt).getTime() <= now.getTime()) return 'cut-off';
  if (!campaign.offeredHere) return 'elsewhere';
  return 'open';
}

/** The banner text for a campaign the buyer cannot take part in, or null when it is open. */
export function availabilityNotice(
  availability: CampaignAvailability,
): { title: string; detail: string } | null {
  switch (availability) {
    case 'ended':
      return { title: '团购已结束', detail: '这场团购已经结束，去首页看看团长的新团购吧' };
    case 'cut-off':
      return { title: '已截单', detail: '这场团购已截单，正在备货，截单后不再接受新订单' };
    case 'elsewhere':
      return {
        title: '该活动不在你当前的自提点提供',
        detail:
          '这场团购由其他团长发起，你当前的自提点没有参加，暂时不能在这里下单。可以切换到附近参加的自提点。',
      };
    case 'open':
      return null;
  }
}
