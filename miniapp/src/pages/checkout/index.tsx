import { useCallback, useMemo, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  ErrorCode,
  formatFen,
  type CreateOrderRequest,
  type OrderDetail,
  type OrderPreview,
} from '@linli/shared-types';
import { BuyerPageState } from '@/components/buyer-page-state';
import { FlashSaleTag } from '@/components/flash-sale-tag';
import { OrderLineRow } from '@/components/order-line-row';
import { type PaymentOutcome, usePayment } from '@/components/pay-sheet/use-payment';
import { PickupPointCard } from '@/components/pickup-point-card';
import { useBuyerPage } from '@/hooks/use-buyer-page';
import { useNow } from '@/hooks/use-now';
import { cart, parseLines } from '@/services/cart';
import {
  attemptFor,
  checkoutAttempts,
  checkoutFingerprint,
  isUncertainOutcome,
  openOrdersTab,
  orderPageUrl,
  placeOrder,
  previewOrder,
} from '@/services/orders';
import { ApiError } from '@/services/request';
import { currentMember } from '@/services/session';
import { formatCutoff, formatPickupDate } from '@/utils/shanghai-time';
import './index.scss';

const REMARK_MAX = 100;
const PICKUP_URL = '/pages/pickup/index';

interface SubmitError {
  code: string;
  message: string;
  /** The submit may have gone through: 重新提交 retries with the same key. */
  retryable: boolean;
}

/** Refusals after which the preview is asked again, so the lines show what changed. */
const REPRICE_CODES: string[] = [
  ErrorCode.ORDER_SOLD_OUT,
  ErrorCode.ORDER_LIMIT_EXCEEDED,
  ErrorCode.ORDER_LINE_PROBLEM,
  ErrorCode.ORDER_CAMPAIGN_CLOSED,
  ErrorCode.ORDER_NO_PICKUP_POINT,
];

