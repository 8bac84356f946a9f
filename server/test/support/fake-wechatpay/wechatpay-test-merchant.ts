import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateWechatPayTestKeys,
  WechatPayPlatform,
  type WechatPayTestKeys,
} from '../../../src/modules/payments/wechatpay';
import { startFakeWechatPay, type FakeWechatPay } from './fake-wechatpay';

export const TEST_MCHID = '1230000109';
export const TEST_APPID = 'wxd678efh567hg6787';

/**
 * A merchant with test keys, a fake WeChat Pay that knows it, and the environment that points our server
 * at both (key files written to a temporary folder). For tests of the real WeChat Pay provider.
 */
export interface TestMerchant {
  keys: WechatPayTestKeys;
  platform: WechatPayPlatform;
  fake: FakeWechatPay;
  /** A free port for the app, so the notify URL is known before it starts listening. */
  appPort: number;
  /** PAYMENT_PROVIDER=wechatpay and every WECHATPAY_* value; `apiBase` defaults to the fake. */
  env(apiBase?: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startTestMerchant(): Promise<TestMerchant> {
  const keys = generateWechatPayTestKeys();
  const platform = new WechatPayPlatform({
    platformPrivateKey: keys.platform.privateKeyPem,
    platformPublicKeyId: keys.platform.publicKeyId,
    apiV3Key: keys.apiV3Key,
  });
  const fake = await startFakeWechatPay({
    mchid: TEST_MCHID,
    appid: TEST_APPID,
    merchantPublicKeyPem: keys.merchant.publicKeyPem,
    merchantSerialNo: keys.merchant.serialNo,
    platform,
  });
  const keyDir = mkdtempSync(join(tmpdir(), 'linli-wxpay-'));
  writeFileSync(join(keyDir, 'apiclient_key.pem'), keys.merchant.privateKeyPem);
  writeFileSync(join(keyDir, 'pub_key.pem'), keys.platform.publicKeyPem);
  const appPort = await freePort();
  return {
    keys,
    platform,
    fake,
    appPort,
    env: (apiBase = fake.url) => ({
      PAYMENT_PROVIDER: 'wechatpay',
      WECHATPAY_MCHID: TEST_MCHID,
      WECHATPAY_APPID: TEST_APPID,
      WECHATPAY_MERCHANT_SERIAL_NO: keys.merchant.serialNo,
      WECHATPAY_MERCHANT_PRIVATE_KEY_PATH: join(keyDir, 'apiclient_key.pem'),
      WECHATPAY_API_V3_KEY: keys.apiV3Key,
      WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: join(keyDir, 'pub_key.pem'),
      WECHATPAY_PLATFORM_PUBLIC_KEY_ID: keys.platform.publicKeyId,
      WECHATPAY_API_BASE: apiBase,
      WECHATPAY_NOTIFY_BASE_URL: `http://127.0.0.1:${appPort}`,
    }),
    async close() {
      await fake.close();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
