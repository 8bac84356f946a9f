import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';

const SECRET = 'x'.repeat(40);

describe('loadConfig: orders and payments', () => {
  let dir: string;
  let privateKeyPath: string;
  let publicKeyPath: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'linli-paycfg-'));
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    privateKeyPath = join(dir, 'apiclient_key.pem');
    publicKeyPath = join(dir, 'pub_key.pem');
    writeFileSync(privateKeyPath, privateKey);
    writeFileSync(publicKeyPath, publicKey);
    writeFileSync(join(dir, 'not-a-key.pem'), 'hello');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const wechatpay = (): NodeJS.ProcessEnv => ({
    WECHATPAY_MCHID: '1230000109',
    WECHATPAY_APPID: 'wxd678efh567hg6787',
    WECHATPAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    WECHATPAY_MERCHANT_PRIVATE_KEY_PATH: privateKeyPath,
    WECHATPAY_API_V3_KEY: 'a'.repeat(32),
    WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: publicKeyPath,
    WECHATPAY_PLATFORM_PUBLIC_KEY_ID: 'PUB_KEY_ID_0112345678901234567890123456',
  });

  it('defaults: 15-minute pay deadline, the flash-sale gate on, the simulator outside production', () => {
    const config = loadConfig({});
    expect(config.orders).toEqual({
      payTimeoutMinutes: 15,
      flashSaleGate: true,
      pickupReadyTemplateId: null,
    });
    expect(config.payments).toEqual({ provider: 'simulator', notifyBaseUrl: 'http://localhost:3000' });
  });

  it('reads the deadline, the gate switch and the template, refusing nonsense', () => {
    const config = loadConfig({
      ORDER_PAY_TIMEOUT_MINUTES: '30',
      FLASH_SALE_GATE: 'off',
      WECHAT_TEMPLATE_PICKUP_READY: 'tmpl-ready',
    });
    expect(config.orders).toEqual({
      payTimeoutMinutes: 30,
      flashSaleGate: false,
      pickupReadyTemplateId: 'tmpl-ready',
    });
    expect(() => loadConfig({ ORDER_PAY_TIMEOUT_MINUTES: '0' })).toThrow(/ORDER_PAY_TIMEOUT_MINUTES/);
  });

  it('production must choose a provider: a missing variable never turns real payments into simulated ones', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: SECRET,
      DATABASE_URL: 'mysql://u:p@db:3306/linli',
    };
    expect(() => loadConfig(production)).toThrow(/PAYMENT_PROVIDER/);
    expect(loadConfig({ ...production, PAYMENT_PROVIDER: 'simulator' }).payments.provider).toBe('simulator');
  });

  it('WeChat Pay: every value read and its keys parsed at start', () => {
    const config = loadConfig({ ...wechatpay(), PUBLIC_BASE_URL: 'https://tuan.example.com' });
    expect(config.payments).toMatchObject({
      provider: 'wechatpay',
      notifyBaseUrl: 'https://tuan.example.com',
      wechatpay: {
        mchid: '1230000109',
        appid: 'wxd678efh567hg6787',
        apiBase: 'https://api.mch.weixin.qq.com',
      },
    });
  });

  it.each([
    ['a missing serial number', { WECHATPAY_MERCHANT_SERIAL_NO: '' }, /WECHATPAY_MERCHANT_SERIAL_NO/],
    [
      'an APIv3 key of the wrong length',
      { WECHATPAY_API_V3_KEY: 'short' },
      /WECHATPAY_API_V3_KEY 必须正好是 32/,
    ],
    ['a key file that does not exist', { WECHATPAY_MERCHANT_PRIVATE_KEY_PATH: '/nope.pem' }, /无法读取文件/],
    [
      'a file that is not a key',
      { WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: '' },
      /WECHATPAY_PLATFORM_PUBLIC_KEY_PATH/,
    ],
  ])('WeChat Pay: refuses %s', (_label, change, message) => {
    expect(() => loadConfig({ ...wechatpay(), ...change })).toThrow(message);
  });

  it('WeChat Pay: refuses a non-key file and an http notify URL in production', () => {
    expect(() =>
      loadConfig({ ...wechatpay(), WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: join(dir, 'not-a-key.pem') }),
    ).toThrow(/不是有效的 PEM 公钥/);
    expect(() =>
      loadConfig({
        ...wechatpay(),
        NODE_ENV: 'production',
        JWT_SECRET: SECRET,
        DATABASE_URL: 'mysql://u:p@db:3306/linli',
        PAYMENT_PROVIDER: 'wechatpay',
      }),
    ).toThrow(/必须是 https/);
  });
});
