import { useCallback, useMemo, useRef, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  AFTERSALES_REASON_LABELS,
  BUYER_AFTERSALES_REASONS,
  ErrorCode,
  formatFen,
  type AfterSalesCaseView,
  type AfterSalesReason,
  type OrderDetail,
} from '@linli/shared-types';
import { BuyerPageState } from '@/components/buyer-page-state';
import { ProductThumb } from '@/components/order-line-row';
import { QuantityStepper } from '@/components/quantity-stepper';
import { StateView } from '@/components/state-view';
import { useBuyerPage } from '@/hooks/use-buyer-page';
import { createAfterSales, fetchOrderAfterSales } from '@/services/aftersales';
import { fetchOrder } from '@/services/orders';
import { ApiError } from '@/services/request';
import { newRequestId } from '@/services/request-id';
import {
  AFTERSALES_CASE_URL,
  afterSalesEntry,
  afterSalesErrorMessage,
  clampQuantity,
  MAX_AFTERSALES_DESCRIPTION,
  refundableAmount,
  refundableLines,
  refundPreview,
  requestIdFor,
  validateApplyForm,
  type ApplyFormErrors,
  type ApplyMode,
} from '@/utils/aftersales';
import { type ApplyPhoto, ApplyPhotos } from './photos';
import './index.scss';

interface Loaded {
  order: OrderDetail;
  cases: AfterSalesCaseView[];
}

