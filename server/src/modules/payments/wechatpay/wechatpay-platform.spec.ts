import { buildAuthorization, signSha256WithRsa, verifySha256WithRsa } from './wechatpay-crypto';
import { decryptResource } from './wechatpay-crypto';
import {
  generateWechatPayTestKeys,
  merchantSignatureProblem,
  newTransferBillNo,
  newTransferPackageInfo,
  WechatPayPlatform,
} from './wechatpay-platform';

const NOW = new Date('2026-12-07T07:30:00Z');

describe('generateWechatPayTestKeys', () => {
  it('makes matching RSA key pairs and identifiers shaped like the real ones', () => {
    const keys = generateWechatPayTestKeys();
    expect(keys.merchant.serialNo).toMatch(/^[0-9A-F]{40}$/);
    expect(keys.platform.publicKeyId).toMatch(/^PUB_KEY_ID_\d{32}$/);
    expect(keys.apiV3Key).toMatch(/^[A-Za-z0-9]{32}$/);
    for (const pair of [keys.merchant, keys.platform]) {
      expect(pair.privateKeyPem).toContain('BEGIN PRIVATE KEY');
      expect(pair.publicKeyPem).toContain('BEGIN PUBLIC KEY');
      expect(verifySha256WithRsa('m', signSha256WithRsa('m', pair.privateKeyPem), pair.publicKeyPem)).toBe(
        true,
      );
    }
    expect(generateWechatPayTestKeys().apiV3Key).not.toBe(keys.apiV3Key);
  });
});

describe('WechatPayPlatform', () => {
  const keys = generateWechatPayTestKeys();
  const platform = new WechatPayPlatform({
    platformPrivateKey: keys.platform.privateKeyPem,
    platformPublicKeyId: keys.platform.publicKeyId,
    apiV3Key: keys.apiV3Key,
    now: () => NOW,
  });

  it('writes a notification body of the documented shape', () => {
    const { headers, body } = platform.notification('REFUND.ABNORMAL', { out_refund_no: 'RF1' });
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': String(NOW.getTime() / 1000),
      'Wechatpay-Serial': keys.platform.publicKeyId,
    });
    const parsed = JSON.parse(body) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      create_time: '2026-12-07T15:30:00+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'REFUND.ABNORMAL',
      summary: '退款异常',
      resource: { original_type: 'refund', algorithm: 'AEAD_AES_256_GCM', associated_data: 'refund' },
    });
    expect(parsed.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes 商家转账 notifications as WeChat does: original_type and associated_data mch_payment', () => {
    const { body } = platform.notification('MCHTRANSFER.BILL.FINISHED', { out_bill_no: 'TF1' });
    const parsed = JSON.parse(body) as {
      summary: string;
      resource: { original_type: string; associated_data: string; ciphertext: string; nonce: string };
    };
    expect(parsed.summary).toBe('商家转账单据终态通知');
    expect(parsed.resource).toMatchObject({ original_type: 'mch_payment', associated_data: 'mch_payment' });
    const { ciphertext, nonce, associated_data: associatedData } = parsed.resource;
    expect(JSON.parse(decryptResource({ ciphertext, nonce, associatedData }, keys.apiV3Key))).toEqual({
      out_bill_no: 'TF1',
    });
  });

  it('keeps a given id and summary (WeChat resends the same id on retries)', () => {
    const { body } = platform.notification('TRANSACTION.SUCCESS', {}, { id: 'EV-7', summary: '自定义' });
    expect(JSON.parse(body)).toMatchObject({ id: 'EV-7', summary: '自定义' });
  });
});

describe('transfer bill identifiers', () => {
  it("look like WeChat's: a 34-digit bill number with the Beijing date, an opaque base64 package", () => {
    expect(newTransferBillNo(NOW)).toMatch(/^1330000261207\d{21}$/);
    expect(newTransferBillNo(NOW)).not.toBe(newTransferBillNo(NOW));
    expect(newTransferPackageInfo()).toMatch(/^[A-Za-z0-9+/]{150}=*$/);
  });
});

describe('merchantSignatureProblem', () => {
  const keys = generateWechatPayTestKeys();
  const merchant = {
    mchid: '1230000109',
    merchantSerialNo: keys.merchant.serialNo,
    merchantPublicKey: keys.merchant.publicKeyPem,
    now: () => NOW,
  };
  const request = { method: 'POST', urlPathWithQuery: '/v3/pay/transactions/jsapi', body: '{"a":1}' };
  const authorization = (overrides: Partial<Parameters<typeof buildAuthorization>[0]> = {}) =>
    buildAuthorization({
      ...request,
      mchid: '1230000109',
      serialNo: keys.merchant.serialNo,
      privateKey: keys.merchant.privateKeyPem,
      timestamp: NOW.getTime() / 1000,
      ...overrides,
    });

  it('accepts a good signature and names what is wrong otherwise', () => {
    expect(merchantSignatureProblem({ ...request, authorization: authorization() }, merchant)).toBeNull();
    const problemOf = (overrides: object, authorizationHeader?: string) =>
      merchantSignatureProblem({ ...request, ...overrides, authorization: authorizationHeader }, merchant);
    expect(problemOf({})).toMatch(/Authorization/);
    expect(problemOf({}, authorization({ mchid: '999' }))).toMatch(/商户号/);
    expect(problemOf({}, authorization({ serialNo: 'ABC' }))).toMatch(/序列号/);
    expect(problemOf({}, authorization({ timestamp: NOW.getTime() / 1000 - 3600 }))).toMatch(/时间戳/);
    expect(problemOf({ body: '{"a":2}' }, authorization())).toMatch(/签名/);
    expect(problemOf({ urlPathWithQuery: '/v3/other' }, authorization())).toMatch(/签名/);
  });
});
