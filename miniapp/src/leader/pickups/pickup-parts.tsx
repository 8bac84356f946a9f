import { Text, View } from '@tarojs/components';
import { formatFen, type LeaderPickupCampaign, type LeaderPickupOrder } from '@linli/shared-types';
import { OrderStatusBadge } from '@/components/order-status-badge';
import { formatPickupDate, formatShanghaiDateTime } from '@/utils/shanghai-time';

/** One campaign with orders at this point: how many wait for the goods, for the buyer, are done. */
export function PickupCampaignCard({
  campaign,
  now,
  selected,
  arriving,
  onSelect,
  onArrive,
}: {
  campaign: LeaderPickupCampaign;
  now: Date;
  selected: boolean;
  arriving: boolean;
  onSelect: () => void;
  onArrive: () => void;
}) {
  const id = `pickups-campaign-${campaign.campaignId}`;
  return (
    <View className={`pk-campaign${selected ? ' is-selected' : ''}`} id={id} onClick={onSelect}>
      <View className="pk-campaign__head">
        <Text className="pk-campaign__title">{campaign.campaignTitle}</Text>
        <Text className="pk-campaign__date">{formatPickupDate(campaign.pickupDate, now)}</Text>
      </View>
      <View className="pk-campaign__stats">
        <View className="pk-stat">
          <Text className="pk-stat__value pk-stat__value--orange" id={`${id}-paid`}>
            {campaign.paidCount}
          </Text>
          <Text className="pk-stat__label">已付款待到货</Text>
        </View>
        <View className="pk-stat">
          <Text className="pk-stat__value pk-stat__value--green" id={`${id}-ready`}>
            {campaign.readyCount}
          </Text>
          <Text className="pk-stat__label">待提货</Text>
        </View>
        <View className="pk-stat">
          <Text className="pk-stat__value" id={`${id}-picked`}>
            {campaign.pickedUpCount}
          </Text>
          <Text className="pk-stat__label">已提货</Text>
        </View>
      </View>
      {campaign.paidCount > 0 ? (
        <View
          className={`btn btn--primary btn--block pk-campaign__arrive${arriving ? ' is-busy' : ''}`}
          id={`${id}-arrive`}
          onClick={(event) => {
            event.stopPropagation();
            if (!arriving) onArrive();
          }}
        >
          {arriving ? '正在通知买家…' : `确认到货，通知 ${campaign.paidCount} 位买家`}
        </View>
      ) : (
        <Text className="pk-campaign__done">商品已到货，等待买家提货</Text>
      )}
    </View>
  );
}

/** An order at the point as the leader sees it: who, what, remark; no pickup code (the buyer shows it). */
export function PickupOrderCard({ order }: { order: LeaderPickupOrder }) {
  const id = `pickups-order-${order.orderId}`;
  return (
    <View className="pk-order" id={id}>
      <View className="pk-order__head">
        <Text className="pk-order__buyer">{order.buyerName}</Text>
        {order.buyerPhoneTail ? <Text className="pk-order__tail">尾号 {order.buyerPhoneTail}</Text> : null}
        <View className="pk-order__spacer" />
        <OrderStatusBadge status={order.status} />
      </View>
      <View className="pk-order__lines">
        {order.lines.map((line, index) => (
          <View className="pk-order__line" key={index}>
            <Text className="pk-order__line-name">
              {line.productName}
              <Text className="pk-order__line-spec"> {line.specText}</Text>
            </Text>
            <Text className="pk-order__line-qty">× {line.quantity}</Text>
          </View>
        ))}
      </View>
      {order.remark ? <Text className="pk-order__remark">备注：{order.remark}</Text> : null}
      <View className="pk-order__foot">
        <Text className="pk-order__meta">
          {order.pickedUpAt
            ? `${formatShanghaiDateTime(order.pickedUpAt)} 提货`
            : order.paidAt
              ? `${formatShanghaiDateTime(order.paidAt)} 付款`
              : order.orderNo}
        </Text>
        <Text className="pk-order__amount">
          共 {order.itemCount} 件 {formatFen(order.payableAmount)}
        </Text>
      </View>
      <Text className="pk-order__no">
        {order.campaignTitle} · 订单号 {order.orderNo}
      </Text>
    </View>
  );
}
