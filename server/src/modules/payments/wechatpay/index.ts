// WeChat Pay API v3 (JSAPI / mini-program payments), framework-free: the payments module wraps it.
export {
  buildAuthorization,
  decryptResource,
  encryptResource,
  newNonce,
  parseAuthorization,
  requestPaymentMessage,
  requestSignatureMessage,
  signAsPlatform,
  signRequestPayment,
  verifyWechatpaySignature,
  type AuthorizationInput,
  type AuthorizationParts,
  type RequestPaymentToSign,
} from './wechatpay-crypto';
export {
  WechatPayApiError,
  WechatPayClient,
  type JsapiPrepayInput,
  type RefundInput,
  type RefundOutcome,
  type RefundQueryOutcome,
  type RequestPaymentParams,
  type WechatPayClientOptions,
} from './wechatpay-client';
export {
  NotificationRejectedError,
  WechatPayNotificationVerifier,
  parseRefundResource,
  parseTransactionResource,
  type NotificationHeaders,
  type NotificationRejectionReason,
  type NotificationVerifierOptions,
} from './wechatpay-notification';
export {
  WechatPayPlatform,
  generateWechatPayTestKeys,
  merchantSignatureProblem,
  type MerchantIdentity,
  type MerchantRequest,
  type NotificationOptions,
  type SignedNotification,
  type WechatPayPlatformOptions,
  type WechatPayTestKeys,
} from './wechatpay-platform';
export { toWechatPayTime } from './wechatpay-time';
export {
  WECHATPAY_DEFAULT_API_BASE,
  WECHATPAY_HEADERS,
  type EncryptedResource,
  type KeyInput,
  type NotificationBody,
  type RefundResource,
  type RefundStatus,
  type TradeState,
  type TransactionResource,
  type VerifiedNotification,
  type WechatPayConfig,
} from './wechatpay-types';
