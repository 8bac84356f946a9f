import { Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import {
  ORDER_STATUS_LABELS,
  PAYMENT_STATUS_LABELS,
  REFUND_STATUS_LABELS,
  type OrderStatus,
  type PaymentStatus,
  type RefundStatus,
} from '@linli/shared-types';

/** Warm colours wait on someone, green is done, grey ended without money kept, purple gave money back. */
const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  pending_payment: 'gold',
  paid: 'blue',
  locked: 'geekblue',
  shipped: 'geekblue',
  ready_for_pickup: 'cyan',
  picked_up: 'green',
  cancelled: 'default',
  refunded: 'purple',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  return (
    <Tag color={ORDER_STATUS_COLORS[status]} bordered={false} data-testid="order-status" data-status={status}>
      {ORDER_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

const REFUND_STATUS_COLORS: Record<RefundStatus, string> = {
  processing: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export function RefundStatusTag({ status }: { status: RefundStatus }) {
  return (
    <Tag
      color={REFUND_STATUS_COLORS[status]}
      icon={status === 'processing' ? <SyncOutlined spin /> : undefined}
      bordered={false}
      data-testid="refund-status"
      data-status={status}
    >
      {REFUND_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

const PAYMENT_STATUS_COLORS: Record<PaymentStatus, string> = {
  pending: 'default',
  succeeded: 'success',
  closed: 'default',
};

export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  return (
    <Tag color={PAYMENT_STATUS_COLORS[status]} bordered={false} data-testid="payment-status">
      {PAYMENT_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}
