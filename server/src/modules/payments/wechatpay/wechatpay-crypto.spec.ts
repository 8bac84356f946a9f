import { createPublicKey } from 'node:crypto';
import {
  buildAuthorization,
  decryptResource,
  encryptResource,
  newNonce,
  parseAuthorization,
  requestPaymentMessage,
  requestSignatureMessage,
  signAsPlatform,
  signRequestPayment,
  signSha256WithRsa,
  verifySha256WithRsa,
  verifyWechatpaySignature,
} from './wechatpay-crypto';
import { generateWechatPayTestKeys, type WechatPayTestKeys } from './wechatpay-platform';

/**
 * Known vectors made outside this code: the docs' example messages signed with `openssl dgst -sha256
 * -sign key.pem | openssl base64 -A` (the command the docs show), and an AES-256-GCM resource sealed by
 * Python's `cryptography` AESGCM (ciphertext ‖ 16-byte tag). Only the public key is kept.
 */
const VECTOR_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyd78WbjERww8I+768sfB
S6Jo4RTNhlB+vSBRup98HB+iBZiBzceVmj1yHUpoiT28pXixQ8Py5ovUEHT/92B4
p3XEMJ4J1Pm8vMhwIINvS/RDKVU+FEl2TMAAtDZezgMrNLjwXx1wxjLgBtkfXLqR
eC+/vGkwMNoLXUrHDU7lV6GLzdYSWuRDd0wwc3R2XsYaGfD9RJ7vI6FNfnovnaWI
GyvoB5bEKPJ40vDizjG9/sbyqS8Ay/s9nYVF3DZj/fuD0P2JWe+oTL7lwnqMB5I5
FKjd9HDnXHst7buXPUUQyDEr5viUBttXKMn29/77XT5hnIFjs4FGyAG8fofNi3c+
EQIDAQAB
-----END PUBLIC KEY-----`;

const OPENSSL_SIGNATURES = {
  /** `wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx2014…5100\n` */
  paySign:
    'nF0QjamN/u+Q0eAagNbRLg78/Yyv4BCejwG7LVcNneXlLum7ujc9fumbAwlTWnj1yRof6pTt5vnODAiWw1YcpLnXkuGW31hky27bXwuSFwwa1IdIay2hDIEqXEj/sQsom7Z+xormHRXP9bMoD3yvlMh9hzYcr9XhIqxR7vvPqVH6X3IPk3JsX4VtIov24WOOca4P20LzYzqvXAnFqmg/B5u5Ck+SughWGOhFTdu3I+CwPvHkj1vifKnfaGYafygm9r4R1UaIontwy17kFlD3eAdJOOA2ZtzQqS9R1tN2uRKgOrNe9jcfelUxCzcR8/JjdiXbNMwVzR2cmO5EeLLH9Q==',
  /** `GET\n/v3/refund/domestic/refunds/123123123123\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n` */
  getRequest:
    'LeJugIDZkRtpXGVPaXiE3V1kWJJm+2iytbBwSrIXkPtYgHbdz4vpwehps5Ru3cJIC5J0NY888oLe/yvDzBCh9RibMzNdIqKbXfY5CPgH6z58DoDgPwjuzsh666UaqBix2cHhvxY5FS2dfDQcm/zSg8tfTP1Ipzj7GOH3tuOI0XatXHniD5b129dIsFyUPsG222t6Ufg6GK0LvUMDxArHdbJpiKRFP3qZuRzGMXHaDDAkk02QgOx1bJp/c/9BONOzYBtvNCam6Ts5xePQ40HaLTDrzdeZeCQWUjHjCO3rzu+YIIq81nfMBqfvpgS6l15dqjGlFYl7Yl2ylWdCdWGYog==',
  /** `POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"appid":…}\n` */
  postRequest:
    'FwlrspyLTMCf2DRvJB4c54TIomYpCvxJU+if4ZLyxJpTTGVWfEFRiRJuYoPWGMcLXLI8tBV5sPEqfiaiBLEEBCygqV+5uRbRxqSL3+n3LUpkezPKiZ3VOjz2upYCLC/yr5a3PQPIV8XASbYyUOUQdQxXBlOIMLGDjTQSutScgvEBDftUu+ZIM9XexKz9lJ7tmDPEsHtO5VD2ShfHCt0XJI6/sejjfNV5NUeTBod49GHcs3qZ8q4Ti44tfLmSQ3IIzGO1KtGLvIT1SQYckes8B/GBf5xWHC1+4QgieVOcTnsdNRcs+HiydZt5cMptfa2Lxv2VcZtr8f9xjehxGxTZwA==',
  /** `1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{"prepay_id":"wx26112221580621e9b071c00d9e093b0000"}\n` */
  response:
    'Zncwccvn+nOsTklckfyKW7daDRBbNlfMB77XQnNO5zIvSf0xLSA7h8A7/QWIrt2R9ItwOSSTw05sLlK3eVCiSVwBt6RgDUboISsURi+xyb3//EI4syr3ZxeinQS1xbWNnfwqySI645274vIsSRRTGyRemVZpl0Ty+NVhECT7t8O8SGWr2NSj6TOzacv1TF3SMlnl6n1aJQpSqYeTUES8jhlZGEkUaMPYHHFFoEQuRunjQi2QrbpbGj+X3FNrW4kkDGzn18DCXfpYdOZJ5LVTEOOAnMZ0N5jj+hq3ANybcHGq/13Cak7TXmXTxbnZaNxrv6FXd0USWkyIxGBt2Me/MA==',
};

const AES_VECTOR = {
  apiV3Key: '0123456789abcdefABCDEFGHIJKLMNOP',
  nonce: 'fdasflkja484',
  associatedData: 'transaction',
  ciphertext:
    'pDB3+/3bStbncuYFcOIe/b5Cz3xXIUMDl47X3u92vcaIvZguj8WibN48Xmbu9EXabFLS/Edtu0QnAbkULGdBSdlN6Z2JiXQ9msHPl8Wx9sGFZECQdho6XYrdbBHVTmDA',
  plaintext: '{"out_trade_no":"LL20261207001","trade_state":"SUCCESS","amount":{"total":1990}}',
};

describe('known vectors (independent implementations)', () => {
  it('builds the paySign message of the docs byte for byte', () => {
    const message = requestPaymentMessage({
      appId: 'wx8888888888888888',
      timeStamp: '1414561699',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      packageValue: 'prepay_id=wx201410272009395522657a690389285100',
    });
    expect(verifySha256WithRsa(message, OPENSSL_SIGNATURES.paySign, VECTOR_PUBLIC_KEY)).toBe(true);
  });

  it('builds request messages with an empty body line for GET and the raw body for POST', () => {
    const get = requestSignatureMessage({
      method: 'GET',
      urlPathWithQuery: '/v3/refund/domestic/refunds/123123123123',
      timestamp: 1554208460,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
      body: '',
    });
    expect(get).toBe(
      'GET\n/v3/refund/domestic/refunds/123123123123\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n',
    );
    expect(verifySha256WithRsa(get, OPENSSL_SIGNATURES.getRequest, VECTOR_PUBLIC_KEY)).toBe(true);

    const post = requestSignatureMessage({
      method: 'post',
      urlPathWithQuery: '/v3/pay/transactions/jsapi',
      timestamp: '1554208460',
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
      body: '{"appid":"wxd678efh567hg6787","mchid":"1230000109"}',
    });
    expect(verifySha256WithRsa(post, OPENSSL_SIGNATURES.postRequest, VECTOR_PUBLIC_KEY)).toBe(true);
  });

  it('verifies a response signature over timestamp, nonce and body', () => {
    const signed = {
      timestamp: '1554209980',
      nonce: 'c5ac7061fccab6bf3e254dcf98995b8c',
      body: '{"prepay_id":"wx26112221580621e9b071c00d9e093b0000"}',
      signature: OPENSSL_SIGNATURES.response,
      publicKey: createPublicKey(VECTOR_PUBLIC_KEY),
    };
    expect(verifyWechatpaySignature(signed)).toBe(true);
    expect(verifyWechatpaySignature({ ...signed, body: `${signed.body} ` })).toBe(false);
    expect(verifyWechatpaySignature({ ...signed, timestamp: '1554209981' })).toBe(false);
  });

  it('decrypts an AEAD_AES_256_GCM resource sealed elsewhere (tag at the end of the ciphertext)', () => {
    expect(decryptResource(AES_VECTOR, AES_VECTOR.apiV3Key)).toBe(AES_VECTOR.plaintext);
  });
});

describe('signatures with generated keys', () => {
  let keys: WechatPayTestKeys;
  let otherKeys: WechatPayTestKeys;
  beforeAll(() => {
    keys = generateWechatPayTestKeys();
    otherKeys = generateWechatPayTestKeys();
  });

  it('writes the Authorization header in the documented form, verifiable with the merchant public key', () => {
    const body = '{"mchid":"1900000109"}';
    const header = buildAuthorization({
      method: 'POST',
      urlPathWithQuery: '/v3/pay/transactions/out-trade-no/LL1/close',
      body,
      mchid: '1900000109',
      serialNo: keys.merchant.serialNo,
      privateKey: keys.merchant.privateKeyPem,
      timestamp: 1554208460,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    });
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="[A-Za-z0-9+/=]+",timestamp="1554208460",serial_no="[0-9A-F]{40}"$/,
    );
    const parts = parseAuthorization(header);
    expect(parts).toMatchObject({
      mchid: '1900000109',
      timestamp: '1554208460',
      serialNo: keys.merchant.serialNo,
    });
    const message = requestSignatureMessage({
      method: 'POST',
      urlPathWithQuery: '/v3/pay/transactions/out-trade-no/LL1/close',
      timestamp: 1554208460,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
      body,
    });
    expect(verifySha256WithRsa(message, parts!.signature, keys.merchant.publicKeyPem)).toBe(true);
    expect(verifySha256WithRsa(message, parts!.signature, otherKeys.merchant.publicKeyPem)).toBe(false);
  });

  it('fills in a fresh nonce and the current time when not given', () => {
    const input = {
      method: 'GET',
      urlPathWithQuery: '/v3/x',
      body: '',
      mchid: '1',
      serialNo: 'S',
      privateKey: keys.merchant.privateKeyPem,
    };
    const first = parseAuthorization(buildAuthorization(input))!;
    const second = parseAuthorization(buildAuthorization(input))!;
    expect(first.nonceStr).not.toBe(second.nonceStr);
    expect(Math.abs(Number(first.timestamp) - Date.now() / 1000)).toBeLessThan(60);
  });

  it('parses only the WECHATPAY2 scheme with every field present', () => {
    expect(parseAuthorization('Bearer abc')).toBeNull();
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n"')).toBeNull();
  });

  it('signs requestPayment with the merchant key', () => {
    const params = {
      appId: 'wxappid',
      timeStamp: '1700000000',
      nonceStr: newNonce(),
      packageValue: 'prepay_id=wx1',
    };
    const paySign = signRequestPayment(params, keys.merchant.privateKeyPem);
    expect(verifySha256WithRsa(requestPaymentMessage(params), paySign, keys.merchant.publicKeyPem)).toBe(
      true,
    );
    expect(
      verifySha256WithRsa(
        requestPaymentMessage({ ...params, packageValue: 'prepay_id=wx2' }),
        paySign,
        keys.merchant.publicKeyPem,
      ),
    ).toBe(false);
  });

  it('round-trips platform signatures and refuses tampering, other keys and garbage', () => {
    const message = { timestamp: '1700000000', nonce: 'N1', body: '{"a":1}' };
    const signature = signAsPlatform(message, keys.platform.privateKeyPem);
    const publicKey = keys.platform.publicKeyPem;
    expect(verifyWechatpaySignature({ ...message, signature, publicKey })).toBe(true);
    expect(verifyWechatpaySignature({ ...message, body: '{"a":2}', signature, publicKey })).toBe(false);
    expect(
      verifyWechatpaySignature({ ...message, signature, publicKey: otherKeys.platform.publicKeyPem }),
    ).toBe(false);
    expect(verifyWechatpaySignature({ ...message, signature: 'not base64!', publicKey })).toBe(false);
    expect(verifyWechatpaySignature({ ...message, signature: '', publicKey })).toBe(false);
    // WeChat's signature probes: a deliberately wrong signature with this prefix.
    expect(
      verifyWechatpaySignature({ ...message, signature: `WECHATPAY/SIGNTEST/${signature}`, publicKey }),
    ).toBe(false);
  });

  it('is deterministic (PKCS#1 v1.5), so a fixed timestamp and nonce give the same header', () => {
    expect(signSha256WithRsa('source', keys.merchant.privateKeyPem)).toBe(
      signSha256WithRsa('source', keys.merchant.privateKeyPem),
    );
    const input = {
      method: 'GET',
      urlPathWithQuery: '/v3/x?mchid=1',
      body: '',
      mchid: '1',
      serialNo: 'S',
      privateKey: keys.merchant.privateKeyPem,
      timestamp: 1700000000,
      nonce: 'N',
    };
    expect(buildAuthorization(input)).toBe(buildAuthorization(input));
  });
});

describe('AEAD_AES_256_GCM resources', () => {
  const apiV3Key = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';

  it('decrypts what it encrypts, Chinese text included', () => {
    const plaintext = JSON.stringify({ summary: '支付成功', amount: { total: 1990 } });
    const sealed = encryptResource(plaintext, apiV3Key, 'transaction');
    expect(sealed.algorithm).toBe('AEAD_AES_256_GCM');
    expect(sealed.nonce).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(sealed.associated_data).toBe('transaction');
    const opened = decryptResource(
      { ciphertext: sealed.ciphertext, nonce: sealed.nonce, associatedData: sealed.associated_data },
      apiV3Key,
    );
    expect(opened).toBe(plaintext);
  });

  it('refuses a wrong key, a flipped tag or ciphertext byte, other associated data, short or non-base64 input', () => {
    const sealed = encryptResource('{"x":1}', apiV3Key, 'refund');
    const resource = { ciphertext: sealed.ciphertext, nonce: sealed.nonce, associatedData: 'refund' };
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    const flipped = (index: number) => {
      const copy = Buffer.from(bytes);
      copy[index] ^= 0x01;
      return copy.toString('base64');
    };

    expect(() => decryptResource(resource, 'B1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6')).toThrow();
    expect(() => decryptResource({ ...resource, ciphertext: flipped(bytes.length - 1) }, apiV3Key)).toThrow();
    expect(() => decryptResource({ ...resource, ciphertext: flipped(0) }, apiV3Key)).toThrow();
    expect(() => decryptResource({ ...resource, associatedData: 'transaction' }, apiV3Key)).toThrow();
    expect(() => decryptResource({ ...resource, nonce: 'AAAAAAAAAAAA' }, apiV3Key)).toThrow();
    expect(() => decryptResource({ ...resource, ciphertext: 'c2hvcnQ=' }, apiV3Key)).toThrow();
    expect(() => decryptResource({ ...resource, ciphertext: '***' }, apiV3Key)).toThrow();
    expect(() => decryptResource(resource, 'too-short')).toThrow(/32 bytes/);
  });
});

describe('newNonce', () => {
  it('gives 32 upper-case hex characters, different every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9A-F]{32}$/);
  });
});
