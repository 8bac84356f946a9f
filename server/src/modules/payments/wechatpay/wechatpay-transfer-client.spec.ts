import { WechatPayApiError, type WechatPayClientOptions } from './wechatpay-http';
import {
  generateWechatPayTestKeys,
  merchantSignatureProblem,
  WechatPayPlatform,
  type WechatPayTestKeys,
} from './wechatpay-platform';
import { WechatPayTransferClient, type TransferBillInput } from './wechatpay-transfer-client';
import type { WechatPayConfig } from './wechatpay-types';

const NOW = new Date('2026-12-07T07:00:00Z');
const API_BASE = 'https://api.mch.weixin.qq.com';
const BILLS = `${API_BASE}/v3/fund-app/mch-transfer/transfer-bills`;

interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

type FakeAnswer =
  | { status: number; body?: string; signed?: boolean; headers?: Record<string, string> }
  | { fail: string }
  | 'hang';

let keys: WechatPayTestKeys;
let platform: WechatPayPlatform;
let foreignPlatform: WechatPayPlatform;

beforeAll(() => {
  keys = generateWechatPayTestKeys();
  const platformOptions = {
    platformPublicKeyId: keys.platform.publicKeyId,
    apiV3Key: keys.apiV3Key,
    now: () => NOW,
  };
  platform = new WechatPayPlatform({ ...platformOptions, platformPrivateKey: keys.platform.privateKeyPem });
  foreignPlatform = new WechatPayPlatform({
    ...platformOptions,
    platformPrivateKey: generateWechatPayTestKeys().platform.privateKeyPem,
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
): { client: WechatPayTransferClient; calls: RecordedCall[] } {
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
  return {
    client: new WechatPayTransferClient(config(), { fetch: fakeFetch, now: () => NOW, ...options }),
    calls,
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

const input: TransferBillInput = {
  outBillNo: 'TF20261207001',
  openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  amountFen: 1990,
  remark: '团长佣金提现',
  sceneId: '1005',
  notifyUrl: 'https://linli.example.com/api/payments/wechatpay/transfer-notify',
  userRecvPerception: '劳务报酬',
  sceneReportInfos: [
    { infoType: '岗位类型', infoContent: '社区团长' },
    { infoType: '报酬说明', infoContent: '2026年11月佣金' },
  ],
};

const created = {
  out_bill_no: 'TF20261207001',
  transfer_bill_no: '1330000071100999991182020050700019480001',
  create_time: '2026-12-07T15:00:00+08:00',
  state: 'WAIT_USER_CONFIRM',
  package_info: 'ABBQO+oYAAABAAAAAAC9pTllbOPG2NPR4YHTZxAAAADnGpepZahT9IkJjn90+1qg9fbPwk1v+iRE=',
};

describe('createTransferBill', () => {
  it('POSTs the documented body, signed, and returns the bill with its package', async () => {
    const { client, calls } = clientAnswering(() => ({ status: 200, body: JSON.stringify(created) }));
    await expect(client.createTransferBill(input)).resolves.toEqual(created);

    const [call] = calls;
    expect(call.method).toBe('POST');
    expect(call.url).toBe(BILLS);
    expect(call.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(call.body)).toEqual({
      appid: 'wxd678efh567hg6787',
      out_bill_no: 'TF20261207001',
      transfer_scene_id: '1005',
      openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      transfer_amount: 1990,
      transfer_remark: '团长佣金提现',
      notify_url: 'https://linli.example.com/api/payments/wechatpay/transfer-notify',
      user_recv_perception: '劳务报酬',
      transfer_scene_report_infos: [
        { info_type: '岗位类型', info_content: '社区团长' },
        { info_type: '报酬说明', info_content: '2026年11月佣金' },
      ],
    });
    expect(call.body).not.toContain('user_name');
    expectSignedByMerchant(call);
  });

  it('leaves user_recv_perception out when none is given (WeChat shows the scene default)', async () => {
    const { client, calls } = clientAnswering(() => ({ status: 200, body: JSON.stringify(created) }));
    await client.createTransferBill({ ...input, userRecvPerception: undefined });
    expect(JSON.parse(calls[0].body)).not.toHaveProperty('user_recv_perception');
  });

  it('refuses, before calling, 2000 yuan or more (a real name would be needed) and malformed input', async () => {
    const { client, calls } = clientAnswering(() => ({ status: 200, body: JSON.stringify(created) }));
    await expect(client.createTransferBill({ ...input, amountFen: 200_000 })).rejects.toThrow(
      /2000 元.*user_name/,
    );
    await expect(client.createTransferBill({ ...input, amountFen: 199_999 })).resolves.toBeDefined();
    const refused: Array<Partial<TransferBillInput>> = [
      { amountFen: 0 },
      { amountFen: 19.9 },
      { outBillNo: 'TF-2026-12-07' },
      { outBillNo: 'T'.repeat(33) },
      { remark: '' },
      { remark: '佣'.repeat(33) },
      { openid: '' },
      { sceneReportInfos: [] },
      { sceneReportInfos: [{ infoType: '岗位类型', infoContent: '' }] },
    ];
    for (const overrides of refused) {
      await expect(client.createTransferBill({ ...input, ...overrides })).rejects.toThrow(RangeError);
    }
    await expect(client.createTransferBill({ ...input, remark: '佣'.repeat(32) })).resolves.toBeDefined();
    expect(calls).toHaveLength(2);
  });

  it('accepts other states without a package, but not WAIT_USER_CONFIRM without one', async () => {
    const accepted = { ...created, state: 'ACCEPTED', package_info: undefined };
    const ok = clientAnswering(() => ({ status: 200, body: JSON.stringify(accepted) }));
    await expect(ok.client.createTransferBill(input)).resolves.toMatchObject({ state: 'ACCEPTED' });

    const noPackage = clientAnswering(() => ({
      status: 200,
      body: JSON.stringify({ ...created, package_info: undefined }),
    }));
    const error = await errorOf(noPackage.client.createTransferBill(input));
    expect({ status: error.status, code: error.code }).toEqual({ status: 200, code: 'BAD_RESPONSE' });

    const unknownState = clientAnswering(() => ({
      status: 200,
      body: JSON.stringify({ ...created, state: 'DONE' }),
    }));
    expect((await errorOf(unknownState.client.createTransferBill(input))).code).toBe('BAD_RESPONSE');
  });

  it('never trusts an unsigned, foreign-signed, tampered or stale success', async () => {
    const body = JSON.stringify(created);
    const cases: FakeAnswer[] = [
      { status: 200, body, signed: false },
      { status: 200, body, signed: false, headers: foreignPlatform.signedResponseHeaders(body) },
      {
        status: 200,
        body: body.replace('WAIT_USER_CONFIRM', 'SUCCESS'),
        signed: false,
        headers: platform.signedResponseHeaders(body),
      },
      { status: 200, body, headers: { 'Wechatpay-Timestamp': String(NOW.getTime() / 1000 - 600) } },
    ];
    for (const answer of cases) {
      const { client } = clientAnswering(() => answer);
      const error = await errorOf(client.createTransferBill(input));
      expect({ status: error.status, code: error.code }).toEqual({ status: 200, code: 'BAD_SIGNATURE' });
    }
  });

  it('turns error bodies, unreadable errors, network failures and timeouts into WechatPayApiError', async () => {
    const refused = clientAnswering(() => ({
      status: 400,
      body: '{"code":"PARAM_ERROR","message":"需传入转账场景报备信息,请检查"}',
      signed: false,
    }));
    const error = await errorOf(refused.client.createTransferBill(input));
    expect({ status: error.status, code: error.code, message: error.message }).toEqual({
      status: 400,
      code: 'PARAM_ERROR',
      message: '需传入转账场景报备信息,请检查',
    });

    const gateway = clientAnswering(() => ({ status: 502, body: '<html>Bad Gateway</html>', signed: false }));
    expect((await errorOf(gateway.client.createTransferBill(input))).code).toBe('HTTP_502');

    const down = clientAnswering(() => ({ fail: 'connect ECONNREFUSED' }));
    const refusedConnection = await errorOf(down.client.createTransferBill(input));
    expect({ status: refusedConnection.status, code: refusedConnection.code }).toEqual({
      status: 0,
      code: 'NETWORK',
    });

    const silent = clientAnswering(() => 'hang', { timeoutMs: 20 });
    const timedOut = await errorOf(silent.client.createTransferBill(input));
    expect({ status: timedOut.status, code: timedOut.code }).toEqual({ status: 0, code: 'NETWORK' });
    expect(timedOut.message).toContain('超时');
  });
});

describe('queryTransferBill', () => {
  const queried = {
    mch_id: '1230000109',
    out_bill_no: 'TF20261207001',
    transfer_bill_no: '1330000071100999991182020050700019480001',
    appid: 'wxd678efh567hg6787',
    state: 'SUCCESS',
    transfer_amount: 1990,
    transfer_remark: '团长佣金提现',
    openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    create_time: '2026-12-07T15:00:00+08:00',
    update_time: '2026-12-07T15:02:00+08:00',
  };

  it('GETs by out_bill_no, signed over the path with an empty body', async () => {
    const { client, calls } = clientAnswering(() => ({ status: 200, body: JSON.stringify(queried) }));
    await expect(client.queryTransferBill('TF20261207001')).resolves.toEqual(queried);
    expect(calls[0].method).toBe('GET');
    expect(calls[0].url).toBe(`${BILLS}/out-bill-no/TF20261207001`);
    expect(calls[0].body).toBe('');
    expect(calls[0].headers.get('content-type')).toBeNull();
    expectSignedByMerchant(calls[0]);
  });

  it('answers null for 404 NOT_FOUND and throws for other errors', async () => {
    const missing = clientAnswering(() => ({
      status: 404,
      body: '{"code":"NOT_FOUND","message":"记录不存在"}',
    }));
    await expect(missing.client.queryTransferBill('TF404')).resolves.toBeNull();

    const limited = clientAnswering(() => ({
      status: 429,
      body: '{"code":"FREQUENCY_LIMITED","message":"频率超限"}',
    }));
    expect((await errorOf(limited.client.queryTransferBill('TF1'))).code).toBe('FREQUENCY_LIMITED');
  });

  it('keeps fail_reason and refuses an answer without amount or with a fractional one', async () => {
    const failed = { ...queried, state: 'FAIL', fail_reason: 'OVERDUE_CLOSE' };
    const ok = clientAnswering(() => ({ status: 200, body: JSON.stringify(failed) }));
    await expect(ok.client.queryTransferBill('TF1')).resolves.toMatchObject({ fail_reason: 'OVERDUE_CLOSE' });

    for (const amount of [undefined, 19.9, '1990']) {
      const { client } = clientAnswering(() => ({
        status: 200,
        body: JSON.stringify({ ...queried, transfer_amount: amount }),
      }));
      expect((await errorOf(client.queryTransferBill('TF1'))).code).toBe('BAD_RESPONSE');
    }
  });

  it('refuses an out_bill_no WeChat could not hold, without calling', async () => {
    const { client, calls } = clientAnswering(() => ({ status: 200, body: JSON.stringify(queried) }));
    await expect(client.queryTransferBill('TF/../x')).rejects.toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });
});

describe('cancelTransferBill', () => {
  it('POSTs to …/cancel with no body, signed, and returns the CANCELING bill', async () => {
    const answer = {
      out_bill_no: 'TF20261207001',
      transfer_bill_no: '1330000071100999991182020050700019480001',
      state: 'CANCELING',
      update_time: '2026-12-07T15:05:00+08:00',
    };
    const { client, calls } = clientAnswering(() => ({ status: 200, body: JSON.stringify(answer) }));
    await expect(client.cancelTransferBill('TF20261207001')).resolves.toEqual(answer);
    expect(calls[0].method).toBe('POST');
    expect(calls[0].url).toBe(`${BILLS}/out-bill-no/TF20261207001/cancel`);
    expect(calls[0].body).toBe('');
    expect(calls[0].headers.get('content-type')).toBeNull();
    expectSignedByMerchant(calls[0]);
  });

  it('reports a refused cancel and an unsigned success', async () => {
    const refused = clientAnswering(() => ({
      status: 400,
      body: '{"code":"INVALID_REQUEST","message":"转账单已SUCCESS,不可撤销"}',
    }));
    expect((await errorOf(refused.client.cancelTransferBill('TF1'))).code).toBe('INVALID_REQUEST');

    const unsigned = clientAnswering(() => ({
      status: 200,
      body: '{"out_bill_no":"TF1","transfer_bill_no":"1","state":"CANCELLED"}',
      signed: false,
    }));
    expect((await errorOf(unsigned.client.cancelTransferBill('TF1'))).code).toBe('BAD_SIGNATURE');
  });
});

describe('requestMerchantTransferParams', () => {
  it('gives wx.requestMerchantTransfer the merchant, the app and the package', () => {
    const { client } = clientAnswering(() => ({ status: 500 }));
    expect(client.requestMerchantTransferParams(created.package_info)).toEqual({
      mchId: '1230000109',
      appId: 'wxd678efh567hg6787',
      package: created.package_info,
    });
  });
});
