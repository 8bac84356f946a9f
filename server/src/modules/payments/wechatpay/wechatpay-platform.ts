/**
 * WeChat Pay's side of the protocol, played by us where WeChat is absent: the payment simulator (dev and
 * demo) and the fake WeChat Pay server of the tests. It makes keys like the ones a merchant downloads,
 * signs answers and notifications with the platform key, encrypts notification resources with the APIv3
 * key, and checks merchant request signatures the way WeChat does.
 */
import { generateKeyPairSync, randomBytes, randomInt, randomUUID } from 'node:crypto';
import {
  newNonce,
  parseAuthorization,
  randomAlphanumeric,
  requestSignatureMessage,
  signAsPlatform,
  toPrivateKey,
  verifySha256WithRsa,
  encryptResource,
} from './wechatpay-crypto';
import { toWechatPayTime, unixSeconds } from './wechatpay-time';
import { WECHATPAY_HEADERS, type KeyInput, type NotificationBody } from './wechatpay-types';

export interface WechatPayTestKeys {
  merchant: { privateKeyPem: string; publicKeyPem: string; serialNo: string };
  platform: { privateKeyPem: string; publicKeyPem: string; publicKeyId: string };
  apiV3Key: string;
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

function rsaKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** Fresh RSA-2048 merchant and platform keys, a 40-hex certificate serial, a `PUB_KEY_ID_` id, an APIv3 key. */
export function generateWechatPayTestKeys(): WechatPayTestKeys {
  const publicKeyDigits = digits(32);
  return {
    merchant: { ...rsaKeyPair(), serialNo: randomBytes(20).toString('hex').toUpperCase() },
    platform: { ...rsaKeyPair(), publicKeyId: `PUB_KEY_ID_${publicKeyDigits}` },
    apiV3Key: randomAlphanumeric(32),
  };
}

export interface WechatPayPlatformOptions {
  platformPrivateKey: KeyInput;
  platformPublicKeyId: string;
  apiV3Key: string;
  now?: () => Date;
}

export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
}

export interface NotificationOptions {
  /** The notification id; a fresh UUID by default (WeChat resends the same id on retries). */
  id?: string;
  summary?: string;
}

const DEFAULT_SUMMARIES: Record<string, string> = {
  'TRANSACTION.SUCCESS': '支付成功',
  'REFUND.SUCCESS': '退款成功',
  'REFUND.ABNORMAL': '退款异常',
  'REFUND.CLOSED': '退款关闭',
  'MCHTRANSFER.BILL.FINISHED': '商家转账单据终态通知',
};

/** Where the resource type is not the event's first word, as WeChat sends it. */
const ORIGINAL_TYPES: Record<string, string> = { MCHTRANSFER: 'mch_payment' };

/**
 * `TRANSACTION.SUCCESS` → `transaction`, `MCHTRANSFER.BILL.FINISHED` → `mch_payment`: the resource's
 * original_type and, as WeChat sends, its associated_data.
 */
function originalTypeOf(eventType: string): string {
  const category = eventType.split('.')[0];
  return ORIGINAL_TYPES[category] ?? category.toLowerCase();
}

/** A 微信转账单号 (`transfer_bill_no`) shaped like WeChat's: 34 digits, the Beijing date inside. */
export function newTransferBillNo(at: Date): string {
  return `1330000${toWechatPayTime(at).slice(2, 10).replace(/-/g, '')}${digits(21)}`;
}

/** A `package_info` shaped like WeChat's (opaque base64, about 150 characters); it opens nothing real. */
export function newTransferPackageInfo(): string {
  return randomBytes(112).toString('base64');
}

export class WechatPayPlatform {
  readonly publicKeyId: string;
  private readonly privateKey: KeyInput;
  private readonly now: () => Date;

  constructor(private readonly options: WechatPayPlatformOptions) {
    this.publicKeyId = options.platformPublicKeyId;
    this.privateKey = toPrivateKey(options.platformPrivateKey);
    this.now = options.now ?? (() => new Date());
  }

  /** The four signature headers WeChat puts on an answer with this body ('' for a 204). */
  signedResponseHeaders(body: string): Record<string, string> {
    const timestamp = String(unixSeconds(this.now()));
    const nonce = newNonce();
    return {
      [WECHATPAY_HEADERS.timestamp]: timestamp,
      [WECHATPAY_HEADERS.nonce]: nonce,
      [WECHATPAY_HEADERS.signature]: signAsPlatform({ timestamp, nonce, body }, this.privateKey),
      [WECHATPAY_HEADERS.serial]: this.publicKeyId,
      [WECHATPAY_HEADERS.signatureType]: 'WECHATPAY2-SHA256-RSA2048',
    };
  }

  /** A notification as WeChat POSTs it: JSON body with the resource encrypted, signed headers. */
  notification(eventType: string, resource: object, options: NotificationOptions = {}): SignedNotification {
    const originalType = originalTypeOf(eventType);
    const body: NotificationBody = {
      id: options.id ?? randomUUID(),
      create_time: toWechatPayTime(this.now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: options.summary ?? DEFAULT_SUMMARIES[eventType] ?? eventType,
      resource: {
        original_type: originalType,
        ...encryptResource(JSON.stringify(resource), this.options.apiV3Key, originalType),
      },
    };
    const bodyText = JSON.stringify(body);
    return {
      headers: { 'Content-Type': 'application/json', ...this.signedResponseHeaders(bodyText) },
      body: bodyText,
    };
  }
}

export interface MerchantRequest {
  method: string;
  urlPathWithQuery: string;
  body: string;
  /** The Authorization header as received. */
  authorization: string | undefined;
}

export interface MerchantIdentity {
  mchid: string;
  merchantSerialNo: string;
  merchantPublicKey: KeyInput;
  now?: () => Date;
  maxSkewSeconds?: number;
}

/** Why WeChat would answer 401 SIGN_ERROR, or null when the request signature is good. */
export function merchantSignatureProblem(
  request: MerchantRequest,
  merchant: MerchantIdentity,
): string | null {
  const parts = request.authorization ? parseAuthorization(request.authorization) : null;
  if (!parts) return 'Authorization 缺失或格式错误';
  if (parts.mchid !== merchant.mchid) return `商户号 ${parts.mchid} 不符`;
  if (parts.serialNo !== merchant.merchantSerialNo) return `证书序列号 ${parts.serialNo} 不符`;
  const now = unixSeconds((merchant.now ?? (() => new Date()))());
  if (
    !/^\d{1,12}$/.test(parts.timestamp) ||
    Math.abs(now - Number(parts.timestamp)) > (merchant.maxSkewSeconds ?? 300)
  ) {
    return `时间戳 ${parts.timestamp} 超出范围`;
  }
  const message = requestSignatureMessage({
    method: request.method,
    urlPathWithQuery: request.urlPathWithQuery,
    timestamp: parts.timestamp,
    nonce: parts.nonceStr,
    body: request.body,
  });
  return verifySha256WithRsa(message, parts.signature, merchant.merchantPublicKey) ? null : '签名验证不通过';
}
