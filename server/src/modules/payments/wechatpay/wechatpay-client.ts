/**
 * The merchant side of WeChat Pay API v3 for mini-program (JSAPI) payments: prepay, the requestPayment
 * parameters, query, close, refund and refund query. Every request is signed with the merchant key, and
 * every 2xx answer's signature is checked with the 微信支付公钥 before it is read — an unsigned success
 * is treated as forged, as the docs require. Amounts are integer fen.
 */
import {
  buildAuthorization,
  newNonce,
  signRequestPayment,
  toPrivateKey,
  toPublicKey,
  verifyWechatpaySignature,
} from './wechatpay-crypto';
import {
  isRecord,
  MalformedResourceError,
  optionalString,
  readRefundStatus,
  readTransaction,
  requireRecord,
  requireString,
} from './wechatpay-resources';
import { toWechatPayTime, unixSeconds } from './wechatpay-time';
import {
  WECHATPAY_DEFAULT_API_BASE,
  WECHATPAY_HEADERS,
  type RefundStatus,
  type TransactionResource,
  type WechatPayConfig,
} from './wechatpay-types';

/**
 * A failed call. `status` is the HTTP status (0 when no answer arrived); `code` is WeChat's error code
 * (e.g. `ORDER_NOT_EXIST`, `SIGN_ERROR`), or ours: `NETWORK` (no answer, timeout), `BAD_SIGNATURE` (an
 * answer we cannot trust), `BAD_RESPONSE` (a trusted answer without the fields we need).
 */
export class WechatPayApiError extends Error {
  override readonly name = 'WechatPayApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface WechatPayClientOptions {
  fetch?: typeof fetch;
  /** Per call, connection to body. Default 8000. */
  timeoutMs?: number;
  now?: () => Date;
  /** How far a response's Wechatpay-Timestamp may be from now. Default 300 s, as for notifications. */
  maxSkewSeconds?: number;
}

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

interface SignedAnswer {
  status: number;
  body: unknown;
}

