import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import {
  AFTERSALES_STATUS_LABELS,
  ErrorCode,
  formatFen,
  REFUND_STATUS_LABELS,
  type AfterSalesCaseView,
  type OrderDetail,
} from '@linli/shared-types';
import { BuyerPageState } from '@/components/buyer-page-state';
import { confirmCancelOrder } from '@/components/order-actions/confirm-cancel';
import { OrderLineRow } from '@/components/order-line-row';
import { type PaymentOutcome, usePayment } from '@/components/pay-sheet/use-payment';
import { PickupPointCard } from '@/components/pickup-point-card';
import { useBuyerPage } from '@/hooks/use-buyer-page';
import { useNow } from '@/hooks/use-now';
import { fetchOrderAfterSales } from '@/services/aftersales';
import { campaignPageUrl } from '@/services/campaigns';
import { fetchOrder, payCountdown } from '@/services/orders';
import { ApiError } from '@/services/request';
import { AFTERSALES_APPLY_URL, AFTERSALES_CASE_URL, afterSalesEntry } from '@/utils/aftersales';
import { formatPickupDate, formatShanghaiDateTime } from '@/utils/shanghai-time';
import { OrderTimeline } from './order-timeline';
import { PickupCodeCard } from './pickup-code-card';
import { StatusHeader } from './status-header';
import './index.scss';

function InfoRow({
  label,
  value,
  id,
  action,
}: {
  label: string;
  value: string;
  id?: string;
  action?: ReactNode;
}) {
  return (
    <View className="od-info">
      <Text className="od-info__label">{label}</Text>
      <Text className="od-info__value" id={id}>
        {value}
      </Text>
      {action}
    </View>
  );
}

function AmountsCard({ order }: { order: OrderDetail }) {
  return (
    <View className="od-card" id="order-amounts">
      <InfoRow label="商品金额" value={formatFen(order.goodsAmount)} />
      {order.discountAmount > 0 ? (
        <InfoRow label="优惠" value={`-${formatFen(order.discountAmount)}`} />
      ) : null}
      <View className="od-info od-info--total">
        <Text className="od-info__label">{order.paidAmount > 0 ? '实付' : '应付'}</Text>
        <Text className="od-info__value od-info__value--money" id="order-paid-amount">
          {formatFen(order.paidAmount > 0 ? order.paidAmount : order.payableAmount)}
        </Text>
      </View>
      {order.refundedAmount > 0 ? (
        <InfoRow label="已退款" value={formatFen(order.refundedAmount)} id="order-refunded-amount" />
      ) : null}
    </View>
  );
}

function RefundCard({ order }: { order: OrderDetail }) {
  const refund = order.refund;
  if (!refund) return null;
  return (
    <View className="od-card" id="order-refund">
      <View className="od-card__title-row">
        <Text className="od-card__title">退款</Text>
        <Text className={`od-refund-status od-refund-status--${refund.status}`} id="order-refund-status">
          {REFUND_STATUS_LABELS[refund.status]}
        </Text>
      </View>
      <InfoRow label="退款金额" value={formatFen(refund.amount)} />
      <InfoRow label="退款原因" value={refund.reason} />
      <InfoRow label="申请时间" value={formatShanghaiDateTime(refund.createdAt)} />
      {refund.succeededAt ? (
        <InfoRow label="到账时间" value={formatShanghaiDateTime(refund.succeededAt)} />
      ) : null}
      {refund.status === 'failed' ? (
        <Text className="od-refund-note">退款暂未成功，平台会尽快处理，也可以联系团长</Text>
      ) : null}
    </View>
  );
}

