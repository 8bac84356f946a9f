import {
  AFTERSALES_STATUS_LABELS,
  BUYER_AFTERSALES_REASONS,
  type AfterSalesCaseView,
  type AfterSalesReason,
  type AfterSalesStatus,
  type CreateAfterSalesRequest,
  type Fen,
  type OrderDetail,
  type OrderStatus,
} from '@linli/shared-types';
import { type StatusTone } from './leader-status';

/** Statuses in which a paid order can still be refunded in part (docs/aftersales.md, refundPart step 2). */
export const AFTERSALES_ELIGIBLE_STATUSES: readonly OrderStatus[] = [
  'paid',
  'locked',
  'shipped',
  'ready_for_pickup',
  'picked_up',
];

export const MAX_AFTERSALES_PHOTOS = 3;
export const MAX_AFTERSALES_DESCRIPTION = 200;
export const MAX_REJECT_REASON = 200;

export const AFTERSALES_APPLY_URL = '/aftersales/apply/index';
export const AFTERSALES_CASE_URL = '/aftersales/case/index';
export const AFTERSALES_LIST_URL = '/aftersales/list/index';
export const LEADER_AFTERSALES_URL = '/leader/aftersales/index';
export const LEADER_AFTERSALES_CASE_URL = '/leader/aftersales-case/index';

export type OrderForAfterSales = Pick<OrderDetail, 'status' | 'paidAmount' | 'refundedAmount' | 'lines'>;

/** Cases whose money is (or is on its way) back: approved ones; a pending one blocks a new request. */
function committedCases(cases: readonly AfterSalesCaseView[]): AfterSalesCaseView[] {
  return cases.filter((c) => c.status === 'approved');
}

/** Fen already committed to refunds on the order as far as the buyer can see (never below 0 left). */
export function refundCommitted(order: OrderForAfterSales, cases: readonly AfterSalesCaseView[]): Fen {
  const byCases = committedCases(cases).reduce((sum, c) => sum + c.amount, 0);
  return Math.min(order.paidAmount, Math.max(order.refundedAmount, byCases));
}

/** Fen still refundable on the order. */
export function refundableAmount(order: OrderForAfterSales, cases: readonly AfterSalesCaseView[]): Fen {
  return Math.max(0, order.paidAmount - refundCommitted(order, cases));
}

export type AfterSalesEntry = { kind: 'apply' } | { kind: 'open'; caseId: number } | { kind: 'none' };

/**
 * What the order page offers: 申请售后 when the contract allows a request (eligible status, money left,
 * no pending case), 查看售后 for a pending case, nothing otherwise. `cases` newest first.
 */
export function afterSalesEntry(
  order: OrderForAfterSales,
  cases: readonly AfterSalesCaseView[],
): AfterSalesEntry {
  const open = cases.find((c) => c.status === 'pending');
  if (open) return { kind: 'open', caseId: open.id };
  if (!AFTERSALES_ELIGIBLE_STATUSES.includes(order.status)) return { kind: 'none' };
  if (order.paidAmount <= 0 || refundableAmount(order, cases) <= 0) return { kind: 'none' };
  return { kind: 'apply' };
}

export interface RefundableLine {
  orderLineId: number;
  productName: string;
  specText: string;
  imageUrl: string | null;
  unitPrice: Fen;
  quantity: number;
  /** Units already in an approved (or pending) case. */
  takenQuantity: number;
  /** Units the buyer may still ask for. */
  refundable: number;
  /** The line's share of the paid amount (discounts spread in proportion to line totals). */
  paidShare: Fen;
}

/** Splits `total` over `weights` in proportion, largest remainder, so the parts add up exactly. */
export function splitInProportion(total: Fen, weights: readonly number[]): Fen[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, index) => ({ index, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index] += 1;
    left -= 1;
  }
  return parts;
}

/** Each order line with how many units may still be asked for (quantity − units in approved/pending cases). */
export function refundableLines(
  order: OrderForAfterSales,
  cases: readonly AfterSalesCaseView[],
): RefundableLine[] {
  const taken = new Map<number, number>();
  for (const c of cases) {
    if (c.status === 'rejected') continue;
    for (const line of c.lines)
      taken.set(line.orderLineId, (taken.get(line.orderLineId) ?? 0) + line.quantity);
  }
  const shares = splitInProportion(
    order.paidAmount,
    order.lines.map((l) => l.lineTotal),
  );
  return order.lines.map((line, index) => {
    const takenQuantity = Math.min(line.quantity, taken.get(line.id) ?? 0);
    return {
      orderLineId: line.id,
      productName: line.productName,
      specText: line.specText,
      imageUrl: line.imageUrl,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      takenQuantity,
      refundable: line.quantity - takenQuantity,
      paidShare: shares[index] ?? 0,
    };
  });
}

/** What refunding `q` more units of a line gives back, as the server allocates it (last units take the rest). */
export function lineRefundPreview(line: RefundableLine, q: number): Fen {
  if (q <= 0 || line.quantity <= 0) return 0;
  const units = Math.min(q, line.refundable);
  const before = Math.floor((line.paidShare * line.takenQuantity) / line.quantity);
  const after = Math.floor((line.paidShare * (line.takenQuantity + units)) / line.quantity);
  return after - before;
}

export type ApplyMode = 'whole' | 'lines';

/** The 预计退款 shown while choosing; the server computes the final amount. */
export function refundPreview(
  mode: ApplyMode,
  lines: readonly RefundableLine[],
  quantities: Readonly<Record<number, number>>,
  amountLeft: Fen,
): Fen {
  if (mode === 'whole') return amountLeft;
  const sum = lines.reduce(
    (total, line) => total + lineRefundPreview(line, quantities[line.orderLineId] ?? 0),
    0,
  );
  return Math.min(sum, amountLeft);
}

