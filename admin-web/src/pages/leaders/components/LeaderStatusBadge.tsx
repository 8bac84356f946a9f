import { Badge, type BadgeProps } from 'antd';
import { LEADER_STATUS_LABELS, type LeaderStatus } from '@linli/shared-types';

const BADGE_STATUS: Record<LeaderStatus, BadgeProps['status']> = {
  pending: 'processing',
  active: 'success',
  rejected: 'error',
  suspended: 'default',
};

export function LeaderStatusBadge({ status }: { status: LeaderStatus }) {
  return (
    <Badge
      status={BADGE_STATUS[status]}
      text={LEADER_STATUS_LABELS[status]}
      data-testid="leader-status"
      data-status={status}
    />
  );
}