/** 售后: the order's cases (newest first), each opening its progress. */
function AfterSalesCard({ cases }: { cases: AfterSalesCaseView[] }) {
  if (cases.length === 0) return null;
  return (
    <View className="od-card" id="order-aftersales">
      <Text className="od-card__title">售后</Text>
      {cases.map((item) => (
        <View
          key={item.id}
          className="od-info od-aftersales"
          id={`order-aftersales-${item.id}`}
          onClick={() => void Taro.navigateTo({ url: `${AFTERSALES_CASE_URL}?id=${item.id}` })}
        >
          <Text className="od-info__label">{formatShanghaiDateTime(item.createdAt)}</Text>
          <Text className="od-info__value">
            {AFTERSALES_STATUS_LABELS[item.status]} · {formatFen(item.amount)}
          </Text>
          <Text className="od-info__copy">查看</Text>
        </View>
      ))}
    </View>
  );
}

function InfoCard({ order, now }: { order: OrderDetail; now: Date }) {
  const copy = () =>
    void Taro.setClipboardData({ data: order.orderNo }).then(() =>
      Taro.showToast({ title: '订单号已复制', icon: 'none' }),
    );
  return (
    <View className="od-card" id="order-info">
      <InfoRow
        label="订单编号"
        value={order.orderNo}
        id="order-no"
        action={
          <Text className="od-info__copy" id="order-copy-no" onClick={copy}>
            复制
          </Text>
        }
      />
      <InfoRow label="下单时间" value={formatShanghaiDateTime(order.createdAt)} />
      {order.paidAt ? <InfoRow label="支付时间" value={formatShanghaiDateTime(order.paidAt)} /> : null}
      <InfoRow label="自提日期" value={formatPickupDate(order.pickupDate, now)} />
      {order.pickedUpAt ? (
        <InfoRow label="提货时间" value={formatShanghaiDateTime(order.pickedUpAt)} />
      ) : null}
      {order.status === 'picked_up' && order.pickupCode ? (
        <InfoRow label="提货码" value={`${order.pickupCode}（已使用）`} />
      ) : null}
      {order.cancelledAt ? (
        <InfoRow label="取消时间" value={formatShanghaiDateTime(order.cancelledAt)} />
      ) : null}
      <InfoRow label="备注" value={order.remark || '无'} id="order-remark" />
    </View>
  );
}

