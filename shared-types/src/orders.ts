import type { PickupPointSummary } from './app';
import type { Fen, IsoDateTime, PageQuery } from './common';

// ---------------------------------------------------------------------------------------------------
// Orders, payment and self-pickup (issue 5). Buyer endpoints under /api/app/orders, leader endpoints under
// /api/app/leader/pickups, staff endpoints under /api/admin/orders (orders.read / orders.write /
// orders.refund). Money is integer fen; the server prices everything itself.
// ---------------------------------------------------------------------------------------------------

/**
 * Order status. 待付款 → 已付款 → 已截单 → 已发货 → 待提货 → 已提货, plus 已取消 and 已退款. Every move is a
 * conditional update with its actor on the order's timeline.
 * - `locked` (已截单): the campaign's cut-off (截单) locked the paid order for fulfillment (see
 *   shared-types fulfillment.ts); the buyer can no longer cancel it (staff can still refund it).
 * - `shipped` (已发货): its delivery route (配送线路) left the warehouse.
 * - `ready_for_pickup` (待提货): the leader confirmed the goods arrived (paid / locked / shipped orders).
 * - `cancelled`: ended without money kept: closed unpaid at the pay deadline, or cancelled before payment.
 * - `refunded`: it was paid and the whole amount goes back (buyer cancel before cut-off, staff cancel or
 *   refund). The money itself moves through the provider: see `OrderRefundView.status`.
 */
export const OrderStatus = {
  PENDING_PAYMENT: 'pending_payment',
  PAID: 'paid',
  LOCKED: 'locked',
  SHIPPED: 'shipped',
  READY_FOR_PICKUP: 'ready_for_pickup',
  PICKED_UP: 'picked_up',
  CANCELLED: 'cancelled',
  REFUNDED: 'refunded',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '已付款',
  locked: '已截单',
  shipped: '已发货',
  ready_for_pickup: '待提货',
  picked_up: '已提货',
  cancelled: '已取消',
  refunded: '已退款',
};

/** Tabs of the buyer's order list; each is a set of statuses (已截单 / 已发货 count as 待提货 for the buyer). */
export type BuyerOrderTab = 'all' | 'pending_payment' | 'to_pickup' | 'completed' | 'closed';
export const BUYER_ORDER_TABS: Record<BuyerOrderTab, { label: string; statuses: OrderStatus[] }> = {
  all: { label: '全部', statuses: [] },
  pending_payment: { label: '待付款', statuses: ['pending_payment'] },
  to_pickup: { label: '待提货', statuses: ['paid', 'locked', 'shipped', 'ready_for_pickup'] },
  completed: { label: '已完成', statuses: ['picked_up'] },
  closed: { label: '取消/退款', statuses: ['cancelled', 'refunded'] },
};

/** Who moved an order (timeline). A leader acts as `leader` on their own pickup point's orders. */
export type OrderActorType = 'member' | 'leader' | 'staff' | 'system';

/** Timeline entry kinds. */
export type OrderEventType =
  | 'placed'
  | 'payment_requested'
  | 'paid'
  | 'locked'
  | 'shipped'
  | 'ready'
  | 'picked_up'
  | 'cancelled'
  | 'closed'
  | 'refund_requested'
  | 'refund_succeeded'
  | 'refund_failed'
  | 'late_payment_refunded';

export const ORDER_EVENT_LABELS: Record<OrderEventType, string> = {
  placed: '提交订单',
  payment_requested: '发起支付',
  paid: '支付成功',
  locked: '已截单，仓库备货中',
  shipped: '已发货，配送中',
  ready: '商品到货，待提货',
  picked_up: '已提货',
  cancelled: '取消订单',
  closed: '超时未支付，订单关闭',
  refund_requested: '发起退款',
  refund_succeeded: '退款成功',
  refund_failed: '退款失败',
  late_payment_refunded: '订单关闭后到账的付款已原路退回',
};

// ---- Checkout (buyer) ---------------------------------------------------------------------------------

/** One line the buyer asks for: a campaign item (团购商品) and a quantity 1–999. No prices: the server prices. */
export interface OrderLineInput {
  itemId: number;
  quantity: number;
}

