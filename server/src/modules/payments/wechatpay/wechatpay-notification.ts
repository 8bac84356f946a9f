/**
 * Verifies what WeChat POSTs to our notify_url before anything is applied: the platform key id, the
 * timestamp (replays), the RSA signature over the raw body, then AEAD_AES_256_GCM decryption. Anyone can
 * POST to the URL, and WeChat itself sends occasional wrongly signed probes (`WECHATPAY/SIGNTEST/…`) to
 * check that merchants verify; each failure has a stable reason for logs and metrics.
 */
import { decryptResource, verifyWechatpaySignature } from './wechatpay-crypto';
import {
  isRecord,
  MalformedResourceError,
  readRefundNotification,
  readTransaction,
  readTransferBillNotification,
  requireString,
} from './wechatpay-resources';
import { unixSeconds } from './wechatpay-time';
import {
  WECHATPAY_HEADERS,
  type KeyInput,
  type NotificationBody,
  type RefundResource,
  type TransactionResource,
  type TransferBillResource,
  type VerifiedNotification,
} from './wechatpay-types';

export type NotificationRejectionReason =
  'missing_headers' | 'unknown_serial' | 'stale_timestamp' | 'bad_signature' | 'bad_body' | 'decrypt_failed';

const REJECTION_MESSAGES: Record<NotificationRejectionReason, string> = {
  missing_headers: '缺少微信支付签名头',
  unknown_serial: '微信支付公钥ID不匹配',
  stale_timestamp: '通知时间戳超出允许范围',
  bad_signature: '通知签名验证失败',
  bad_body: '通知报文格式错误',
  decrypt_failed: '通知资源解密失败',
};

export class NotificationRejectedError extends Error {
  override readonly name = 'NotificationRejectedError';

  constructor(
    readonly reason: NotificationRejectionReason,
    detail?: string,
  ) {
    super(detail ? `${REJECTION_MESSAGES[reason]}: ${detail}` : REJECTION_MESSAGES[reason]);
  }
}

export type NotificationHeaders = Record<string, string | string[] | undefined>;

export interface NotificationVerifierOptions {
  platformPublicKey: KeyInput;
  platformPublicKeyId: string;
  apiV3Key: string;
  now?: () => Date;
  /** How far the Wechatpay-Timestamp may be from now, either way. The docs' replay window: 5 minutes. */
  maxSkewSeconds?: number;
}

/** HTTP header names are case-insensitive (Node lower-cases them); a repeated header counts once. */
function headerValue(headers: NotificationHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const first = (Array.isArray(value) ? value[0] : value)?.trim();
    return first === '' ? undefined : first;
  }
  return undefined;
}

function parseNotificationBody(rawBody: string): NotificationBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw new NotificationRejectedError('bad_body', '不是JSON');
  }
  try {
    if (!isRecord(parsed) || !isRecord(parsed.resource))
      throw new MalformedResourceError('resource is missing');
    const resource = parsed.resource;
    const algorithm = requireString(resource, 'algorithm');
    if (algorithm !== 'AEAD_AES_256_GCM') throw new MalformedResourceError(`algorithm ${algorithm}`);
    const associatedData = resource.associated_data ?? '';
    if (typeof associatedData !== 'string') throw new MalformedResourceError('associated_data');
    return {
      id: requireString(parsed, 'id'),
      create_time: requireString(parsed, 'create_time'),
      event_type: requireString(parsed, 'event_type'),
      resource_type: requireString(parsed, 'resource_type'),
      summary: typeof parsed.summary === 'string' ? parsed.summary : '',
      resource: {
        algorithm,
        ciphertext: requireString(resource, 'ciphertext'),
        nonce: requireString(resource, 'nonce'),
        associated_data: associatedData,
        original_type: typeof resource.original_type === 'string' ? resource.original_type : undefined,
      },
    };
  } catch (error) {
    if (error instanceof MalformedResourceError)
      throw new NotificationRejectedError('bad_body', error.message);
    throw error;
  }
}

export class WechatPayNotificationVerifier {
  private readonly now: () => Date;
  private readonly maxSkewSeconds: number;

  constructor(private readonly options: NotificationVerifierOptions) {
    this.now = options.now ?? (() => new Date());
    this.maxSkewSeconds = options.maxSkewSeconds ?? 300;
  }

  /** The verified, decrypted notification; throws `NotificationRejectedError` otherwise. */
  verify(headers: NotificationHeaders, rawBody: string): VerifiedNotification<unknown> {
    const timestamp = headerValue(headers, WECHATPAY_HEADERS.timestamp);
    const nonce = headerValue(headers, WECHATPAY_HEADERS.nonce);
    const signature = headerValue(headers, WECHATPAY_HEADERS.signature);
    const serial = headerValue(headers, WECHATPAY_HEADERS.serial);
    if (!timestamp || !nonce || !signature || !serial) throw new NotificationRejectedError('missing_headers');
    if (serial !== this.options.platformPublicKeyId)
      throw new NotificationRejectedError('unknown_serial', serial);
    if (!/^\d{1,12}$/.test(timestamp)) throw new NotificationRejectedError('stale_timestamp', timestamp);
    if (Math.abs(unixSeconds(this.now()) - Number(timestamp)) > this.maxSkewSeconds) {
      throw new NotificationRejectedError('stale_timestamp', timestamp);
    }
    const publicKey = this.options.platformPublicKey;
    if (!verifyWechatpaySignature({ timestamp, nonce, body: rawBody, signature, publicKey })) {
      throw new NotificationRejectedError('bad_signature');
    }

    const body = parseNotificationBody(rawBody);
    let plaintext: string;
    try {
      plaintext = decryptResource(
        {
          ciphertext: body.resource.ciphertext,
          nonce: body.resource.nonce,
          associatedData: body.resource.associated_data,
        },
        this.options.apiV3Key,
      );
    } catch {
      throw new NotificationRejectedError('decrypt_failed');
    }
    let resource: unknown;
    try {
      resource = JSON.parse(plaintext);
    } catch {
      throw new NotificationRejectedError('bad_body', '资源不是JSON');
    }
    return {
      id: body.id,
      eventType: body.event_type,
      createTime: body.create_time,
      summary: body.summary,
      resource,
    };
  }
}

function rejectMalformed<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof MalformedResourceError)
      throw new NotificationRejectedError('bad_body', error.message);
    throw error;
  }
}

/** The TRANSACTION.* resource, with the fields we use checked; `NotificationRejectedError('bad_body')` otherwise. */
export function parseTransactionResource(resource: unknown): TransactionResource {
  return rejectMalformed(() => readTransaction(resource));
}

/** The REFUND.* resource, with the fields we use checked; `NotificationRejectedError('bad_body')` otherwise. */
export function parseRefundResource(resource: unknown): RefundResource {
  return rejectMalformed(() => readRefundNotification(resource));
}

/**
 * The MCHTRANSFER.BILL.FINISHED resource (a final state, the merchant, payee and amount checked);
 * `NotificationRejectedError('bad_body')` otherwise.
 */
export function parseTransferBillResource(resource: unknown): TransferBillResource {
  return rejectMalformed(() => readTransferBillNotification(resource));
}
