import { requestPaymentMessage, verifySha256WithRsa } from './wechatpay-crypto';
import { WechatPayApiError, WechatPayClient, type WechatPayClientOptions } from './wechatpay-client';
import {
  generateWechatPayTestKeys,
  merchantSignatureProblem,
  WechatPayPlatform,
  type WechatPayTestKeys,
} from './wechatpay-platform';
import type { WechatPayConfig } from './wechatpay-types';

const NOW = new Date('2026-12-07T07:00:00Z');
const API_BASE = 'https://api.mch.weixin.qq.com';

interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/** How the fake answers one call: a response, a network failure, or silence until the client gives up. */
type FakeAnswer =
  | { status: number; body?: string; signed?: boolean; headers?: Record<string, string> }
  | { fail: string }
  | 'hang';

let keys: WechatPayTestKeys;
let otherKeys: WechatPayTestKeys;
let platform: WechatPayPlatform;
let foreignPlatform: WechatPayPlatform;

beforeAll(() => {
  keys = generateWechatPayTestKeys();
  otherKeys = generateWechatPayTestKeys();
  platform = new WechatPayPlatform({
    platformPrivateKey: keys.platform.privateKeyPem,
    platformPublicKeyId: keys.platform.publicKeyId,
    apiV3Key: keys.apiV3Key,
    now: () => NOW,
  });
  foreignPlatform = new WechatPayPlatform({
    platformPrivateKey: otherKeys.platform.privateKeyPem,
    platformPublicKeyId: keys.platform.publicKeyId,
    apiV3Key: keys.apiV3Key,
    now: () => NOW,
  });
});

function config(): WechatPayConfig {
  return {
    mchid: '1230000109',
    appid: 'wxd678efh567hg6787',
    merchantSerialNo: keys.merchant.serialNo,
    merchantPrivateKey: keys.merchant.privateKeyPem,
    apiV3Key: keys.apiV3Key,
    platformPublicKey: keys.platform.publicKeyPem,
    platformPublicKeyId: keys.platform.publicKeyId,
  };
}

function clientAnswering(
  answer: (call: RecordedCall) => FakeAnswer,
  options: WechatPayClientOptions = {},
): { client: WechatPayClient; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fakeFetch: typeof fetch = async (input, init) => {
    const call = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : '',
    };
    calls.push(call);
    const planned = answer(call);
    if (planned === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('The operation was aborted')));
      });
    }
    if ('fail' in planned) throw new TypeError(planned.fail);
    const body = planned.body ?? '';
    const signedHeaders = planned.signed === false ? {} : platform.signedResponseHeaders(body);
    return new Response(body === '' ? null : body, {
      status: planned.status,
      headers: { 'Content-Type': 'application/json', ...signedHeaders, ...planned.headers },
    });
  };
  return { client: new WechatPayClient(config(), { fetch: fakeFetch, now: () => NOW, ...options }), calls };
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

/** The call was signed by the merchant, as WeChat would check it. */
function expectSignedByMerchant(call: RecordedCall): void {
  const url = new URL(call.url);
  const problem = merchantSignatureProblem(
    {
      method: call.method,
      urlPathWithQuery: `${url.pathname}${url.search}`,
      body: call.body,
      authorization: call.headers.get('authorization') ?? undefined,
    },
    {
      mchid: '1230000109',
      merchantSerialNo: keys.merchant.serialNo,
      merchantPublicKey: keys.merchant.publicKeyPem,
      now: () => NOW,
    },
  );
  expect(problem).toBeNull();
  expect(call.headers.get('wechatpay-serial')).toBe(keys.platform.publicKeyId);
  expect(call.headers.get('accept')).toBe('application/json');
}

const prepayInput = {
  description: '邻里团购-订单LL20261207001',
  outTradeNo: 'LL20261207001',
  amountFen: 1990,
  payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  notifyUrl: 'https://linli.example.com/api/payments/wechatpay/notify',
  timeExpire: new Date('2026-12-07T07:30:00Z'),
};