function positiveInt(value: string | undefined): number | null {
  return value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

function toast(title: string, icon: 'none' | 'success' = 'none') {
  void Taro.showToast({ title, icon, duration: 2000 });
}

function SubmitErrorBanner({ error }: { error: SubmitError }) {
  return (
    <View className="co-error" id="checkout-error" data-code={error.code}>
      <Text className="co-error__text">{error.message}</Text>
      {error.code === ErrorCode.ORDER_NO_PICKUP_POINT ? (
        <Text className="co-error__action" onClick={() => void Taro.navigateTo({ url: PICKUP_URL })}>
          选择自提点
        </Text>
      ) : null}
      {error.code === ErrorCode.ORDER_IN_PROGRESS ? (
        <Text className="co-error__action" onClick={() => openOrdersTab('pending_payment')}>
          查看订单
        </Text>
      ) : null}
      {error.retryable ? <Text className="co-error__hint">可以直接再次提交，不会重复下单</Text> : null}
    </View>
  );
}

function AmountRow({
  label,
  value,
  id,
  strong,
}: {
  label: string;
  value: string;
  id?: string;
  strong?: boolean;
}) {
  return (
    <View className={`co-amount${strong ? ' co-amount--strong' : ''}`}>
      <Text className="co-amount__label">{label}</Text>
      <Text className="co-amount__value" id={id}>
        {value}
      </Text>
    </View>
  );
}

function NoPickupCard() {
  return (
    <View className="co-card co-no-pickup" id="checkout-no-pickup">
      <View className="co-no-pickup__info">
        <Text className="co-no-pickup__title">还没有选择自提点</Text>
        <Text className="co-no-pickup__text">选好离你近的自提点后，回到购物车继续结算</Text>
      </View>
      <View
        className="btn btn--primary co-no-pickup__btn"
        id="checkout-choose-pickup"
        onClick={() => void Taro.navigateTo({ url: PICKUP_URL })}
      >
        选择自提点
      </View>
    </View>
  );
}

/** 确认订单: where to pick up, the lines as the server prices them, 备注, then 提交订单 and paying. */
export default function CheckoutPage() {
  const { params } = useRouter();
  const campaignId = positiveInt(params.campaignId);
  const lines = useMemo(() => parseLines(params.lines), [params.lines]);
  const fromCart = params.from === 'cart';
  const now = useNow();

  const loader = useCallback(() => {
    if (!campaignId || !lines) {
      return Promise.reject(
        new ApiError(404, { code: ErrorCode.NOT_FOUND, message: '链接不完整', requestId: '' }),
      );
    }
    return previewOrder({ campaignId, lines });
  }, [campaignId, lines]);
  const page = useBuyerPage<OrderPreview>(loader, [ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.NOT_FOUND]);
  const preview = page.data;

  const [remark, setRemark] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<SubmitError | null>(null);
  const [placed, setPlaced] = useState<OrderDetail | null>(null);

  const onPaymentOutcome = useCallback((orderId: number, outcome: PaymentOutcome) => {
    if (outcome.kind === 'paid') toast('支付成功', 'success');
    else if (outcome.kind === 'confirming') toast('支付结果确认中，请稍后刷新');
    else toast(outcome.message ?? '订单已保留，可在订单页继续支付');
    // The order page replaces checkout: 返回 then leads back to the cart, not to a spent form.
    void Taro.redirectTo({ url: orderPageUrl(orderId) });
  }, []);
  const payment = usePayment(onPaymentOutcome);

  useDidShow(() => {
    // First show and back from 选择自提点: price again (pickup point, stock and limits may have moved).
    if (!placed) void page.reload();
  });

  const submit = async () => {
    if (!preview?.orderable || !campaignId || !lines || submitting || placed) return;
    const member = currentMember();
    if (!member) return;
    const body: CreateOrderRequest = { campaignId, lines, remark: remark.trim() || null };
    // The same body keeps its key across retries, so a submit that did go through is not ordered twice.
    const attempt = attemptFor(checkoutAttempts.load(), checkoutFingerprint(member.id, body));
    checkoutAttempts.save(attempt);
    setSubmitting(true);
    setSubmitError(null);
    try {
      const order = await placeOrder(body, attempt.key);
      checkoutAttempts.clear();
      if (fromCart) cart.remove(lines.map((line) => ({ campaignId, itemId: line.itemId })));
      setPlaced(order);
      void payment.pay(order.id);
    } catch (caught) {
      const retryable = isUncertainOutcome(caught);
      if (!retryable) checkoutAttempts.clear();
      setSubmitError(
        caught instanceof ApiError
          ? { code: caught.code, message: caught.message, retryable }
          : { code: 'UNKNOWN', message: '提交失败，请稍后重试', retryable },
      );
      if (caught instanceof ApiError && REPRICE_CODES.includes(caught.code)) void page.reload();
    } finally {
      setSubmitting(false);
    }
  };

  if (page.phase === 'loading') {
    return (
      <View className="co-page" id="checkout-loading">
        <View className="co-card">
          <View className="co-skeleton co-skeleton--w60" />
          <View className="co-skeleton co-skeleton--w80" />
        </View>
        <View className="co-card">
          <View className="co-skeleton co-skeleton--w40" />
          <View className="co-skeleton co-skeleton--w70" />
          <View className="co-skeleton co-skeleton--w60" />
        </View>
      </View>
    );
  }

  if (page.phase !== 'ready' || !preview) {
    return (
      <View className="co-page">
        <View className="co-card">
          <BuyerPageState page={page} idPrefix="checkout" subject="这场团购" />
        </View>
      </View>
    );
  }

  const pieces = preview.lines.reduce((sum, line) => sum + line.quantity, 0);
  const discount = preview.goodsAmount - preview.payableAmount;
  const busy = submitting || payment.starting || placed !== null;
  const buttonText = submitting
    ? '提交中…'
    : placed
      ? '正在支付…'
      : submitError?.retryable
        ? '重新提交'
        : '提交订单';
  return (
    <View
      className={`co-page co-page--with-bar${submitError ? ' co-page--with-error' : ''}`}
      id="checkout-page"
    >
      {preview.pickup ? (
        <View className="co-card">
          <PickupPointCard
            id="checkout-pickup"
            pickup={preview.pickup}
            label="到这里自提"
            action={
              <View
                className="co-switch"
                id="checkout-switch-pickup"
                onClick={() => void Taro.navigateTo({ url: PICKUP_URL })}
              >
                切换
              </View>
            }
          />
        </View>
      ) : (
        <NoPickupCard />
      )}

      {preview.blocked ? (
        <View className="co-blocked" id="checkout-blocked">
          <Text>{preview.blocked.message}</Text>
        </View>
      ) : null}

      <View className="co-card" id="checkout-lines">
        <View className="co-campaign">
          {preview.flashSale ? <FlashSaleTag /> : null}
          <Text className="co-campaign__title">{preview.campaignTitle}</Text>
        </View>
        <Text className="co-campaign__meta">
          {formatCutoff(preview.cutoffAt, now)} · {formatPickupDate(preview.pickupDate, now)}
        </Text>
        {preview.lines.map((line) => (
          <OrderLineRow
            key={line.itemId}
            id={`checkout-line-${line.itemId}`}
            imageUrl={line.imageUrl}
            productName={line.productName}
            specText={line.specText}
            quantity={line.quantity}
            unitPrice={line.unitPrice}
            lineTotal={line.lineTotal}
            muted={line.problem !== null}
          >
            {line.problem ? (
              <Text className="co-line-problem" id={`checkout-line-${line.itemId}-problem`}>
                {line.problem.message}
              </Text>
            ) : null}
          </OrderLineRow>
        ))}
        {!preview.orderable && !preview.blocked ? (
          <Text className="co-fix-hint" id="checkout-fix-hint">
            {fromCart ? '有商品暂时不能购买，请回到购物车调整' : '有商品暂时不能购买，请返回调整数量或规格'}
          </Text>
        ) : null}
      </View>

      <View className="co-card">
        <AmountRow
          label={`商品金额（共 ${pieces} 件）`}
          value={formatFen(preview.goodsAmount)}
          id="checkout-goods"
        />
        {discount > 0 ? <AmountRow label="优惠" value={`-${formatFen(discount)}`} /> : null}
        <AmountRow label="应付" value={formatFen(preview.payableAmount)} id="checkout-payable" strong />
      </View>

      <View className="co-card co-remark">
        <View className="co-remark__head">
          <Text className="co-remark__label">备注</Text>
          <Text className="co-remark__count" id="checkout-remark-count">
            {remark.length}/{REMARK_MAX}
          </Text>
        </View>
        <Textarea
          className="co-remark__input"
          id="checkout-remark"
          value={remark}
          maxlength={REMARK_MAX}
          placeholder="给团长留言，如：放门口、晚点来取（选填）"
          placeholderClass="co-remark__placeholder"
          autoHeight
          onInput={(event) => setRemark(event.detail.value.slice(0, REMARK_MAX))}
        />
      </View>

      {/* In the fixed bar, right above 提交订单, so the refusal is seen wherever the page is scrolled. */}
      <View className="co-bar" id="checkout-bar">
        {submitError ? <SubmitErrorBanner error={submitError} /> : null}
        <View className="co-bar__row">
          <View className="co-bar__total">
            <Text className="co-bar__label">合计</Text>
            <Text className="co-bar__amount" id="checkout-bar-amount">
              {formatFen(preview.payableAmount)}
            </Text>
          </View>
          <View
            className={`btn btn--primary co-bar__submit${preview.orderable && !busy ? '' : ' is-disabled'}`}
            id="checkout-submit"
            onClick={() => void submit()}
          >
            {buttonText}
          </View>
        </View>
      </View>
      {payment.sheet}
    </View>
  );
}
