/**
 * The signed exchange every merchant API call goes through, shared by the payment and transfer clients:
 * the request is signed with the merchant key, and a 2xx answer is read only once its signature checks out
 * with the 微信支付公钥 — an unsigned success is treated as forged, as the docs require. Not exported from
 * the library: callers use the clients.
 */
import { buildAuthorization, toPrivateKey, toPublicKey, verifyWechatpaySignature } from './wechatpay-crypto';
import { isRecord, MalformedResourceError } from './wechatpay-resources';
import { unixSeconds } from './wechatpay-time';
import { WECHATPAY_DEFAULT_API_BASE, WECHATPAY_HEADERS, type WechatPayConfig } from './wechatpay-types';

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

/** A verified 2xx answer: its JSON body, or null for an empty one (204). */
export interface SignedAnswer {
  status: number;
  body: unknown;
}

/** Money is integer fen: anything else is refused before a request is made. */
export function requirePositiveFen(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new RangeError(`${name} must be a positive integer (fen)`);
}

export class WechatPayHttp {
  /** The configuration with both keys as `KeyObject`s. */
  readonly config: WechatPayConfig;
  readonly now: () => Date;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxSkewSeconds: number;
  private readonly apiBase: string;

  constructor(config: WechatPayConfig, options: WechatPayClientOptions = {}) {
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

  /** One signed call; the verified 2xx answer, or `WechatPayApiError`. A POST without body sends none. */
  async request(method: 'GET' | 'POST', path: string, body?: object): Promise<SignedAnswer> {
    const answer = await this.exchange(method, path, body);
    if (answer === null) throw new Error('unreachable: no notFoundCode was given');
    return answer;
  }

  /** A signed GET; null for a 404 carrying `notFoundCode` (a 404 with another code still throws). */
  lookup(path: string, notFoundCode: string): Promise<SignedAnswer | null> {
    return this.exchange('GET', path, undefined, notFoundCode);
  }

  /** Reads a verified answer; fields missing or malformed become `WechatPayApiError('BAD_RESPONSE')`. */
  read<T>(answer: SignedAnswer, reader: (body: unknown) => T): T {
    try {
      return reader(answer.body);
    } catch (error) {
      if (error instanceof MalformedResourceError) {
        throw new WechatPayApiError(answer.status, 'BAD_RESPONSE', `微信支付应答缺少字段: ${error.message}`);
      }
      throw error;
    }
  }

  private async exchange(
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
