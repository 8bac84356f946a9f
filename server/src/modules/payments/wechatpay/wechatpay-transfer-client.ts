/**
 * 商家转账 (merchant transfer to a user's WeChat balance), the version of January 2025 in which the user
 * confirms receipt: we create a bill, the mini program opens WeChat's confirmation page with
 * `wx.requestMerchantTransfer({mchId, appId, package})`, and the bill ends SUCCESS, FAIL or CANCELLED,
 * announced by a MCHTRANSFER.BILL.FINISHED notification and readable by query. Same guarantees as
 * `WechatPayClient`: every request signed, every 2xx answer's signature verified, `WechatPayApiError` for
 * failures (`NETWORK` for timeouts). Amounts are integer fen.
 *
 * The retry rule, from the docs, is the one thing callers must not get wrong: an answer other than 200 (an
 * error code, an unknown code, a timeout) does not mean the transfer was not made. Retrying with the SAME
 * out_bill_no and the same parameters is always safe (ACCEPTED, PROCESSING and SYSTEM_ERROR even call for
 * it); a NEW out_bill_no may be used only after `queryTransferBill` says the first one FAILed (or was
 * CANCELLED). Anything else risks paying twice.
 */
import { requirePositiveFen, WechatPayHttp, type WechatPayClientOptions } from './wechatpay-http';
import { MalformedResourceError, readTransferBill } from './wechatpay-resources';
import type { TransferBill, WechatPayConfig } from './wechatpay-types';

/** 转账金额 ≥ 2000 元 needs the payee's real name (`user_name`, RSA-encrypted), which we do not send. */
export const TRANSFER_NAME_REQUIRED_FEN = 200_000;

const OUT_BILL_NO = /^[0-9A-Za-z]{1,32}$/;
const TRANSFER_BILLS_PATH = '/v3/fund-app/mch-transfer/transfer-bills';

export interface TransferSceneReport {
  /** The info type the scene requires, verbatim (e.g. `活动名称`, `奖励说明`, `岗位类型`, `报酬说明`). */
  infoType: string;
  infoContent: string;
}

export interface TransferBillInput {
  /** 商户单号: 1–32 digits and letters, unique per merchant. Reuse it for every retry of this transfer. */
  outBillNo: string;
  /** The payee, under the configured AppID; only this user can confirm. */
  openid: string;
  /** Below 2000 yuan (200000 fen): larger amounts need an encrypted real name, which we do not send. */
  amountFen: number;
  /** 转账备注, shown to the user: 1–32 characters. */
  remark: string;
  /** 转账场景ID granted in 商户平台 (e.g. `1000` 现金营销, `1005` 佣金报酬). */
  sceneId: string;
  /** https, no query string: receives MCHTRANSFER.BILL.FINISHED. */
  notifyUrl: string;
  /** 用户收款感知: one of the texts the scene allows; omitted, WeChat shows the scene's default. */
  userRecvPerception?: string;
  /** 转账场景报备信息: every info type the scene requires. */
  sceneReportInfos: readonly TransferSceneReport[];
}

/** What wx.requestMerchantTransfer takes (besides the callbacks). */
export interface RequestMerchantTransferParams {
  mchId: string;
  appId: string;
  package: string;
}

function requireText(value: string, name: string, maxCharacters: number): void {
  const length = [...value].length;
  if (length === 0 || length > maxCharacters)
    throw new RangeError(`${name} must be 1–${maxCharacters} characters`);
}

/** Refuses, before anything is sent, what WeChat would refuse or what we cannot send. */
function checkTransferInput(input: TransferBillInput): void {
  requirePositiveFen(input.amountFen, 'amountFen');
  if (input.amountFen >= TRANSFER_NAME_REQUIRED_FEN) {
    throw new RangeError(
      'amountFen: 转账金额 ≥ 2000 元 (200000 fen) requires the payee’s encrypted real name (user_name), which this client does not send',
    );
  }
  if (!OUT_BILL_NO.test(input.outBillNo)) throw new RangeError('outBillNo must be 1–32 digits or letters');
  requireText(input.remark, 'remark', 32);
  if (input.openid === '' || input.sceneId === '' || input.notifyUrl === '')
    throw new RangeError('openid, sceneId and notifyUrl are required');
  if (
    input.sceneReportInfos.length === 0 ||
    input.sceneReportInfos.some(({ infoType, infoContent }) => infoType === '' || infoContent === '')
  ) {
    throw new RangeError('sceneReportInfos: the scene’s report infos are required, none empty');
  }
}

