import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import {
  BUYER_ORDER_TABS,
  type BuyerOrderCounts,
  type BuyerOrderTab,
  type OrderSummary,
} from '@linli/shared-types';
import { ListFooter } from '@/components/list-footer';
import { confirmCancelOrder } from '@/components/order-actions/confirm-cancel';
import { StateView } from '@/components/state-view';
import { useNow } from '@/hooks/use-now';
import { usePagedList } from '@/hooks/use-paged-list';
import { ensureLogin, login } from '@/services/auth';
import { fetchOrderCounts, fetchOrders, orderPageUrl, takeRequestedOrdersTab } from '@/services/orders';
import { ApiError, showErrorToast } from '@/services/request';
import { OrderCard, OrderCardSkeleton } from './order-card';
// Last, as on the checkout and order pages: the mini-program's shared stylesheet keeps one order of
// component styles for all pages, so pages that share components import them in the same order.
import { type PaymentOutcome, usePayment } from '@/components/pay-sheet/use-payment';
import './index.scss';

type Phase = 'loading' | 'ready' | 'error' | 'signed-out';

const PAGE_SIZE = 10;
const TABS = Object.keys(BUYER_ORDER_TABS) as BuyerOrderTab[];

const EMPTY_TEXT: Record<BuyerOrderTab, { title: string; description: string }> = {
  all: { title: '还没有订单', description: '在首页看看团长的今日上新，下单后订单会出现在这里' },
  pending_payment: { title: '没有待付款的订单', description: '提交后未支付的订单会在这里，超时会自动取消' },
  to_pickup: { title: '没有待提货的订单', description: '付款后的订单在这里，到货后凭提货码到自提点提货' },
  completed: { title: '还没有完成的订单', description: '提货完成的订单会出现在这里' },
  closed: { title: '没有取消或退款的订单', description: '取消、超时关闭和退款的订单会出现在这里' },
};

function countOf(tab: BuyerOrderTab, counts: BuyerOrderCounts | null): number {
  if (!counts) return 0;
  if (tab === 'pending_payment') return counts.pendingPayment;
  if (tab === 'to_pickup') return counts.toPickup;
  return 0;
}

function Tabs({
  active,
  counts,
  onChange,
}: {
  active: BuyerOrderTab;
  counts: BuyerOrderCounts | null;
  onChange: (tab: BuyerOrderTab) => void;
}) {
  return (
    <View className="ol-tabs" id="orders-tabs">
      {TABS.map((tab) => {
        const count = countOf(tab, counts);
        return (
          <View
            key={tab}
            className={`ol-tabs__tab${tab === active ? ' is-active' : ''}`}
            id={`orders-tab-${tab}`}
            onClick={() => onChange(tab)}
          >
            <View className="ol-tabs__label">
              <Text>{BUYER_ORDER_TABS[tab].label}</Text>
              {count > 0 ? (
                <Text className="ol-tabs__badge" id={`orders-tab-${tab}-count`}>
                  {count > 99 ? '99+' : count}
                </Text>
              ) : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}

/** 我的订单: tabs by status, newest first, paged; pull down to refresh. */
export default function OrdersPage() {
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState('');
  const [tab, setTab] = useState<BuyerOrderTab>(() => takeRequestedOrdersTab() ?? 'all');
  const [counts, setCounts] = useState<BuyerOrderCounts | null>(null);
  const [payingId, setPayingId] = useState<number | null>(null);
  const now = useNow(1000);

  const fetchPage = useCallback(
    async (page: number) => {
      const member = await ensureLogin();
      if (!member) {
        setPhase('signed-out');
        return null;
      }
      const [result, newCounts] = await Promise.all([
        fetchOrders({ tab, page, pageSize: PAGE_SIZE }),
        page === 1 ? fetchOrderCounts().catch(() => null) : Promise.resolve(null),
      ]);
      return { ...result, counts: newCounts };
    },
    [tab],
  );
  const orders = usePagedList({
    fetchPage,
    keyOf: (order: OrderSummary) => order.id,
    onLoaded: (result) => {
      if (result.counts) setCounts(result.counts);
      setPhase('ready');
    },
    onFirstPageError: (message) => {
      setError(message);
      setPhase('error');
    },
  });
  const { list, load: loadPage, startOver } = orders;

  // A new tab starts over from page 1.
  useEffect(() => {
    startOver();
    void loadPage(1);
  }, [loadPage, startOver]);

  const shownBefore = useRef(false);
  useDidShow(() => {
    const requested = takeRequestedOrdersTab();
    if (requested && requested !== tab) {
      setTab(requested);
    } else if (shownBefore.current) {
      // Back from an order page or from paying: statuses move, so look again.
      void loadPage(1);
    }
    shownBefore.current = true;
  });

  usePullDownRefresh(() => {
    void loadPage(1).finally(() => Taro.stopPullDownRefresh());
  });

  const onPaymentOutcome = useCallback(
    (orderId: number, outcome: PaymentOutcome) => {
      setPayingId(null);
      if (outcome.kind === 'not-paid') {
        if (outcome.message) showErrorToast(outcome.message);
        void loadPage(1);
        return;
      }
      void Taro.navigateTo({ url: orderPageUrl(orderId) });
    },
    [loadPage],
  );
  const payment = usePayment(onPaymentOutcome);

  const chooseTab = (next: BuyerOrderTab) => {
    if (next !== tab) setTab(next);
  };

  const signIn = async () => {
    try {
      await login();
      setPhase('loading');
      void loadPage(1);
    } catch (caught) {
      showErrorToast(caught instanceof ApiError ? caught.message : '登录失败，请稍后重试');
    }
  };

  if (phase === 'signed-out') {
    return (
      <View className="orders-page">
        <View className="orders-page__panel">
          <StateView
            id="orders-signed-out"
            illustration="person"
            title="登录后查看订单"
            actionText="登录"
            actionId="orders-login"
            onAction={() => void signIn()}
          />
        </View>
      </View>
    );
  }

  return (
    <View className="orders-page" id="orders-page">
      <Tabs active={tab} counts={counts} onChange={chooseTab} />
      <View className="orders-page__content">
        {phase === 'error' && !list ? (
          <View className="orders-page__panel">
            <StateView
              id="orders-error"
              illustration="alert"
              title="加载失败"
              description={error}
              actionText="重试"
              actionId="orders-retry"
              onAction={() => {
                setPhase('loading');
                void loadPage(1);
              }}
            />
          </View>
        ) : !list ? (
          <View id="orders-loading">
            <OrderCardSkeleton />
            <OrderCardSkeleton />
            <OrderCardSkeleton />
          </View>
        ) : list.items.length === 0 ? (
          <View className="orders-page__panel">
            <StateView
              id="orders-empty"
              illustration="receipt"
              title={EMPTY_TEXT[tab].title}
              description={EMPTY_TEXT[tab].description}
              actionText="去首页逛逛"
              actionId="orders-go-home"
              onAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
            />
          </View>
        ) : (
          <View id="orders-list">
            {list.items.map((order) => (
              <OrderCard
                key={order.id}
                order={order}
                now={now}
                paying={payingId === order.id && payment.starting}
                onOpen={() => void Taro.navigateTo({ url: orderPageUrl(order.id) })}
                onPay={() => {
                  setPayingId(order.id);
                  void payment.pay(order.id);
                }}
                onCancel={() =>
                  void confirmCancelOrder(order).then((cancelled) => (cancelled ? loadPage(1) : undefined))
                }
              />
            ))}
            <ListFooter paged={orders} idPrefix="orders" className="orders-page__footer" />
          </View>
        )}
      </View>
      {payment.sheet}
    </View>
  );
}
