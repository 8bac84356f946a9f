import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatFen, type PayOrderResponse } from '@linli/shared-types';
import { useNow } from '@/hooks/use-now';
import { payCountdown } from '@/services/orders';
import './index.scss';

interface SimulatorPaySheetProps {
  payment: PayOrderResponse;
  confirming: boolean;
  /** A refusal of the simulated payment (e.g. past the deadline), shown in the sheet. */
  error: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * 模拟支付 (simulator provider: H5 demo, weapp in demo mode): stands in for WeChat's payment sheet. The
 * server turns 确认支付 into a real signed payment notification; 取消 leaves the order waiting for payment.
 */
export function SimulatorPaySheet({
  payment,
  confirming,
  error,
  onConfirm,
  onCancel,
}: SimulatorPaySheetProps) {
  const now = useNow(1000);
  const left = payCountdown(payment.payDeadlineAt, now);

  // On a tab page (订单) the tab bar would cover the sheet's buttons (on H5 it sits above every page), so
  // it steps aside while the sheet is up. Elsewhere there is no tab bar and the calls just fail.
  useEffect(() => {
    void Taro.hideTabBar({ animation: false }).catch(() => undefined);
    return () => void Taro.showTabBar({ animation: false }).catch(() => undefined);
  }, []);
  return (
    <View className="pay-sheet" id="pay-sheet">
      <View className="pay-sheet__mask" onClick={() => (confirming ? undefined : onCancel())} />
      <View className="pay-sheet__panel" catchMove>
        <View className="pay-sheet__head">
          <Text className="pay-sheet__title">模拟支付（演示环境）</Text>
          <Text className="pay-sheet__note">演示环境不会真实扣款，确认后订单按已支付处理</Text>
        </View>
        <Text className="pay-sheet__amount" id="pay-sheet-amount">
          {formatFen(payment.amount)}
        </Text>
        <View className="pay-sheet__rows">
          <View className="pay-sheet__row">
            <Text className="pay-sheet__row-label">订单编号</Text>
            <Text className="pay-sheet__row-value">{payment.outTradeNo}</Text>
          </View>
          <View className="pay-sheet__row">
            <Text className="pay-sheet__row-label">支付剩余时间</Text>
            <Text className="pay-sheet__row-value pay-sheet__row-value--warn">{left ?? '已超时'}</Text>
          </View>
        </View>
        {error ? (
          <Text className="pay-sheet__error" id="pay-sheet-error">
            {error}
          </Text>
        ) : null}
        <View
          className={`btn btn--primary btn--block pay-sheet__confirm${confirming ? ' is-busy' : ''}`}
          id="pay-sheet-confirm"
          onClick={() => (confirming ? undefined : onConfirm())}
        >
          {confirming ? '支付中…' : `确认支付 ${formatFen(payment.amount)}`}
        </View>
        <View
          className="pay-sheet__cancel"
          id="pay-sheet-cancel"
          onClick={() => (confirming ? undefined : onCancel())}
        >
          取消，稍后支付
        </View>
      </View>
    </View>
  );
}
