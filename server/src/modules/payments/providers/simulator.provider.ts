import { randomBytes } from 'node:crypto';
import {
  WechatPayNotificationVerifier,
  WechatPayPlatform,
  generateWechatPayTestKeys,
  newNonce,
  newTransferBillNo,
  newTransferPackageInfo,
  signRequestPayment,
  toWechatPayTime,
  type RefundResource,
  type SignedNotification,
  type TransactionResource,
  type TransferBillResource,
} from '../wechatpay';
import type { PaymentEntity } from '../persistence/payment.entity';
import { FINAL_TRANSFER_STATES, type TransferEntity } from '../persistence/transfer.entity';
import {
  PaymentProvider,
  type PrepayRequest,
  type PrepayResult,
  type ProviderRefund,
  type ProviderRefundRequest,
  type ProviderTrade,
  type ProviderTransfer,
  type TransferRequest,
} from './payment-provider';

/** The merchant id the simulator pretends to be (WeChat's documentation example). */
export const SIMULATOR_MCHID = '1900000109';

/** What the simulator knows about trades: our own payment rows (the payer's tap applies them at once). */
export type SimulatorTradeBook = (outTradeNo: string) => Promise<PaymentEntity | null>;

/** What the simulator knows about transfers: our own transfer rows. */
export type SimulatorTransferBook = (outBillNo: string) => Promise<TransferEntity | null>;

/** A refund the simulator accepted, to be confirmed by a REFUND.SUCCESS notification. */
export interface SimulatedRefund {
  outTradeNo: string;
  outRefundNo: string;
  providerRefundId: string;
  transactionId: string;
  refundFen: number;
  totalFen: number;
}

/**
 * A stand-in for WeChat Pay for the embedded mode, demos and tests. It keeps nothing of its own: keys are
 * generated at start, and every notification it produces is a real v3 notification (RSA signature by
 * its platform key, AEAD_AES_256_GCM resource under its APIv3 key) that goes through the same verifier
 * and apply code as WeChat's, so that code always runs.
 */
export class SimulatorPaymentProvider extends PaymentProvider {
  readonly name = 'simulator' as const;
  readonly merchant: { mchid: string; appid: string };
  readonly notificationVerifier: WechatPayNotificationVerifier;
  private readonly keys = generateWechatPayTestKeys();
  private readonly platform: WechatPayPlatform;

  constructor(
    appid: string,
    private readonly trades: SimulatorTradeBook,
    private readonly confirmRefundLater: (refund: SimulatedRefund) => Promise<void>,
    private readonly transfers: SimulatorTransferBook,
  ) {
    super();
    this.merchant = { mchid: SIMULATOR_MCHID, appid };
    this.platform = new WechatPayPlatform({
      platformPrivateKey: this.keys.platform.privateKeyPem,
      platformPublicKeyId: this.keys.platform.publicKeyId,
      apiV3Key: this.keys.apiV3Key,
    });
    this.notificationVerifier = new WechatPayNotificationVerifier({
      platformPublicKey: this.keys.platform.publicKeyPem,
      platformPublicKeyId: this.keys.platform.publicKeyId,
      apiV3Key: this.keys.apiV3Key,
    });
  }

  prepay(request: PrepayRequest): Promise<PrepayResult> {
    void request;
    return Promise.resolve({
      prepayId: `sim_${randomBytes(12).toString('hex')}`,
      validUntil: new Date(Date.now() + 2 * 60 * 60_000),
    });
  }

  requestPaymentParams(prepayId: string) {
    const timeStamp = String(Math.floor(Date.now() / 1000));
    const nonceStr = newNonce();
    const packageValue = `prepay_id=${prepayId}`;
    const paySign = signRequestPayment(
      { appId: this.merchant.appid, timeStamp, nonceStr, packageValue },
      this.keys.merchant.privateKeyPem,
    );
    return { timeStamp, nonceStr, package: packageValue, signType: 'RSA' as const, paySign };
  }

  async query(outTradeNo: string): Promise<ProviderTrade | null> {
    const payment = await this.trades(outTradeNo);
    if (!payment) return null;
    return {
      state: payment.status === 'succeeded' ? 'paid' : payment.status === 'closed' ? 'closed' : 'not_paid',
      transactionId: payment.transactionId,
      amountFen: payment.amount,
      payerOpenid: payment.payerOpenid,
      paidAt: payment.paidAt,
    };
  }

