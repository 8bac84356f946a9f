/**
 * Self-test of the fake WeChat Pay, driven by the real WechatPayClient and WechatPayNotificationVerifier:
 * if the two sides agree here, e2e tests of the payments module exercise the real protocol.
 */
import { createVerify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  generateWechatPayTestKeys,
  NotificationRejectedError,
  parseRefundResource,
  parseTransactionResource,
  parseTransferBillResource,
  requestPaymentMessage,
  WechatPayApiError,
  WechatPayClient,
  WechatPayNotificationVerifier,
  WechatPayPlatform,
  WechatPayTransferClient,
  type TransferBillInput,
  type VerifiedNotification,
  type WechatPayConfig,
  type WechatPayTestKeys,
} from '../../../src/modules/payments/wechatpay';
import { startFakeWechatPay, type FakeWechatPay } from './fake-wechatpay';

const MCHID = '1230000109';
const APPID = 'wxd678efh567hg6787';
const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

/** The last notification the listener took, which must have verified. */
function lastVerified(listener: NotifyListener): VerifiedNotification<unknown> {
  const last = listener.received.at(-1);
  if (!last || last instanceof Error) throw new Error(`notification rejected: ${String(last)}`);
  return last;
}

/** Stands in for our server's notify endpoint: verifies, answers 204 or 4xx {code: 'FAIL', message}. */
interface NotifyListener {
  url: string;
  received: Array<VerifiedNotification<unknown> | NotificationRejectedError>;
  close(): Promise<void>;
}

