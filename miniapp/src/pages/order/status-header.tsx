import { Text, View } from '@tarojs/components';
import { formatFen, ORDER_STATUS_LABELS, REFUND_STATUS_LABELS, type OrderDetail } from '@linli/shared-types';
import { payCountdown } from '@/services/orders';
import { formatPickupDate, formatShanghaiDateTime } from '@/utils/shanghai-time';

/** The sentence under the status: what happens next, or how it ended. */
function statusLine(order: OrderDetail, now: Date): string {
  switch (order.status) {
    case 'pending_payment':
      return payCountdown(order.payDeadlineAt, now)
        ? '超时未支付，订单将自动取消'
        : '支付已超时，订单即将关闭';
    case 'paid':
      return `${formatPickupDate(order.pickupDate, now)} · 团长确认到货后会通知你提货`;
    case 'locked':
      return `${formatPickupDate(order.pickupDate, now)} · 已截单，仓库正在备货`;
    case 'shipped':
      return `${formatPickupDate(order.pickupDate, now)} · 商品已发出，团长确认到货后会通知你提货`;
    case 'ready_for_pickup':
      return '商品已到自提点，请凭提货码到店提货';
    case 'picked_up':
      return order.pickedUpAt ? `已于 ${formatShanghaiDateTime(order.pickedUpAt)} 提货` : '已提货，感谢支持';
    case 'cancelled':
      return order.timeline.some((entry) => entry.type === 'closed')
        ? '超时未支付，订单已自动关闭'
        : '订单已取消，商品不再为你保留';
    case 'refunded': {
      const refund = order.refund;
      if (!refund) return `${formatFen(order.refundedAmount)} 将原路退回`;
      if (refund.status === 'succeeded') return `${formatFen(refund.amount)} 已原路退回`;
      if (refund.status === 'failed') return '退款失败，平台会尽快为你处理';
      return `${REFUND_STATUS_LABELS[refund.status]}，${formatFen(refund.amount)} 将原路退回`;
    }
  }
}

/** The green band on top: status in large type, a countdown while it waits for payment. */
export function StatusHeader({ order, now }: { order: OrderDetail; now: Date }) {
  const countdown = order.status === 'pending_payment' ? payCountdown(order.payDeadlineAt, now) : null;
  return (
    <View className={`od-header od-header--${order.status}`} id="order-header">
      <View className="od-header__row">
        <Text className="od-header__status" id="order-status">
          {ORDER_STATUS_LABELS[order.status]}
        </Text>
        {countdown ? (
          <Text className="od-header__countdown" id="order-pay-countdown">
            剩余 {countdown}
          </Text>
        ) : null}
      </View>
      <Text className="od-header__line" id="order-status-line">
        {statusLine(order, now)}
      </Text>
    </View>
  );
}
