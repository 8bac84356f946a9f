import Taro from '@tarojs/taro';
import {
  type BuyerOrderCounts,
  type BuyerOrderListQuery,
  type BuyerOrderTab,
  type CancelOrderRequest,
  type CreateOrderRequest,
  type OrderDetail,
  type OrderPreview,
  type OrderPreviewRequest,
  type OrderSummary,
  type Paged,
  type PaymentSyncResponse,
  type PayOrderResponse,
  type SimulatorPayResponse,
} from '@linli/shared-types';
import { ApiError, ClientErrorCode } from './api-error';
import { encodeLines } from './cart';
import { get, post } from './request';

/** The buyer's orders and payment. All calls are silent: the screens show errors in place. */

export function previewOrder(body: OrderPreviewRequest): Promise<OrderPreview> {
  return post<OrderPreview>('/api/app/orders/preview', body, { silent: true });
}

export function fetchOrders(query: BuyerOrderListQuery): Promise<Paged<OrderSummary>> {
  const params: Record<string, string | number> = {};
  if (query.tab && query.tab !== 'all') params.tab = query.tab;
  if (query.page) params.page = query.page;
  if (query.pageSize) params.pageSize = query.pageSize;
  return get<Paged<OrderSummary>>('/api/app/orders', params, { silent: true });
}

export function fetchOrderCounts(): Promise<BuyerOrderCounts> {
  return get<BuyerOrderCounts>('/api/app/orders/counts', undefined, { silent: true });
}

export function fetchOrder(id: number): Promise<OrderDetail> {
  return get<OrderDetail>(`/api/app/orders/${id}`, undefined, { silent: true });
}

export function cancelOrder(id: number, reason?: string): Promise<OrderDetail> {
  const body: CancelOrderRequest = reason ? { reason } : {};
  return post<OrderDetail>(`/api/app/orders/${id}/cancel`, body, { silent: true });
}

export function requestOrderPayment(id: number): Promise<PayOrderResponse> {
  return post<PayOrderResponse>(`/api/app/orders/${id}/pay`, {}, { silent: true });
}

export function syncOrderPayment(id: number): Promise<PaymentSyncResponse> {
  return post<PaymentSyncResponse>(`/api/app/orders/${id}/payment-sync`, {}, { silent: true });
}

export function confirmSimulatedPayment(outTradeNo: string): Promise<SimulatorPayResponse> {
  return post<SimulatorPayResponse>(
    `/api/app/payments/simulator/${encodeURIComponent(outTradeNo)}/pay`,
    {},
    { silent: true },
  );
}

export function orderPageUrl(id: number): string {
  return `/pages/order/index?id=${id}`;
}

/** The checkout page for some lines of one campaign; `fromCart`: the ordered lines leave the cart. */
export function checkoutPageUrl(
  campaignId: number,
  lines: Array<{ itemId: number; quantity: number }>,
  fromCart: boolean,
): string {
  const source = fromCart ? '&from=cart' : '';
  return `/pages/checkout/index?campaignId=${campaignId}&lines=${encodeLines(lines)}${source}`;
}

// ---- Placing an order with an Idempotency-Key ----------------------------------------------------------

/** Places the order; the key makes a retry of the same submit return the same order, never a second one. */
export function placeOrder(body: CreateOrderRequest, idempotencyKey: string): Promise<OrderDetail> {
  return post<OrderDetail>('/api/app/orders', body, {
    silent: true,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** A UUID-shaped key (v4 layout): 36 characters of [0-9a-f-], within the server's 8–64 [A-Za-z0-9_-]. */
export function newIdempotencyKey(random: () => number = Math.random): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/** One checkout attempt: the order body it is for and the key its submits (and retries) carry. */
export interface CheckoutAttempt {
  fingerprint: string;
  key: string;
}

/** The order body in a canonical form (lines by item, remark trimmed), plus who orders it. */
export function checkoutFingerprint(memberId: number, body: CreateOrderRequest): string {
  const lines = [...body.lines].sort((a, b) => a.itemId - b.itemId).map((l) => [l.itemId, l.quantity]);
  const remark = body.remark?.trim() || null;
  return JSON.stringify([memberId, body.campaignId, lines, remark]);
}

/**
 * The attempt a submit belongs to: the previous one when the body is the same (a retry must reuse the key,
 * so a request that did go through is answered with its order instead of creating a second), else new.
 */
export function attemptFor(
  previous: CheckoutAttempt | null,
  fingerprint: string,
  newKey: () => string = () => newIdempotencyKey(),
): CheckoutAttempt {
  return previous && previous.fingerprint === fingerprint ? previous : { fingerprint, key: newKey() };
}

/**
 * Whether a failed submit may have gone through (or may still): no answer, a server or gateway error,
 * 503 ORDER_FLASH_SALE_BUSY, 409 ORDER_IN_PROGRESS. Then the attempt is kept for the retry. Any other
 * refusal is final: nothing was created, and the next submit is a new attempt.
 */
export function isUncertainOutcome(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  if (error.status === 0 || error.code === ClientErrorCode.NETWORK_ERROR) return true;
  if (error.status >= 500) return true;
  return error.code === 'ORDER_IN_PROGRESS';
}

const ATTEMPT_KEY = 'linli.checkoutAttempt';

/**
 * The attempt survives leaving the page: a buyer whose submit timed out and who comes back to the same
 * checkout retries with the same key (and gets the order that did go through).
 */
export const checkoutAttempts = {
  load(): CheckoutAttempt | null {
    const raw: unknown = Taro.getStorageSync(ATTEMPT_KEY);
    if (typeof raw !== 'string' || !raw) return null;
    try {
      const value = JSON.parse(raw) as Partial<CheckoutAttempt>;
      return typeof value.fingerprint === 'string' && typeof value.key === 'string'
        ? { fingerprint: value.fingerprint, key: value.key }
        : null;
    } catch {
      return null;
    }
  },
  save(attempt: CheckoutAttempt): void {
    Taro.setStorageSync(ATTEMPT_KEY, JSON.stringify(attempt));
  },
  clear(): void {
    Taro.removeStorageSync(ATTEMPT_KEY);
  },
};

// ---- Small helpers of the order screens ----------------------------------------------------------------

const pad = (n: number) => n.toString().padStart(2, '0');

/** Time left to pay: "14:32" (mm:ss), "1:05:09" beyond an hour, null once the deadline has passed. */
export function payCountdown(deadline: string | null, now: Date): string | null {
  if (!deadline) return null;
  const at = new Date(deadline).getTime();
  if (Number.isNaN(at)) return null;
  const left = Math.ceil((at - now.getTime()) / 1000);
  if (left <= 0) return null;
  const hours = Math.floor(left / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = left % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/**
 * 订单 is a tab page and switchTab carries no query: a shortcut (我的 → 待提货) leaves the wanted tab here
 * and the list takes it when it shows.
 */
let requestedTab: BuyerOrderTab | null = null;

export function openOrdersTab(tab: BuyerOrderTab): void {
  requestedTab = tab;
  void Taro.switchTab({ url: '/pages/orders/index' });
}

export function takeRequestedOrdersTab(): BuyerOrderTab | null {
  const tab = requestedTab;
  requestedTab = null;
  return tab;
}
