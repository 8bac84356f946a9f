import { ORDER_STATUS_LABELS, type OrderStatus } from '@linli/shared-types';
import { StatusBadge } from '@/components/status-badge';
import { type StatusTone } from '@/utils/leader-status';

/** Waiting on the buyer (pay, pick up) is orange; done is green; ended is grey. */
export const ORDER_STATUS_TONES: Record<OrderStatus, StatusTone> = {
  pending_payment: 'warning',
  paid: 'success',
  locked: 'success',
  shipped: 'success',
  ready_for_pickup: 'warning',
  picked_up: 'success',
  cancelled: 'muted',
  refunded: 'muted',
};

export function OrderStatusBadge({ id, status }: { id?: string; status: OrderStatus }) {
  return <StatusBadge id={id} label={ORDER_STATUS_LABELS[status]} tone={ORDER_STATUS_TONES[status]} />;
}
