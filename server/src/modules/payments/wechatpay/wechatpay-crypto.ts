/**
 * The cryptography of WeChat Pay API v3, both sides: SHA256-with-RSA (PKCS#1 v1.5) request signatures
 * (merchant key), response / notification signatures (platform key), the `requestPayment` paySign, and
 * AEAD_AES_256_GCM resources under the APIv3 key. Pure functions on Node's crypto, no I/O.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  KeyObject,
  randomBytes,
  randomInt,
} from 'node:crypto';
import type { EncryptedResource, KeyInput } from './wechatpay-types';

export const AUTHORIZATION_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
const GCM_TAG_BYTES = 16;
const API_V3_KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function toPrivateKey(key: KeyInput): KeyObject {
  return key instanceof KeyObject ? key : createPrivateKey(key);
}

/** A public key from SPKI PEM, a public KeyObject, or the public half of a private KeyObject. */
export function toPublicKey(key: KeyInput): KeyObject {
  if (key instanceof KeyObject) return key.type === 'public' ? key : createPublicKey(key);
  return createPublicKey(key);
}

/** SHA256-with-RSA (PKCS#1 v1.5), base64: the one signature algorithm of API v3. */
export function signSha256WithRsa(message: string, privateKey: KeyInput): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(toPrivateKey(privateKey), 'base64');
}

