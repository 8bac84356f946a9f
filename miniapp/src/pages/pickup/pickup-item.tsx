import { Text, View } from '@tarojs/components';
import { type PickupPointChoice } from '@linli/shared-types';
import { formatDistance } from '@/utils/distance';

interface PickupItemProps {
  choice: PickupPointChoice;
  onChoose: (choice: PickupPointChoice) => void;
}

/** One pickup point: name with distance, address, hours and leader. The current one is marked. */
export function PickupItem({ choice, onChoose }: PickupItemProps) {
  const { pickupPoint: point, current } = choice;
  const distance = formatDistance(choice.distanceMeters);
  return (
    <View
      id={`pickup-${choice.leaderId}`}
      className={`pickup-item${current ? ' pickup-item--current' : ''}`}
      onClick={() => onChoose(choice)}
    >
      <View className="pickup-item__head">
        <Text className="pickup-item__name">{point.name}</Text>
        {current ? (
          <Text id="pickup-current" className="pickup-item__badge">
            当前
          </Text>
        ) : null}
        <View className="pickup-item__spacer" />
        {distance ? <Text className="pickup-item__distance pickup-distance">{distance}</Text> : null}
      </View>
      <Text className="pickup-item__address">{point.address}</Text>
      <View className="pickup-item__meta">
        <Text className="pickup-item__leader">团长 · {choice.leaderName}</Text>
        {point.openingHours ? <Text className="pickup-item__hours">营业 {point.openingHours}</Text> : null}
      </View>
    </View>
  );
}

export function PickupSkeleton() {
  return (
    <View className="pickup-item pickup-item--skeleton">
      <View className="pickup-skeleton pickup-skeleton--w60" />
      <View className="pickup-skeleton pickup-skeleton--w80" />
      <View className="pickup-skeleton pickup-skeleton--w40" />
    </View>
  );
}