describe('createJsapiPrepay', () => {
  it('POSTs the documented body, signed, and returns the prepay id', async () => {
    const { client, calls } = clientAnswering(() => ({ status: 200, body: '{"prepay_id":"wx07153000abc"}' }));
    await expect(client.createJsapiPrepay(prepayInput)).resolves.toEqual({ prepayId: 'wx07153000abc' });

    const [call] = calls;
    expect(call.method).toBe('POST');
    expect(call.url).toBe(`${API_BASE}/v3/pay/transactions/jsapi`);
    expect(call.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(call.body)).toEqual({
      appid: 'wxd678efh567hg6787',
      mchid: '1230000109',
      description: '邻里团购-订单LL20261207001',
      out_trade_no: 'LL20261207001',
      time_expire: '2026-12-07T15:30:00+08:00',
      notify_url: 'https://linli.example.com/api/payments/wechatpay/notify',
      amount: { total: 1990, currency: 'CNY' },
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    });
    expectSignedByMerchant(call);
  });

  it('uses a configured API base', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      const body = '{"prepay_id":"wx1"}';
      return new Response(body, { status: 200, headers: platform.signedResponseHeaders(body) });
    };
    const client = new WechatPayClient(
      { ...config(), apiBase: 'http://127.0.0.1:9999/' },
      { fetch: fakeFetch, now: () => NOW },
    );
    await client.createJsapiPrepay(prepayInput);
    expect(calls).toEqual(['http://127.0.0.1:9999/v3/pay/transactions/jsapi']);
  });

  it('refuses an amount that is not a positive integer of fen before calling', async () => {
    const { client, calls } = clientAnswering(() => ({ status: 200, body: '{"prepay_id":"wx1"}' }));
    await expect(client.createJsapiPrepay({ ...prepayInput, amountFen: 19.9 })).rejects.toThrow(RangeError);
    await expect(client.createJsapiPrepay({ ...prepayInput, amountFen: 0 })).rejects.toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });

  it('never trusts an unsigned, foreign-signed, tampered, stale or other-key-id success', async () => {
    const body = '{"prepay_id":"wx1"}';
    const cases: FakeAnswer[] = [
      { status: 200, body, signed: false },
      { status: 200, body, signed: false, headers: foreignPlatform.signedResponseHeaders(body) },
      {
        status: 200,
        body: '{"prepay_id":"wx2"}',
        signed: false,
        headers: platform.signedResponseHeaders(body),
      },
      { status: 200, body, headers: { 'Wechatpay-Serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' } },
      { status: 200, body, headers: { 'Wechatpay-Timestamp': String(NOW.getTime() / 1000 - 600) } },
    ];
    for (const answer of cases) {
      const { client } = clientAnswering(() => answer);
      const error = await errorOf(client.createJsapiPrepay(prepayInput));
      expect({ status: error.status, code: error.code }).toEqual({ status: 200, code: 'BAD_SIGNATURE' });
    }
  });

  it('reports a signed answer without a prepay id as BAD_RESPONSE', async () => {
    const { client } = clientAnswering(() => ({ status: 200, body: '{"prepay":"wx1"}' }));
    expect((await errorOf(client.createJsapiPrepay(prepayInput))).code).toBe('BAD_RESPONSE');
  });

  it('turns WeChat error bodies into WechatPayApiError', async () => {
    const { client } = clientAnswering(() => ({
      status: 400,
      body: '{"code":"INVALID_REQUEST","message":"201 商户订单号重复"}',
      signed: false,
    }));
    const error = await errorOf(client.createJsapiPrepay(prepayInput));
    expect({ status: error.status, code: error.code, message: error.message }).toEqual({
      status: 400,
      code: 'INVALID_REQUEST',
      message: '201 商户订单号重复',
    });
  });

  it('keeps the HTTP status when the error body is not JSON', async () => {
    const { client } = clientAnswering(() => ({
      status: 502,
      body: '<html>Bad Gateway</html>',
      signed: false,
    }));
    const error = await errorOf(client.createJsapiPrepay(prepayInput));
    expect({ status: error.status, code: error.code }).toEqual({ status: 502, code: 'HTTP_502' });
  });

  it('reports network failures and timeouts as status 0 NETWORK', async () => {
    const down = clientAnswering(() => ({ fail: 'connect ECONNREFUSED' }));
    const refused = await errorOf(down.client.createJsapiPrepay(prepayInput));
    expect({ status: refused.status, code: refused.code }).toEqual({ status: 0, code: 'NETWORK' });

    const silent = clientAnswering(() => 'hang', { timeoutMs: 20 });
    const timedOut = await errorOf(silent.client.createJsapiPrepay(prepayInput));
    expect({ status: timedOut.status, code: timedOut.code }).toEqual({ status: 0, code: 'NETWORK' });
    expect(timedOut.message).toContain('超时');
  });
});