/**
 * POST /api/app/orders/preview → OrderPreview: prices the cart of ONE campaign at the buyer's current
 * leader (what checkout would charge now) and says what stops it, without reserving anything.
 * 404 CAMPAIGN_NOT_FOUND when the campaign is not visible to the buyer.
 */
export interface OrderPreviewRequest {
  campaignId: number;
  /** 1–50 lines. */
  lines: OrderLineInput[];
}

/** Why a line cannot be ordered as asked. */
export type OrderLineProblemKind =
  'quantity_invalid' | 'item_unknown' | 'not_sellable' | 'sold_out' | 'insufficient_stock' | 'over_limit';

export interface OrderPreviewLine {
  itemId: number;
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  imageUrl: string | null;
  unitPrice: Fen;
  originalPrice: Fen;
  quantity: number;
  lineTotal: Fen;
  /** 0 = no limit. */
  perMemberLimit: number;
  /** How many more this buyer may still order of this item (null = no limit). */
  limitLeft: number | null;
  remaining: number;
  problem: { kind: OrderLineProblemKind; message: string } | null;
}

export interface OrderPreview {
  campaignId: number;
  campaignTitle: string;
  cutoffAt: IsoDateTime;
  pickupDate: string;
  flashSale: boolean;
  lines: OrderPreviewLine[];
  /** Sum of the line totals, fen. */
  goodsAmount: Fen;
  /** What the buyer pays, fen (goods minus discounts; no discounts yet). */
  payableAmount: Fen;
  /** True when POST /api/app/orders with these lines would be accepted now. */
  orderable: boolean;
  /** Why nothing can be ordered (not live / not started / past 截单 / no pickup point), else null. */
  blocked: { reason: 'not_live' | 'not_started' | 'cut_off' | 'no_leader'; message: string } | null;
  /** Where the buyer would pick up: their current leader, or null. */
  pickup: OrderPickupView | null;
  /**
   * WeChat subscription-message templates to ask for in the 提交订单 tap (Taro.requestSubscribeMessage must
   * run in the tap itself), so the buyer can be told when the goods are ready; empty without WeChat.
   */
  subscribeTemplateIds: string[];
}

/**
 * POST /api/app/orders with header `Idempotency-Key` (8–64 characters of [A-Za-z0-9_-], one per checkout
 * attempt, kept for its retries) → 201 OrderDetail. Prices, window, cut-off, per-member limits (over all
 * of the buyer's orders that are not cancelled or refunded) and stock are checked on the server; stock is
 * reserved by an atomic conditional update. The same key with the same body returns the same order (200);
 * the same key with another body is 409 IDEMPOTENCY_KEY_REUSED. Flash-sale (秒杀) campaigns pass a Redis
 * gate first; when it cannot answer, 503 ORDER_FLASH_SALE_BUSY (nothing sold).
 * Failures: 400 VALIDATION_FAILED / ORDER_IDEMPOTENCY_KEY_MISSING, 404 CAMPAIGN_NOT_FOUND,
 * 409 ORDER_CAMPAIGN_CLOSED / ORDER_NO_PICKUP_POINT / ORDER_LINE_PROBLEM (with `fields` per line:
 * `lines.N`) / ORDER_SOLD_OUT / ORDER_LIMIT_EXCEEDED.
 */
export interface CreateOrderRequest {
  campaignId: number;
  /** 1–50 lines. */
  lines: OrderLineInput[];
  /** 备注 to the leader, ≤ 100 characters. */
  remark?: string | null;
}

export interface OrderPickupView {
  leaderId: number;
  leaderName: string;
  /** The leader's phone for the buyer to call. */
  leaderPhone: string | null;
  pickupPoint: PickupPointSummary | null;
}

export interface OrderLineView {
  id: number;
  itemId: number;
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  imageUrl: string | null;
  unitPrice: Fen;
  quantity: number;
  lineTotal: Fen;
}

export interface OrderTimelineEntry {
  id: number;
  type: OrderEventType;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actorType: OrderActorType;
  /** 买家 / the leader's name / the staff member's name / 系统. */
  actorName: string;
  note: string | null;
  at: IsoDateTime;
}

