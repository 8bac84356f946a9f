/**
 * The fake WeChat Pay's 商家转账 bills, with the rules of the real API our server must cope with: a new
 * bill waits for the user (WAIT_USER_CONFIRM); the same out_bill_no with the same body is the same bill, with
 * another body it is refused; cancelling is possible until the bill is final. Tests move bills on (the user
 * confirms, the transfer fails, 24 hours pass, the cancel completes). No HTTP here.
 */
import {
  newTransferBillNo,
  newTransferPackageInfo,
  toWechatPayTime,
  type FinalTransferBillState,
  type TransferBillState,
} from '../../../src/modules/payments/wechatpay';
import { FakeApiFailure } from './fake-wechatpay-ledger';

export interface FakeTransfer {
  outBillNo: string;
  transferBillNo: string;
  sceneId: string;
  openid: string;
  amountFen: number;
  remark: string;
  notifyUrl?: string;
  userRecvPerception?: string;
  reportInfos: Array<{ info_type: string; info_content: string }>;
  state: TransferBillState;
  /** While WAIT_USER_CONFIRM; renewed each time the same bill is requested again. */
  packageInfo?: string;
  failReason?: string;
  createTime: string;
  updateTime: string;
}

type Json = Record<string, unknown>;

const OUT_BILL_NO = /^[0-9A-Za-z]{1,32}$/;
/** 2000 yuan: from here on WeChat wants the payee's encrypted real name. */
const NAME_REQUIRED_FEN = 200_000;
const FINAL_STATES: readonly TransferBillState[] = ['SUCCESS', 'FAIL', 'CANCELLED'];

function paramError(message: string): FakeApiFailure {
  return new FakeApiFailure(400, 'PARAM_ERROR', message);
}

function record(value: unknown, name: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw paramError(`${name} 缺失`);
  return value as Json;
}

function text(source: Json, key: string, maxCharacters: number): string {
  const value = source[key];
  if (typeof value !== 'string' || value === '' || [...value].length > maxCharacters)
    throw paramError(`${key} 格式错误`);
  return value;
}

function optionalText(source: Json, key: string, maxCharacters: number): string | undefined {
  return source[key] === undefined ? undefined : text(source, key, maxCharacters);
}

/** Absolute, no query string. (WeChat also demands https; the fake allows http.) */
function notifyUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search !== '')
    throw paramError('notify_url 格式错误');
  return String(value);
}

function reportInfos(value: unknown): FakeTransfer['reportInfos'] {
  if (!Array.isArray(value) || value.length === 0) throw paramError('需传入转账场景报备信息,请检查');
  return value.map((item) => {
    const info = record(item, 'transfer_scene_report_infos');
    return { info_type: text(info, 'info_type', 15), info_content: text(info, 'info_content', 32) };
  });
}

export class FakeTransferLedger {
  private readonly transfers = new Map<string, FakeTransfer>();
  /** The canonical create request per bill: a retry must match it to get the same bill. */
  private readonly createRequests = new Map<string, string>();

  constructor(
    private readonly merchant: { mchid: string; appid: string },
    private readonly now: () => Date,
  ) {}

  transfer(outBillNo: string): FakeTransfer | undefined {
    return this.transfers.get(outBillNo);
  }

  /** 发起转账. The same request again gets the same bill (a fresh package while it waits). */
  create(body: unknown): FakeTransfer {
    const request = record(body, 'body');
    if (request.appid !== this.merchant.appid)
      throw new FakeApiFailure(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    const outBillNo = text(request, 'out_bill_no', 32);
    if (!OUT_BILL_NO.test(outBillNo)) throw paramError('out_bill_no 格式错误');
    const amountFen = request.transfer_amount;
    if (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen <= 0)
      throw paramError('transfer_amount 格式错误');
    if (amountFen >= NAME_REQUIRED_FEN && request.user_name === undefined)
      throw paramError('转账金额>=2000元时,收款用户姓名必填');
    const canonical = {
      out_bill_no: outBillNo,
      transfer_scene_id: text(request, 'transfer_scene_id', 36),
      openid: text(request, 'openid', 64),
      transfer_amount: amountFen,
      transfer_remark: text(request, 'transfer_remark', 32),
      notify_url: request.notify_url === undefined ? undefined : notifyUrl(request.notify_url),
      user_recv_perception: optionalText(request, 'user_recv_perception', 64),
      transfer_scene_report_infos: reportInfos(request.transfer_scene_report_infos),
    };
    const fingerprint = JSON.stringify(canonical);

    const existing = this.transfers.get(outBillNo);
    if (existing) {
      if (this.createRequests.get(outBillNo) !== fingerprint)
        throw new FakeApiFailure(400, 'INVALID_REQUEST', '商户单号重复,请求参数与原单不一致');
      if (existing.state === 'WAIT_USER_CONFIRM') existing.packageInfo = newTransferPackageInfo();
      return existing;
    }
    const createTime = toWechatPayTime(this.now());
    const transfer: FakeTransfer = {
      outBillNo,
      transferBillNo: newTransferBillNo(this.now()),
      sceneId: canonical.transfer_scene_id,
      openid: canonical.openid,
      amountFen,
      remark: canonical.transfer_remark,
      ...(canonical.notify_url === undefined ? {} : { notifyUrl: canonical.notify_url }),
      ...(canonical.user_recv_perception === undefined
        ? {}
        : { userRecvPerception: canonical.user_recv_perception }),
      reportInfos: canonical.transfer_scene_report_infos,
      state: 'WAIT_USER_CONFIRM',
      packageInfo: newTransferPackageInfo(),
      createTime,
      updateTime: createTime,
    };
    this.transfers.set(outBillNo, transfer);
    this.createRequests.set(outBillNo, fingerprint);
    return transfer;
  }

  /** 撤销转账: accepted (CANCELING) until the bill is final; cancelling again answers the same. */
  cancel(outBillNo: string): FakeTransfer {
    const transfer = this.transfers.get(outBillNo);
    if (!transfer) throw new FakeApiFailure(404, 'NOT_FOUND', '记录不存在');
    if (transfer.state === 'CANCELING' || transfer.state === 'CANCELLED') return transfer;
    if (FINAL_STATES.includes(transfer.state))
      throw new FakeApiFailure(400, 'INVALID_REQUEST', `转账单已${transfer.state},不可撤销`);
    return this.move(transfer, 'CANCELING');
  }

  /** A test moves the bill to a final state; only from the states the real bill could reach it from. */
  settle(outBillNo: string, state: FinalTransferBillState, failReason?: string): FakeTransfer {
    const transfer = this.transfers.get(outBillNo);
    if (!transfer) throw new Error(`fake WeChat Pay: no transfer ${outBillNo}`);
    const from: Record<FinalTransferBillState, readonly TransferBillState[]> = {
      SUCCESS: ['WAIT_USER_CONFIRM', 'TRANSFERING'],
      FAIL: ['ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM', 'TRANSFERING'],
      CANCELLED: ['CANCELING'],
    };
    if (!from[state].includes(transfer.state))
      throw new Error(`fake WeChat Pay: transfer ${outBillNo} is ${transfer.state}, cannot become ${state}`);
    if (failReason !== undefined) transfer.failReason = failReason;
    return this.move(transfer, state);
  }

  private move(transfer: FakeTransfer, state: TransferBillState): FakeTransfer {
    transfer.state = state;
    transfer.updateTime = toWechatPayTime(this.now());
    if (state !== 'WAIT_USER_CONFIRM') delete transfer.packageInfo;
    return transfer;
  }
}