async function startNotifyListener(verifier: WechatPayNotificationVerifier): Promise<NotifyListener> {
  const received: NotifyListener['received'] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        received.push(verifier.verify(request.headers, Buffer.concat(chunks).toString('utf8')));
        response.writeHead(204).end();
      } catch (error) {
        if (!(error instanceof NotificationRejectedError)) throw error;
        received.push(error);
        response
          .writeHead(401, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ code: 'FAIL', message: error.message }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/payments/wechatpay/notify`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function errorOf(promise: Promise<unknown>): Promise<WechatPayApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WechatPayApiError) return error;
    throw error;
  }
  throw new Error('expected a WechatPayApiError');
}

describe('fake WeChat Pay, driven by the real client', () => {
  let keys: WechatPayTestKeys;
  let fake: FakeWechatPay;
  let listener: NotifyListener;
  let client: WechatPayClient;
  let config: WechatPayConfig;

  beforeAll(async () => {
    keys = generateWechatPayTestKeys();
    const platform = new WechatPayPlatform({
      platformPrivateKey: keys.platform.privateKeyPem,
      platformPublicKeyId: keys.platform.publicKeyId,
      apiV3Key: keys.apiV3Key,
    });
    fake = await startFakeWechatPay({
      mchid: MCHID,
      appid: APPID,
      merchantPublicKeyPem: keys.merchant.publicKeyPem,
      merchantSerialNo: keys.merchant.serialNo,
      platform,
    });
    listener = await startNotifyListener(
      new WechatPayNotificationVerifier({
        platformPublicKey: keys.platform.publicKeyPem,
        platformPublicKeyId: keys.platform.publicKeyId,
        apiV3Key: keys.apiV3Key,
      }),
    );
    config = {
      mchid: MCHID,
      appid: APPID,
      merchantSerialNo: keys.merchant.serialNo,
      merchantPrivateKey: keys.merchant.privateKeyPem,
      apiV3Key: keys.apiV3Key,
      platformPublicKey: keys.platform.publicKeyPem,
      platformPublicKeyId: keys.platform.publicKeyId,
      apiBase: fake.url,
    };
    client = new WechatPayClient(config);
  });

  afterAll(async () => {
    await fake?.close();
    await listener?.close();
  });

  // One expiry for every prepay of the test: a repeated prepay must be the same request (time_expire has
  // second precision, so "now + 15 min" computed twice can straddle a second on a busy machine).
  const expiresAt = new Date(Date.now() + 15 * 60_000);
  const prepay = (outTradeNo: string, amountFen = 1990) =>
    client.createJsapiPrepay({
      description: '邻里团购-测试订单',
      outTradeNo,
      amountFen,
      payerOpenid: OPENID,
      notifyUrl: listener.url,
      timeExpire: expiresAt,
    });

  it('pays, notifies, queries, refunds and notifies the refund end to end', async () => {
    const { prepayId } = await prepay('LLE2E0001');
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{22}$/);
    await expect(prepay('LLE2E0001')).resolves.toEqual({ prepayId });

    const params = client.requestPaymentParams(prepayId);
    expect(params.package).toBe(`prepay_id=${prepayId}`);
    const message = requestPaymentMessage({ ...params, packageValue: params.package });
    const paySignVerifies = createVerify('RSA-SHA256')
      .update(message)
      .verify(keys.merchant.publicKeyPem, params.paySign, 'base64');
    expect(paySignVerifies).toBe(true);

    await expect(client.queryByOutTradeNo('LLE2E0001')).resolves.toMatchObject({ trade_state: 'NOTPAY' });

    await expect(fake.pay('LLE2E0001')).resolves.toEqual({ status: 204, body: '' });
    const paid = listener.received.at(-1);
    if (!paid || paid instanceof Error) throw new Error(`payment notification rejected: ${String(paid)}`);
    expect(paid.eventType).toBe('TRANSACTION.SUCCESS');
    const transaction = parseTransactionResource(paid.resource);
    expect(transaction).toMatchObject({
      appid: APPID,
      mchid: MCHID,
      out_trade_no: 'LLE2E0001',
      trade_state: 'SUCCESS',
      payer: { openid: OPENID },
      amount: { total: 1990, currency: 'CNY' },
    });

    const queried = await client.queryByOutTradeNo('LLE2E0001');
    expect(queried).toMatchObject({ trade_state: 'SUCCESS', transaction_id: transaction.transaction_id });
    expect((await errorOf(client.closeOrder('LLE2E0001'))).code).toBe('ORDERPAID');

    const refundInput = {
      outTradeNo: 'LLE2E0001',
      outRefundNo: 'RFE2E0001',
      refundFen: 1990,
      totalFen: 1990,
      reason: '团购取消',
      notifyUrl: listener.url,
    };
    const refund = await client.refund(refundInput);
    expect(refund).toMatchObject({ status: 'PROCESSING', outRefundNo: 'RFE2E0001' });
    await expect(client.refund(refundInput)).resolves.toEqual(refund);
    expect(
      (await errorOf(client.refund({ ...refundInput, outRefundNo: 'RFE2E0002', refundFen: 1 }))).code,
    ).toBe('INVALID_REQUEST');
    await expect(client.queryRefund('RFE2E0001')).resolves.toMatchObject({ status: 'PROCESSING' });

    await expect(fake.completeRefund('RFE2E0001')).resolves.toMatchObject({ status: 204 });
    const refunded = listener.received.at(-1);
    if (!refunded || refunded instanceof Error)
      throw new Error(`refund notification rejected: ${String(refunded)}`);
    expect(refunded.eventType).toBe('REFUND.SUCCESS');
    expect(parseRefundResource(refunded.resource)).toMatchObject({
      out_trade_no: 'LLE2E0001',
      out_refund_no: 'RFE2E0001',
      refund_id: refund.refundId,
      refund_status: 'SUCCESS',
      amount: { total: 1990, refund: 1990 },
    });
    const settled = await client.queryRefund('RFE2E0001');
    expect(settled).toMatchObject({ status: 'SUCCESS', refundId: refund.refundId });
    expect(settled?.successTime).toMatch(/\+08:00$/);
    await expect(client.queryByOutTradeNo('LLE2E0001')).resolves.toMatchObject({ trade_state: 'REFUND' });
    expect(fake.trade('LLE2E0001')).toMatchObject({ state: 'REFUND', paidFen: 1990 });
  });

  it('refuses the same order number with another amount, and knows nothing of unknown numbers', async () => {
    await prepay('LLE2E0002', 500);
    const error = await errorOf(prepay('LLE2E0002', 600));
    expect({ status: error.status, code: error.code }).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    await expect(client.queryByOutTradeNo('LLE2E-NONE')).resolves.toBeNull();
    await expect(client.queryRefund('RF-NONE')).resolves.toBeNull();
  });

  it('closes an unpaid order; it can then be neither paid nor prepaid again', async () => {
    await prepay('LLE2E0003');
    await expect(client.closeOrder('LLE2E0003')).resolves.toBeUndefined();
    await expect(client.closeOrder('LLE2E0003')).resolves.toBeUndefined();
    await expect(client.queryByOutTradeNo('LLE2E0003')).resolves.toMatchObject({ trade_state: 'CLOSED' });
    await expect(fake.pay('LLE2E0003')).rejects.toThrow(/CLOSED/);
    expect((await errorOf(prepay('LLE2E0003'))).code).toBe('ORDER_CLOSED');
  });

  it('answers 401 SIGN_ERROR to a request signed with another merchant key, and logs it unverified', async () => {
    const stranger = new WechatPayClient({
      ...config,
      merchantPrivateKey: generateWechatPayTestKeys().merchant.privateKeyPem,
    });
    const error = await errorOf(stranger.queryByOutTradeNo('LLE2E0001'));
    expect({ status: error.status, code: error.code }).toEqual({ status: 401, code: 'SIGN_ERROR' });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v3/pay/transactions/out-trade-no/LLE2E0001?mchid=${MCHID}`,
      verified: false,
      status: 401,
    });
    expect(fake.requests.filter((request) => request.verified).length).toBeGreaterThan(0);
  });

  it('fails the next request to a path once when told to', async () => {
    fake.failNext('/v3/pay/transactions/jsapi', 500, 'SYSTEM_ERROR');
    const error = await errorOf(prepay('LLE2E0004'));
    expect({ status: error.status, code: error.code }).toEqual({ status: 500, code: 'SYSTEM_ERROR' });
    await expect(prepay('LLE2E0004')).resolves.toHaveProperty('prepayId');
  });

  it('pays without delivering, with another amount, and lets a test post (and tamper with) notifications itself', async () => {
    await prepay('LLE2E0005', 800);
    await expect(fake.pay('LLE2E0005', { amountFen: 1, deliver: false })).resolves.toEqual({
      status: 0,
      body: '',
    });
    await expect(client.queryByOutTradeNo('LLE2E0005')).resolves.toMatchObject({ amount: { total: 1 } });

    const { headers, body } = fake.notificationFor('TRANSACTION.SUCCESS', { out_trade_no: 'LLE2E0005' });
    const replay = await fetch(listener.url, { method: 'POST', headers, body });
    expect(replay.status).toBe(204);
    const forged = await fetch(listener.url, {
      method: 'POST',
      headers,
      body: body.replace('"id":"', '"id":"X'),
    });
    expect(forged.status).toBe(401);
    await expect(forged.json()).resolves.toEqual({ code: 'FAIL', message: '通知签名验证失败' });
    expect((listener.received.at(-1) as NotificationRejectedError).reason).toBe('bad_signature');
  });

  it('settles a refund as CLOSED, which frees the amount for another refund', async () => {
    await prepay('LLE2E0006', 1000);
    await fake.pay('LLE2E0006');
    const first = {
      outTradeNo: 'LLE2E0006',
      outRefundNo: 'RFE2E0061',
      refundFen: 1000,
      totalFen: 1000,
      reason: '',
      notifyUrl: listener.url,
    };
    await client.refund(first);
    await expect(fake.completeRefund('RFE2E0061', 'CLOSED')).resolves.toMatchObject({ status: 204 });
    const closed = listener.received.at(-1) as VerifiedNotification<unknown>;
    expect(closed.eventType).toBe('REFUND.CLOSED');
    expect(parseRefundResource(closed.resource).refund_status).toBe('CLOSED');
    await expect(client.refund({ ...first, outRefundNo: 'RFE2E0062' })).resolves.toMatchObject({
      status: 'PROCESSING',
    });
  });
});

