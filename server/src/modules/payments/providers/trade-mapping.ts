import type { RefundStatus, TransactionResource } from '../wechatpay';
import type { ProviderRefund, ProviderTrade } from './payment-provider';

/** WeChat's trade_state in our words. */
export function tradeOf(resource: TransactionResource): ProviderTrade {
  const state =
    resource.trade_state === 'SUCCESS'
      ? 'paid'
      : resource.trade_state === 'REFUND'
        ? 'refunded'
        : resource.trade_state === 'CLOSED' || resource.trade_state === 'REVOKED'
          ? 'closed'
          : 'not_paid';
  return {
    state,
    transactionId: resource.transaction_id ?? null,
    amountFen: resource.amount?.total ?? null,
    payerOpenid: resource.payer?.openid ?? null,
    paidAt: resource.success_time ? new Date(resource.success_time) : null,
  };
}

/** WeChat's refund status in our words: PROCESSING waits; CLOSED and ABNORMAL are failures staff see. */
export function refundOf(providerRefundId: string | null, status: RefundStatus): ProviderRefund {
  if (status === 'SUCCESS') return { providerRefundId, status: 'succeeded', failureReason: null };
  if (status === 'PROCESSING') return { providerRefundId, status: 'processing', failureReason: null };
  return {
    providerRefundId,
    status: 'failed',
    failureReason:
      status === 'CLOSED' ? '退款已关闭（微信支付）' : '退款异常：买家账户异常或已注销，请线下处理或重试',
  };
}
