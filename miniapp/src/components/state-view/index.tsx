import { View, Text } from '@tarojs/components';
import './index.scss';

export type StateIllustration = 'basket' | 'receipt' | 'alert' | 'person';

interface StateViewProps {
  /** Stable hook for browser tests, rendered as the DOM id on H5. */
  id: string;
  illustration: StateIllustration;
  title: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
  actionId?: string;
}

/** The designed empty / error / signed-out block shared by the pages. */
export function StateView({
  id,
  illustration,
  title,
  description,
  actionText,
  onAction,
  actionId,
}: StateViewProps) {
  return (
    <View id={id} className="state-view">
      <View className={`state-view__art state-view__art--${illustration}`}>
        <View className="state-view__shape" />
        <View className="state-view__shape-detail" />
      </View>
      <Text className="state-view__title">{title}</Text>
      {description ? <Text className="state-view__desc">{description}</Text> : null}
      {actionText && onAction ? (
        <View id={actionId} className="btn btn--primary state-view__action" onClick={onAction}>
          {actionText}
        </View>
      ) : null}
    </View>
  );
}
