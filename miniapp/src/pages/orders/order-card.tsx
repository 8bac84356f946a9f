import { Text, View } from '@tarojs/components';
import { formatFen, REFUND_STATUS_LABELS, type OrderSummary } from '@linli/shared-types';
import { ProductThumb } from '@/components/order-line-row';
import { OrderStatusBadge } from '@/components/order-status-badge';
import { payCountdown } from '@/services/orders';
import { formatPickupDate } from '@/utils/shanghai-time';

interface OrderCardProps {
  order: OrderSummary;
  now: Date;
  paying: boolean;
  onOpen: () => void;
  onPay: () => void;
  onCancel: () => void;
}

function Lines({ order }: { order: OrderSummary }) {
  if (order.lines.length === 1) {
    const line = order.lines[0];
    return (
      <View className="ol-card__single">
        <ProductThumb imageUrl={line.imageUrl} name={line.productName} size="sm" />
        <View className="ol-card__single-text">
          <Text className="ol-card__name">{line.productName}</Text>
          <Text className="ol-card__spec">{line.specText}</Text>
        </View>
        <Text className="ol-card__qty">× {line.quantity}</Text>
      </View>
    );
  }
  return (
    <View>
      <View className="ol-card__thumbs">
        {order.lines.map((line, index) => (
          <ProductThumb key={index} imageUrl={line.imageUrl} name={line.productName} size="sm" />
        ))}
      </View>
      <Text className="ol-card__names">{order.lines.map((line) => line.productName).join('、')}</Text>
    </View>
  );
}

/** One order in 我的订单: campaign, status, first lines, total, and the next step (去支付 / 提货码). */
export function OrderCard({ order, now, paying, onOpen, onPay, onCancel }: OrderCardProps) {
  const id = `order-card-${order.id}`;
  const pending = order.status === 'pending_payment';
  const countdown = pending ? payCountdown(order.payDeadlineAt, now) : null;
  const waitingPickup = order.status === 'paid' || order.status === 'ready_for_pickup';
  const stop = (action: () => void) => (event: { stopPropagation: () => void }) => {
    event.stopPropagation();
    action();
  };
  return (
    <View className="ol-card" id={id} onClick={onOpen}>
      <View className="ol-card__head">
        <Text className="ol-card__title">{order.campaignTitle}</Text>
        <OrderStatusBadge id={`${id}-status`} status={order.status} />
      </View>
      <Lines order={order} />
      <View className="ol-card__sum">
        <Text className="ol-card__pickup">{formatPickupDate(order.pickupDate, now)}</Text>
        <Text className="ol-card__count">共 {order.itemCount} 件</Text>
        <Text className="ol-card__amount-label">{pending ? '应付' : '实付'}</Text>
        <Text className="ol-card__amount" id={`${id}-amount`}>
          {formatFen(order.payableAmount)}
        </Text>
      </View>
      {order.refund ? (
        <Text className="ol-card__refund">
          {REFUND_STATUS_LABELS[order.refund.status]} {formatFen(order.refund.amount)}
        </Text>
      ) : null}
      {pending || waitingPickup ? (
        <View className="ol-card__actions">
          {countdown ? (
            <Text className="ol-card__countdown" id={`${id}-countdown`}>
              剩 {countdown} 自动取消
            </Text>
          ) : null}
          {pending ? (
            <>
              <View className="ol-card__btn" id={`${id}-cancel`} onClick={stop(onCancel)}>
                取消订单
              </View>
              {countdown ? (
                <View
                  className={`ol-card__btn ol-card__btn--primary${paying ? ' is-busy' : ''}`}
                  id={`${id}-pay`}
                  onClick={stop(onPay)}
                >
                  去支付
                </View>
              ) : null}
            </>
          ) : (
            <View className="ol-card__btn ol-card__btn--green" id={`${id}-code`} onClick={stop(onOpen)}>
              查看提货码
            </View>
          )}
        </View>
      ) : null}
    </View>
  );
}

export function OrderCardSkeleton() {
  return (
    <View className="ol-card ol-card--skeleton">
      <View className="ol-skeleton ol-skeleton--w60" />
      <View className="ol-skeleton-row">
        <View className="ol-skeleton ol-skeleton--thumb" />
        <View className="ol-skeleton ol-skeleton--thumb" />
      </View>
      <View className="ol-skeleton ol-skeleton--w40" />
    </View>
  );
}