describe('requestPaymentParams', () => {
  it('signs appId, timeStamp, nonceStr and package with the merchant key', () => {
    const { client } = clientAnswering(() => ({ status: 500 }));
    const params = client.requestPaymentParams('wx07153000abc');
    expect(params).toMatchObject({
      appId: 'wxd678efh567hg6787',
      timeStamp: String(NOW.getTime() / 1000),
      package: 'prepay_id=wx07153000abc',
      signType: 'RSA',
    });
    expect(params.nonceStr).toMatch(/^[0-9A-F]{32}$/);
    const message = requestPaymentMessage({ ...params, packageValue: params.package });
    expect(verifySha256WithRsa(message, params.paySign, keys.merchant.publicKeyPem)).toBe(true);
  });
});

describe('queryByOutTradeNo', () => {
  const paid = {
    appid: 'wxd678efh567hg6787',
    mchid: '1230000109',
    out_trade_no: 'LL20261207001',
    transaction_id: '4200000001202612070000000001',
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    success_time: '2026-12-07T15:10:00+08:00',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    amount: { total: 1990, payer_total: 1990, currency: 'CNY', payer_currency: 'CNY' },
  };

  it('GETs by out_trade_no with the mchid query, signed over path and query with an empty body', async () => {
    const { client, calls } = clientAnswering(() => ({ status: 200, body: JSON.stringify(paid) }));
    await expect(client.queryByOutTradeNo('LL20261207001')).resolves.toEqual(paid);
    expect(calls[0].method).toBe('GET');
    expect(calls[0].url).toBe(`${API_BASE}/v3/pay/transactions/out-trade-no/LL20261207001?mchid=1230000109`);
    expect(calls[0].body).toBe('');
    expect(calls[0].headers.get('content-type')).toBeNull();
    expectSignedByMerchant(calls[0]);
  });

  it('answers null for 404 ORDER_NOT_EXIST and throws for other 404s', async () => {
    const missing = clientAnswering(() => ({
      status: 404,
      body: '{"code":"ORDER_NOT_EXIST","message":"订单不存在"}',
    }));
    await expect(missing.client.queryByOutTradeNo('LL404')).resolves.toBeNull();

    const other = clientAnswering(() => ({ status: 404, body: '{"code":"NOT_FOUND","message":"no route"}' }));
    expect((await errorOf(other.client.queryByOutTradeNo('LL404'))).code).toBe('NOT_FOUND');
  });

  it('refuses a paid transaction without its amount', async () => {
    const { client } = clientAnswering(() => ({
      status: 200,
      body: JSON.stringify({ ...paid, amount: undefined }),
    }));
    expect((await errorOf(client.queryByOutTradeNo('LL20261207001'))).code).toBe('BAD_RESPONSE');
  });
});

