import type { PaymentProviderName, PayOrderResponse } from '@linli/shared-types';
import type { TransferBillState, WechatPayNotificationVerifier } from '../wechatpay';

/** What we ask the provider to collect for an order. */
export interface PrepayRequest {
  outTradeNo: string;
  amountFen: number;
  /** Shown on the buyer's WeChat Pay receipt (≤ 127 bytes). */
  description: string;
  payerOpenid: string;
  /** The provider closes its order at this time (our pay deadline). */
  expiresAt: Date;
}

export interface PrepayResult {
  prepayId: string;
  /** How long this prepay id may be reused (WeChat: 2 hours). */
  validUntil: Date;
}

/** A trade as the provider sees it. */
export interface ProviderTrade {
  state: 'paid' | 'not_paid' | 'closed' | 'refunded';
  transactionId: string | null;
  amountFen: number | null;
  payerOpenid: string | null;
  paidAt: Date | null;
}

export interface ProviderRefundRequest {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: number;
  totalFen: number;
  reason: string;
}

export interface ProviderRefund {
  providerRefundId: string | null;
  status: 'processing' | 'succeeded' | 'failed';
  failureReason: string | null;
}

/** A transfer to a user's WeChat balance (商家转账) we ask the provider to make. */
export interface TransferRequest {
  /** Our bill number: the same for every retry of one transfer. */
  outBillNo: string;
  openid: string;
  amountFen: number;
  /** Shown to the user, ≤ 32 characters. */
  remark: string;
}

/** A transfer as the provider sees it (WeChat's states, see wechatpay-types.ts). */
export interface ProviderTransfer {
  state: TransferBillState;
  transferBillNo: string | null;
  /** While WAIT_USER_CONFIRM: what wx.requestMerchantTransfer takes as `package`. */
  packageInfo: string | null;
  failReason: string | null;
}

/** A refusal the provider gave (4xx): retrying the same request will not help. */
export class ProviderRejectedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderRejectedError';
  }
}

/**
 * The payment provider port. Both adapters speak WeChat Pay v3 notifications (the simulator signs and
 * encrypts its own with local keys), so one notification pipeline serves both.
 */
export abstract class PaymentProvider {
  abstract readonly name: PaymentProviderName;
  /** Who notifications must be addressed to (a notification for another merchant or app is refused). */
  abstract readonly merchant: { mchid: string; appid: string };
  /** Checks the platform signature, timestamp and encryption of a notification. */
  abstract readonly notificationVerifier: WechatPayNotificationVerifier;
  abstract prepay(request: PrepayRequest): Promise<PrepayResult>;
  /** Fresh `requestPayment` parameters for a prepay id (a new timestamp and nonce each time). */
  abstract requestPaymentParams(prepayId: string): PayOrderResponse['requestPayment'];
  /** null: the provider has never heard of this trade. */
  abstract query(outTradeNo: string): Promise<ProviderTrade | null>;
  /** 'already_paid' when the buyer paid before we could close it. */
  abstract close(outTradeNo: string): Promise<'closed' | 'already_paid'>;
  abstract refund(request: ProviderRefundRequest): Promise<ProviderRefund>;
  abstract queryRefund(outRefundNo: string): Promise<ProviderRefund | null>;
  /**
   * Creates the transfer, or answers the existing one when the bill number was used before (with a fresh
   * package while it waits for the user). Never retry with a new number unless the old one FAILed.
   */
  abstract createTransfer(request: TransferRequest): Promise<ProviderTransfer>;
  /** null: the provider has never heard of this bill. */
  abstract queryTransfer(outBillNo: string): Promise<ProviderTransfer | null>;
  /** The parameters of wx.requestMerchantTransfer for a package. */
  transferConfirmParams(packageInfo: string): { mchId: string; appId: string; package: string } {
    return { mchId: this.merchant.mchid, appId: this.merchant.appid, package: packageInfo };
  }
}