function billPath(outBillNo: string): string {
  if (!OUT_BILL_NO.test(outBillNo)) throw new RangeError('outBillNo must be 1–32 digits or letters');
  return `${TRANSFER_BILLS_PATH}/out-bill-no/${outBillNo}`;
}

export class WechatPayTransferClient {
  private readonly http: WechatPayHttp;
  private readonly config: WechatPayConfig;

  constructor(config: WechatPayConfig, options: WechatPayClientOptions = {}) {
    this.http = new WechatPayHttp(config, options);
    this.config = this.http.config;
  }

  /**
   * 发起转账 (POST /v3/fund-app/mch-transfer/transfer-bills). Normally answers WAIT_USER_CONFIRM with the
   * `package_info` for `requestMerchantTransferParams`; the same out_bill_no with the same input answers
   * the same bill (developers report a fresh package while it waits, so this reopens the page; do not keep
   * a package for long). Any other state means the bill is not waiting for the user (see
   * `TransferBillState`); ACCEPTED and PROCESSING call for a retry with the same number and input.
   *
   * On `WechatPayApiError` — any status, `NETWORK` included — do NOT retry with a new out_bill_no: the
   * transfer may exist. Retry with this one and the same input (the docs: 原商户单号及原参数), or
   * `queryTransferBill` it; only once it is FAIL (or CANCELLED) may a new number be used.
   */
  async createTransferBill(input: TransferBillInput): Promise<TransferBill> {
    checkTransferInput(input);
    const answer = await this.http.request('POST', TRANSFER_BILLS_PATH, {
      appid: this.config.appid,
      out_bill_no: input.outBillNo,
      transfer_scene_id: input.sceneId,
      openid: input.openid,
      transfer_amount: input.amountFen,
      transfer_remark: input.remark,
      notify_url: input.notifyUrl,
      ...(input.userRecvPerception ? { user_recv_perception: input.userRecvPerception } : {}),
      transfer_scene_report_infos: input.sceneReportInfos.map(({ infoType, infoContent }) => ({
        info_type: infoType,
        info_content: infoContent,
      })),
    });
    return this.http.read(answer, (body) => {
      const bill = readTransferBill(body);
      if (bill.state === 'WAIT_USER_CONFIRM' && bill.package_info === undefined)
        throw new MalformedResourceError('package_info is missing');
      return bill;
    });
  }

  /**
   * 商户单号查询转账单; null when WeChat has no such bill (404 NOT_FOUND). Only bills of the last 30 days
   * can be queried. A null right after a failed create is not proof of failure if the create may still be
   * in flight: query again later, or retry the create with the same number.
   */
  async queryTransferBill(outBillNo: string): Promise<TransferBill | null> {
    const answer = await this.http.lookup(billPath(outBillNo), 'NOT_FOUND');
    return answer === null
      ? null
      : this.http.read(answer, (body) => {
          const bill = readTransferBill(body);
          if (bill.transfer_amount === undefined)
            throw new MalformedResourceError('transfer_amount is missing');
          return bill;
        });
  }

  /**
   * 撤销转账: possible until the user has confirmed. Success only means the cancel was accepted (state
   * CANCELING, or already CANCELLED); the bill ends CANCELLED (notified) — or SUCCESS if the user was faster.
   */
  async cancelTransferBill(outBillNo: string): Promise<TransferBill> {
    const answer = await this.http.request('POST', `${billPath(outBillNo)}/cancel`);
    return this.http.read(answer, readTransferBill);
  }

  /** The parameters of wx.requestMerchantTransfer for a bill in WAIT_USER_CONFIRM (not signed). */
  requestMerchantTransferParams(packageInfo: string): RequestMerchantTransferParams {
    return { mchId: this.config.mchid, appId: this.config.appid, package: packageInfo };
  }
}