/** 申请售后 (?orderId=): the whole order or some items, a reason, photos; the server decides the amount. */
export default function AfterSalesApplyPage() {
  const { params } = useRouter();
  const orderId = params.orderId && /^\d{1,12}$/.test(params.orderId) ? Number(params.orderId) : null;
  const loader = useCallback(async (): Promise<Loaded> => {
    if (!orderId) {
      throw new ApiError(404, { code: ErrorCode.ORDER_NOT_FOUND, message: '链接不完整', requestId: '' });
    }
    const [order, cases] = await Promise.all([fetchOrder(orderId), fetchOrderAfterSales(orderId)]);
    return { order, cases };
  }, [orderId]);
  const page = useBuyerPage<Loaded>(loader, [ErrorCode.ORDER_NOT_FOUND, ErrorCode.NOT_FOUND]);

  const [mode, setMode] = useState<ApplyMode>('whole');
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [reason, setReason] = useState<AfterSalesReason | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<ApplyPhoto[]>([]);
  const [errors, setErrors] = useState<ApplyFormErrors>({});
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const lastRequest = useRef<{ bodyKey: string; requestId: string } | null>(null);

  const started = useRef(false);
  useDidShow(() => {
    if (!started.current) {
      started.current = true;
      void page.reload();
    }
  });

  const data = page.data;
  const lines = useMemo(() => (data ? refundableLines(data.order, data.cases) : []), [data]);
  const amountLeft = data ? refundableAmount(data.order, data.cases) : 0;
  const preview = refundPreview(mode, lines, quantities, amountLeft);

  if (page.phase === 'loading') {
    return (
      <View className="asa-page" id="apply-loading">
        <View className="asa-card">
          <View className="asa-skeleton asa-skeleton--w40" />
          <View className="asa-skeleton asa-skeleton--w70" />
        </View>
      </View>
    );
  }
  if (page.phase !== 'ready' || !data) {
    return (
      <View className="asa-page">
        <View className="asa-card">
          <BuyerPageState page={page} idPrefix="apply" subject="这笔订单" />
        </View>
      </View>
    );
  }

  const entry = afterSalesEntry(data.order, data.cases);
  if (entry.kind !== 'apply') {
    return (
      <View className="asa-page">
        <View className="asa-card">
          <StateView
            id="apply-not-eligible"
            illustration="receipt"
            title={entry.kind === 'open' ? '这笔订单已有处理中的售后' : '这笔订单当前不能申请售后'}
            description={
              entry.kind === 'open' ? '请等待团长处理结果' : '未付款、已取消或已全部退款的订单不能申请售后'
            }
            actionText={entry.kind === 'open' ? '查看售后进度' : '返回订单'}
            actionId="apply-not-eligible-action"
            onAction={() =>
              entry.kind === 'open'
                ? void Taro.redirectTo({ url: `${AFTERSALES_CASE_URL}?id=${entry.caseId}` })
                : void Taro.navigateBack()
            }
          />
        </View>
      </View>
    );
  }

  const uploading = photos.some((p) => !p.key && !p.error);
  const submit = async () => {
    if (submitting) return;
    setSubmitError('');
    const failedPhoto = photos.some((p) => p.error);
    const result = validateApplyForm(
      {
        mode,
        quantities,
        reason,
        description,
        photoKeys: photos.flatMap((p) => (p.key ? [p.key] : [])),
        uploading,
      },
      lines,
    );
    if (!result.ok || failedPhoto) {
      setErrors(result.ok ? { photos: '有照片上传失败，请重试或删除' } : result.errors);
      return;
    }
    setErrors({});
    const request = requestIdFor(lastRequest.current, result.body, () => newRequestId());
    lastRequest.current = request;
    setSubmitting(true);
    try {
      const created = await createAfterSales(data.order.id, { ...result.body, requestId: request.requestId });
      void Taro.showToast({ title: '已提交', icon: 'success' });
      void Taro.redirectTo({ url: `${AFTERSALES_CASE_URL}?id=${created.id}` });
    } catch (caught) {
      // A network failure keeps the requestId: 重新提交 answers the case if the first try got through.
      setSubmitError(
        caught instanceof ApiError
          ? afterSalesErrorMessage(caught.code, caught.message)
          : '提交失败，请稍后重试',
      );
      if (caught instanceof ApiError && caught.code === ErrorCode.AFTERSALES_CASE_OPEN) void page.reload();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="asa-page asa-page--with-bar" id="apply-page">
      <View className="asa-card" id="apply-scope">
        <Text className="asa-card__title">退款范围</Text>
        <View className="asa-segment">
          <Text
            className={`asa-segment__item${mode === 'whole' ? ' is-active' : ''}`}
            id="apply-mode-whole"
            onClick={() => setMode('whole')}
          >
            整单退款
          </Text>
          <Text
            className={`asa-segment__item${mode === 'lines' ? ' is-active' : ''}`}
            id="apply-mode-lines"
            onClick={() => setMode('lines')}
          >
            部分商品
          </Text>
        </View>
        {lines.map((line) => {
          const q = quantities[line.orderLineId] ?? 0;
          return (
            <View
              key={line.orderLineId}
              className={`asa-line${line.refundable === 0 ? ' asa-line--done' : ''}`}
              id={`apply-line-${line.orderLineId}`}
            >
              <ProductThumb imageUrl={line.imageUrl} name={line.productName} size="sm" />
              <View className="asa-line__info">
                <Text className="asa-line__name">{line.productName}</Text>
                <Text className="asa-line__meta">
                  {line.specText ? `${line.specText} · ` : ''}
                  {formatFen(line.unitPrice)} × {line.quantity}
                  {line.takenQuantity > 0 ? ` · 已退 ${line.takenQuantity} 件` : ''}
                </Text>
              </View>
              {mode === 'lines' ? (
                line.refundable > 0 ? (
                  <QuantityStepper
                    id={`apply-qty-${line.orderLineId}`}
                    value={q}
                    max={line.refundable}
                    onChange={(next) =>
                      setQuantities((current) => ({
                        ...current,
                        [line.orderLineId]: clampQuantity(next, line.refundable),
                      }))
                    }
                    compact
                  />
                ) : (
                  <Text className="asa-line__done">已全部退款</Text>
                )
              ) : null}
            </View>
          );
        })}
        {errors.lines ? (
          <Text className="asa-error" id="apply-lines-error">
            {errors.lines}
          </Text>
        ) : null}
      </View>

      <View className="asa-card" id="apply-reason">
        <Text className="asa-card__title">
          售后原因<Text className="asa-required">*</Text>
        </Text>
        <View className="asa-chips">
          {BUYER_AFTERSALES_REASONS.map((value) => (
            <Text
              key={value}
              className={`asa-chip${reason === value ? ' is-active' : ''}`}
              id={`apply-reason-${value}`}
              onClick={() => setReason(value)}
            >
              {AFTERSALES_REASON_LABELS[value]}
            </Text>
          ))}
        </View>
        {errors.reason ? (
          <Text className="asa-error" id="apply-reason-error">
            {errors.reason}
          </Text>
        ) : null}
        <Textarea
          className="asa-textarea"
          id="apply-description"
          value={description}
          maxlength={MAX_AFTERSALES_DESCRIPTION}
          placeholder={reason === 'other' ? '请说明具体问题（必填）' : '描述一下遇到的问题（选填）'}
          onInput={(event) => setDescription(event.detail.value)}
        />
        <Text className="asa-counter">
          {description.length}/{MAX_AFTERSALES_DESCRIPTION}
        </Text>
        {errors.description ? (
          <Text className="asa-error" id="apply-description-error">
            {errors.description}
          </Text>
        ) : null}
      </View>

      <View className="asa-card" id="apply-photos-card">
        <Text className="asa-card__title">上传凭证</Text>
        <Text className="asa-hint">选填，最多 3 张，拍清商品问题处理更快</Text>
        <ApplyPhotos photos={photos} onChange={setPhotos} />
        {errors.photos ? (
          <Text className="asa-error" id="apply-photos-error">
            {errors.photos}
          </Text>
        ) : null}
      </View>

      <Text className="asa-note">退款将原路退回，最终金额以团长同意后实际退款为准。</Text>

      <View className="asa-bar" id="apply-bar">
        <View className="asa-bar__amount">
          <Text className="asa-bar__label">预计退款</Text>
          <Text className="asa-bar__value" id="apply-preview">
            {formatFen(preview)}
          </Text>
        </View>
        {submitError ? (
          <Text className="asa-bar__error" id="apply-submit-error">
            {submitError}
          </Text>
        ) : null}
        <View
          className={`btn btn--primary asa-bar__btn${submitting ? ' is-busy' : ''}`}
          id="apply-submit"
          onClick={() => void submit()}
        >
          {submitting ? '提交中…' : submitError ? '重新提交' : '提交申请'}
        </View>
      </View>
    </View>
  );
}
