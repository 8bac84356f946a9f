import { View } from '@tarojs/components';
import './skeleton-card.scss';

/** A pulsing placeholder card while a leader screen loads (line widths in % of the card). */
export function SkeletonCard({ id, lines = [40, 70, 60] }: { id?: string; lines?: number[] }) {
  return (
    <View className="leader-skeleton" id={id}>
      {lines.map((width, index) => (
        <View key={index} className="leader-skeleton__line" style={{ width: `${width}%` }} />
      ))}
    </View>
  );
}