/** False for a wrong signature and for garbage (not base64, wrong length) alike: never throws on input. */
export function verifySha256WithRsa(message: string, signature: string, publicKey: KeyInput): boolean {
  if (signature === '' || !BASE64.test(signature)) return false;
  try {
    return createVerify('RSA-SHA256')
      .update(message, 'utf8')
      .verify(toPublicKey(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** 32 random upper-case hex characters, the nonce style of the docs' examples. */
export function newNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export interface RequestToSign {
  method: string;
  /** Path and query exactly as sent, e.g. `/v3/pay/transactions/out-trade-no/L1?mchid=1900000109`. */
  urlPathWithQuery: string;
  timestamp: string | number;
  nonce: string;
  /** The exact body sent; '' for GET and for bodiless requests. */
  body: string;
}

/** `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`: every line ends with \n, the last one too. */
export function requestSignatureMessage(request: RequestToSign): string {
  return `${request.method.toUpperCase()}\n${request.urlPathWithQuery}\n${request.timestamp}\n${request.nonce}\n${request.body}\n`;
}

export interface AuthorizationInput {
  method: string;
  urlPathWithQuery: string;
  body: string;
  mchid: string;
  /** The merchant API certificate serial number. */
  serialNo: string;
  privateKey: KeyInput;
  /** Unix seconds; now when omitted. */
  timestamp?: number;
  nonce?: string;
}

/** The `Authorization` header of a merchant request. */
export function buildAuthorization(input: AuthorizationInput): string {
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = input.nonce ?? newNonce();
  const signature = signSha256WithRsa(
    requestSignatureMessage({ ...input, timestamp, nonce }),
    input.privateKey,
  );
  return (
    `${AUTHORIZATION_SCHEME} mchid="${input.mchid}",nonce_str="${nonce}",` +
    `signature="${signature}",timestamp="${timestamp}",serial_no="${input.serialNo}"`
  );
}

export interface AuthorizationParts {
  mchid: string;
  nonceStr: string;
  signature: string;
  timestamp: string;
  serialNo: string;
}

/** The inverse of `buildAuthorization` (what WeChat reads); null when the scheme or a field is missing. */
export function parseAuthorization(header: string): AuthorizationParts | null {
  const prefix = `${AUTHORIZATION_SCHEME} `;
  if (!header.startsWith(prefix)) return null;
  const fields = new Map<string, string>();
  for (const match of header.slice(prefix.length).matchAll(/([a-z_]+)="([^"]*)"/g)) {
    fields.set(match[1], match[2]);
  }
  const mchid = fields.get('mchid');
  const nonceStr = fields.get('nonce_str');
  const signature = fields.get('signature');
  const timestamp = fields.get('timestamp');
  const serialNo = fields.get('serial_no');
  if (!mchid || !nonceStr || !signature || !timestamp || !serialNo) return null;
  return { mchid, nonceStr, signature, timestamp, serialNo };
}

export interface RequestPaymentToSign {
  appId: string;
  /** Unix seconds as a string, exactly as passed to wx.requestPayment. */
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=…`. */
  packageValue: string;
}

/** `appId\ntimeStamp\nnonceStr\npackage\n` (signType is not signed). */
export function requestPaymentMessage(params: RequestPaymentToSign): string {
  return `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.packageValue}\n`;
}

/** The `paySign` of wx.requestPayment, with the merchant private key. */
export function signRequestPayment(params: RequestPaymentToSign, privateKey: KeyInput): string {
  return signSha256WithRsa(requestPaymentMessage(params), privateKey);
}

export interface SignedMessage {
  timestamp: string | number;
  nonce: string;
  /** The raw body, byte for byte as received; '' for a 204. */
  body: string;
}

/** `TIMESTAMP\nNONCE\nBODY\n`: what WeChat signs on responses and notifications. */
export function wechatpaySignatureMessage(message: SignedMessage): string {
  return `${message.timestamp}\n${message.nonce}\n${message.body}\n`;
}

/** Checks a `Wechatpay-Signature` with the 微信支付公钥. Timestamp and serial are the caller's checks. */
export function verifyWechatpaySignature(
  input: SignedMessage & { signature: string; publicKey: KeyInput },
): boolean {
  return verifySha256WithRsa(wechatpaySignatureMessage(input), input.signature, input.publicKey);
}

/** The platform side of `verifyWechatpaySignature` (our simulator and the fake server). */
export function signAsPlatform(message: SignedMessage, platformPrivateKey: KeyInput): string {
  return signSha256WithRsa(wechatpaySignatureMessage(message), platformPrivateKey);
}

function apiV3KeyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== API_V3_KEY_BYTES) throw new Error(`APIv3 key must be ${API_V3_KEY_BYTES} bytes`);
  return key;
}

export interface ResourceToDecrypt {
  /** base64 of ciphertext followed by the 16-byte GCM tag. */
  ciphertext: string;
  /** The nonce string; its UTF-8 bytes are the IV (12 characters in practice). */
  nonce: string;
  associatedData: string;
}

/** AEAD_AES_256_GCM with the APIv3 key. Throws when the tag does not authenticate (wrong key, tampering). */
export function decryptResource(resource: ResourceToDecrypt, apiV3Key: string): string {
  if (!BASE64.test(resource.ciphertext)) throw new Error('ciphertext is not base64');
  const sealed = Buffer.from(resource.ciphertext, 'base64');
  if (sealed.length < GCM_TAG_BYTES) throw new Error('ciphertext is shorter than its tag');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    apiV3KeyBytes(apiV3Key),
    Buffer.from(resource.nonce, 'utf8'),
    {
      authTagLength: GCM_TAG_BYTES,
    },
  );
  decipher.setAuthTag(sealed.subarray(sealed.length - GCM_TAG_BYTES));
  decipher.setAAD(Buffer.from(resource.associatedData, 'utf8'));
  const plaintext = Buffer.concat([
    decipher.update(sealed.subarray(0, sealed.length - GCM_TAG_BYTES)),
    decipher.final(),
  ]);
  return plaintext.toString('utf8');
}

/** Random letters and digits (APIv3 keys, resource nonces). */
export function randomAlphanumeric(length: number): string {
  return Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}

/** The platform side of `decryptResource`: a notification `resource` (without `original_type`). */
export function encryptResource(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
): Omit<EncryptedResource, 'original_type'> {
  // 12 characters, as WeChat sends: their UTF-8 bytes are the 12-byte IV GCM is designed for.
  const nonce = randomAlphanumeric(12);
  const cipher = createCipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(nonce, 'utf8'), {
    authTagLength: GCM_TAG_BYTES,
  });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: sealed.toString('base64'),
    associated_data: associatedData,
    nonce,
  };
}
