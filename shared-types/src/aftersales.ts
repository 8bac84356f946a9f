import type { Fen, IsoDateTime, PageQuery } from './common';
import type { OrderActorType, OrderStatus, RefundStatus } from './orders';

// ---------------------------------------------------------------------------------------------------
// After-sales (售后, issue 7): a buyer asks for a refund of an order (whole or some items), the order's
// leader or staff approve or reject it, the refund goes through the payment provider, returned goods
// can be booked back into stock, and every step is on the case's timeline. Shortage / damage reported
// at the pickup point open cases automatically (approved at once). Buyer endpoints under /api/app,
// leader endpoints under /api/app/leader/aftersales, staff endpoints under /api/admin/aftersales
// (aftersales.read / aftersales.write). Money is integer fen. See docs/aftersales.md.
// ---------------------------------------------------------------------------------------------------

/** pending (待处理) → approved (已同意, the refund is on its way: see `refund`) | rejected (已拒绝). */
export type AfterSalesStatus = 'pending' | 'approved' | 'rejected';
export const AFTERSALES_STATUS_LABELS: Record<AfterSalesStatus, string> = {
  pending: '待处理',
  approved: '已同意退款',
  rejected: '已拒绝',
};

/** Why the buyer asks (the first five), or what the pickup point reported (shortage / damage). */
export type AfterSalesReason =
  'quality' | 'wrong_item' | 'missing' | 'not_wanted' | 'other' | 'shortage' | 'damage';
export const AFTERSALES_REASON_LABELS: Record<AfterSalesReason, string> = {
  quality: '质量问题',
  wrong_item: '发错货',
  missing: '少件漏发',
  not_wanted: '不想要了',
  other: '其他',
  shortage: '到货缺货',
  damage: '到货报损',
};
/** The reasons a buyer may choose (shortage / damage come from the pickup point's receipt). */
export const BUYER_AFTERSALES_REASONS: readonly AfterSalesReason[] = [
  'quality',
  'wrong_item',
  'missing',
  'not_wanted',
  'other',
];

/** Who opened the case: the buyer, or the system for a shortage / damage reported at the pickup point. */
export type AfterSalesSource = 'buyer' | 'pickup_report';

export type AfterSalesEventType =
  'requested' | 'approved' | 'auto_approved' | 'rejected' | 'refund_started' | 'stock_returned';
export const AFTERSALES_EVENT_LABELS: Record<AfterSalesEventType, string> = {
  requested: '申请售后',
  approved: '同意退款',
  auto_approved: '自动同意退款',
  rejected: '拒绝售后',
  refund_started: '发起退款',
  stock_returned: '退货入库',
};

/** One item of a case: an order line and how many of its units (and the fen refunded for them). */
export interface AfterSalesLineView {
  orderLineId: number;
  skuId: number;
  productName: string;
  specText: string;
  imageUrl: string | null;
  quantity: number;
  amount: Fen;
}

export interface AfterSalesEventView {
  type: AfterSalesEventType;
  actorType: OrderActorType;
  /** 买家 / 团长 <name> / the staff member's name / 系统. */
  actorName: string;
  note: string | null;
  at: IsoDateTime;
}

/** The money of an approved case, as the payment provider reports it. */
export interface AfterSalesRefundView {
  id: number;
  amount: Fen;
  status: RefundStatus;
}

/** A case (售后单) as the buyer sees it. */
export interface AfterSalesCaseView {
  id: number;
  caseNo: string;
  orderId: number;
  orderNo: string;
  orderStatus: OrderStatus;
  status: AfterSalesStatus;
  source: AfterSalesSource;
  reason: AfterSalesReason;
  description: string | null;
  /** Storage keys (POST /api/app/uploads/images) and their URLs. */
  photos: Array<{ key: string; url: string }>;
  /** True when the buyer asked for everything still refundable on the order. */
  wholeOrder: boolean;
  /** Fen to refund (Σ lines, or what was left of the order). */
  amount: Fen;
  lines: AfterSalesLineView[];
  rejectReason: string | null;
  refund: AfterSalesRefundView | null;
  /** When a pending case is approved automatically if nobody answers (null: that rule is off). */
  autoApproveAt: IsoDateTime | null;
  stockReturned: boolean;
  createdAt: IsoDateTime;
  decidedAt: IsoDateTime | null;
  timeline: AfterSalesEventView[];
}

/** A case as the leader and staff see it: plus the buyer and the pickup point. */
export interface AdminAfterSalesCaseView extends AfterSalesCaseView {
  memberId: number;
  buyerName: string | null;
  buyerPhoneTail: string | null;
  leaderId: number;
  /** What the order paid and what is already refunded or on its way back. */
  orderPaidAmount: Fen;
  orderRefundCommitted: Fen;
}

