import { Text, View } from '@tarojs/components';
import { ORDER_EVENT_LABELS, type OrderTimelineEntry } from '@linli/shared-types';
import { formatShanghaiDateTime } from '@/utils/shanghai-time';

/** 订单进度: newest first, who did it and when. */
export function OrderTimeline({ entries }: { entries: OrderTimelineEntry[] }) {
  const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <View className="od-card" id="order-timeline">
      <Text className="od-card__title">订单进度</Text>
      {newestFirst.map((entry, index) => (
        <View
          key={entry.id}
          className={`od-event${index === 0 ? ' od-event--latest' : ''}`}
          id={`order-event-${entry.type}`}
        >
          <View className="od-event__rail">
            <View className="od-event__dot" />
            {index < newestFirst.length - 1 ? <View className="od-event__line" /> : null}
          </View>
          <View className="od-event__body">
            <Text className="od-event__label">{ORDER_EVENT_LABELS[entry.type]}</Text>
            <Text className="od-event__meta">
              {formatShanghaiDateTime(entry.at)} · {entry.actorName}
            </Text>
            {entry.note ? <Text className="od-event__note">{entry.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
