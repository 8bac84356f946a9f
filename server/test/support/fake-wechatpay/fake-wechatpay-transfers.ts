/**
 * The 商家转账 endpoints of the fake WeChat Pay and the JSON they answer and notify with, field for field
 * as the v3 docs show them (发起转账, 商户单号查询转账单, 撤销转账, MCHTRANSFER.BILL.FINISHED). The server
 * checks signatures before these routes run and signs what they answer.
 */
import type { FakeTransfer, FakeTransferLedger } from './fake-wechatpay-transfer-ledger';
import type { MerchantIds } from './fake-wechatpay-wire';

/** Our server's answer to a notification; status 0 when nothing was sent (no notify_url, or `deliver: false`). */
export interface NotificationDelivery {
  status: number;
  body: string;
}

/** `deliver: false` settles the bill without sending MCHTRANSFER.BILL.FINISHED (a lost notification). */
export interface TransferSettleOptions {
  deliver?: boolean;
}

/** How tests move 商家转账 bills on and read them. */
export interface FakeTransferControls {
  /** The user confirms receipt: the bill becomes SUCCESS and MCHTRANSFER.BILL.FINISHED goes to its notify_url. */
  confirmTransfer(outBillNo: string, options?: TransferSettleOptions): Promise<NotificationDelivery>;
  /** The transfer fails with `reason` (a WeChat fail_reason code): FAIL, notified. */
  failTransfer(
    outBillNo: string,
    reason?: string,
    options?: TransferSettleOptions,
  ): Promise<NotificationDelivery>;
  /**
   * 24 hours pass without the user confirming. As WeChat does, the bill ends FAIL with fail_reason
   * OVERDUE_CLOSE (超过系统重试期,系统自动关闭) — not CANCELLED, which only our own cancel leads to.
   */
  expireTransfer(outBillNo: string, options?: TransferSettleOptions): Promise<NotificationDelivery>;
  /** Our accepted cancel (CANCELING) completes: CANCELLED (fail_reason MCH_CANCEL), notified. */
  completeCancel(outBillNo: string, options?: TransferSettleOptions): Promise<NotificationDelivery>;
  /** A copy of the bill as the fake keeps it. */
  transferBill(outBillNo: string): FakeTransfer | undefined;
}

export interface FakeTransferAnswer {
  status: number;
  body?: unknown;
}

const CREATE_PATH = '/v3/fund-app/mch-transfer/transfer-bills';
const BILL_PATH = /^\/v3\/fund-app\/mch-transfer\/transfer-bills\/out-bill-no\/([^/]+)$/;
const CANCEL_PATH = /^\/v3\/fund-app\/mch-transfer\/transfer-bills\/out-bill-no\/([^/]+)\/cancel$/;

/** 发起转账's answer: package_info only while the bill waits for the user. */
export function transferCreatedOf(transfer: FakeTransfer): Record<string, unknown> {
  return {
    out_bill_no: transfer.outBillNo,
    transfer_bill_no: transfer.transferBillNo,
    create_time: transfer.createTime,
    state: transfer.state,
    ...(transfer.failReason ? { fail_reason: transfer.failReason } : {}),
    ...(transfer.packageInfo ? { package_info: transfer.packageInfo } : {}),
  };
}

/** 商户单号查询转账单's answer (no package_info). */
export function transferQueriedOf(transfer: FakeTransfer, merchant: MerchantIds): Record<string, unknown> {
  return {
    mch_id: merchant.mchid,
    out_bill_no: transfer.outBillNo,
    transfer_bill_no: transfer.transferBillNo,
    appid: merchant.appid,
    state: transfer.state,
    transfer_amount: transfer.amountFen,
    transfer_remark: transfer.remark,
    ...(transfer.failReason ? { fail_reason: transfer.failReason } : {}),
    openid: transfer.openid,
    create_time: transfer.createTime,
    update_time: transfer.updateTime,
  };
}

/** 撤销转账's answer. */
export function transferCancelledOf(transfer: FakeTransfer): Record<string, unknown> {
  return {
    out_bill_no: transfer.outBillNo,
    transfer_bill_no: transfer.transferBillNo,
    state: transfer.state,
    update_time: transfer.updateTime,
  };
}

/** The resource of MCHTRANSFER.BILL.FINISHED. */
export function transferResourceOf(transfer: FakeTransfer, merchant: MerchantIds): Record<string, unknown> {
  return {
    out_bill_no: transfer.outBillNo,
    transfer_bill_no: transfer.transferBillNo,
    state: transfer.state,
    mch_id: merchant.mchid,
    transfer_amount: transfer.amountFen,
    openid: transfer.openid,
    ...(transfer.failReason ? { fail_reason: transfer.failReason } : {}),
    create_time: transfer.createTime,
    update_time: transfer.updateTime,
  };
}

/** The answer for a transfer path, or undefined when the path is not one. `readBody` parses the JSON body. */
export function routeTransfers(
  ledger: FakeTransferLedger,
  merchant: MerchantIds,
  request: { method: string; path: string; readBody: () => unknown },
): FakeTransferAnswer | undefined {
  const { method, path } = request;
  if (method === 'POST' && path === CREATE_PATH) {
    return { status: 200, body: transferCreatedOf(ledger.create(request.readBody())) };
  }
  const cancelling = CANCEL_PATH.exec(path);
  if (method === 'POST' && cancelling) {
    return { status: 200, body: transferCancelledOf(ledger.cancel(decodeURIComponent(cancelling[1]))) };
  }
  const querying = BILL_PATH.exec(path);
  if (method === 'GET' && querying) {
    const transfer = ledger.transfer(decodeURIComponent(querying[1]));
    return transfer
      ? { status: 200, body: transferQueriedOf(transfer, merchant) }
      : { status: 404, body: { code: 'NOT_FOUND', message: '记录不存在' } };
  }
  return undefined;
}

/** The test controls over `ledger`; `notify` sends MCHTRANSFER.BILL.FINISHED for a bill that became final. */
export function transferControls(
  ledger: FakeTransferLedger,
  notify: (transfer: FakeTransfer) => Promise<NotificationDelivery>,
): FakeTransferControls {
  const finish = async (
    outBillNo: string,
    state: 'SUCCESS' | 'FAIL' | 'CANCELLED',
    failReason: string | undefined,
    options: TransferSettleOptions = {},
  ): Promise<NotificationDelivery> => {
    const transfer = ledger.settle(outBillNo, state, failReason);
    return options.deliver === false ? { status: 0, body: '' } : notify(transfer);
  };
  return {
    confirmTransfer: (outBillNo, options) => finish(outBillNo, 'SUCCESS', undefined, options),
    failTransfer: (outBillNo, reason = 'OTHER_FAIL_REASON_TYPE', options) =>
      finish(outBillNo, 'FAIL', reason, options),
    expireTransfer: (outBillNo, options) => finish(outBillNo, 'FAIL', 'OVERDUE_CLOSE', options),
    completeCancel: (outBillNo, options) => finish(outBillNo, 'CANCELLED', 'MCH_CANCEL', options),
    transferBill: (outBillNo) => {
      const transfer = ledger.transfer(outBillNo);
      return transfer === undefined ? undefined : structuredClone(transfer);
    },
  };
}
