import { Text } from '@tarojs/components';
import './index.scss';

/** 秒杀: a flash-sale campaign (limited units, first come first served). */
export function FlashSaleTag({ id }: { id?: string }) {
  return (
    <Text className="flash-sale-tag" id={id}>
      秒杀
    </Text>
  );
}