  async close(outTradeNo: string): Promise<'closed' | 'already_paid'> {
    const payment = await this.trades(outTradeNo);
    return payment?.status === 'succeeded' ? 'already_paid' : 'closed';
  }

  async refund(request: ProviderRefundRequest): Promise<ProviderRefund> {
    const payment = await this.trades(request.outTradeNo);
    const providerRefundId = `sim_refund_${randomBytes(10).toString('hex')}`;
    await this.confirmRefundLater({
      outTradeNo: request.outTradeNo,
      outRefundNo: request.outRefundNo,
      providerRefundId,
      transactionId: payment?.transactionId ?? '',
      refundFen: request.refundFen,
      totalFen: request.totalFen,
    });
    return { providerRefundId, status: 'processing', failureReason: null };
  }

  queryRefund(): Promise<ProviderRefund | null> {
    // The simulator never loses money: a refund it accepted always goes through.
    return Promise.resolve({ providerRefundId: null, status: 'succeeded', failureReason: null });
  }

  /** Every transfer waits for the user (the simulated confirm sheet), like WeChat's. */
  async createTransfer(request: TransferRequest): Promise<ProviderTransfer> {
    const known = await this.transfers(request.outBillNo);
    if (known && FINAL_TRANSFER_STATES.includes(known.state)) return transferOf(known);
    return {
      state: 'WAIT_USER_CONFIRM',
      transferBillNo: known?.transferBillNo ?? newTransferBillNo(new Date()),
      packageInfo: newTransferPackageInfo(),
      failReason: null,
    };
  }

  async queryTransfer(outBillNo: string): Promise<ProviderTransfer | null> {
    const known = await this.transfers(outBillNo);
    return known && known.state !== 'NEW' ? transferOf(known) : null;
  }

  /** The MCHTRANSFER.BILL.FINISHED notification WeChat sends when a transfer ends. */
  transferNotification(transfer: TransferEntity, outcome: 'SUCCESS' | 'FAIL'): SignedNotification {
    const resource: TransferBillResource = {
      mch_id: this.merchant.mchid,
      out_bill_no: transfer.outBillNo,
      transfer_bill_no: transfer.transferBillNo ?? newTransferBillNo(new Date()),
      state: outcome,
      transfer_amount: transfer.amount,
      openid: transfer.openid,
      ...(outcome === 'FAIL' ? { fail_reason: 'OVERDUE_CLOSE' } : {}),
      update_time: toWechatPayTime(new Date()),
    };
    return this.platform.notification('MCHTRANSFER.BILL.FINISHED', resource);
  }

  /** The TRANSACTION.SUCCESS notification WeChat would send when the buyer pays this trade. */
  paymentNotification(trade: {
    outTradeNo: string;
    amountFen: number;
    payerOpenid: string;
  }): SignedNotification {
    const resource: TransactionResource = {
      appid: this.merchant.appid,
      mchid: this.merchant.mchid,
      out_trade_no: trade.outTradeNo,
      transaction_id: `4200${Date.now()}${randomBytes(4).toString('hex')}`.slice(0, 28),
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      success_time: toWechatPayTime(new Date()),
      payer: { openid: trade.payerOpenid },
      amount: {
        total: trade.amountFen,
        payer_total: trade.amountFen,
        currency: 'CNY',
        payer_currency: 'CNY',
      },
    };
    return this.platform.notification('TRANSACTION.SUCCESS', resource);
  }

  /** The REFUND.SUCCESS notification confirming a refund the simulator accepted. */
  refundNotification(refund: SimulatedRefund): SignedNotification {
    const resource: RefundResource = {
      mchid: this.merchant.mchid,
      out_trade_no: refund.outTradeNo,
      transaction_id: refund.transactionId,
      out_refund_no: refund.outRefundNo,
      refund_id: refund.providerRefundId,
      refund_status: 'SUCCESS',
      success_time: toWechatPayTime(new Date()),
      user_received_account: '支付用户零钱',
      amount: {
        total: refund.totalFen,
        refund: refund.refundFen,
        payer_total: refund.totalFen,
        payer_refund: refund.refundFen,
      },
    };
    return this.platform.notification('REFUND.SUCCESS', resource);
  }
}

function transferOf(transfer: TransferEntity): ProviderTransfer {
  return {
    state: transfer.state === 'NEW' ? 'ACCEPTED' : transfer.state,
    transferBillNo: transfer.transferBillNo,
    packageInfo: null,
    failReason: transfer.failReason,
  };
}