describe('fake WeChat Pay 商家转账, driven by the real transfer client', () => {
  let keys: WechatPayTestKeys;
  let fake: FakeWechatPay;
  let listener: NotifyListener;
  let config: WechatPayConfig;
  let transfers: WechatPayTransferClient;

  beforeAll(async () => {
    keys = generateWechatPayTestKeys();
    const platform = new WechatPayPlatform({
      platformPrivateKey: keys.platform.privateKeyPem,
      platformPublicKeyId: keys.platform.publicKeyId,
      apiV3Key: keys.apiV3Key,
    });
    fake = await startFakeWechatPay({
      mchid: MCHID,
      appid: APPID,
      merchantPublicKeyPem: keys.merchant.publicKeyPem,
      merchantSerialNo: keys.merchant.serialNo,
      platform,
    });
    listener = await startNotifyListener(
      new WechatPayNotificationVerifier({
        platformPublicKey: keys.platform.publicKeyPem,
        platformPublicKeyId: keys.platform.publicKeyId,
        apiV3Key: keys.apiV3Key,
      }),
    );
    config = {
      mchid: MCHID,
      appid: APPID,
      merchantSerialNo: keys.merchant.serialNo,
      merchantPrivateKey: keys.merchant.privateKeyPem,
      apiV3Key: keys.apiV3Key,
      platformPublicKey: keys.platform.publicKeyPem,
      platformPublicKeyId: keys.platform.publicKeyId,
      apiBase: fake.url,
    };
    transfers = new WechatPayTransferClient(config);
  });

  afterAll(async () => {
    await fake?.close();
    await listener?.close();
  });

  const transferInput = (outBillNo: string, amountFen = 1990): TransferBillInput => ({
    outBillNo,
    openid: OPENID,
    amountFen,
    remark: '团长佣金提现',
    sceneId: '1005',
    notifyUrl: listener.url,
    userRecvPerception: '劳务报酬',
    sceneReportInfos: [
      { infoType: '岗位类型', infoContent: '社区团长' },
      { infoType: '报酬说明', infoContent: '2026年11月佣金' },
    ],
  });

  it('creates, confirms, notifies and queries SUCCESS; the same number is the same bill', async () => {
    const created = await transfers.createTransferBill(transferInput('TFE2E0001'));
    expect(created).toMatchObject({ out_bill_no: 'TFE2E0001', state: 'WAIT_USER_CONFIRM' });
    expect(created.transfer_bill_no).toMatch(/^1330000\d{27}$/);
    expect(created.package_info).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(transfers.requestMerchantTransferParams(created.package_info ?? '')).toEqual({
      mchId: MCHID,
      appId: APPID,
      package: created.package_info,
    });
    await expect(transfers.queryTransferBill('TFE2E0001')).resolves.toMatchObject({
      state: 'WAIT_USER_CONFIRM',
      transfer_amount: 1990,
      openid: OPENID,
    });

    const again = await transfers.createTransferBill(transferInput('TFE2E0001'));
    expect(again).toMatchObject({ transfer_bill_no: created.transfer_bill_no, state: 'WAIT_USER_CONFIRM' });
    expect(again.package_info).not.toBe(created.package_info);
    const changed = await errorOf(transfers.createTransferBill(transferInput('TFE2E0001', 1991)));
    expect({ status: changed.status, code: changed.code }).toEqual({ status: 400, code: 'INVALID_REQUEST' });

    await expect(fake.confirmTransfer('TFE2E0001')).resolves.toEqual({ status: 204, body: '' });
    const finished = lastVerified(listener);
    expect(finished.eventType).toBe('MCHTRANSFER.BILL.FINISHED');
    expect(parseTransferBillResource(finished.resource)).toMatchObject({
      mch_id: MCHID,
      out_bill_no: 'TFE2E0001',
      transfer_bill_no: created.transfer_bill_no,
      state: 'SUCCESS',
      transfer_amount: 1990,
      openid: OPENID,
    });

    const settled = await transfers.queryTransferBill('TFE2E0001');
    expect(settled).toMatchObject({ state: 'SUCCESS', transfer_amount: 1990, mch_id: MCHID, appid: APPID });
    expect(settled?.package_info).toBeUndefined();
    await expect(transfers.createTransferBill(transferInput('TFE2E0001'))).resolves.toMatchObject({
      state: 'SUCCESS',
    });
    expect((await errorOf(transfers.cancelTransferBill('TFE2E0001'))).code).toBe('INVALID_REQUEST');
    expect(fake.transferBill('TFE2E0001')).toMatchObject({ state: 'SUCCESS', amountFen: 1990 });
  });

  it('ends a bill the user never confirms as FAIL OVERDUE_CLOSE, notified', async () => {
    await transfers.createTransferBill(transferInput('TFE2E0002'));
    await expect(fake.expireTransfer('TFE2E0002')).resolves.toMatchObject({ status: 204 });
    expect(parseTransferBillResource(lastVerified(listener).resource)).toMatchObject({
      out_bill_no: 'TFE2E0002',
      state: 'FAIL',
      fail_reason: 'OVERDUE_CLOSE',
    });
    await expect(transfers.queryTransferBill('TFE2E0002')).resolves.toMatchObject({
      state: 'FAIL',
      fail_reason: 'OVERDUE_CLOSE',
    });
    await expect(fake.confirmTransfer('TFE2E0002')).rejects.toThrow(/FAIL/);
  });

  it('cancels: CANCELING, then CANCELLED once WeChat completes it, notified', async () => {
    await transfers.createTransferBill(transferInput('TFE2E0003'));
    await expect(transfers.cancelTransferBill('TFE2E0003')).resolves.toMatchObject({
      out_bill_no: 'TFE2E0003',
      state: 'CANCELING',
    });
    await expect(transfers.queryTransferBill('TFE2E0003')).resolves.toMatchObject({ state: 'CANCELING' });
    await expect(fake.confirmTransfer('TFE2E0003')).rejects.toThrow(/CANCELING/);

    await expect(fake.completeCancel('TFE2E0003')).resolves.toMatchObject({ status: 204 });
    expect(parseTransferBillResource(lastVerified(listener).resource)).toMatchObject({
      out_bill_no: 'TFE2E0003',
      state: 'CANCELLED',
    });
    await expect(transfers.queryTransferBill('TFE2E0003')).resolves.toMatchObject({ state: 'CANCELLED' });
    await expect(transfers.cancelTransferBill('TFE2E0003')).resolves.toMatchObject({ state: 'CANCELLED' });
  });

  it('fails with a reason without delivering; knows nothing of unknown numbers', async () => {
    await transfers.createTransferBill(transferInput('TFE2E0004'));
    await expect(
      fake.failTransfer('TFE2E0004', 'TRANSFER_QUOTA_EXCEED', { deliver: false }),
    ).resolves.toEqual({ status: 0, body: '' });
    await expect(transfers.queryTransferBill('TFE2E0004')).resolves.toMatchObject({
      state: 'FAIL',
      fail_reason: 'TRANSFER_QUOTA_EXCEED',
    });
    await expect(transfers.queryTransferBill('TFE2ENONE')).resolves.toBeNull();
    const unknown = await errorOf(transfers.cancelTransferBill('TFE2ENONE'));
    expect({ status: unknown.status, code: unknown.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(fake.transferBill('TFE2ENONE')).toBeUndefined();
  });

  it('after a failed create, the same number and input is the safe retry', async () => {
    fake.failNext('/v3/fund-app/mch-transfer/transfer-bills', 500, 'SYSTEM_ERROR');
    const error = await errorOf(transfers.createTransferBill(transferInput('TFE2E0005')));
    expect({ status: error.status, code: error.code }).toEqual({ status: 500, code: 'SYSTEM_ERROR' });
    await expect(transfers.createTransferBill(transferInput('TFE2E0005'))).resolves.toMatchObject({
      state: 'WAIT_USER_CONFIRM',
    });
  });

  it('refuses transfer calls signed with another merchant key (401 SIGN_ERROR)', async () => {
    const stranger = new WechatPayTransferClient({
      ...config,
      merchantPrivateKey: generateWechatPayTestKeys().merchant.privateKeyPem,
    });
    const error = await errorOf(stranger.createTransferBill(transferInput('TFE2E0006')));
    expect({ status: error.status, code: error.code }).toEqual({ status: 401, code: 'SIGN_ERROR' });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', verified: false, status: 401 });
    expect(fake.transferBill('TFE2E0006')).toBeUndefined();
  });
});
