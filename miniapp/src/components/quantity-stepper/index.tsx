import { type ITouchEvent, Text, View } from '@tarojs/components';
import './index.scss';

interface QuantityStepperProps {
  /** Element ids: `<id>`, `<id>-minus`, `<id>-value`, `<id>-plus`. */
  id: string;
  value: number;
  /** The most that may be chosen; + is disabled at it. */
  max: number;
  /** The least − goes to (0 lets − take the line away). */
  min?: number;
  onChange: (next: number) => void;
  /** The stepper sits inside tappable rows: its taps must not open them. */
  compact?: boolean;
}

function stop(event: ITouchEvent) {
  event.stopPropagation();
}

/** − n +, as round buttons with 64px tap areas; a 0 shows only the +. */
export function QuantityStepper({ id, value, max, min = 0, onChange, compact }: QuantityStepperProps) {
  const canLess = value > min;
  const canMore = value < max;
  return (
    <View className={`qty${compact ? ' qty--compact' : ''}`} id={id} onClick={stop}>
      {value > 0 ? (
        <>
          <View
            className={`qty__btn qty__btn--minus${canLess ? '' : ' qty__btn--disabled'}`}
            id={`${id}-minus`}
            aria-label="减少"
            onClick={(event) => {
              stop(event);
              if (canLess) onChange(value - 1);
            }}
          >
            <View className="qty__bar" />
          </View>
          <Text className="qty__value" id={`${id}-value`}>
            {value}
          </Text>
        </>
      ) : null}
      <View
        className={`qty__btn qty__btn--plus${canMore ? '' : ' qty__btn--disabled'}`}
        id={`${id}-plus`}
        aria-label="增加"
        onClick={(event) => {
          stop(event);
          if (canMore) onChange(value + 1);
        }}
      >
        <View className="qty__bar" />
        <View className="qty__bar qty__bar--vertical" />
      </View>
    </View>
  );
}
