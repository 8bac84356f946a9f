import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.scss';

export const CART_PAGE_URL = '/pages/cart/index';

/** A drawn cart with the number of pieces in it; opens 购物车. */
export function CartButton({ id, count }: { id: string; count: number }) {
  return (
    <View
      className="cart-button"
      id={id}
      aria-label={count > 0 ? `购物车，${count} 件` : '购物车'}
      onClick={() => void Taro.navigateTo({ url: CART_PAGE_URL })}
    >
      <View className="cart-button__icon">
        <View className="cart-button__handle" />
        <View className="cart-button__basket" />
        <View className="cart-button__wheel cart-button__wheel--left" />
        <View className="cart-button__wheel cart-button__wheel--right" />
      </View>
      {count > 0 ? (
        <Text className="cart-button__badge" id={`${id}-count`}>
          {count > 99 ? '99+' : count}
        </Text>
      ) : null}
      <Text className="cart-button__label">购物车</Text>
    </View>
  );
}
