import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readCommissionConfig, type CommissionConfig } from './commission-config';
import { ConfigError } from './config-error';
import { resolveJwtSecret } from './jwt-secret';
import {
  readOrdersConfig,
  readPaymentsConfig,
  type OrdersConfig,
  type PaymentsConfig,
} from './payments-config';

export { ConfigError };

export type NodeEnv = 'development' | 'production' | 'test';
export type ProcessRole = 'all' | 'api' | 'worker';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  database: { type: 'sqlite'; path: string } | { type: 'mysql'; url: string };
  redisUrl: string | null;
  queuePrefix: string;
  /** Bull job lock; a job whose worker died runs again within about twice this. */
  queueLockMs: number;
  processRole: ProcessRole;
  jwt: { secret: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  corsOrigins: string[];
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  /** Per IP on the credential endpoints (staff login, mini-program login, refresh). */
  loginRateLimitPerMinute: number;
  wechat: { appId: string; secret: string; apiBase: string } | null;
  wechatApiBase: string;
  devLogin: boolean;
  seedDemo: boolean;
  /**
   * Password of the first admin, created when the database has no staff at all. Defaults to the
   * published demo password outside production; in production it must be set and must not be the demo one.
   */
  adminInitialPassword: string | null;
  /** Fastify `trustProxy`: false, true, a hop count, or a list of proxy addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  runMigrations: boolean;
  logLevel: string;
  staticRoot: string | null;
  /** Where the public (H5) app is reachable, without a trailing slash: invite links point here. */
  publicBaseUrl: string;
  /** Uploaded images: local disk under `dir`, served at /uploads/ (see platform/storage). */
  uploads: { storage: 'local'; dir: string; maxBytes: number };
  orders: OrdersConfig;
  payments: PaymentsConfig;
  commission: CommissionConfig;
  version: string;
}