function requirePositiveFen(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new RangeError(`${name} must be a positive integer (fen)`);
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
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly maxSkewSeconds: number;
  private readonly apiBase: string;

  constructor(
    private readonly config: WechatPayConfig,
    options: WechatPayClientOptions = {},
  ) {
    if (Buffer.byteLength(config.apiV3Key, 'utf8') !== 32)
      throw new Error('WeChat Pay apiV3Key must be 32 bytes');
    this.config = {
      ...config,
      merchantPrivateKey: toPrivateKey(config.merchantPrivateKey),
      platformPublicKey: toPublicKey(config.platformPublicKey),
    };
    this.fetch = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 8000;
    this.now = options.now ?? (() => new Date());
    this.maxSkewSeconds = options.maxSkewSeconds ?? 300;
    this.apiBase = (config.apiBase ?? WECHATPAY_DEFAULT_API_BASE).replace(/\/+$/, '');
  }

  /** JSAPI 下单 (POST /v3/pay/transactions/jsapi). */
  async createJsapiPrepay(input: JsapiPrepayInput): Promise<{ prepayId: string }> {
    requirePositiveFen(input.amountFen, 'amountFen');
    const answer = await this.call('POST', '/v3/pay/transactions/jsapi', {
      appid: this.config.appid,
      mchid: this.config.mchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: toWechatPayTime(input.timeExpire),
      notify_url: input.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
      payer: { openid: input.payerOpenid },
    });
    return this.read(answer, (body) => ({
      prepayId: requireString(requireRecord(body, 'answer'), 'prepay_id'),
    }));
  }

  /** The parameters of wx.requestPayment for a prepay id, signed with the merchant key. */
  requestPaymentParams(prepayId: string): RequestPaymentParams {
    const timeStamp = String(unixSeconds(this.now()));
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
    const answer = await this.call('GET', path, undefined, 'ORDER_NOT_EXIST');
    return answer === null ? null : this.read(answer, readTransaction);
  }

  /** 关闭订单: 204 on success. Closing a paid order fails (ORDERPAID). */
  async closeOrder(outTradeNo: string): Promise<void> {
    await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
      mchid: this.config.mchid,
    });
  }

  /** 退款申请. The answer is usually PROCESSING; the REFUND.* notification (or a query) settles it. */
  async refund(input: RefundInput): Promise<RefundOutcome> {
    requirePositiveFen(input.refundFen, 'refundFen');
    requirePositiveFen(input.totalFen, 'totalFen');
    const answer = await this.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(input.reason ? { reason: input.reason } : {}),
      notify_url: input.notifyUrl,
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    });
    return this.read(answer, (body) => {
      const { refundId, status, outRefundNo } = readRefundAnswer(body);
      return { refundId, status, outRefundNo };
    });
  }

  /** 查询单笔退款; null when WeChat has no such refund (404 RESOURCE_NOT_EXISTS). */
  async queryRefund(outRefundNo: string): Promise<RefundQueryOutcome | null> {
    const path = `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`;
    const answer = await this.call('GET', path, undefined, 'RESOURCE_NOT_EXISTS');
    return answer === null ? null : this.read(answer, readRefundAnswer);
  }

  private read<T>(answer: SignedAnswer, reader: (body: unknown) => T): T {
    try {
      return reader(answer.body);
    } catch (error) {
      if (error instanceof MalformedResourceError) {
        throw new WechatPayApiError(answer.status, 'BAD_RESPONSE', `微信支付应答缺少字段: ${error.message}`);
      }
      throw error;
    }
  }

  /**
   * One signed call. Returns the verified, parsed 2xx answer; null for a 404 carrying `notFoundCode`;
   * throws `WechatPayApiError` for everything else.
   */
  private async call(
    method: 'GET',
    path: string,
    body: undefined,
    notFoundCode: string,
  ): Promise<SignedAnswer | null>;
  private async call(method: 'POST', path: string, body: object): Promise<SignedAnswer>;
  private async call(
    method: 'GET' | 'POST',
    path: string,
    body: object | undefined,
    notFoundCode?: string,
  ): Promise<SignedAnswer | null> {
    const bodyText = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
      Authorization: buildAuthorization({
        method,
        urlPathWithQuery: path,
        body: bodyText,
        mchid: this.config.mchid,
        serialNo: this.config.merchantSerialNo,
        privateKey: this.config.merchantPrivateKey,
        timestamp: unixSeconds(this.now()),
      }),
      Accept: 'application/json',
      'User-Agent': 'linli-server wechatpay-v3',
      // Asks WeChat to sign the answer with the 微信支付公钥 rather than a platform certificate.
      [WECHATPAY_HEADERS.serial]: this.config.platformPublicKeyId,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    const { status, responseHeaders, responseText } = await this.send(`${this.apiBase}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: bodyText }),
    });

    if (status >= 200 && status < 300) {
      this.verifyAnswer(status, responseHeaders, responseText);
      return { status, body: responseText === '' ? null : this.parseJson(status, responseText) };
    }
    const error = this.errorOf(status, responseText);
    if (status === 404 && notFoundCode !== undefined && error.code === notFoundCode) return null;
    throw error;
  }

  private async send(
    url: string,
    init: RequestInit,
  ): Promise<{ status: number; responseHeaders: Headers; responseText: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.fetch(url, { ...init, signal: controller.signal });
      const responseText = await response.text();
      return { status: response.status, responseHeaders: response.headers, responseText };
    } catch (error) {
      const reason = controller.signal.aborted
        ? `超时 (${this.timeoutMs} ms)`
        : error instanceof Error
          ? error.message
          : String(error);
      throw new WechatPayApiError(0, 'NETWORK', `无法连接微信支付: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A 2xx answer is trusted only when signed by the configured 微信支付公钥, recently. */
  private verifyAnswer(status: number, headers: Headers, body: string): void {
    const timestamp = headers.get(WECHATPAY_HEADERS.timestamp);
    const nonce = headers.get(WECHATPAY_HEADERS.nonce);
    const signature = headers.get(WECHATPAY_HEADERS.signature);
    const serial = headers.get(WECHATPAY_HEADERS.serial);
    const distrust = (why: string) =>
      new WechatPayApiError(status, 'BAD_SIGNATURE', `微信支付应答验签失败: ${why}`);
    if (!timestamp || !nonce || !signature || !serial) throw distrust('缺少签名头');
    if (serial !== this.config.platformPublicKeyId) throw distrust(`未知的公钥ID ${serial}`);
    if (
      !/^\d{1,12}$/.test(timestamp) ||
      Math.abs(unixSeconds(this.now()) - Number(timestamp)) > this.maxSkewSeconds
    ) {
      throw distrust(`时间戳 ${timestamp} 超出范围`);
    }
    if (
      !verifyWechatpaySignature({
        timestamp,
        nonce,
        body,
        signature,
        publicKey: this.config.platformPublicKey,
      })
    ) {
      throw distrust('签名不符');
    }
  }

  private parseJson(status: number, text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw new WechatPayApiError(status, 'BAD_RESPONSE', '微信支付应答不是JSON');
    }
  }

  /** Error answers are `{code, message}`; anything else still becomes an error with the HTTP status. */
  private errorOf(status: number, text: string): WechatPayApiError {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (a proxy's HTML page, an empty body): keep the status.
    }
    const code = isRecord(parsed) && typeof parsed.code === 'string' ? parsed.code : `HTTP_${status}`;
    const message =
      isRecord(parsed) && typeof parsed.message === 'string' ? parsed.message : `HTTP ${status}`;
    return new WechatPayApiError(status, code, message);
  }
}