describe('closeOrder', () => {
  it('POSTs {mchid} and accepts a signed 204', async () => {
    const { client, calls } = clientAnswering(() => ({ status: 204 }));
    await expect(client.closeOrder('LL20261207001')).resolves.toBeUndefined();
    expect(calls[0].url).toBe(`${API_BASE}/v3/pay/transactions/out-trade-no/LL20261207001/close`);
    expect(JSON.parse(calls[0].body)).toEqual({ mchid: '1230000109' });
    expectSignedByMerchant(calls[0]);
  });

  it('refuses an unsigned 204 and reports ORDERPAID', async () => {
    const unsigned = clientAnswering(() => ({ status: 204, signed: false }));
    expect((await errorOf(unsigned.client.closeOrder('LL1'))).code).toBe('BAD_SIGNATURE');

    const paid = clientAnswering(() => ({
      status: 400,
      body: '{"code":"ORDERPAID","message":"订单已支付"}',
    }));
    const error = await errorOf(paid.client.closeOrder('LL1'));
    expect({ status: error.status, code: error.code }).toEqual({ status: 400, code: 'ORDERPAID' });
  });
});

describe('refund', () => {
  const answer = {
    refund_id: '50000000382019052709732678859',
    out_refund_no: 'RF20261207001',
    transaction_id: '4200000001202612070000000001',
    out_trade_no: 'LL20261207001',
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    create_time: '2026-12-07T15:40:00+08:00',
    status: 'PROCESSING',
    amount: { total: 1990, refund: 990, payer_total: 1990, payer_refund: 990, currency: 'CNY' },
  };

  it('POSTs the documented body and returns the refund id and status', async () => {
    const { client, calls } = clientAnswering(() => ({ status: 200, body: JSON.stringify(answer) }));
    await expect(
      client.refund({
        outTradeNo: 'LL20261207001',
        outRefundNo: 'RF20261207001',
        refundFen: 990,
        totalFen: 1990,
        reason: '团长取消',
        notifyUrl: 'https://linli.example.com/api/payments/wechatpay/refund-notify',
      }),
    ).resolves.toEqual({ refundId: answer.refund_id, status: 'PROCESSING', outRefundNo: 'RF20261207001' });
    expect(calls[0].url).toBe(`${API_BASE}/v3/refund/domestic/refunds`);
    expect(JSON.parse(calls[0].body)).toEqual({
      out_trade_no: 'LL20261207001',
      out_refund_no: 'RF20261207001',
      reason: '团长取消',
      notify_url: 'https://linli.example.com/api/payments/wechatpay/refund-notify',
      amount: { refund: 990, total: 1990, currency: 'CNY' },
    });
    expectSignedByMerchant(calls[0]);
  });

  it('queries a refund by out_refund_no; null when WeChat has none', async () => {
    const done = { ...answer, status: 'SUCCESS', success_time: '2026-12-07T15:41:00+08:00' };
    const { client, calls } = clientAnswering(() => ({ status: 200, body: JSON.stringify(done) }));
    await expect(client.queryRefund('RF20261207001')).resolves.toEqual({
      refundId: answer.refund_id,
      status: 'SUCCESS',
      outRefundNo: 'RF20261207001',
      successTime: '2026-12-07T15:41:00+08:00',
    });
    expect(calls[0].url).toBe(`${API_BASE}/v3/refund/domestic/refunds/RF20261207001`);
    expectSignedByMerchant(calls[0]);

    const missing = clientAnswering(() => ({
      status: 404,
      body: '{"code":"RESOURCE_NOT_EXISTS","message":"退款单不存在"}',
    }));
    await expect(missing.client.queryRefund('RF404')).resolves.toBeNull();
  });

  it('refuses an unknown refund status', async () => {
    const { client } = clientAnswering(() => ({
      status: 200,
      body: JSON.stringify({ ...answer, status: 'DONE' }),
    }));
    expect((await errorOf(client.queryRefund('RF1'))).code).toBe('BAD_RESPONSE');
  });
});

describe('configuration', () => {
  it('refuses an APIv3 key that is not 32 bytes', () => {
    expect(() => new WechatPayClient({ ...config(), apiV3Key: 'short' })).toThrow(/32 bytes/);
  });
});
