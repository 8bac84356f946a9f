/**
 * The merchant side of WeChat Pay API v3 for mini-program (JSAPI) payments: prepay, the requestPayment
 * parameters, query, close, refund and refund query. Every request is signed with the merchant key, and
 * every 2xx answer's signature is checked with the 微信支付公钥 before it is read — an unsigned success
 * is treated as forged, as the docs require. Amounts are integer fen.
 */
import { newNonce, signRequestPayment } from './wechatpay-crypto';
import { requirePositiveFen, WechatPayHttp, type WechatPayClientOptions } from './wechatpay-http';
import {
  optionalString,
  readRefundStatus,
  readTransaction,
  requireRecord,
  requireString,
} from './wechatpay-resources';
import { toWechatPayTime, unixSeconds } from './wechatpay-time';
import type { RefundStatus, TransactionResource, WechatPayConfig } from './wechatpay-types';

export { WechatPayApiError, type WechatPayClientOptions } from './wechatpay-http';

export interface JsapiPrepayInput {
  /** 商品描述, shown to the payer; at most 127 characters. */
  description: string;
  /** Our order number: 6–32 of [0-9A-Za-z_-|*], unique per merchant. */
  outTradeNo: string;
  amountFen: number;
  payerOpenid: string;
  /** https, no query string. */
  notifyUrl: string;
  /** After it WeChat refuses to take the payment. */
  timeExpire: Date;
}

/** What wx.requestPayment takes, all strings. */
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface RefundInput {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: number;
  /** The original order total, integer fen. */
  totalFen: number;
  /** Shown to the payer; at most 80 characters. Empty sends none. */
  reason: string;
  notifyUrl: string;
}

export interface RefundOutcome {
  refundId: string;
  status: RefundStatus;
  outRefundNo: string;
}

export interface RefundQueryOutcome extends RefundOutcome {
  successTime?: string;
}

function readRefundAnswer(body: unknown): RefundQueryOutcome {
  const record = requireRecord(body, 'refund');
  const successTime = optionalString(record, 'success_time');
  return {
    refundId: requireString(record, 'refund_id'),
    outRefundNo: requireString(record, 'out_refund_no'),
    status: readRefundStatus(record, 'status'),
    ...(successTime ? { successTime } : {}),
  };
}

export class WechatPayClient {
  private readonly http: WechatPayHttp;
  private readonly config: WechatPayConfig;

  constructor(config: WechatPayConfig, options: WechatPayClientOptions = {}) {
    this.http = new WechatPayHttp(config, options);
    this.config = this.http.config;
  }

  /** JSAPI 下单 (POST /v3/pay/transactions/jsapi). */
  async createJsapiPrepay(input: JsapiPrepayInput): Promise<{ prepayId: string }> {
    requirePositiveFen(input.amountFen, 'amountFen');
    const answer = await this.http.request('POST', '/v3/pay/transactions/jsapi', {
      appid: this.config.appid,
      mchid: this.config.mchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: toWechatPayTime(input.timeExpire),
      notify_url: input.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
      payer: { openid: input.payerOpenid },
    });
    return this.http.read(answer, (body) => ({
      prepayId: requireString(requireRecord(body, 'answer'), 'prepay_id'),
    }));
  }

  /** The parameters of wx.requestPayment for a prepay id, signed with the merchant key. */
  requestPaymentParams(prepayId: string): RequestPaymentParams {
    const timeStamp = String(unixSeconds(this.http.now()));
    const nonceStr = newNonce();
    const packageValue = `prepay_id=${prepayId}`;
    const appId = this.config.appid;
    return {
      appId,
      timeStamp,
      nonceStr,
      package: packageValue,
      signType: 'RSA',
      paySign: signRequestPayment(
        { appId, timeStamp, nonceStr, packageValue },
        this.config.merchantPrivateKey,
      ),
    };
  }

  /** 商户订单号查询订单; null when WeChat has no such order (404 ORDER_NOT_EXIST). */
  async queryByOutTradeNo(outTradeNo: string): Promise<TransactionResource | null> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.config.mchid)}`;
    const answer = await this.http.lookup(path, 'ORDER_NOT_EXIST');
    return answer === null ? null : this.http.read(answer, readTransaction);
  }

  /** 关闭订单: 204 on success. Closing a paid order fails (ORDERPAID). */
  async closeOrder(outTradeNo: string): Promise<void> {
    await this.http.request(
      'POST',
      `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`,
      {
        mchid: this.config.mchid,
      },
    );
  }

  /** 退款申请. The answer is usually PROCESSING; the REFUND.* notification (or a query) settles it. */
  async refund(input: RefundInput): Promise<RefundOutcome> {
    requirePositiveFen(input.refundFen, 'refundFen');
    requirePositiveFen(input.totalFen, 'totalFen');
    const answer = await this.http.request('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(input.reason ? { reason: input.reason } : {}),
      notify_url: input.notifyUrl,
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    });
    return this.http.read(answer, (body) => {
      const { refundId, status, outRefundNo } = readRefundAnswer(body);
      return { refundId, status, outRefundNo };
    });
  }

  /** 查询单笔退款; null when WeChat has no such refund (404 RESOURCE_NOT_EXISTS). */
  async queryRefund(outRefundNo: string): Promise<RefundQueryOutcome | null> {
    const path = `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`;
    const answer = await this.http.lookup(path, 'RESOURCE_NOT_EXISTS');
    return answer === null ? null : this.http.read(answer, readRefundAnswer);
  }
}