export type RefundStatus = 'processing' | 'succeeded' | 'failed';
export const REFUND_STATUS_LABELS: Record<RefundStatus, string> = {
  processing: '退款中',
  succeeded: '已退款',
  failed: '退款失败',
};

/** The money going back for an order (one full refund per order today; after-sales adds partial ones). */
export interface OrderRefundView {
  id: number;
  amount: Fen;
  status: RefundStatus;
  reason: string;
  createdAt: IsoDateTime;
  succeededAt: IsoDateTime | null;
}

/** A row of the buyer's order list. */
export interface OrderSummary {
  id: number;
  orderNo: string;
  status: OrderStatus;
  campaignId: number;
  campaignTitle: string;
  pickupDate: string;
  /** Up to 4 lines for the list card. */
  lines: Pick<OrderLineView, 'productName' | 'specText' | 'imageUrl' | 'quantity'>[];
  itemCount: number;
  payableAmount: Fen;
  createdAt: IsoDateTime;
  /** For pending_payment: when it closes unless paid. */
  payDeadlineAt: IsoDateTime | null;
  refund: OrderRefundView | null;
}

/**
 * GET /api/app/orders/:id (the buyer's own order; 404 ORDER_NOT_FOUND otherwise).
 * `pickupCode` and `pickupQr` are set while the order waits for pickup (paid / ready_for_pickup) and for a
 * picked-up one (as a record); the QR encodes `pickupQrText`, which the leader's 核销 scan accepts.
 */
export interface OrderDetail extends OrderSummary {
  lines: OrderLineView[];
  goodsAmount: Fen;
  discountAmount: Fen;
  paidAmount: Fen;
  refundedAmount: Fen;
  remark: string | null;
  cutoffAt: IsoDateTime;
  pickup: OrderPickupView;
  pickupCode: string | null;
  /** PNG data URL of the pickup QR, or null. */
  pickupQr: string | null;
  pickupQrText: string | null;
  paidAt: IsoDateTime | null;
  readyAt: IsoDateTime | null;
  pickedUpAt: IsoDateTime | null;
  cancelledAt: IsoDateTime | null;
  /** The buyer may cancel now (pending payment, or paid/ready before 截单); paid ones are refunded. */
  canCancel: boolean;
  timeline: OrderTimelineEntry[];
}

/** GET /api/app/orders?tab=&page=&pageSize= → Paged<OrderSummary>, newest first. */
export interface BuyerOrderListQuery extends PageQuery {
  tab?: BuyerOrderTab;
}

/**
 * GET /api/app/orders/counts → how many orders wait on the buyer (badges on 我的 / the tab bar).
 * `toPickup` counts paid, locked, shipped and ready_for_pickup orders.
 */
export interface BuyerOrderCounts {
  pendingPayment: number;
  toPickup: number;
}

/**
 * POST /api/app/orders/:id/cancel {reason?} → OrderDetail. Pending payment: cancelled, stock released.
 * Paid / ready before the cut-off (截单): refunded in full through the payment provider, stock released.
 * Locked / shipped (the cut-off locked it for fulfillment): 409 ORDER_CANCEL_LOCKED ("订单已截单备货…请联系团长").
 * Otherwise 409 ORDER_CANCEL_NOT_ALLOWED ("已截单，如需退款请联系团长" etc.). A repeat is harmless (returns the order).
 */
export interface CancelOrderRequest {
  /** ≤ 100 characters. */
  reason?: string | null;
}

// ---- Payment (buyer) ----------------------------------------------------------------------------------

export type PaymentProviderName = 'wechatpay' | 'simulator';

/**
 * POST /api/app/orders/:id/pay → PayOrderResponse: the parameters for `wx.requestPayment` (WeChat Pay v3
 * JSAPI, signed by the server with the merchant key). With the `simulator` provider (embedded mode, demos,
 * tests) the same shape comes back signed with local keys, and the client confirms through
 * POST /api/app/payments/simulator/:outTradeNo/pay instead of wx.requestPayment.
 * 409 ORDER_NOT_PAYABLE when the order is not pending payment or past its deadline.
 */
