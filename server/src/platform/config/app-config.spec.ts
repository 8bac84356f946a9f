import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const SECRET = 'x'.repeat(32);

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'linli-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const embedded = (env: NodeJS.ProcessEnv = {}) =>
    loadConfig({ SQLITE_PATH: join(dir, 'db.sqlite'), ...env });

  it('gives the documented defaults in embedded mode', () => {
    const config = embedded();
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '0.0.0.0',
      database: { type: 'sqlite', path: join(dir, 'db.sqlite') },
      redisUrl: null,
      queuePrefix: 'linli',
      processRole: 'all',
      jwt: { accessTtlSeconds: 900, refreshTtlSeconds: 2_592_000 },
      corsOrigins: [],
      bodyLimitBytes: 1_048_576,
      rateLimitPerMinute: 600,
      loginRateLimitPerMinute: 10,
      wechat: null,
      wechatApiBase: 'https://api.weixin.qq.com',
      devLogin: false,
      seedDemo: true,
      adminInitialPassword: 'linli2026',
      runMigrations: true,
      logLevel: 'info',
    });
    expect(config.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  describe('first admin password', () => {
    const production = (env: NodeJS.ProcessEnv = {}) =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'mysql://root@127.0.0.1:3306/linli',
        REDIS_URL: 'redis://127.0.0.1:6379',
        JWT_SECRET: SECRET,
        PAYMENT_PROVIDER: 'simulator',
        ...env,
      });

    it('has no default in production (start-up asks for one only when the database has no staff)', () => {
      expect(production().adminInitialPassword).toBeNull();
      expect(production({ ADMIN_INITIAL_PASSWORD: 'Str0ngPassw0rd' }).adminInitialPassword).toBe(
        'Str0ngPassw0rd',
      );
    });

    it('refuses the docker/.env.example placeholder in production', () => {
      expect(() => production({ ADMIN_INITIAL_PASSWORD: 'change-me-Admin1' })).toThrow(
        /ADMIN_INITIAL_PASSWORD 仍是示例占位值/,
      );
    });

    it('refuses the published demo password in production', () => {
      expect(() => production({ ADMIN_INITIAL_PASSWORD: 'linli2026' })).toThrow(
        /ADMIN_INITIAL_PASSWORD 生产环境不能使用公开的演示密码/,
      );
    });

    it.each(['short1', 'onlyletters', '12345678'])('refuses the weak password %s', (password) => {
      expect(() => embedded({ ADMIN_INITIAL_PASSWORD: password })).toThrow(/ADMIN_INITIAL_PASSWORD/);
    });
  });

  describe('TRUST_PROXY', () => {
    it.each([
      [undefined, false],
      ['false', false],
      ['true', true],
      ['2', 2],
      ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    ])('reads %s as %j', (value, expected) => {
      expect(embedded(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
    });

    it('rejects something that is not an address', () => {
      expect(() => embedded({ TRUST_PROXY: 'proxy.example.com' })).toThrow(/TRUST_PROXY/);
    });
  });

  it.each([
    ['PORT', 'abc', /PORT 必须是 1-65535 的整数/],
    ['PORT', '70000', /PORT/],
    ['BODY_LIMIT_BYTES', '1.5', /BODY_LIMIT_BYTES/],
    ['NODE_ENV', 'staging', /NODE_ENV 必须是 development \/ production \/ test/],
    ['DEV_LOGIN', 'maybe', /DEV_LOGIN 必须是 true 或 false/],
    ['DATABASE_URL', 'postgres://x/y', /DATABASE_URL 协议/],
    ['DATABASE_URL', 'mysql://root@localhost:3306', /DATABASE_URL 必须包含数据库名/],
    ['REDIS_URL', 'not a url', /REDIS_URL 不是合法的 URL/],
    ['CORS_ORIGINS', 'https://a.example/path', /CORS_ORIGINS/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['QUEUE_PREFIX', 'has space', /QUEUE_PREFIX/],
    ['JWT_SECRET', 'short', /JWT_SECRET 长度必须至少 32/],
  ])('rejects %s=%s naming the variable', (name, value, message) => {
    expect(() => embedded({ [name]: value })).toThrow(ConfigError);
    expect(() => embedded({ [name]: value })).toThrow(message);
  });

  it('refuses the JWT_SECRET placeholder of docker/.env.example (long enough, but public)', () => {
    const example = readFileSync(join(__dirname, '../../../../docker/.env.example'), 'utf8');
    const placeholder = /^JWT_SECRET=(.+)$/m.exec(example)?.[1].trim();
    expect(placeholder?.length).toBeGreaterThanOrEqual(32);
    expect(() => embedded({ JWT_SECRET: placeholder })).toThrow(/^配置错误: JWT_SECRET .*change-me/);
    expect(() => embedded({ JWT_SECRET: 'CHANGEME-0123456789abcdef0123456789abcdef' })).toThrow(ConfigError);
    expect(embedded({ JWT_SECRET: SECRET }).jwt.secret).toBe(SECRET);
  });

  it('starts every message with 配置错误 and exposes the variable', () => {
    try {
      embedded({ PORT: '0' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe('PORT');
      expect((error as Error).message).toMatch(/^配置错误: PORT/);
    }
  });

  it('requires JWT_SECRET and refuses DEV_LOGIN in production', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'mysql://u:p@db:3306/linli',
      PAYMENT_PROVIDER: 'simulator',
    };
    expect(() => embedded(production)).toThrow(/JWT_SECRET/);
    expect(() => embedded({ ...production, JWT_SECRET: SECRET, DEV_LOGIN: 'true' })).toThrow(/DEV_LOGIN/);
    expect(embedded({ ...production, JWT_SECRET: SECRET }).jwt.secret).toBe(SECRET);
  });

  it('generates an embedded JWT secret next to the SQLite file and reuses it', () => {
    const first = embedded().jwt.secret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, '.jwt-secret'), 'utf8').trim()).toBe(first);
    expect(embedded().jwt.secret).toBe(first);
  });

  it('does not write a secret file for an in-memory database', () => {
    expect(loadConfig({ SQLITE_PATH: ':memory:' }).jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(join(dir, '.jwt-secret'))).toBe(false);
  });

  it('selects services mode with DATABASE_URL and REDIS_URL; seeding is then off by default', () => {
    const config = embedded({
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/linli',
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWT_SECRET: SECRET,
    });
    expect(config.database).toEqual({ type: 'mysql', url: 'mysql://root@127.0.0.1:3306/linli' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.seedDemo).toBe(false);
  });

  it('makes --worker the worker role, which needs Redis', () => {
    expect(() => loadConfig({ SQLITE_PATH: ':memory:' }, ['--worker'])).toThrow(/REDIS_URL/);
    expect(() => embedded({ PROCESS_ROLE: 'api' })).toThrow(/REDIS_URL/);
    const worker = loadConfig({ SQLITE_PATH: ':memory:', REDIS_URL: 'redis://localhost:6379' }, ['--worker']);
    expect(worker.processRole).toBe('worker');
  });

  it('wants WeChat credentials in pairs', () => {
    expect(() => embedded({ WECHAT_APPID: 'wx123' })).toThrow(/WECHAT_SECRET/);
    expect(() => embedded({ WECHAT_SECRET: 's' })).toThrow(/WECHAT_APPID/);
    const config = embedded({
      WECHAT_APPID: 'wx123',
      WECHAT_SECRET: 's',
      WECHAT_API_BASE: 'http://127.0.0.1:9999',
    });
    expect(config.wechat).toEqual({ appId: 'wx123', secret: 's', apiBase: 'http://127.0.0.1:9999' });
  });

  it('defaults PUBLIC_BASE_URL to the local server and validates it', () => {
    expect(embedded({ PORT: '4100' }).publicBaseUrl).toBe('http://localhost:4100');
    expect(embedded({ PUBLIC_BASE_URL: 'https://tuan.example.com/linli/' }).publicBaseUrl).toBe(
      'https://tuan.example.com/linli',
    );
    expect(() => embedded({ PUBLIC_BASE_URL: 'tuan.example.com' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => embedded({ PUBLIC_BASE_URL: 'ftp://tuan.example.com' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => embedded({ PUBLIC_BASE_URL: 'https://a.example/?x=1' })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('parses lists and booleans leniently but exactly', () => {
    const config = embedded({
      CORS_ORIGINS: ' https://a.example , http://localhost:5173 ',
      SEED_DEMO: 'off',
      DEV_LOGIN: '1',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(config.seedDemo).toBe(false);
    expect(config.devLogin).toBe(true);
  });
});

describe('loadConfig: uploads', () => {
  it('keeps uploads next to the SQLite file by default, 5 MB, on local disk', () => {
    expect(loadConfig({ SQLITE_PATH: '/srv/linli/db.sqlite' }).uploads).toEqual({
      storage: 'local',
      dir: '/srv/linli/uploads',
      maxBytes: 5_242_880,
    });
  });

  it('uses ./data/uploads with MySQL and honours UPLOAD_DIR / UPLOAD_MAX_BYTES', () => {
    const mysql = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/linli', JWT_SECRET: 'y'.repeat(32) };
    expect(loadConfig(mysql).uploads.dir).toBe(join(process.cwd(), 'data', 'uploads'));
    expect(
      loadConfig({ ...mysql, UPLOAD_DIR: '/var/lib/linli/uploads', UPLOAD_MAX_BYTES: '2097152' }).uploads,
    ).toEqual({ storage: 'local', dir: '/var/lib/linli/uploads', maxBytes: 2_097_152 });
  });

  it('refuses an unknown storage or an out-of-range size', () => {
    expect(() => loadConfig({ SQLITE_PATH: ':memory:', UPLOAD_STORAGE: 's3' })).toThrow(ConfigError);
    expect(() => loadConfig({ SQLITE_PATH: ':memory:', UPLOAD_MAX_BYTES: '10' })).toThrow(/UPLOAD_MAX_BYTES/);
  });
});
