import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { StateView } from '@/components/state-view';
import './index.scss';

/** Orders arrive with the ordering feature; until then this is the honest empty state. */
export default function OrdersPage() {
  return (
    <View className="orders-page">
      <View className="orders-page__panel">
        <StateView
          id="orders-empty"
          illustration="receipt"
          title="还没有订单"
          description="在首页看看团长的今日上新，下单后订单会出现在这里"
          actionText="去首页逛逛"
          actionId="orders-go-home"
          onAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
        />
      </View>
    </View>
  );
}