export interface PayOrderResponse {
  provider: PaymentProviderName;
  orderId: number;
  outTradeNo: string;
  amount: Fen;
  /** Pass to Taro.requestPayment as is. */
  requestPayment: {
    timeStamp: string;
    nonceStr: string;
    package: string;
    signType: 'RSA';
    paySign: string;
  };
  payDeadlineAt: IsoDateTime;
  /**
   * WeChat subscription-message templates to ask the buyer for (Taro.requestSubscribeMessage, in the same
   * tap as paying) so we may tell them when the goods are ready; empty when WeChat is not configured.
   */
  subscribeTemplateIds: string[];
}

/**
 * POST /api/app/payments/simulator/:outTradeNo/pay (simulator provider only; 404 otherwise) → the order
 * after the simulated payment went through the real notification pipeline (signature, decryption, amount
 * check, idempotent apply).
 */
export type SimulatorPayResponse = OrderDetail;

/**
 * POST /api/app/orders/:id/payment-sync → OrderDetail: after `requestPayment` succeeds the client asks the
 * server to confirm with the provider (order query) in case the notification is late.
 */
export type PaymentSyncResponse = OrderDetail;

// ---- Leader: self-pickup (/api/app/leader/pickups) ------------------------------------------------------

/** An order at the leader's pickup point, as the leader sees it (no pickup code: the buyer shows it). */
export interface LeaderPickupOrder {
  orderId: number;
  orderNo: string;
  status: OrderStatus;
  campaignId: number;
  campaignTitle: string;
  pickupDate: string;
  buyerName: string;
  /** Last 4 digits of the buyer's phone, when known. */
  buyerPhoneTail: string | null;
  lines: Pick<OrderLineView, 'productName' | 'specText' | 'quantity' | 'imageUrl'>[];
  itemCount: number;
  payableAmount: Fen;
  remark: string | null;
  paidAt: IsoDateTime | null;
  pickedUpAt: IsoDateTime | null;
}

/**
 * GET /api/app/leader/pickups?status=&campaignId=&keyword=&page= → Paged<LeaderPickupOrder>: orders at the
 * calling leader's point. `status`: 'waiting' (paid, locked, shipped, ready_for_pickup; default) or 'picked_up' (today's
 * and earlier hand-overs, newest first). `keyword`: 4 digits = phone tail, otherwise order number prefix.
 * Active leaders only (403 LEADER_NOT_ACTIVE).
 */
export interface LeaderPickupQuery extends PageQuery {
  status?: 'waiting' | 'picked_up';
  campaignId?: number;
  keyword?: string;
}

/** GET /api/app/leader/pickups/campaigns → per campaign with orders waiting at this point. */
export interface LeaderPickupCampaign {
  campaignId: number;
  campaignTitle: string;
  pickupDate: string;
  /** Paid, locked or shipped: goods not yet confirmed as arrived. */
  paidCount: number;
  /** Arrived, waiting for the buyer. */
  readyCount: number;
  pickedUpCount: number;
}

/**
 * POST /api/app/leader/pickups/arrive {campaignId} → {updated}: 确认到货 — the goods of this campaign arrived
 * at the leader's point: its paid, locked and shipped orders here become ready for pickup and their buyers
 * are notified. (Until the Fulfillment issue's item-by-item 到货确认 replaces it.)
 */
export interface ConfirmArrivalRequest {
  campaignId: number;
}
export interface ConfirmArrivalResponse {
  updated: number;
}

/**
 * POST /api/app/leader/pickups/lookup {code} → LeaderPickupOrder: what a code (6 digits typed, or the text
 * of the buyer's QR) would hand over, for the leader to check before confirming. POST …/verify {code} hands
 * it over (→ picked_up). Refusals: 404 PICKUP_CODE_INVALID (no such open order), 403
 * PICKUP_CODE_OTHER_LEADER (an order of another pickup point), 409 PICKUP_ALREADY_DONE (already picked up),
 * 409 PICKUP_NOT_READY (not paid). Every paid order whose code is open can be handed over: paid, locked,
 * shipped or ready (goods in the buyer's hands settle it, whatever the warehouse recorded).
 */
export interface PickupCodeRequest {
  code: string;
}

// ---- Staff: order centre (/api/admin/orders) ------------------------------------------------------------