// ---- buyer ---------------------------------------------------------------------------------------------

/**
 * POST /api/app/orders/:id/aftersales → AfterSalesCaseView (201; a replay of the same requestId: 200 with
 * the same case, with another body 409 AFTERSALES_REQUEST_ID_REUSED).
 * `lines` absent or empty: the whole order (everything still refundable). Each line: an order line and a
 * quantity of 1..(units not refunded yet). The amount is computed by the server (the line's share of the
 * paid amount, discounts spread over lines in proportion); it never exceeds paid − refunded.
 * Refusals: 404 ORDER_NOT_FOUND (not the buyer's order), 409 AFTERSALES_ORDER_NOT_ELIGIBLE (not paid,
 * or already refunded in full), 409 AFTERSALES_CASE_OPEN (a pending case exists on the order),
 * 400 AFTERSALES_LINE_INVALID, 409 AFTERSALES_AMOUNT_EXCEEDED.
 * Small amounts (≤ settings.autoApproveMaxFen) are approved at once (auto_approved on the timeline).
 */
export interface CreateAfterSalesRequest {
  /** Idempotency key chosen by the client (8–64 characters). */
  requestId: string;
  reason: AfterSalesReason;
  /** Up to 200 characters. */
  description?: string | null;
  /** Up to 9 storage keys from POST /api/app/uploads/images. */
  photoKeys?: string[];
  lines?: Array<{ orderLineId: number; quantity: number }>;
}

/** GET /api/app/aftersales?page=&pageSize= → Paged<AfterSalesCaseView>, newest first (the buyer's own). */
export type BuyerAfterSalesQuery = PageQuery;
/** GET /api/app/aftersales/:id → AfterSalesCaseView (404 AFTERSALES_NOT_FOUND when not the buyer's). */
/** GET /api/app/orders/:id/aftersales → AfterSalesCaseView[] of that order of the buyer, newest first. */

// ---- leader (mini-program) and staff ------------------------------------------------------------------

/**
 * GET /api/app/leader/aftersales?status=&page=&pageSize= → Paged<AdminAfterSalesCaseView> (cases of orders
 * at the leader's pickup point). GET /api/app/leader/aftersales/:id → AdminAfterSalesCaseView.
 * GET /api/admin/aftersales?status=&orderNo=&leaderId=&page=&pageSize= (aftersales.read), and
 * GET /api/admin/aftersales/:id.
 */
export interface AfterSalesListQuery extends PageQuery {
  status?: AfterSalesStatus;
  orderNo?: string;
  leaderId?: number;
}

/**
 * POST /api/app/leader/aftersales/:id/approve, POST /api/admin/aftersales/:id/approve (aftersales.write)
 * → AdminAfterSalesCaseView. pending → approved and the refund starts through the payment provider.
 * A repeat on an approved case answers it unchanged; on a rejected one 409 AFTERSALES_STATUS.
 */
export interface ApproveAfterSalesRequest {
  note?: string | null;
}

/**
 * POST /api/app/leader/aftersales/:id/reject, POST /api/admin/aftersales/:id/reject (aftersales.write)
 * → AdminAfterSalesCaseView. pending → rejected with the reason (1–200 characters).
 */
export interface RejectAfterSalesRequest {
  reason: string;
}

/**
 * POST /api/admin/aftersales/:id/return-stock (aftersales.write) → AdminAfterSalesCaseView: the goods of an
 * approved case came back to the warehouse; its units are booked into sellable stock (inventory `return`
 * movements keyed by the case: a repeat books nothing). 409 AFTERSALES_NOTHING_TO_RETURN for a case
 * without lines (amount only), AFTERSALES_STATUS unless approved.
 */
export type ReturnStockRequest = Record<string, never>;

/**
 * Rules without code. GET /api/admin/aftersales/settings (aftersales.read),
 * PUT /api/admin/aftersales/settings (aftersales.write) → AfterSalesSettings.
 */
export interface AfterSalesSettings {
  /** Cases asking for at most this many fen are approved at once; 0 = never. */
  autoApproveMaxFen: Fen;
  /** A pending case nobody answered within this many hours is approved by the sweep; 0 = never. */
  autoApproveAfterHours: number;
  updatedAt: IsoDateTime | null;
  updatedBy: string | null;
}
export type AfterSalesSettingsInput = Pick<AfterSalesSettings, 'autoApproveMaxFen' | 'autoApproveAfterHours'>;
