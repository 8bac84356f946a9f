import { ApiProperty } from '@nestjs/swagger';
import {
  OrderStatus,
  type AdminOrderDetail,
  type AdminOrderListItem,
  type AdminRefundView,
  type BuyerOrderCounts,
  type ConfirmArrivalResponse,
  type LeaderPickupCampaign,
  type LeaderPickupOrder,
  type OrderDetail,
  type OrderLineView,
  type OrderPickupView,
  type OrderPreview,
  type OrderPreviewLine,
  type OrderRefundView,
  type OrderSummary,
  type OrderTimelineEntry,
  type Paged,
  type PaymentView,
  type PayOrderResponse,
} from '@linli/shared-types';
import { PickupPointSummaryDto } from '../../../leaders';

// Response shapes for the OpenAPI document; the types they implement are the contract (shared-types).

const STATUSES = Object.values(OrderStatus);
const money = (description: string) => ({ description: `${description}（分）` });

export class OrderPickupViewDto implements OrderPickupView {
  @ApiProperty() leaderId!: number;
  @ApiProperty() leaderName!: string;
  @ApiProperty({ type: String, nullable: true }) leaderPhone!: string | null;
  @ApiProperty({ type: PickupPointSummaryDto, nullable: true }) pickupPoint!: PickupPointSummaryDto | null;
}

export class OrderLineViewDto implements OrderLineView {
  @ApiProperty() id!: number;
  @ApiProperty() itemId!: number;
  @ApiProperty() skuId!: number;
  @ApiProperty() productId!: number;
  @ApiProperty() productName!: string;
  @ApiProperty() specText!: string;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty(money('单价')) unitPrice!: number;
  @ApiProperty() quantity!: number;
  @ApiProperty(money('小计')) lineTotal!: number;
}

class OrderLineBriefDto {
  @ApiProperty() productName!: string;
  @ApiProperty() specText!: string;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty() quantity!: number;
}

export class OrderRefundViewDto implements OrderRefundView {
  @ApiProperty() id!: number;
  @ApiProperty(money('退款金额')) amount!: number;
  @ApiProperty({ enum: ['processing', 'succeeded', 'failed'] }) status!: OrderRefundView['status'];
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) succeededAt!: string | null;
}

export class AdminRefundViewDto extends OrderRefundViewDto implements AdminRefundView {
  @ApiProperty() outRefundNo!: string;
  @ApiProperty({ type: String, nullable: true }) providerRefundId!: string | null;
  @ApiProperty({ type: String, nullable: true }) failureReason!: string | null;
  @ApiProperty() requestedBy!: string;
}

export class OrderTimelineEntryDto implements OrderTimelineEntry {
  @ApiProperty() id!: number;
  @ApiProperty() type!: OrderTimelineEntry['type'];
  @ApiProperty({ enum: STATUSES, nullable: true }) fromStatus!: OrderStatus | null;
  @ApiProperty({ enum: STATUSES, nullable: true }) toStatus!: OrderStatus | null;
  @ApiProperty({ enum: ['member', 'leader', 'staff', 'system'] }) actorType!: OrderTimelineEntry['actorType'];
  @ApiProperty() actorName!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class OrderSummaryDto implements OrderSummary {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '26120815300012300042' }) orderNo!: string;
  @ApiProperty({ enum: STATUSES }) status!: OrderStatus;
  @ApiProperty() campaignId!: number;
  @ApiProperty() campaignTitle!: string;
  @ApiProperty() pickupDate!: string;
  @ApiProperty({ type: [OrderLineBriefDto] }) lines!: OrderLineBriefDto[];
  @ApiProperty() itemCount!: number;
  @ApiProperty(money('应付')) payableAmount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) payDeadlineAt!: string | null;
  @ApiProperty({ type: OrderRefundViewDto, nullable: true }) refund!: OrderRefundViewDto | null;
}

export class OrderDetailDto extends OrderSummaryDto implements OrderDetail {
  @ApiProperty({ type: [OrderLineViewDto] }) declare lines: OrderLineViewDto[];
  @ApiProperty(money('商品金额')) goodsAmount!: number;
  @ApiProperty(money('优惠')) discountAmount!: number;
  @ApiProperty(money('实付')) paidAmount!: number;
  @ApiProperty(money('已退')) refundedAmount!: number;
  @ApiProperty({ type: String, nullable: true }) remark!: string | null;
  @ApiProperty({ format: 'date-time' }) cutoffAt!: string;
  @ApiProperty({ type: OrderPickupViewDto }) pickup!: OrderPickupViewDto;
  @ApiProperty({ type: String, nullable: true, description: '6 位提货码' }) pickupCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '提货二维码（PNG data URL）' }) pickupQr!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) pickupQrText!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readyAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pickedUpAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ description: '买家现在能否取消（已付款的会原路退款）' }) canCancel!: boolean;
  @ApiProperty({ type: [OrderTimelineEntryDto] }) timeline!: OrderTimelineEntryDto[];
}

