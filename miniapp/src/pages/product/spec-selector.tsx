import { Text, View } from '@tarojs/components';
import { type SpecDimension } from '@linli/shared-types';
import { type SpecChip } from '@/utils/spec-selection';

/** One row of chips per spec dimension; greyed chips cannot be chosen (not offered or sold out). */
export function SpecSelector({
  dimensions,
  chips,
  onToggle,
}: {
  dimensions: SpecDimension[];
  chips: SpecChip[][];
  onToggle: (dimension: number, value: string) => void;
}) {
  return (
    <View id="product-specs">
      {dimensions.map((dimension, index) => (
        <View className="spec-row" key={dimension.name} id={`product-spec-row-${index}`}>
          <Text className="spec-row__name">{dimension.name}</Text>
          <View className="spec-row__chips">
            {(chips[index] ?? []).map((chip) => (
              <View
                key={chip.value}
                className={`spec-chip ${chip.selected ? 'spec-chip--selected' : ''} ${
                  chip.disabled ? 'spec-chip--disabled' : ''
                }`}
                data-value={chip.value}
                onClick={() => onToggle(index, chip.value)}
              >
                {chip.value}
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}

/** − n +, bounded to [1, max]; both ends disabled when nothing can be taken. */
export function QuantityStepper({
  value,
  max,
  onChange,
}: {
  value: number;
  max: number;
  onChange: (next: number) => void;
}) {
  const canLess = value > 1;
  const canMore = value < max;
  return (
    <View className="stepper" id="product-quantity">
      <View
        className={`stepper__btn ${canLess ? '' : 'stepper__btn--disabled'}`}
        id="product-quantity-minus"
        onClick={() => canLess && onChange(value - 1)}
      >
        −
      </View>
      <Text className="stepper__value" id="product-quantity-value">
        {value}
      </Text>
      <View
        className={`stepper__btn ${canMore ? '' : 'stepper__btn--disabled'}`}
        id="product-quantity-plus"
        onClick={() => canMore && onChange(value + 1)}
      >
        +
      </View>
    </View>
  );
}
