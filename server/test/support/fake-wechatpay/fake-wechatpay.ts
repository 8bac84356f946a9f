/**
 * A fake WeChat Pay API v3 on 127.0.0.1 for e2e tests: it checks merchant signatures (401 SIGN_ERROR),
 * keeps trades and refunds like the real one, signs every answer with the platform key, and sends real,
 * signed, encrypted notifications to the notify_url when a test says the payer paid or a refund settled.
 * Tests drive it with `pay`, `completeRefund`, `failNext` and read it with `trade`, `refund`, `requests`;
 * 商家转账 bills with `confirmTransfer`, `failTransfer`, `expireTransfer`, `completeCancel`, `transferBill`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  merchantSignatureProblem,
  WECHATPAY_HEADERS,
  type SignedNotification,
  type WechatPayPlatform,
} from '../../../src/modules/payments/wechatpay';
import { FakeApiFailure, FakeLedger, type FakeRefund, type FakeTrade } from './fake-wechatpay-ledger';
import { FakeTransferLedger } from './fake-wechatpay-transfer-ledger';
import {
  routeTransfers,
  transferControls,
  transferResourceOf,
  type FakeTransferControls,
  type NotificationDelivery,
} from './fake-wechatpay-transfers';
import { refundAnswerOf, refundNotificationOf, transactionOf } from './fake-wechatpay-wire';

export type { FakeRefund, FakeTrade } from './fake-wechatpay-ledger';
export type { FakeTransfer } from './fake-wechatpay-transfer-ledger';
export type {
  FakeTransferControls,
  NotificationDelivery,
  TransferSettleOptions,
} from './fake-wechatpay-transfers';

export interface FakeWechatPayOptions {
  mchid: string;
  appid: string;
  merchantPublicKeyPem: string;
  merchantSerialNo: string;
  platform: WechatPayPlatform;
  now?: () => Date;
}

export interface FakeWechatPayRequest {
  method: string;
  /** Path and query as received. */
  path: string;
  /** Whether the merchant signature checked out. */
  verified: boolean;
  status: number;
}

export interface FakeWechatPay extends FakeTransferControls {
  /** e.g. `http://127.0.0.1:54321`: use as `apiBase`. */
  url: string;
  requests: FakeWechatPayRequest[];
  close(): Promise<void>;
  /** The payer pays: the trade becomes SUCCESS and (by default) TRANSACTION.SUCCESS goes to its notify_url. */
  pay(
    outTradeNo: string,
    options?: { openid?: string; amountFen?: number; deliver?: boolean },
  ): Promise<NotificationDelivery>;
  /** The refund settles and REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED goes to its notify_url. */
  completeRefund(
    outRefundNo: string,
    status?: 'SUCCESS' | 'ABNORMAL' | 'CLOSED',
  ): Promise<NotificationDelivery>;
  /** A signed, encrypted notification to post yourself (replays, forgeries, odd resources). */
  notificationFor(eventType: string, resource: object): SignedNotification;
  /** The next request to `path` (no query) answers `status` `{code, message}`, signature checks still first. */
  failNext(path: string, status: number, code: string, message?: string): void;
  trade(outTradeNo: string): FakeTrade | undefined;
  refund(outRefundNo: string): FakeRefund | undefined;
}

interface Answer {
  status: number;
  body?: unknown;
}

const TRADE_PATH = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/;
const CLOSE_PATH = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/;
const REFUND_PATH = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/;

function failure(status: number, code: string, message: string): Answer {
  return { status, body: { code, message } };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FakeApiFailure(400, 'PARAM_ERROR', '请求体不是JSON');
  }
}

function copy<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : structuredClone(value);
}