export class OrderSummaryPagedDto implements Paged<OrderSummary> {
  @ApiProperty({ type: [OrderSummaryDto] }) items!: OrderSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class BuyerOrderCountsDto implements BuyerOrderCounts {
  @ApiProperty() pendingPayment!: number;
  @ApiProperty() toPickup!: number;
}

class OrderPreviewProblemDto {
  @ApiProperty() kind!: string;
  @ApiProperty() message!: string;
}

export class OrderPreviewLineDto implements OrderPreviewLine {
  @ApiProperty() itemId!: number;
  @ApiProperty() skuId!: number;
  @ApiProperty() productId!: number;
  @ApiProperty() productName!: string;
  @ApiProperty() specText!: string;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty(money('团购价')) unitPrice!: number;
  @ApiProperty(money('划线价')) originalPrice!: number;
  @ApiProperty() quantity!: number;
  @ApiProperty(money('小计')) lineTotal!: number;
  @ApiProperty() perMemberLimit!: number;
  @ApiProperty({ type: Number, nullable: true }) limitLeft!: number | null;
  @ApiProperty() remaining!: number;
  @ApiProperty({ type: OrderPreviewProblemDto, nullable: true }) problem!: OrderPreviewLine['problem'];
}

class OrderPreviewBlockedDto {
  @ApiProperty({ enum: ['not_live', 'not_started', 'cut_off', 'no_leader'] }) reason!: string;
  @ApiProperty() message!: string;
}

export class OrderPreviewDto implements OrderPreview {
  @ApiProperty() campaignId!: number;
  @ApiProperty() campaignTitle!: string;
  @ApiProperty({ format: 'date-time' }) cutoffAt!: string;
  @ApiProperty() pickupDate!: string;
  @ApiProperty() flashSale!: boolean;
  @ApiProperty({ type: [OrderPreviewLineDto] }) lines!: OrderPreviewLineDto[];
  @ApiProperty(money('商品金额')) goodsAmount!: number;
  @ApiProperty(money('应付')) payableAmount!: number;
  @ApiProperty() orderable!: boolean;
  @ApiProperty({ type: OrderPreviewBlockedDto, nullable: true }) blocked!: OrderPreview['blocked'];
  @ApiProperty({ type: OrderPickupViewDto, nullable: true }) pickup!: OrderPickupViewDto | null;
  @ApiProperty({ type: [String], description: '提交订单时请求订阅的消息模板' })
  subscribeTemplateIds!: string[];
}

class RequestPaymentDto {
  @ApiProperty() timeStamp!: string;
  @ApiProperty() nonceStr!: string;
  @ApiProperty({ example: 'prepay_id=wx201410272009395522657a690389285100' }) package!: string;
  @ApiProperty({ enum: ['RSA'] }) signType!: 'RSA';
  @ApiProperty() paySign!: string;
}

export class PayOrderResponseDto implements PayOrderResponse {
  @ApiProperty({ enum: ['wechatpay', 'simulator'] }) provider!: PayOrderResponse['provider'];
  @ApiProperty() orderId!: number;
  @ApiProperty() outTradeNo!: string;
  @ApiProperty(money('金额')) amount!: number;
  @ApiProperty({ type: RequestPaymentDto, description: '原样传给 Taro.requestPayment' })
  requestPayment!: RequestPaymentDto;
  @ApiProperty({ format: 'date-time' }) payDeadlineAt!: string;
  @ApiProperty({ type: [String] }) subscribeTemplateIds!: string[];
}

class LeaderPickupLineDto {
  @ApiProperty() productName!: string;
  @ApiProperty() specText!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
}

export class LeaderPickupOrderDto implements LeaderPickupOrder {
  @ApiProperty() orderId!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ enum: STATUSES }) status!: OrderStatus;
  @ApiProperty() campaignId!: number;
  @ApiProperty() campaignTitle!: string;
  @ApiProperty() pickupDate!: string;
  @ApiProperty() buyerName!: string;
  @ApiProperty({ type: String, nullable: true }) buyerPhoneTail!: string | null;
  @ApiProperty({ type: [LeaderPickupLineDto] }) lines!: LeaderPickupLineDto[];
  @ApiProperty() itemCount!: number;
  @ApiProperty(money('订单金额')) payableAmount!: number;
  @ApiProperty({ type: String, nullable: true }) remark!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pickedUpAt!: string | null;
}