/** 订单详情 (?id=): where the server's order notifications lead. */
export default function OrderPage() {
  const { params } = useRouter();
  const id = params.id && /^\d{1,12}$/.test(params.id) ? Number(params.id) : null;
  const loader = useCallback(() => {
    if (!id) {
      return Promise.reject(
        new ApiError(404, { code: ErrorCode.ORDER_NOT_FOUND, message: '链接不完整', requestId: '' }),
      );
    }
    return fetchOrder(id);
  }, [id]);
  const page = useBuyerPage<OrderDetail>(loader, [ErrorCode.ORDER_NOT_FOUND, ErrorCode.NOT_FOUND]);
  const order = page.data;
  const reload = page.reload;
  const now = useNow(1000);
  // The order's after-sales cases: an extra (a failure only hides 申请售后 and the 售后 card).
  const [cases, setCases] = useState<AfterSalesCaseView[] | null>(null);
  const loadCases = useCallback(() => {
    if (!id) return;
    fetchOrderAfterSales(id)
      .then(setCases)
      .catch(() => setCases(null));
  }, [id]);

  const onPaymentOutcome = useCallback(
    (_orderId: number, outcome: PaymentOutcome) => {
      if (outcome.kind === 'paid') void Taro.showToast({ title: '支付成功', icon: 'success' });
      else if (outcome.kind === 'confirming') void Taro.showToast({ title: '支付结果确认中', icon: 'none' });
      else if (outcome.message) void Taro.showToast({ title: outcome.message, icon: 'none' });
      void reload();
    },
    [reload],
  );
  const payment = usePayment(onPaymentOutcome);

  useDidShow(() => {
    void page.reload();
    loadCases();
  });
  usePullDownRefresh(() => {
    loadCases();
    void page.reload().finally(() => Taro.stopPullDownRefresh());
  });

  // The pay deadline passed while watching: the server closes the order, so look again (once).
  const expired = order?.status === 'pending_payment' && payCountdown(order.payDeadlineAt, now) === null;
  const reloadedOnExpiry = useRef(false);
  useEffect(() => {
    if (expired && !reloadedOnExpiry.current) {
      reloadedOnExpiry.current = true;
      void reload();
    }
  }, [expired, reload]);

  if (page.phase === 'loading') {
    return (
      <View className="od-page" id="order-loading">
        <View className="od-header od-header--skeleton" />
        <View className="od-card">
          <View className="od-skeleton od-skeleton--w40" />
          <View className="od-skeleton od-skeleton--w70" />
          <View className="od-skeleton od-skeleton--w60" />
        </View>
      </View>
    );
  }

  if (page.phase !== 'ready' || !order) {
    return (
      <View className="od-page od-page--state">
        <View className="od-card">
          <BuyerPageState page={page} idPrefix="order" subject="这笔订单" />
        </View>
      </View>
    );
  }

  const pending = order.status === 'pending_payment';
  const cancel = async () => {
    if (await confirmCancelOrder(order)) void page.reload();
  };
  const afterSales = cases ? afterSalesEntry(order, cases) : ({ kind: 'none' } as const);
  const hasActions = order.canCancel || pending || afterSales.kind !== 'none';
  return (
    <View className={`od-page${hasActions ? ' od-page--with-bar' : ''}`} id="order-page">
      <StatusHeader order={order} now={now} />
      <View className="od-body">
        <PickupCodeCard order={order} />
        <View className="od-card">
          <PickupPointCard id="order-pickup-point" pickup={order.pickup} label="自提点" withCall />
        </View>
        <View className="od-card" id="order-lines">
          <View
            className="od-card__title-row"
            onClick={() => void Taro.navigateTo({ url: campaignPageUrl(order.campaignId) })}
          >
            <Text className="od-card__title od-card__title--link">{order.campaignTitle}</Text>
            <Text className="od-card__aside">共 {order.itemCount} 件</Text>
          </View>
          {order.lines.map((line) => (
            <OrderLineRow
              key={line.id}
              imageUrl={line.imageUrl}
              productName={line.productName}
              specText={line.specText}
              quantity={line.quantity}
              unitPrice={line.unitPrice}
              lineTotal={line.lineTotal}
            />
          ))}
        </View>
        <AmountsCard order={order} />
        <RefundCard order={order} />
        {cases ? <AfterSalesCard cases={cases} /> : null}
        <InfoCard order={order} now={now} />
        <OrderTimeline entries={order.timeline} />
      </View>

      {hasActions ? (
        <View className="od-bar" id="order-actions">
          {afterSales.kind === 'apply' ? (
            <View
              className="btn btn--ghost od-bar__btn"
              id="order-aftersales-apply"
              onClick={() => void Taro.navigateTo({ url: `${AFTERSALES_APPLY_URL}?orderId=${order.id}` })}
            >
              申请售后
            </View>
          ) : afterSales.kind === 'open' ? (
            <View
              className="btn btn--ghost od-bar__btn"
              id="order-aftersales-open"
              onClick={() => void Taro.navigateTo({ url: `${AFTERSALES_CASE_URL}?id=${afterSales.caseId}` })}
            >
              售后进度
            </View>
          ) : null}
          {order.canCancel ? (
            <View className="btn btn--ghost od-bar__btn" id="order-cancel" onClick={() => void cancel()}>
              取消订单
            </View>
          ) : null}
          {pending && !expired ? (
            <View
              className={`btn btn--primary od-bar__btn od-bar__btn--pay${payment.starting ? ' is-busy' : ''}`}
              id="order-pay"
              onClick={() => void payment.pay(order.id)}
            >
              {payment.starting ? '正在发起支付…' : `去支付 ${formatFen(order.payableAmount)}`}
            </View>
          ) : null}
        </View>
      ) : null}
      {payment.sheet}
    </View>
  );
}
