import { useEffect, useMemo, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCartLines } from '@/components/cart-button/use-cart-lines';
import { StateView } from '@/components/state-view';
import { useMember } from '@/hooks/use-member';
import { useNow } from '@/hooks/use-now';
import { ensureLogin, login } from '@/services/auth';
import { groupByCampaign, totalQuantity } from '@/services/cart';
import { ApiError, showErrorToast } from '@/services/request';
import { CartGroupCard } from './cart-group-card';
import { useGroupPreviews } from './use-group-previews';
import './index.scss';

type Access = 'checking' | 'ready' | 'signed-out';

/** 购物车: this leader's cart, one card per campaign, each priced by the server and checked out alone. */
export default function CartPage() {
  const [access, setAccess] = useState<Access>('checking');
  const member = useMember();
  const lines = useCartLines();
  const groups = useMemo(() => groupByCampaign(lines), [lines]);
  const now = useNow();
  const { previews, retry, refreshAll } = useGroupPreviews(groups, access === 'ready');
  const shownBefore = useRef(false);

  useEffect(() => {
    void ensureLogin()
      .then((current) => setAccess(current ? 'ready' : 'signed-out'))
      .catch(() => setAccess('ready')); // the previews show the real error
  }, []);

  // Back from checkout or a product page: stock and limits may have moved.
  useDidShow(() => {
    if (shownBefore.current && access === 'ready') refreshAll();
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    refreshAll();
    void Taro.stopPullDownRefresh();
  });

  const signIn = async () => {
    try {
      await login();
      setAccess('ready');
    } catch (caught) {
      showErrorToast(caught instanceof ApiError ? caught.message : '登录失败，请稍后重试');
    }
  };

  if (access === 'checking') {
    return (
      <View className="cart-page" id="cart-loading">
        <View className="cart-group">
          <View className="cart-skeleton cart-skeleton--w40" />
          <View className="cart-skeleton cart-skeleton--w70" />
        </View>
      </View>
    );
  }

  if (access === 'signed-out') {
    return (
      <View className="cart-page">
        <View className="cart-group">
          <StateView
            id="cart-signed-out"
            illustration="person"
            title="登录后查看购物车"
            actionText="登录"
            actionId="cart-login"
            onAction={() => void signIn()}
          />
        </View>
      </View>
    );
  }

  if (groups.length === 0) {
    return (
      <View className="cart-page">
        <View className="cart-group">
          <StateView
            id="cart-empty"
            illustration="basket"
            title="购物车还是空的"
            description="在团购页点商品右侧的 +，或在商品页加入购物车"
            actionText="去首页逛逛"
            actionId="cart-go-home"
            onAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
          />
        </View>
      </View>
    );
  }

  const point = member?.currentLeader?.pickupPoint ?? null;
  return (
    <View className="cart-page" id="cart-page">
      <View className="cart-summary">
        <Text className="cart-summary__count" id="cart-count">
          共 {totalQuantity(lines)} 件商品
        </Text>
        <Text className="cart-summary__hint">
          {point ? `到「${point.name}」自提，` : ''}每场团购单独下单结算
        </Text>
      </View>
      {groups.map((group) => (
        <CartGroupCard
          key={group.campaignId}
          group={group}
          preview={previews[group.campaignId]}
          now={now}
          onRetry={() => void retry(group)}
        />
      ))}
    </View>
  );
}