export class LeaderPickupPagedDto implements Paged<LeaderPickupOrder> {
  @ApiProperty({ type: [LeaderPickupOrderDto] }) items!: LeaderPickupOrderDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class LeaderPickupCampaignDto implements LeaderPickupCampaign {
  @ApiProperty() campaignId!: number;
  @ApiProperty() campaignTitle!: string;
  @ApiProperty() pickupDate!: string;
  @ApiProperty({ description: '已付款、未确认到货' }) paidCount!: number;
  @ApiProperty({ description: '已到货、待提货' }) readyCount!: number;
  @ApiProperty() pickedUpCount!: number;
}

export class ConfirmArrivalResponseDto implements ConfirmArrivalResponse {
  @ApiProperty({ description: '本次变为待提货的订单数' }) updated!: number;
}

export class AdminOrderListItemDto implements AdminOrderListItem {
  @ApiProperty() id!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ enum: STATUSES }) status!: OrderStatus;
  @ApiProperty() campaignId!: number;
  @ApiProperty() campaignTitle!: string;
  @ApiProperty() memberId!: number;
  @ApiProperty() buyerName!: string;
  @ApiProperty({ type: String, nullable: true }) buyerPhone!: string | null;
  @ApiProperty() leaderId!: number;
  @ApiProperty() leaderName!: string;
  @ApiProperty({ type: String, nullable: true }) pickupPointName!: string | null;
  @ApiProperty() itemCount!: number;
  @ApiProperty(money('应付')) payableAmount!: number;
  @ApiProperty(money('实付')) paidAmount!: number;
  @ApiProperty(money('已退')) refundedAmount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
}

export class AdminOrderPagedDto implements Paged<AdminOrderListItem> {
  @ApiProperty({ type: [AdminOrderListItemDto] }) items!: AdminOrderListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PaymentViewDto implements PaymentView {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['wechatpay', 'simulator'] }) provider!: PaymentView['provider'];
  @ApiProperty() outTradeNo!: string;
  @ApiProperty(money('金额')) amount!: number;
  @ApiProperty({ enum: ['pending', 'succeeded', 'closed'] }) status!: PaymentView['status'];
  @ApiProperty({ type: String, nullable: true }) transactionId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class AdminOrderActionsDto {
  @ApiProperty() cancel!: boolean;
  @ApiProperty() refund!: boolean;
  @ApiProperty() markReady!: boolean;
}

export class AdminOrderDetailDto implements AdminOrderDetail {
  @ApiProperty() id!: number;
  @ApiProperty() orderNo!: string;
  @ApiProperty({ enum: STATUSES }) status!: OrderStatus;
  @ApiProperty() campaignId!: number;
  @ApiProperty() campaignTitle!: string;
  @ApiProperty() pickupDate!: string;
  @ApiProperty({ type: [OrderLineViewDto] }) lines!: OrderLineViewDto[];
  @ApiProperty() itemCount!: number;
  @ApiProperty(money('应付')) payableAmount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) payDeadlineAt!: string | null;
  @ApiProperty(money('商品金额')) goodsAmount!: number;
  @ApiProperty(money('优惠')) discountAmount!: number;
  @ApiProperty(money('实付')) paidAmount!: number;
  @ApiProperty(money('已退')) refundedAmount!: number;
  @ApiProperty({ type: String, nullable: true }) remark!: string | null;
  @ApiProperty({ format: 'date-time' }) cutoffAt!: string;
  @ApiProperty({ type: OrderPickupViewDto }) pickup!: OrderPickupViewDto;
  @ApiProperty({ type: String, nullable: true }) pickupCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readyAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pickedUpAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty() canCancel!: boolean;
  @ApiProperty({ type: [OrderTimelineEntryDto] }) timeline!: OrderTimelineEntryDto[];
  @ApiProperty() memberId!: number;
  @ApiProperty() buyerName!: string;
  @ApiProperty({ type: String, nullable: true }) buyerPhone!: string | null;
  @ApiProperty() flashSale!: boolean;
  @ApiProperty({ type: [PaymentViewDto] }) payments!: PaymentViewDto[];
  @ApiProperty({ type: [AdminRefundViewDto] }) refunds!: AdminRefundViewDto[];
  @ApiProperty({ type: AdminOrderActionsDto }) actions!: AdminOrderActionsDto;
}

export class OrderStatusCountsDto implements Record<OrderStatus, number> {
  @ApiProperty() pending_payment!: number;
  @ApiProperty() paid!: number;
  @ApiProperty() locked!: number;
  @ApiProperty() shipped!: number;
  @ApiProperty() ready_for_pickup!: number;
  @ApiProperty() picked_up!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty() refunded!: number;
}
