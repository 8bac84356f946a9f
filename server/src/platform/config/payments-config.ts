import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EnvReader } from './app-config';
import { ConfigError } from './config-error';

export interface OrdersConfig {
  /** An unpaid order closes (and releases its stock) this many minutes after it was placed. */
  payTimeoutMinutes: number;
  /** Flash-sale campaigns pass the Redis gate (only with REDIS_URL); off = database only (benchmark baseline). */
  flashSaleGate: boolean;
  /** WeChat subscription-message template for "your goods are ready" (null: log only). */
  pickupReadyTemplateId: string | null;
}

export interface WechatPayConfigValues {
  mchid: string;
  appid: string;
  merchantSerialNo: string;
  merchantPrivateKeyPem: string;
  /** The APIv3 key (32 characters) that decrypts notification resources. */
  apiV3Key: string;
  /** 微信支付公钥 and its id (`PUB_KEY_ID_…`): verifies responses and notifications. */
  platformPublicKeyPem: string;
  platformPublicKeyId: string;
  apiBase: string;
  /** 商家转账 scene granted in 商户平台 (WECHATPAY_TRANSFER_SCENE_ID, default 1005 佣金报酬). */
  transferSceneId: string;
}

export type PaymentsConfig =
  | { provider: 'simulator'; notifyBaseUrl: string }
  | { provider: 'wechatpay'; notifyBaseUrl: string; wechatpay: WechatPayConfigValues };

export function readOrdersConfig(read: EnvReader): OrdersConfig {
  return {
    payTimeoutMinutes: read.integer('ORDER_PAY_TIMEOUT_MINUTES', 15, 1, 1440),
    flashSaleGate: read.boolean('FLASH_SALE_GATE', true),
    pickupReadyTemplateId: read.optionalString('WECHAT_TEMPLATE_PICKUP_READY') ?? null,
  };
}

/**
 * PAYMENT_PROVIDER: `wechatpay` (real money; every WECHATPAY_* value required and checked now, so a
 * typo stops the start rather than the first payment) or `simulator` (embedded mode, demos, tests).
 * Default: wechatpay when WECHATPAY_MCHID is set, else the simulator, except in production, where the
 * choice must be explicit so a missing variable never silently turns real payments into simulated ones.
 */
export function readPaymentsConfig(
  read: EnvReader,
  context: { isProduction: boolean; publicBaseUrl: string; wechatAppId: string | null },
): PaymentsConfig {
  const configured = read.optionalString('PAYMENT_PROVIDER');
  if (context.isProduction && !configured) {
    throw new ConfigError(
      'PAYMENT_PROVIDER',
      '在 NODE_ENV=production 时必须设置为 wechatpay 或 simulator (演示用)',
    );
  }
  const provider = read.oneOf(
    'PAYMENT_PROVIDER',
    ['wechatpay', 'simulator'],
    read.optionalString('WECHATPAY_MCHID') ? 'wechatpay' : 'simulator',
  );
  const notifyBaseUrl = (read.optionalString('WECHATPAY_NOTIFY_BASE_URL') ?? context.publicBaseUrl).replace(
    /\/+$/,
    '',
  );
  if (provider === 'simulator') return { provider, notifyBaseUrl };

  const required = (name: string): string => {
    const value = read.optionalString(name);
    if (!value) throw new ConfigError(name, '在 PAYMENT_PROVIDER=wechatpay 时必须设置');
    return value;
  };
  const appid = read.optionalString('WECHATPAY_APPID') ?? context.wechatAppId;
  if (!appid) throw new ConfigError('WECHATPAY_APPID', '必须设置 (或设置 WECHAT_APPID)');
  const apiV3Key = required('WECHATPAY_API_V3_KEY');
  if (Buffer.byteLength(apiV3Key) !== 32) {
    throw new ConfigError('WECHATPAY_API_V3_KEY', '必须正好是 32 个字符 (商户平台设置的 APIv3 密钥)');
  }
  if (context.isProduction && !notifyBaseUrl.startsWith('https://')) {
    throw new ConfigError(
      'WECHATPAY_NOTIFY_BASE_URL',
      `微信支付回调地址必须是 https (当前: "${notifyBaseUrl}")；可设置 PUBLIC_BASE_URL 或 WECHATPAY_NOTIFY_BASE_URL`,
    );
  }
  const apiBase = read.optionalString('WECHATPAY_API_BASE') ?? 'https://api.mch.weixin.qq.com';
  const transferSceneId = read.optionalString('WECHATPAY_TRANSFER_SCENE_ID') ?? '1005';
  if (!/^\d{1,8}$/.test(transferSceneId)) {
    throw new ConfigError('WECHATPAY_TRANSFER_SCENE_ID', '必须是商户平台开通的转账场景 ID (数字，如 1005)');
  }
  return {
    provider,
    notifyBaseUrl,
    wechatpay: {
      mchid: required('WECHATPAY_MCHID'),
      appid,
      merchantSerialNo: required('WECHATPAY_MERCHANT_SERIAL_NO'),
      merchantPrivateKeyPem: readKeyFile('WECHATPAY_MERCHANT_PRIVATE_KEY_PATH', required, 'private'),
      apiV3Key,
      platformPublicKeyPem: readKeyFile('WECHATPAY_PLATFORM_PUBLIC_KEY_PATH', required, 'public'),
      platformPublicKeyId: required('WECHATPAY_PLATFORM_PUBLIC_KEY_ID'),
      apiBase: apiBase.replace(/\/+$/, ''),
      transferSceneId,
    },
  };
}

/** Reads a PEM key file and proves it parses, naming the variable when it does not. */
function readKeyFile(name: string, required: (name: string) => string, kind: 'private' | 'public'): string {
  const path = required(name);
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(name, `无法读取文件 "${path}"`);
  }
  try {
    if (kind === 'private') createPrivateKey(pem);
    else createPublicKey(pem);
  } catch {
    throw new ConfigError(name, `文件 "${path}" 不是有效的 PEM ${kind === 'private' ? '私钥' : '公钥'}`);
  }
  return pem;
}
