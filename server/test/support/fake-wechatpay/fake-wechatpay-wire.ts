/**
 * The JSON the fake WeChat Pay answers and notifies with, field for field as the v3 docs show it, so our
 * server is tested against the real shapes (including fields it ignores and those absent before payment).
 */
import type { FakeRefund, FakeTrade } from './fake-wechatpay-ledger';

export interface MerchantIds {
  mchid: string;
  appid: string;
}

const TRADE_STATE_DESCRIPTIONS: Record<FakeTrade['state'], string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  REFUND: '订单发生过退款',
  CLOSED: '订单已关闭',
};

/** A transaction as 查询订单 answers it and as TRANSACTION.SUCCESS carries it. Unpaid: no id, payer or total. */
export function transactionOf(trade: FakeTrade, merchant: MerchantIds): Record<string, unknown> {
  const common = {
    appid: merchant.appid,
    mchid: merchant.mchid,
    out_trade_no: trade.outTradeNo,
    trade_state: trade.state,
    trade_state_desc: TRADE_STATE_DESCRIPTIONS[trade.state],
    attach: '',
  };
  if (trade.state === 'NOTPAY' || trade.state === 'CLOSED' || trade.paidFen === undefined) {
    return { ...common, amount: { payer_currency: 'CNY' } };
  }
  return {
    ...common,
    transaction_id: trade.transactionId,
    trade_type: 'JSAPI',
    bank_type: 'OTHERS',
    success_time: trade.successTime,
    payer: { openid: trade.payerOpenid },
    amount: { total: trade.paidFen, payer_total: trade.paidFen, currency: 'CNY', payer_currency: 'CNY' },
    promotion_detail: [],
  };
}

/** A refund as 退款申请 and 查询单笔退款 answer it: the status is under `status`. */
export function refundAnswerOf(refund: FakeRefund, trade: FakeTrade): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: trade.transactionId,
    out_trade_no: trade.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successTime ? { success_time: refund.successTime } : {}),
    create_time: refund.createTime,
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      from: [],
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
      settlement_refund: refund.refundFen,
      settlement_total: refund.totalFen,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: 0,
    },
    promotion_detail: [],
  };
}

/** A refund as REFUND.* notifications carry it: the status is under `refund_status`. */
export function refundNotificationOf(
  refund: FakeRefund,
  trade: FakeTrade,
  merchant: MerchantIds,
): Record<string, unknown> {
  return {
    mchid: merchant.mchid,
    out_trade_no: trade.outTradeNo,
    transaction_id: trade.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: refund.status,
    ...(refund.successTime ? { success_time: refund.successTime } : {}),
    user_received_account: '支付用户零钱',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
    },
  };
}