export async function startFakeWechatPay(options: FakeWechatPayOptions): Promise<FakeWechatPay> {
  const now = options.now ?? (() => new Date());
  const merchant = { mchid: options.mchid, appid: options.appid };
  const ledger = new FakeLedger(merchant, now);
  const transfers = new FakeTransferLedger(merchant, now);
  const requests: FakeWechatPayRequest[] = [];
  const plannedFailures = new Map<string, Answer[]>();

  function route(method: string, url: URL, body: string): Answer {
    const path = url.pathname;
    const transferAnswer = routeTransfers(transfers, merchant, {
      method,
      path,
      readBody: () => parseJson(body),
    });
    if (transferAnswer) return transferAnswer;
    if (method === 'POST' && path === '/v3/pay/transactions/jsapi') {
      return { status: 200, body: { prepay_id: ledger.prepay(parseJson(body)).prepayId } };
    }
    if (method === 'POST' && path === '/v3/refund/domestic/refunds') {
      const refund = ledger.createRefund(parseJson(body));
      return { status: 200, body: refundAnswerOf(refund, tradeOf(refund)) };
    }
    const closing = CLOSE_PATH.exec(path);
    if (method === 'POST' && closing) {
      const request = parseJson(body);
      if (
        typeof request !== 'object' ||
        request === null ||
        (request as { mchid?: unknown }).mchid !== options.mchid
      ) {
        return failure(400, 'PARAM_ERROR', 'mchid 与请求商户号不一致');
      }
      ledger.close(decodeURIComponent(closing[1]));
      return { status: 204 };
    }
    const querying = TRADE_PATH.exec(path);
    if (method === 'GET' && querying) {
      if (url.searchParams.get('mchid') !== options.mchid)
        return failure(400, 'PARAM_ERROR', 'mchid 与请求商户号不一致');
      const trade = ledger.trade(decodeURIComponent(querying[1]));
      return trade
        ? { status: 200, body: transactionOf(trade, merchant) }
        : failure(404, 'ORDER_NOT_EXIST', '订单不存在');
    }
    const refundQuery = REFUND_PATH.exec(path);
    if (method === 'GET' && refundQuery) {
      const refund = ledger.refund(decodeURIComponent(refundQuery[1]));
      return refund
        ? { status: 200, body: refundAnswerOf(refund, tradeOf(refund)) }
        : failure(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    }
    return failure(404, 'NOT_FOUND', '请求的资源不存在');
  }

  function tradeOf(refund: FakeRefund): FakeTrade {
    const trade = ledger.trade(refund.outTradeNo);
    if (!trade) throw new Error(`fake WeChat Pay: refund ${refund.outRefundNo} has no trade`);
    return trade;
  }

  function answer(method: string, url: URL, body: string, request: IncomingMessage): Answer {
    const planned = plannedFailures.get(url.pathname)?.shift();
    if (planned) return planned;
    // With a 微信支付公钥 the merchant names it in Wechatpay-Serial; a wrong id is refused (400 INVALID_REQUEST).
    const askedKey = request.headers[WECHATPAY_HEADERS.serial.toLowerCase()];
    if (askedKey !== undefined && askedKey !== options.platform.publicKeyId) {
      return failure(400, 'INVALID_REQUEST', 'Wechatpay-Serial 不是有效的微信支付公钥ID');
    }
    try {
      return route(method, url, body);
    } catch (error) {
      if (error instanceof FakeApiFailure) return failure(error.status, error.code, error.message);
      throw error;
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const pathWithQuery = request.url ?? '/';
    const body = await readBody(request);
    const problem = merchantSignatureProblem(
      { method, urlPathWithQuery: pathWithQuery, body, authorization: request.headers.authorization },
      {
        mchid: options.mchid,
        merchantSerialNo: options.merchantSerialNo,
        merchantPublicKey: options.merchantPublicKeyPem,
        now,
      },
    );
    const url = new URL(pathWithQuery, 'http://127.0.0.1');
    const result = problem
      ? failure(401, 'SIGN_ERROR', `签名错误: ${problem}`)
      : answer(method, url, body, request);
    requests.push({ method, path: pathWithQuery, verified: problem === null, status: result.status });

    const text = result.body === undefined ? '' : JSON.stringify(result.body);
    response.writeHead(result.status, {
      ...(text === '' ? {} : { 'Content-Type': 'application/json' }),
      'Request-ID': randomUUID(),
      ...options.platform.signedResponseHeaders(text),
    });
    response.end(text);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ code: 'SYSTEM_ERROR', message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  async function deliver(
    notifyUrl: string | undefined,
    notification: SignedNotification,
  ): Promise<NotificationDelivery> {
    if (!notifyUrl) return { status: 0, body: '' };
    const response = await fetch(notifyUrl, {
      method: 'POST',
      headers: notification.headers,
      body: notification.body,
    });
    return { status: response.status, body: await response.text() };
  }

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    async pay(outTradeNo, payOptions = {}) {
      const trade = ledger.markPaid(outTradeNo, payOptions);
      if (payOptions.deliver === false) return { status: 0, body: '' };
      const notification = options.platform.notification(
        'TRANSACTION.SUCCESS',
        transactionOf(trade, merchant),
      );
      return deliver(trade.notifyUrl, notification);
    },
    async completeRefund(outRefundNo, status = 'SUCCESS') {
      const refund = ledger.settleRefund(outRefundNo, status);
      const resource = refundNotificationOf(refund, tradeOf(refund), merchant);
      return deliver(refund.notifyUrl, options.platform.notification(`REFUND.${status}`, resource));
    },
    notificationFor: (eventType, resource) => options.platform.notification(eventType, resource),
    failNext(path, status, code, message = '测试注入的失败') {
      const pathname = path.split('?')[0];
      plannedFailures.set(pathname, [
        ...(plannedFailures.get(pathname) ?? []),
        failure(status, code, message),
      ]);
    },
    trade: (outTradeNo) => copy(ledger.trade(outTradeNo)),
    refund: (outRefundNo) => copy(ledger.refund(outRefundNo)),
    ...transferControls(transfers, (transfer) =>
      deliver(
        transfer.notifyUrl,
        options.platform.notification('MCHTRANSFER.BILL.FINISHED', transferResourceOf(transfer, merchant)),
      ),
    ),
  };
}
