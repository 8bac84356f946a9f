import { Badge } from 'antd';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '@linli/shared-types';

const BADGE: Record<CampaignStatus, 'default' | 'processing' | 'success' | 'warning'> = {
  draft: 'default',
  scheduled: 'warning',
  live: 'processing',
  ended: 'default',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  return (
    <Badge
      status={BADGE[status]}
      color={status === 'live' ? '#16a34a' : undefined}
      text={CAMPAIGN_STATUS_LABELS[status]}
      data-testid="campaign-status"
    />
  );
}
