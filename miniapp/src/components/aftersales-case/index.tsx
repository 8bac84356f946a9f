import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  AFTERSALES_EVENT_LABELS,
  AFTERSALES_REASON_LABELS,
  formatFen,
  REFUND_STATUS_LABELS,
  type AfterSalesCaseView,
} from '@linli/shared-types';
import { ProductThumb } from '@/components/order-line-row';
import { StatusBadge } from '@/components/status-badge';
import { assetUrl } from '@/services/uploads';
import { afterSalesStatusBadge, timelineNewestFirst } from '@/utils/aftersales';
import { formatShanghaiDateTime } from '@/utils/shanghai-time';
import './index.scss';

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="asc-row">
      <Text className="asc-row__label">{label}</Text>
      <Text className="asc-row__value" id={id}>
        {value}
      </Text>
    </View>
  );
}

function statusHint(view: AfterSalesCaseView): string {
  if (view.status === 'pending') {
    return view.autoApproveAt
      ? `等待团长处理，${formatShanghaiDateTime(view.autoApproveAt)} 前未处理将自动同意`
      : '等待团长处理';
  }
  if (view.status === 'rejected')
    return view.rejectReason ? `驳回原因：${view.rejectReason}` : '售后申请未通过';
  if (view.refund?.status === 'succeeded') return '退款已原路退回';
  if (view.refund?.status === 'failed') return '退款暂未成功，平台会尽快处理';
  return '退款处理中，将原路退回';
}

/** A case at a glance: status, money, items, reason and photos, then its timeline (newest first). */
export function AfterSalesCaseCards({ view }: { view: AfterSalesCaseView }) {
  const badge = afterSalesStatusBadge(view.status);
  const photos = view.photos.map((photo) => assetUrl(photo.url));
  return (
    <View>
      <View className={`asc-card asc-head asc-head--${view.status}`} id="case-status">
        <View className="asc-head__row">
          <Text className="asc-head__title">售后单 {view.caseNo}</Text>
          <StatusBadge id="case-status-badge" label={badge.label} tone={badge.tone} />
        </View>
        <Text className="asc-head__hint" id="case-status-hint">
          {statusHint(view)}
        </Text>
      </View>

      <View className="asc-card" id="case-amounts">
        <Row label="申请退款" value={formatFen(view.amount)} id="case-amount" />
        {view.refund ? (
          <Row
            label="退款进度"
            value={`${formatFen(view.refund.amount)} · ${REFUND_STATUS_LABELS[view.refund.status]}`}
            id="case-refund"
          />
        ) : null}
        <Row label="售后原因" value={AFTERSALES_REASON_LABELS[view.reason]} id="case-reason" />
        {view.description ? <Row label="问题描述" value={view.description} id="case-description" /> : null}
        <Row label="订单编号" value={view.orderNo} />
        <Row label="申请时间" value={formatShanghaiDateTime(view.createdAt)} />
        {view.decidedAt ? <Row label="处理时间" value={formatShanghaiDateTime(view.decidedAt)} /> : null}
      </View>

      <View className="asc-card" id="case-lines">
        <Text className="asc-card__title">{view.wholeOrder ? '整单退款' : '退款商品'}</Text>
        {view.lines.map((line) => (
          <View key={line.orderLineId} className="asc-line">
            <ProductThumb imageUrl={line.imageUrl} name={line.productName} size="sm" />
            <View className="asc-line__info">
              <Text className="asc-line__name">{line.productName}</Text>
              {line.specText ? <Text className="asc-line__spec">{line.specText}</Text> : null}
            </View>
            <View className="asc-line__aside">
              <Text className="asc-line__qty">×{line.quantity}</Text>
              <Text className="asc-line__amount">{formatFen(line.amount)}</Text>
            </View>
          </View>
        ))}
        {photos.length > 0 ? (
          <View className="asc-photos" id="case-photos">
            {photos.map((url) => (
              <Image
                key={url}
                className="asc-photos__item"
                src={url}
                mode="aspectFill"
                onClick={() => void Taro.previewImage({ urls: photos, current: url })}
              />
            ))}
          </View>
        ) : null}
      </View>

      <View className="asc-card" id="case-timeline">
        <Text className="asc-card__title">售后进度</Text>
        {timelineNewestFirst(view.timeline).map((event, index, all) => (
          <View
            key={`${event.type}-${event.at}-${index}`}
            className={`asc-event${index === 0 ? ' asc-event--latest' : ''}`}
            id={`case-event-${event.type}`}
          >
            <View className="asc-event__rail">
              <View className="asc-event__dot" />
              {index < all.length - 1 ? <View className="asc-event__line" /> : null}
            </View>
            <View className="asc-event__body">
              <Text className="asc-event__label">{AFTERSALES_EVENT_LABELS[event.type]}</Text>
              <Text className="asc-event__meta">
                {formatShanghaiDateTime(event.at)} · {event.actorName}
              </Text>
              {event.note ? <Text className="asc-event__note">{event.note}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

/** One case in a list: number, status, amount, first item. */
export function AfterSalesCaseRow({
  view,
  id,
  extra,
  onClick,
}: {
  view: AfterSalesCaseView;
  id: string;
  extra?: string;
  onClick: () => void;
}) {
  const badge = afterSalesStatusBadge(view.status);
  const first = view.lines[0];
  const summary = view.wholeOrder
    ? '整单退款'
    : first
      ? `${first.productName}${view.lines.length > 1 ? ` 等 ${view.lines.length} 件商品` : ` ×${first.quantity}`}`
      : '退款';
  return (
    <View className="asc-card asc-item" id={id} onClick={onClick}>
      <View className="asc-head__row">
        <Text className="asc-item__no">售后单 {view.caseNo}</Text>
        <StatusBadge label={badge.label} tone={badge.tone} />
      </View>
      <Text className="asc-item__summary">{summary}</Text>
      <View className="asc-item__foot">
        <Text className="asc-item__meta">
          {AFTERSALES_REASON_LABELS[view.reason]} · {formatShanghaiDateTime(view.createdAt)}
          {extra ? ` · ${extra}` : ''}
        </Text>
        <Text className="asc-item__amount">{formatFen(view.amount)}</Text>
      </View>
    </View>
  );
}
