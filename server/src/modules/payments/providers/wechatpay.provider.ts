import type { PaymentsConfig } from '../../../platform';
import {
  WechatPayApiError,
  WechatPayClient,
  WechatPayTransferClient,
  type TransferBill,
  WechatPayNotificationVerifier,
  type WechatPayConfig,
} from '../wechatpay';
import {
  PaymentProvider,
  ProviderRejectedError,
  type PrepayRequest,
  type PrepayResult,
  type ProviderRefund,
  type ProviderRefundRequest,
  type ProviderTrade,
  type ProviderTransfer,
  type TransferRequest,
} from './payment-provider';
import { refundOf, tradeOf } from './trade-mapping';

/** WeChat's prepay ids stay valid for two hours. */
const PREPAY_VALID_MS = 2 * 60 * 60_000;

/** Refund refusals that can pass with time (refunds are idempotent by out_refund_no, so retrying is safe). */
const RETRYABLE_REFUND_CODES = ['FREQUENCY_LIMITED', 'NOT_ENOUGH', 'SYSTEM_ERROR', 'BAD_SIGNATURE'];

/** Transfer refusals that can pass with time (the same bill number is retried later). */
const RETRYABLE_TRANSFER_CODES = ['FREQUENCY_LIMITED', 'SYSTEM_ERROR', 'NOT_ENOUGH'];

/** Where WeChat Pay POSTs payment and refund notifications (one endpoint; the event type tells them apart). */
export const NOTIFY_PATH = '/api/payments/wechatpay/notify';

/** Real money: WeChat Pay API v3, JSAPI (mini-program) payments. */
export class WechatPayProvider extends PaymentProvider {
  readonly name = 'wechatpay' as const;
  readonly merchant: { mchid: string; appid: string };
  readonly notificationVerifier: WechatPayNotificationVerifier;
  private readonly client: WechatPayClient;
  private readonly transfers: WechatPayTransferClient;
  private readonly transferSceneId: string;
  private readonly notifyUrl: string;

  constructor(config: Extract<PaymentsConfig, { provider: 'wechatpay' }>, fetchImpl?: typeof fetch) {
    super();
    const values = config.wechatpay;
    const clientConfig: WechatPayConfig = {
      mchid: values.mchid,
      appid: values.appid,
      merchantSerialNo: values.merchantSerialNo,
      merchantPrivateKey: values.merchantPrivateKeyPem,
      apiV3Key: values.apiV3Key,
      platformPublicKey: values.platformPublicKeyPem,
      platformPublicKeyId: values.platformPublicKeyId,
      apiBase: values.apiBase,
    };
    this.client = new WechatPayClient(clientConfig, fetchImpl ? { fetch: fetchImpl } : {});
    this.transfers = new WechatPayTransferClient(clientConfig, fetchImpl ? { fetch: fetchImpl } : {});
    this.transferSceneId = values.transferSceneId;
    this.merchant = { mchid: values.mchid, appid: values.appid };
    this.notificationVerifier = new WechatPayNotificationVerifier({
      platformPublicKey: values.platformPublicKeyPem,
      platformPublicKeyId: values.platformPublicKeyId,
      apiV3Key: values.apiV3Key,
    });
    this.notifyUrl = `${config.notifyBaseUrl}${NOTIFY_PATH}`;
  }

  async prepay(request: PrepayRequest): Promise<PrepayResult> {
    const { prepayId } = await this.client.createJsapiPrepay({
      description: request.description,
      outTradeNo: request.outTradeNo,
      amountFen: request.amountFen,
      payerOpenid: request.payerOpenid,
      notifyUrl: this.notifyUrl,
      timeExpire: request.expiresAt,
    });
    return { prepayId, validUntil: new Date(Date.now() + PREPAY_VALID_MS) };
  }

  requestPaymentParams(prepayId: string) {
    const {
      timeStamp,
      nonceStr,
      package: packageValue,
      signType,
      paySign,
    } = this.client.requestPaymentParams(prepayId);
    return { timeStamp, nonceStr, package: packageValue, signType, paySign };
  }

  async query(outTradeNo: string): Promise<ProviderTrade | null> {
    const resource = await this.client.queryByOutTradeNo(outTradeNo);
    return resource ? tradeOf(resource) : null;
  }

  async close(outTradeNo: string): Promise<'closed' | 'already_paid'> {
    try {
      await this.client.closeOrder(outTradeNo);
      return 'closed';
    } catch (error) {
      if (error instanceof WechatPayApiError && error.code === 'ORDERPAID') return 'already_paid';
      if (error instanceof WechatPayApiError && error.code === 'ORDER_NOT_EXIST') return 'closed';
      throw error;
    }
  }

  async refund(request: ProviderRefundRequest): Promise<ProviderRefund> {
    try {
      const outcome = await this.client.refund({
        outTradeNo: request.outTradeNo,
        outRefundNo: request.outRefundNo,
        refundFen: request.refundFen,
        totalFen: request.totalFen,
        reason: request.reason,
        notifyUrl: this.notifyUrl,
      });
      return refundOf(outcome.refundId, outcome.status);
    } catch (error) {
      // A 4xx is WeChat saying no to this request: asking again will not change it. Except a rate limit
      // or a merchant balance that is short right now: those are retried later with the same number.
      if (
        error instanceof WechatPayApiError &&
        error.status >= 400 &&
        error.status < 500 &&
        !RETRYABLE_REFUND_CODES.includes(error.code)
      ) {
        throw new ProviderRejectedError(error.code, error.message);
      }
      throw error;
    }
  }

  async queryRefund(outRefundNo: string): Promise<ProviderRefund | null> {
    const outcome = await this.client.queryRefund(outRefundNo);
    return outcome ? refundOf(outcome.refundId, outcome.status) : null;
  }

  async createTransfer(request: TransferRequest): Promise<ProviderTransfer> {
    try {
      const bill = await this.transfers.createTransferBill({
        outBillNo: request.outBillNo,
        openid: request.openid,
        amountFen: request.amountFen,
        remark: request.remark,
        sceneId: this.transferSceneId,
        notifyUrl: this.notifyUrl,
        // 1005 佣金报酬 requires these two report infos (see the scene's documentation).
        sceneReportInfos: [
          { infoType: '岗位类型', infoContent: '社区团长' },
          { infoType: '报酬说明', infoContent: '团购佣金' },
        ],
      });
      return transferOf(bill);
    } catch (error) {
      if (
        error instanceof WechatPayApiError &&
        error.status >= 400 &&
        error.status < 500 &&
        !RETRYABLE_TRANSFER_CODES.includes(error.code)
      ) {
        throw new ProviderRejectedError(error.code, error.message);
      }
      throw error;
    }
  }

  async queryTransfer(outBillNo: string): Promise<ProviderTransfer | null> {
    const bill = await this.transfers.queryTransferBill(outBillNo);
    return bill ? transferOf(bill) : null;
  }
}

function transferOf(bill: TransferBill): ProviderTransfer {
  return {
    state: bill.state,
    transferBillNo: bill.transfer_bill_no,
    packageInfo: bill.package_info ?? null,
    failReason: bill.fail_reason ?? null,
  };
}
