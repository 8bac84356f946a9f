import { Text } from '@tarojs/components';
import { type StatusTone } from '@/utils/leader-status';
import './index.scss';

export function StatusBadge({ id, label, tone }: { id?: string; label: string; tone: StatusTone }) {
  return (
    <Text id={id} className={`status-badge status-badge--${tone}`}>
      {label}
    </Text>
  );
}
