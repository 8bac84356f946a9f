import { Text } from '@tarojs/components';

/**
 * 秒杀: a flash-sale campaign (limited units, first come first served). Styled in app.scss: pages reach it
 * before or after other components, and the weapp build's shared stylesheet wants one order for them.
 */
export function FlashSaleTag({ id }: { id?: string }) {
  return (
    <Text className="flash-sale-tag" id={id}>
      秒杀
    </Text>
  );
}
