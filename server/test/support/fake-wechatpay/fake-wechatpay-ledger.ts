/**
 * The fake WeChat Pay's books: trades and refunds with the rules of the real API that our server must
 * cope with (prepay idempotency by out_trade_no, no closing a paid order, refunds bounded by what is left,
 * idempotent by out_refund_no). No HTTP here; the server turns `FakeApiFailure` into `{code, message}`.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { toWechatPayTime, type RefundStatus } from '../../../src/modules/payments/wechatpay';

/** An answer WeChat would give instead of success. */
export class FakeApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type FakeTradeState = 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED';

export interface FakeTrade {
  outTradeNo: string;
  prepayId: string;
  description: string;
  totalFen: number;
  openid: string;
  notifyUrl: string;
  timeExpire: string;
  state: FakeTradeState;
  transactionId?: string;
  successTime?: string;
  /** What the payer paid (the order total unless a test says otherwise). */
  paidFen?: number;
  payerOpenid?: string;
}

export interface FakeRefund {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  refundFen: number;
  totalFen: number;
  reason?: string;
  notifyUrl?: string;
  status: RefundStatus;
  createTime: string;
  successTime?: string;
}

type Json = Record<string, unknown>;

const OUT_TRADE_NO = /^[0-9A-Za-z_\-*|]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-*|@]{1,64}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function paramError(message: string): FakeApiFailure {
  return new FakeApiFailure(400, 'PARAM_ERROR', message);
}

function record(value: unknown, name: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw paramError(`${name} 缺失`);
  return value as Json;
}

function text(source: Json, key: string, maxLength = 256): string {
  const value = source[key];
  if (typeof value !== 'string' || value === '' || value.length > maxLength)
    throw paramError(`${key} 格式错误`);
  return value;
}

