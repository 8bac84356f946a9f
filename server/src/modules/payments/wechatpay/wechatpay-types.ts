/**
 * The shapes of WeChat Pay API v3 (JSAPI / mini-program payments, 商家转账) that Linli uses, named as the wire
 * names them (snake_case) so a field can be checked against the official docs at a glance.
 */
import type { KeyObject } from 'node:crypto';

/** A key as a Node `KeyObject` or as PEM text (PKCS#8 private key, SPKI public key). */
export type KeyInput = KeyObject | string;

export const WECHATPAY_DEFAULT_API_BASE = 'https://api.mch.weixin.qq.com';

export interface WechatPayConfig {
  /** 商户号. */
  mchid: string;
  /** The mini program's AppID the merchant is bound to. */
  appid: string;
  /** Serial number of the merchant API certificate (商户API证书序列号), sent as `serial_no`. */
  merchantSerialNo: string;
  /** The merchant API private key (apiclient_key.pem). Signs every request and `requestPayment`. */
  merchantPrivateKey: KeyInput;
  /** APIv3 key: exactly 32 characters, the AES-256-GCM key of notification resources. */
  apiV3Key: string;
  /** 微信支付公钥: verifies response and notification signatures. */
  platformPublicKey: KeyInput;
  /** 微信支付公钥ID (`PUB_KEY_ID_…`): the `Wechatpay-Serial` WeChat signs with. */
  platformPublicKeyId: string;
  /** Defaults to https://api.mch.weixin.qq.com. */
  apiBase?: string;
}

/** `trade_state` of a transaction. */
export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
export const TRADE_STATES: readonly TradeState[] = [
  'SUCCESS',
  'REFUND',
  'NOTPAY',
  'CLOSED',
  'REVOKED',
  'USERPAYING',
  'PAYERROR',
];

/** Refund status: `status` in refund API answers, `refund_status` in refund notifications. */
export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
export const REFUND_STATUSES: readonly RefundStatus[] = ['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'];

/**
 * A transaction: the decrypted TRANSACTION.SUCCESS resource and the answer of 查询订单. Fields WeChat
 * leaves out before payment (transaction id, payer, amount of an unpaid order) are optional.
 */
export interface TransactionResource {
  appid?: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: TradeState;
  trade_state_desc?: string;
  bank_type?: string;
  attach?: string;
  /** RFC 3339, e.g. `2026-12-07T15:30:00+08:00`. */
  success_time?: string;
  payer?: { openid: string };
  amount?: {
    /** Order total, integer fen. */
    total?: number;
    /** What the payer paid after coupons, integer fen. */
    payer_total?: number;
    currency?: string;
    payer_currency?: string;
  };
}

/** The decrypted resource of a REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED notification. */
export interface RefundResource {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  /** Note: `refund_status` here, `status` in the refund API's answers. */
  refund_status: RefundStatus;
  success_time?: string;
  user_received_account?: string;
  amount: {
    total: number;
    refund: number;
    payer_total?: number;
    payer_refund?: number;
  };
}

/**
 * `state` of a 商家转账 bill (the 2025 version, where the user confirms receipt):
 * - ACCEPTED: accepted, not final; retry with the same out_bill_no and the same body.
 * - PROCESSING: funds being locked; stuck here usually means the operating account is short of money.
 * - WAIT_USER_CONFIRM: the user can open the confirmation page with `package_info`.
 * - TRANSFERING: the user confirmed, the result is not known yet; the page may be opened again.
 * - SUCCESS: the money reached the user's balance. Final.
 * - FAIL: it will not be paid (see `fail_reason`; OVERDUE_CLOSE when the user did not confirm in time). Final.
 * - CANCELING: our cancel was accepted and is being carried out.
 * - CANCELLED: cancelled by us, the money is back. Final.
 */
export type TransferBillState =
  | 'ACCEPTED'
  | 'PROCESSING'
  | 'WAIT_USER_CONFIRM'
  | 'TRANSFERING'
  | 'SUCCESS'
  | 'FAIL'
  | 'CANCELING'
  | 'CANCELLED';
export const TRANSFER_BILL_STATES: readonly TransferBillState[] = [
  'ACCEPTED',
  'PROCESSING',
  'WAIT_USER_CONFIRM',
  'TRANSFERING',
  'SUCCESS',
  'FAIL',
  'CANCELING',
  'CANCELLED',
];

/** The final states: the only ones MCHTRANSFER.BILL.FINISHED carries. */
export type FinalTransferBillState = Extract<TransferBillState, 'SUCCESS' | 'FAIL' | 'CANCELLED'>;
export const FINAL_TRANSFER_BILL_STATES: readonly FinalTransferBillState[] = ['SUCCESS', 'FAIL', 'CANCELLED'];

/**
 * A transfer bill as 发起转账, 商户单号查询转账单 and 撤销转账 answer it. The three answers carry different
 * fields, so only the identifiers and the state are always present:
 * - 发起转账: `create_time`, and `package_info` while WAIT_USER_CONFIRM (the client checks it is there);
 * - 查询: `mch_id`, `appid`, `openid`, `transfer_amount` (the client checks it), `transfer_remark`,
 *   `create_time`, `update_time`, and `fail_reason` once failed;
 * - 撤销: `update_time`, with state CANCELING or CANCELLED.
 */
export interface TransferBill {
  out_bill_no: string;
  transfer_bill_no: string;
  state: TransferBillState;
  /** What wx.requestMerchantTransfer takes as `package`. */
  package_info?: string;
  mch_id?: string;
  appid?: string;
  openid?: string;
  /** Integer fen. */
  transfer_amount?: number;
  transfer_remark?: string;
  /** e.g. OVERDUE_CLOSE, MCH_CANCEL, TRANSFER_QUOTA_EXCEED, ACCOUNT_FROZEN. */
  fail_reason?: string;
  /** RFC 3339. */
  create_time?: string;
  update_time?: string;
}

/** The decrypted resource of a MCHTRANSFER.BILL.FINISHED notification (sent once the bill is final). */
export interface TransferBillResource {
  mch_id: string;
  out_bill_no: string;
  transfer_bill_no: string;
  state: FinalTransferBillState;
  /** Integer fen. */
  transfer_amount: number;
  openid: string;
  fail_reason?: string;
  create_time?: string;
  update_time?: string;
}

/** A notification whose signature, timestamp and encryption were checked. */
export interface VerifiedNotification<T> {
  id: string;
  /** e.g. `TRANSACTION.SUCCESS`, `REFUND.SUCCESS`, `REFUND.ABNORMAL`, `REFUND.CLOSED`, `MCHTRANSFER.BILL.FINISHED`. */
  eventType: string;
  createTime: string;
  summary: string;
  resource: T;
}

/** The encrypted `resource` of a notification body. */
export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  nonce: string;
  original_type?: string;
}

/** The JSON body WeChat POSTs to a notify_url. */
export interface NotificationBody {
  id: string;
  create_time: string;
  event_type: string;
  resource_type: string;
  resource: EncryptedResource;
  summary: string;
}

/** The names of the signature headers of responses and notifications (HTTP names are case-insensitive). */
export const WECHATPAY_HEADERS = {
  timestamp: 'Wechatpay-Timestamp',
  nonce: 'Wechatpay-Nonce',
  signature: 'Wechatpay-Signature',
  serial: 'Wechatpay-Serial',
  signatureType: 'Wechatpay-Signature-Type',
} as const;
