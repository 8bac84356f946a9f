import QRCode from 'qrcode';
import type {
  AdminOrderListItem,
  LeaderPickupOrder,
  OrderDetail,
  OrderLineView,
  OrderPickupView,
  OrderSummary,
  OrderTimelineEntry,
} from '@linli/shared-types';
import type { CampaignHeader } from '../campaigns';
import type { MemberContact } from '../members';
import { refundView, type RefundLedger } from '../payments';
import { buyerCancelDecision } from './domain/order-status';
import { AWAITING_PICKUP } from './domain/order-status';
import { pickupQrText } from './domain/pickup-code';
import type { OrderEventEntity } from './persistence/order-event.entity';
import type { OrderLineEntity } from './persistence/order-line.entity';
import type { OrderRecord } from './persistence/order.repository';

type RefundRow = NonNullable<Awaited<ReturnType<RefundLedger['findById']>>>;

const UNKNOWN_CAMPAIGN = { title: '（活动已删除）', pickupDate: '', cutoffAt: new Date(0) };

export function lineView(line: OrderLineEntity): OrderLineView {
  return {
    id: line.id,
    itemId: line.campaignItemId,
    skuId: line.skuId,
    productId: line.productId,
    productName: line.productName,
    specText: line.specText,
    imageUrl: line.imageUrl,
    unitPrice: line.unitPrice,
    quantity: line.quantity,
    lineTotal: line.lineTotal,
  };
}

export function pickupView({ order }: OrderRecord): OrderPickupView {
  return {
    leaderId: order.leaderId,
    leaderName: order.pickupSnapshot.leaderName,
    leaderPhone: order.pickupSnapshot.leaderPhone,
    pickupPoint: order.pickupSnapshot.pickupPoint,
  };
}

export function summaryView(
  record: OrderRecord,
  campaign: CampaignHeader | undefined,
  refunds: RefundRow[],
): OrderSummary {
  const { order, lines } = record;
  const latestRefund = refunds.at(-1);
  return {
    id: order.id,
    orderNo: order.orderNo,
    status: order.status,
    campaignId: order.campaignId,
    campaignTitle: campaign?.title ?? UNKNOWN_CAMPAIGN.title,
    pickupDate: campaign?.pickupDate ?? UNKNOWN_CAMPAIGN.pickupDate,
    lines: lines.slice(0, 4).map((l) => ({
      productName: l.productName,
      specText: l.specText,
      imageUrl: l.imageUrl,
      quantity: l.quantity,
    })),
    itemCount: order.itemCount,
    payableAmount: order.payableAmount,
    createdAt: order.createdAt.toISOString(),
    payDeadlineAt: order.status === 'pending_payment' ? order.payDeadlineAt.toISOString() : null,
    refund: latestRefund ? refundView(latestRefund) : null,
  };
}

export function timelineView(events: OrderEventEntity[]): OrderTimelineEntry[] {
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorType: e.actorType,
    actorName: e.actorName,
    note: e.note,
    at: e.createdAt.toISOString(),
  }));
}

/** The buyer's order page. The pickup QR is drawn only while the code means something. */
export async function detailView(
  record: OrderRecord,
  campaign: CampaignHeader | undefined,
  refunds: RefundRow[],
  events: OrderEventEntity[],
  now: Date = new Date(),
): Promise<OrderDetail> {
  const { order, lines } = record;
  const cutoffAt = campaign?.cutoffAt ?? UNKNOWN_CAMPAIGN.cutoffAt;
  const showCode =
    order.pickupCode !== null && (AWAITING_PICKUP.includes(order.status) || order.status === 'picked_up');
  const qrText = showCode ? pickupQrText(order.orderNo, order.pickupCode!) : null;
  return {
    ...summaryView(record, campaign, refunds),
    lines: lines.map(lineView),
    goodsAmount: order.goodsAmount,
    discountAmount: order.discountAmount,
    paidAmount: order.paidAmount,
    refundedAmount: order.refundedAmount,
    remark: order.remark,
    cutoffAt: cutoffAt.toISOString(),
    pickup: pickupView(record),
    pickupCode: showCode ? order.pickupCode : null,
    pickupQr:
      qrText && AWAITING_PICKUP.includes(order.status)
        ? await QRCode.toDataURL(qrText, { margin: 1, width: 280, errorCorrectionLevel: 'M' })
        : null,
    pickupQrText: qrText,
    paidAt: order.paidAt?.toISOString() ?? null,
    readyAt: order.readyAt?.toISOString() ?? null,
    pickedUpAt: order.pickedUpAt?.toISOString() ?? null,
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    canCancel: buyerCancelDecision(order.status, cutoffAt, now).allowed,
    timeline: timelineView(events),
  };
}

export function leaderPickupView(
  record: OrderRecord,
  campaign: CampaignHeader | undefined,
  buyer: MemberContact | undefined,
): LeaderPickupOrder {
  const { order, lines } = record;
  return {
    orderId: order.id,
    orderNo: order.orderNo,
    status: order.status,
    campaignId: order.campaignId,
    campaignTitle: campaign?.title ?? UNKNOWN_CAMPAIGN.title,
    pickupDate: campaign?.pickupDate ?? UNKNOWN_CAMPAIGN.pickupDate,
    buyerName: buyer?.nickname ?? '买家',
    buyerPhoneTail: buyer?.phoneTail ?? null,
    lines: lines.map((l) => ({
      productName: l.productName,
      specText: l.specText,
      quantity: l.quantity,
      imageUrl: l.imageUrl,
    })),
    itemCount: order.itemCount,
    payableAmount: order.payableAmount,
    remark: order.remark,
    paidAt: order.paidAt?.toISOString() ?? null,
    pickedUpAt: order.pickedUpAt?.toISOString() ?? null,
  };
}

export function adminListItem(
  record: OrderRecord,
  campaign: CampaignHeader | undefined,
  buyer: MemberContact | undefined,
): AdminOrderListItem {
  const { order } = record;
  return {
    id: order.id,
    orderNo: order.orderNo,
    status: order.status,
    campaignId: order.campaignId,
    campaignTitle: campaign?.title ?? UNKNOWN_CAMPAIGN.title,
    memberId: order.memberId,
    buyerName: buyer?.nickname ?? `会员 #${order.memberId}`,
    buyerPhone: buyer?.phone ?? null,
    leaderId: order.leaderId,
    leaderName: order.pickupSnapshot.leaderName,
    pickupPointName: order.pickupSnapshot.pickupPoint?.name ?? null,
    itemCount: order.itemCount,
    payableAmount: order.payableAmount,
    paidAmount: order.paidAmount,
    refundedAmount: order.refundedAmount,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
  };
}