function positiveFen(source: Json, key: string): number {
  const value = source[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw paramError(`${key} 格式错误`);
  return value;
}

function cny(source: Json): void {
  if (source.currency !== undefined && source.currency !== 'CNY') throw paramError('currency 仅支持 CNY');
}

/** WeChat takes only absolute URLs without a query string. (It also demands https; the fake allows http.) */
function notifyUrl(value: unknown): string {
  if (typeof value !== 'string') throw paramError('notify_url 格式错误');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw paramError('notify_url 格式错误');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '')
    throw paramError('notify_url 格式错误');
  return value;
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

export class FakeLedger {
  private readonly trades = new Map<string, FakeTrade>();
  /** The canonical prepay request per trade: a retry must match it to get the same prepay id. */
  private readonly prepayRequests = new Map<string, string>();
  private readonly refunds = new Map<string, FakeRefund>();

  constructor(
    private readonly merchant: { mchid: string; appid: string },
    private readonly now: () => Date,
  ) {}

  trade(outTradeNo: string): FakeTrade | undefined {
    return this.trades.get(outTradeNo);
  }

  refund(outRefundNo: string): FakeRefund | undefined {
    return this.refunds.get(outRefundNo);
  }

  /** JSAPI 下单. The same request again gets the same prepay id; a different one for the same number fails. */
  prepay(body: unknown): FakeTrade {
    const request = record(body, 'body');
    if (request.appid !== this.merchant.appid || request.mchid !== this.merchant.mchid) {
      throw new FakeApiFailure(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    }
    const outTradeNo = text(request, 'out_trade_no');
    if (!OUT_TRADE_NO.test(outTradeNo)) throw paramError('out_trade_no 格式错误');
    const timeExpire = text(request, 'time_expire');
    if (!RFC3339.test(timeExpire)) throw paramError('time_expire 格式错误');
    const amount = record(request.amount, 'amount');
    cny(amount);
    const canonical = {
      appid: this.merchant.appid,
      mchid: this.merchant.mchid,
      description: text(request, 'description', 127),
      out_trade_no: outTradeNo,
      time_expire: timeExpire,
      notify_url: notifyUrl(request.notify_url),
      amount: { total: positiveFen(amount, 'total'), currency: 'CNY' },
      payer: { openid: text(record(request.payer, 'payer'), 'openid', 128) },
    };
    const fingerprint = JSON.stringify(canonical);

    const existing = this.trades.get(outTradeNo);
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') {
        throw new FakeApiFailure(400, 'ORDERPAID', '该订单已支付');
      }
      if (existing.state === 'CLOSED') throw new FakeApiFailure(400, 'ORDER_CLOSED', '订单已关闭');
      if (this.prepayRequests.get(outTradeNo) !== fingerprint) {
        throw new FakeApiFailure(400, 'INVALID_REQUEST', '201 商户订单号重复');
      }
      return existing;
    }
    const trade: FakeTrade = {
      outTradeNo,
      prepayId: `wx${toWechatPayTime(this.now()).replace(/\D/g, '').slice(0, 14)}${randomBytes(11).toString('hex')}`,
      description: canonical.description,
      totalFen: canonical.amount.total,
      openid: canonical.payer.openid,
      notifyUrl: canonical.notify_url,
      timeExpire,
      state: 'NOTPAY',
    };
    this.trades.set(outTradeNo, trade);
    this.prepayRequests.set(outTradeNo, fingerprint);
    return trade;
  }

  /** 关闭订单: closing twice is fine, closing a paid order is not. (Unknown numbers get 204, as reported of the real API.) */
  close(outTradeNo: string): void {
    const trade = this.trades.get(outTradeNo);
    if (!trade) return;
    if (trade.state === 'SUCCESS' || trade.state === 'REFUND') {
      throw new FakeApiFailure(400, 'ORDERPAID', '订单已支付');
    }
    trade.state = 'CLOSED';
  }

  /** The payer pays in WeChat. Only an open (NOTPAY) trade can be paid. */
  markPaid(outTradeNo: string, options: { openid?: string; amountFen?: number }): FakeTrade {
    const trade = this.trades.get(outTradeNo);
    if (!trade) throw new Error(`fake WeChat Pay: no trade ${outTradeNo}`);
    if (trade.state !== 'NOTPAY') throw new Error(`fake WeChat Pay: trade ${outTradeNo} is ${trade.state}`);
    trade.state = 'SUCCESS';
    trade.transactionId = `42000${digits(23)}`;
    trade.successTime = toWechatPayTime(this.now());
    trade.paidFen = options.amountFen ?? trade.totalFen;
    trade.payerOpenid = options.openid ?? trade.openid;
    return trade;
  }

  /** 退款申请: PROCESSING until `settleRefund`. */
  createRefund(body: unknown): FakeRefund {
    const request = record(body, 'body');
    const outRefundNo = text(request, 'out_refund_no', 64);
    if (!OUT_REFUND_NO.test(outRefundNo)) throw paramError('out_refund_no 格式错误');
    const amount = record(request.amount, 'amount');
    cny(amount);
    const refundFen = positiveFen(amount, 'refund');
    const totalFen = positiveFen(amount, 'total');
    const reason = request.reason === undefined ? undefined : text(request, 'reason', 80);
    const refundNotifyUrl = request.notify_url === undefined ? undefined : notifyUrl(request.notify_url);
    const trade = this.tradeToRefund(request);

    const existing = this.refunds.get(outRefundNo);
    if (existing) {
      if (
        existing.outTradeNo !== trade.outTradeNo ||
        existing.refundFen !== refundFen ||
        existing.totalFen !== totalFen
      ) {
        throw new FakeApiFailure(400, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试');
      }
      return existing;
    }
    if (totalFen !== trade.paidFen) {
      throw new FakeApiFailure(400, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试');
    }
    if (refundFen > (trade.paidFen ?? 0) - this.committedRefundFen(trade.outTradeNo)) {
      throw new FakeApiFailure(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    }
    const refund: FakeRefund = {
      outRefundNo,
      outTradeNo: trade.outTradeNo,
      refundId: `503${digits(26)}`,
      refundFen,
      totalFen,
      ...(reason === undefined ? {} : { reason }),
      ...(refundNotifyUrl === undefined ? {} : { notifyUrl: refundNotifyUrl }),
      status: 'PROCESSING',
      createTime: toWechatPayTime(this.now()),
    };
    this.refunds.set(outRefundNo, refund);
    return refund;
  }

  /** The bank's answer to a refund. ABNORMAL is not final (the merchant may retry it); the others are. */
  settleRefund(outRefundNo: string, status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED'): FakeRefund {
    const refund = this.refunds.get(outRefundNo);
    if (!refund) throw new Error(`fake WeChat Pay: no refund ${outRefundNo}`);
    if (refund.status !== 'PROCESSING' && refund.status !== 'ABNORMAL') {
      throw new Error(`fake WeChat Pay: refund ${outRefundNo} is already ${refund.status}`);
    }
    refund.status = status;
    if (status === 'SUCCESS') {
      refund.successTime = toWechatPayTime(this.now());
      const trade = this.trades.get(refund.outTradeNo);
      if (trade) trade.state = 'REFUND';
    }
    return refund;
  }

  /** What a refund can take from: by out_trade_no or transaction_id, paid only. */
  private tradeToRefund(request: Json): FakeTrade {
    const byNumber =
      typeof request.out_trade_no === 'string' ? this.trades.get(request.out_trade_no) : undefined;
    const byTransaction =
      typeof request.transaction_id === 'string'
        ? [...this.trades.values()].find((trade) => trade.transactionId === request.transaction_id)
        : undefined;
    const trade = byNumber ?? byTransaction;
    if (!trade || (trade.state !== 'SUCCESS' && trade.state !== 'REFUND')) {
      throw new FakeApiFailure(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    }
    return trade;
  }

  /** Refunds that took or may still take money: all but CLOSED ones. */
  private committedRefundFen(outTradeNo: string): number {
    let sum = 0;
    for (const refund of this.refunds.values()) {
      if (refund.outTradeNo === outTradeNo && refund.status !== 'CLOSED') sum += refund.refundFen;
    }
    return sum;
  }
}