/** Keeps a chosen quantity within 0..refundable (whole units). */
export function clampQuantity(value: number, refundable: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(0, Math.min(Math.floor(value), Math.max(0, refundable)));
}

export interface ApplyFormState {
  mode: ApplyMode;
  quantities: Record<number, number>;
  reason: AfterSalesReason | null;
  description: string;
  photoKeys: string[];
  uploading: boolean;
}

export interface ApplyFormErrors {
  lines?: string;
  reason?: string;
  description?: string;
  photos?: string;
}

export type ApplyValidation =
  { ok: true; body: Omit<CreateAfterSalesRequest, 'requestId'> } | { ok: false; errors: ApplyFormErrors };

/** Checks the 申请售后 form and builds the request body (without its requestId). */
export function validateApplyForm(form: ApplyFormState, lines: readonly RefundableLine[]): ApplyValidation {
  const errors: ApplyFormErrors = {};
  const chosen: Array<{ orderLineId: number; quantity: number }> = [];
  if (form.mode === 'lines') {
    for (const line of lines) {
      const q = form.quantities[line.orderLineId] ?? 0;
      if (q <= 0) continue;
      if (!Number.isInteger(q) || q > line.refundable) {
        errors.lines = `「${line.productName}」最多可申请 ${line.refundable} 件`;
        break;
      }
      chosen.push({ orderLineId: line.orderLineId, quantity: q });
    }
    if (!errors.lines && chosen.length === 0) errors.lines = '请选择要退款的商品和数量';
  }
  if (!form.reason || !BUYER_AFTERSALES_REASONS.includes(form.reason)) errors.reason = '请选择售后原因';
  const description = form.description.trim();
  if (description.length > MAX_AFTERSALES_DESCRIPTION)
    errors.description = `问题描述最多 ${MAX_AFTERSALES_DESCRIPTION} 字`;
  else if (form.reason === 'other' && description.length === 0) errors.description = '请说明具体问题';
  if (form.uploading) errors.photos = '照片还在上传，请稍候';
  else if (form.photoKeys.length > MAX_AFTERSALES_PHOTOS)
    errors.photos = `最多上传 ${MAX_AFTERSALES_PHOTOS} 张照片`;
  if (Object.keys(errors).length > 0 || !form.reason) return { ok: false, errors };
  const body: Omit<CreateAfterSalesRequest, 'requestId'> = { reason: form.reason };
  if (description) body.description = description;
  if (form.photoKeys.length > 0) body.photoKeys = [...form.photoKeys];
  if (form.mode === 'lines') body.lines = chosen;
  return { ok: true, body };
}

/**
 * The idempotency key of a submission: the same body keeps its requestId (a retry after a lost answer
 * returns the case already created), a changed body gets a new one.
 */
export function requestIdFor(
  previous: { bodyKey: string; requestId: string } | null,
  body: Omit<CreateAfterSalesRequest, 'requestId'>,
  make: () => string,
): { bodyKey: string; requestId: string } {
  const bodyKey = JSON.stringify(body);
  if (previous && previous.bodyKey === bodyKey) return previous;
  return { bodyKey, requestId: make() };
}

/** 驳回 needs a reason of 1–200 characters: the error, or null when fine. */
export function validateRejectReason(reason: string): string | null {
  const trimmed = reason.trim();
  if (!trimmed) return '请填写驳回原因';
  if (trimmed.length > MAX_REJECT_REASON) return `驳回原因最多 ${MAX_REJECT_REASON} 字`;
  return null;
}

const ERROR_MESSAGES: Record<string, string> = {
  AFTERSALES_NOT_FOUND: '售后单不存在或无权查看',
  AFTERSALES_ORDER_NOT_ELIGIBLE: '该订单当前不能申请售后（未付款或已全部退款）',
  AFTERSALES_CASE_OPEN: '这笔订单已有处理中的售后，请等待处理结果',
  AFTERSALES_LINE_INVALID: '所选商品或数量有误，请刷新后重新选择',
  AFTERSALES_AMOUNT_EXCEEDED: '申请金额超过可退金额，请刷新后重试',
  AFTERSALES_STATUS: '这个售后单已被处理，请刷新查看最新状态',
  AFTERSALES_REQUEST_ID_REUSED: '申请内容有变化，请重新提交',
  ORDER_NOT_FOUND: '订单不存在',
  LEADER_NOT_ACTIVE: '你当前不是团长，不能处理售后',
};

/** A Chinese message for a failed after-sales call: ours for known codes, else the server's (Chinese) text. */
export function afterSalesErrorMessage(code: string | undefined, serverMessage: string | undefined): string {
  if (code && ERROR_MESSAGES[code]) return ERROR_MESSAGES[code];
  if (serverMessage && /[\u4e00-\u9fa5]/.test(serverMessage)) return serverMessage;
  return '操作失败，请稍后重试';
}

export function afterSalesStatusBadge(status: AfterSalesStatus): { label: string; tone: StatusTone } {
  const tone: StatusTone = status === 'pending' ? 'warning' : status === 'approved' ? 'success' : 'danger';
  return { label: AFTERSALES_STATUS_LABELS[status], tone };
}

/** Newest event first (the timeline comes oldest first from the server; ties keep the server's order reversed). */
export function timelineNewestFirst<T extends { at: string }>(events: readonly T[]): T[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.at.localeCompare(a.event.at) || b.index - a.index)
    .map(({ event }) => event);
}