/**
 * GET /api/admin/orders?status&leaderId&campaignId&memberId&keyword&createdFrom&createdTo&page&pageSize →
 * Paged<AdminOrderListItem>, newest first (orders.read). `keyword`: an order number (prefix) or a buyer's
 * phone (prefix, ≥ 4 digits). Dates are ISO times; createdTo is exclusive.
 */
export interface AdminOrderListQuery extends PageQuery {
  status?: OrderStatus;
  leaderId?: number;
  campaignId?: number;
  memberId?: number;
  keyword?: string;
  createdFrom?: IsoDateTime;
  createdTo?: IsoDateTime;
}

export interface AdminOrderListItem {
  id: number;
  orderNo: string;
  status: OrderStatus;
  campaignId: number;
  campaignTitle: string;
  memberId: number;
  buyerName: string;
  buyerPhone: string | null;
  leaderId: number;
  leaderName: string;
  pickupPointName: string | null;
  itemCount: number;
  payableAmount: Fen;
  paidAmount: Fen;
  refundedAmount: Fen;
  createdAt: IsoDateTime;
  paidAt: IsoDateTime | null;
}

/** GET /api/admin/orders/status-counts?(the list's filters except status) → count per status. */
export type OrderStatusCounts = Record<OrderStatus, number>;

export type PaymentStatus = 'pending' | 'succeeded' | 'closed';
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  pending: '待支付',
  succeeded: '支付成功',
  closed: '已关闭',
};

export interface PaymentView {
  id: number;
  provider: PaymentProviderName;
  outTradeNo: string;
  amount: Fen;
  status: PaymentStatus;
  /** WeChat Pay transaction id (微信支付单号), once paid. */
  transactionId: string | null;
  paidAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

export interface AdminRefundView extends OrderRefundView {
  outRefundNo: string;
  /** The provider's refund id, once it accepted the refund. */
  providerRefundId: string | null;
  failureReason: string | null;
  /** 买家 / staff name / 系统 (e.g. a late payment to a closed order). */
  requestedBy: string;
}

/** GET /api/admin/orders/:id → AdminOrderDetail (orders.read). */
export interface AdminOrderDetail extends Omit<OrderDetail, 'pickupQr' | 'pickupQrText' | 'refund'> {
  memberId: number;
  buyerName: string;
  buyerPhone: string | null;
  flashSale: boolean;
  payments: PaymentView[];
  refunds: AdminRefundView[];
  /** What staff may do now (also checked by the server). */
  actions: { cancel: boolean; refund: boolean; markReady: boolean };
}

/**
 * POST /api/admin/orders/:id/cancel {reason} (orders.write): an unpaid order is cancelled; a paid or ready
 * one is refunded in full. POST /api/admin/orders/:id/refund {reason} (orders.refund): a paid, ready or
 * picked-up order is refunded in full. Both audited; 409 ORDER_CANCEL_NOT_ALLOWED / ORDER_REFUND_NOT_ALLOWED.
 * Locked and shipped orders can be refunded by staff like paid ones (stock released: not handed over yet).
 * POST /api/admin/orders/:id/mark-ready (orders.write): paid / locked / shipped → ready for pickup (buyer notified).
 * POST /api/admin/orders/refunds/:refundId/retry (orders.refund): asks the provider again for a failed refund.
 * All answer the AdminOrderDetail after the change.
 */
export interface StaffOrderActionRequest {
  /** 2–100 characters; shown on the timeline. */
  reason: string;
}

// ---- Events (outbox) ------------------------------------------------------------------------------------

/**
 * Payload of every `orders.*` outbox event (placed, paid, locked, shipped, closed, cancelled, ready,
 * picked_up, refunded).
 */
export interface OrderEventPayload {
  orderId: number;
  orderNo: string;
  memberId: number;
  leaderId: number;
  campaignId: number;
  status: OrderStatus;
  payableAmount: Fen;
  paidAmount: Fen;
  refundedAmount: Fen;
  /** When the event happened (ISO). */
  at: IsoDateTime;
  /** For refunds: the refund and its amount. */
  refundId?: number;
  refundAmount?: Fen;
}
