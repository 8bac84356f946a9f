import { Image, Text, View } from '@tarojs/components';
import { type OrderDetail } from '@linli/shared-types';

/** While the order waits for pickup: the 6-digit code in large type and its QR for the leader to scan. */
export function PickupCodeCard({ order }: { order: OrderDetail }) {
  const arrived = order.status === 'ready_for_pickup';
  // A picked-up order keeps its code as a record; the info card lists it as 已使用.
  if (!order.pickupCode || !(arrived || order.status === 'paid')) return null;
  return (
    <View className="od-card od-code" id="order-pickup">
      <Text className="od-code__label">提货码</Text>
      {/* Letter-spaced, not split: the text stays the code itself for copying and for tests. */}
      <Text className="od-code__digits" id="order-pickup-code" selectable>
        {order.pickupCode}
      </Text>
      {order.pickupQr ? (
        <View className="od-code__qr-frame">
          <Image className="od-code__qr" id="order-pickup-qr" src={order.pickupQr} mode="aspectFit" />
        </View>
      ) : null}
      <Text className="od-code__hint">
        {arrived
          ? '到自提点出示提货码或二维码，团长核销即完成提货'
          : '到货后团长会通知你，凭提货码或二维码提货'}
      </Text>
    </View>
  );
}
