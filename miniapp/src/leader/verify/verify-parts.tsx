import { Input, Text, View } from '@tarojs/components';
import { formatFen, type LeaderPickupOrder } from '@linli/shared-types';
import { OrderLineRow } from '@/components/order-line-row';
import { OrderStatusBadge } from '@/components/order-status-badge';
import { PICKUP_CODE_LENGTH, typedPickupCode } from '@/services/pickups';
import { formatPickupDate } from '@/utils/shanghai-time';

/**
 * Six boxes showing the typed digits over one transparent input (the keyboard, paste and autofill work as
 * with any input; the boxes only draw it).
 */
export function CodeBoxes({
  code,
  focus,
  onChange,
  onComplete,
}: {
  code: string;
  focus: boolean;
  onChange: (code: string) => void;
  onComplete: () => void;
}) {
  return (
    <View className="code-boxes">
      {Array.from({ length: PICKUP_CODE_LENGTH }, (_, index) => (
        <View
          key={index}
          className={`code-boxes__box${index === code.length ? ' is-next' : ''}${index < code.length ? ' is-filled' : ''}`}
        >
          <Text>{code[index] ?? ''}</Text>
        </View>
      ))}
      <Input
        className="code-boxes__input"
        id="verify-code"
        type="number"
        value={code}
        focus={focus}
        maxlength={PICKUP_CODE_LENGTH}
        confirmType="search"
        aria-label="提货码"
        onInput={(event) => {
          const next = typedPickupCode(event.detail.value);
          onChange(next);
          return next;
        }}
        onConfirm={onComplete}
      />
    </View>
  );
}

export interface Refusal {
  code: string;
  title: string;
  message: string;
}

export function RefusalPanel({ refusal }: { refusal: Refusal }) {
  return (
    <View className="verify-refusal" id="verify-refusal" data-code={refusal.code}>
      <View className="verify-refusal__icon">
        <Text>!</Text>
      </View>
      <View className="verify-refusal__text">
        <Text className="verify-refusal__title">{refusal.title}</Text>
        <Text className="verify-refusal__message">{refusal.message}</Text>
      </View>
    </View>
  );
}

/** What the code hands over, for the leader to check against the person at the counter. */
export function OrderToHandOver({ order, now }: { order: LeaderPickupOrder; now: Date }) {
  return (
    <View className="verify-order" id="verify-order">
      <View className="verify-order__head">
        <View className="verify-order__who">
          <Text className="verify-order__buyer" id="verify-order-buyer">
            {order.buyerName}
          </Text>
          <Text className="verify-order__tail">
            {order.buyerPhoneTail ? `手机尾号 ${order.buyerPhoneTail}` : '未留手机号'}
          </Text>
        </View>
        <OrderStatusBadge status={order.status} />
      </View>
      {order.status === 'paid' ? (
        <Text className="verify-order__note">这场团购还没有确认到货；确认提货即直接交付</Text>
      ) : null}
      <Text className="verify-order__campaign">
        {order.campaignTitle} · {formatPickupDate(order.pickupDate, now)}
      </Text>
      <View className="verify-order__lines">
        {order.lines.map((line, index) => (
          <OrderLineRow
            key={index}
            imageUrl={line.imageUrl}
            productName={line.productName}
            specText={line.specText}
            quantity={line.quantity}
          />
        ))}
      </View>
      {order.remark ? (
        <Text className="verify-order__remark" id="verify-order-remark">
          买家备注：{order.remark}
        </Text>
      ) : null}
      <View className="verify-order__foot">
        <Text>订单号 {order.orderNo}</Text>
        <Text className="verify-order__amount">
          共 {order.itemCount} 件 · {formatFen(order.payableAmount)}
        </Text>
      </View>
    </View>
  );
}