/** Inject with `@Inject(APP_CONFIG) config: AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The demo admin password printed in the README; never accepted in production. */
export const DEMO_ADMIN_PASSWORD = 'linli2026';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the whole configuration once, at start; throws ConfigError on the first bad value. */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[] = []): AppConfig {
  const read = new EnvReader(env);
  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development');
  const isProduction = nodeEnv === 'production';

  const databaseUrl = read.optionalString('DATABASE_URL');
  const database = databaseUrl
    ? { type: 'mysql' as const, url: validateMysqlUrl(databaseUrl) }
    : { type: 'sqlite' as const, path: resolveSqlitePath(read.optionalString('SQLITE_PATH')) };

  const redisUrl = read.optionalString('REDIS_URL');
  if (redisUrl) validateUrl('REDIS_URL', redisUrl, ['redis:', 'rediss:']);

  const processRole = argv.includes('--worker')
    ? 'worker'
    : read.oneOf('PROCESS_ROLE', ['all', 'api', 'worker'], 'all');
  if (processRole !== 'all' && !redisUrl) {
    // Without Redis the in-process queue cannot be shared between an API and a worker process.
    throw new ConfigError(
      'REDIS_URL',
      `在 PROCESS_ROLE=${processRole} 时必须设置 (API 与 worker 分开运行需要 Redis)`,
    );
  }

  const devLogin = read.boolean('DEV_LOGIN', false);
  if (isProduction && devLogin) {
    throw new ConfigError('DEV_LOGIN', '在 NODE_ENV=production 时不允许为 true');
  }

  const jwtSecret = read.optionalString('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', '长度必须至少 32 个字符');
  }
  // The placeholder of docker/.env.example is long enough; anyone could forge tokens with it.
  if (jwtSecret !== undefined && /change-?me/i.test(jwtSecret)) {
    throw new ConfigError(
      'JWT_SECRET',
      '仍是示例占位值 (含 change-me)，请换成随机值, 例如 `openssl rand -hex 32`',
    );
  }
  if (isProduction && !jwtSecret) {
    throw new ConfigError('JWT_SECRET', '在 NODE_ENV=production 时必须设置 (至少 32 个字符)');
  }

  const wechatApiBase = read.optionalString('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com';
  validateUrl('WECHAT_API_BASE', wechatApiBase, ['http:', 'https:']);
  const wechatAppId = read.optionalString('WECHAT_APPID');
  const wechatSecret = read.optionalString('WECHAT_SECRET');
  if (Boolean(wechatAppId) !== Boolean(wechatSecret)) {
    const missing = wechatAppId ? 'WECHAT_SECRET' : 'WECHAT_APPID';
    throw new ConfigError(missing, '必须与 WECHAT_APPID / WECHAT_SECRET 成对设置 (两者都设或都不设)');
  }

  const port = read.integer('PORT', 3000, 1, 65535);
  const publicBaseUrl = readPublicBaseUrl(read.optionalString('PUBLIC_BASE_URL'), port);
  const config: Omit<AppConfig, 'jwt'> & { jwt: Omit<AppConfig['jwt'], 'secret'> } = {
    nodeEnv,
    port,
    host: read.optionalString('HOST') ?? '0.0.0.0',
    database,
    redisUrl: redisUrl ?? null,
    queuePrefix: read.token('QUEUE_PREFIX', 'linli'),
    queueLockMs: read.integer('QUEUE_LOCK_MS', 30_000, 1000, 600_000),
    processRole,
    jwt: {
      accessTtlSeconds: read.integer('JWT_ACCESS_TTL_SECONDS', 900, 30, 86_400),
      refreshTtlSeconds: read.integer('JWT_REFRESH_TTL_SECONDS', 2_592_000, 60, 31_536_000),
    },
    corsOrigins: read.list('CORS_ORIGINS').map((origin) => validateOrigin(origin)),
    bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    rateLimitPerMinute: read.integer('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    loginRateLimitPerMinute: read.integer('LOGIN_RATE_LIMIT_PER_MINUTE', 10, 1, 10_000),
    wechat:
      wechatAppId && wechatSecret
        ? { appId: wechatAppId, secret: wechatSecret, apiBase: wechatApiBase }
        : null,
    wechatApiBase,
    devLogin,
    seedDemo: read.boolean('SEED_DEMO', database.type === 'sqlite'),
    adminInitialPassword:
      read.optionalString('ADMIN_INITIAL_PASSWORD') ?? (isProduction ? null : DEMO_ADMIN_PASSWORD),
    trustProxy: readTrustProxy(read.optionalString('TRUST_PROXY')),
    runMigrations: read.boolean('RUN_MIGRATIONS', true),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    staticRoot: resolveStaticRoot(read.optionalString('STATIC_ROOT')),
    publicBaseUrl,
    uploads: {
      storage: read.oneOf('UPLOAD_STORAGE', ['local'], 'local'),
      dir: resolveUploadDir(read.optionalString('UPLOAD_DIR'), database),
      maxBytes: read.integer('UPLOAD_MAX_BYTES', 5_242_880, 1024, 20_971_520),
    },
    orders: readOrdersConfig(read),
    payments: readPaymentsConfig(read, { isProduction, publicBaseUrl, wechatAppId: wechatAppId ?? null }),
    commission: readCommissionConfig(read),
    version: readServerVersion(),
  };
  const adminPassword = config.adminInitialPassword;
  if (
    adminPassword !== null &&
    !(adminPassword.length >= 8 && /[A-Za-z]/.test(adminPassword) && /\d/.test(adminPassword))
  ) {
    throw new ConfigError('ADMIN_INITIAL_PASSWORD', '至少 8 个字符，且同时包含字母和数字');
  }
  if (isProduction && adminPassword !== null && /change-me/i.test(adminPassword)) {
    throw new ConfigError('ADMIN_INITIAL_PASSWORD', '仍是示例占位值 (含 change-me)，请换一个自己的密码');
  }
  if (isProduction && adminPassword === DEMO_ADMIN_PASSWORD) {
    throw new ConfigError('ADMIN_INITIAL_PASSWORD', '生产环境不能使用公开的演示密码，请换一个');
  }

  const secret = jwtSecret ?? resolveJwtSecret(database);
  return { ...config, jwt: { ...config.jwt, secret } };
}

export class EnvReader {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** Empty strings count as "not set", which is what `FOO= node main.js` means to people. */
  optionalString(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optionalString(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new ConfigError(name, `必须是 ${min}-${max} 的整数 (当前值: "${raw}")`);
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optionalString(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    throw new ConfigError(name, `必须是 true 或 false (当前值: "${raw}")`);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optionalString(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      throw new ConfigError(name, `必须是 ${allowed.join(' / ')} 之一 (当前值: "${raw}")`);
    }
    return raw as T;
  }

  token(name: string, fallback: string): string {
    const raw = this.optionalString(name) ?? fallback;
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(raw)) {
      throw new ConfigError(name, `只能包含字母、数字和 _ . : - (当前值: "${raw}")`);
    }
    return raw;
  }

  list(name: string): string[] {
    return (this.optionalString(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
}

export function validateUrl(name: string, value: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `不是合法的 URL (当前值: "${value}")`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `协议必须是 ${protocols.join(' / ')} (当前值: "${url.protocol}")`);
  }
  return url;
}

function validateMysqlUrl(value: string): string {
  const url = validateUrl('DATABASE_URL', value, ['mysql:', 'mariadb:']);
  if (!/^\/[A-Za-z0-9_]{1,64}$/.test(url.pathname)) {
    throw new ConfigError('DATABASE_URL', '必须包含数据库名, 例如 mysql://user:pass@host:3306/linli');
  }
  return value;
}

function validateOrigin(origin: string): string {
  const url = validateUrl('CORS_ORIGINS', origin, ['http:', 'https:']);
  if (url.origin !== origin.replace(/\/$/, '')) {
    throw new ConfigError(
      'CORS_ORIGINS',
      `每一项必须是 origin (协议://主机[:端口]), 不能带路径 (当前值: "${origin}")`,
    );
  }
  return url.origin;
}

/** PUBLIC_BASE_URL (http/https, may carry a path prefix), or the local server by default. */
function readPublicBaseUrl(raw: string | undefined, port: number): string {
  if (raw === undefined) return `http://localhost:${port}`;
  const url = validateUrl('PUBLIC_BASE_URL', raw, ['http:', 'https:']);
  if (url.search || url.hash) {
    throw new ConfigError('PUBLIC_BASE_URL', `不能带查询参数或 # (当前值: "${raw}")`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function resolveSqlitePath(raw: string | undefined): string {
  if (raw === ':memory:') return raw;
  return resolve(raw ?? 'data/linli.sqlite');
}

/** UPLOAD_DIR or `uploads/` in the data directory (next to the SQLite file, else ./data/uploads). */
function resolveUploadDir(raw: string | undefined, database: AppConfig['database']): string {
  if (raw) return resolve(raw);
  const dataDir =
    database.type === 'sqlite' && database.path !== ':memory:' ? dirname(database.path) : resolve('data');
  return join(dataDir, 'uploads');
}

/** STATIC_ROOT or, when absent, the repository root this server was built in (two levels above dist/src). */
function resolveStaticRoot(raw: string | undefined): string | null {
  if (raw) return resolve(raw);
  return resolve(__dirname, '../../../..');
}

function readServerVersion(): string {
  // src/platform/config and dist/platform/config are both three levels below server/.
  const packageJson = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as {
    version?: string;
  };
  return packageJson.version ?? '0.0.0';
}

/**
 * TRUST_PROXY: unset/false → trust nobody (client IP is the socket peer); true → trust every hop;
 * a number → trust that many hops; otherwise a comma list of proxy IPs or CIDRs (e.g. 10.0.0.0/8).
 * Behind a reverse proxy it must be set, or rate limits and audit IPs all see the proxy's address.
 */
function readTrustProxy(raw: string | undefined): boolean | number | string[] {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;
  const bad = entries.find((entry) => !address.test(entry));
  if (bad !== undefined || entries.length === 0) {
    throw new ConfigError(
      'TRUST_PROXY',
      `应为 true/false、跳数或以逗号分隔的 IP/CIDR 列表，收到 "${bad ?? raw}"`,
    );
  }
  return entries;
}
