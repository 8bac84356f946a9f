import { type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type OrderPickupView } from '@linli/shared-types';
import './index.scss';

interface PickupPointCardProps {
  id: string;
  pickup: OrderPickupView;
  /** 到这里自提 / 自提点 … */
  label: string;
  /** On the right: 切换 on the checkout page. */
  action?: ReactNode;
  /** Show the phone with a 拨打 button (order page). */
  withCall?: boolean;
}

/** Where the goods are collected: point name, address, opening hours, leader (and a call button). */
export function PickupPointCard({ id, pickup, label, action, withCall }: PickupPointCardProps) {
  const point = pickup.pickupPoint;
  const phone = point?.contactPhone || pickup.leaderPhone;
  return (
    <View className="pickup-card" id={id}>
      <View className="pickup-card__main">
        <View className="pickup-card__pin" />
        <View className="pickup-card__info">
          <Text className="pickup-card__label">{label}</Text>
          <Text className="pickup-card__name" id={`${id}-name`}>
            {point?.name ?? `${pickup.leaderName}的自提点`}
          </Text>
          {point ? <Text className="pickup-card__address">{point.address}</Text> : null}
          <Text className="pickup-card__meta">
            团长 · {pickup.leaderName}
            {point?.openingHours ? ` · 营业 ${point.openingHours}` : ''}
          </Text>
        </View>
        {action}
      </View>
      {withCall && phone ? (
        <View className="pickup-card__phone">
          <Text className="pickup-card__phone-text">联系团长 {phone}</Text>
          <View
            className="pickup-card__call"
            id={`${id}-call`}
            onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
          >
            拨打电话
          </View>
        </View>
      ) : null}
    </View>
  );
}
