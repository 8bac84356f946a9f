// What the commission bench shares: its database, the built server in production mode on MariaDB + Redis,
// a small admin/member HTTP client and the scale of the seed.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { positiveInt, startServer } from '../lib/bench-kit.mjs';
import { REPO_ROOT, serverRequire } from '../members/common.mjs';

export const mysql = serverRequire('mysql2/promise');

export const DATABASE_URL =
  process.env.BENCH_COMMISSION_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/linli_bench_commission';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_PASSWORD = 'BenchCommission2026';

export const SCALE = {
  orders: positiveInt('BENCH_ORDERS', 1_000_000),
  leaders: positiveInt('BENCH_LEADERS', 5_000),
  /** Completed orders are spread over this many days before the seed ran. */
  days: positiveInt('BENCH_DAYS', 30),
};

export function databaseName() {
  return decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
}

/** Drops and re-creates the bench database (its name must contain _bench, so nothing else is ever wiped). */
export async function recreateDatabase() {
  const url = new URL(DATABASE_URL);
  const name = databaseName();
  if (!/_bench/.test(name))
    throw new Error(`refusing to recreate "${name}": the bench database name must contain _bench`);
  url.pathname = '/';
  const db = await mysql.createConnection({ uri: url.toString() });
  try {
    await db.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await db.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await db.end();
  }
}

export function connect(options = {}) {
  return mysql.createConnection({ uri: DATABASE_URL, timezone: 'Z', ...options });
}

/**
 * The built server as production runs it: one process (API + worker: outbox relay, Bull queues), MariaDB,
 * Redis, the payment simulator, request logs on. The demo seed gives the admin, a catalog and 3 leaders on
 * a fresh database; the bench adds its own leaders and history with SQL.
 */
export function startCommissionServer({ secret, logLevel = process.env.BENCH_LOG_LEVEL ?? 'info' }) {
  return startServer({
    serverMain: path.resolve(REPO_ROOT, process.env.BENCH_SERVER_MAIN ?? 'server/dist/main.js'),
    unset: ['SQLITE_PATH'],
    tmpPrefix: 'linli-bench-commission-',
    keepLog: Boolean(process.env.BENCH_KEEP_LOG),
    env: {
      NODE_ENV: 'production',
      DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: `linli-bench-commission-${randomBytes(3).toString('hex')}`,
      JWT_SECRET: secret,
      PAYMENT_PROVIDER: 'simulator',
      SEED_DEMO: 'true',
      ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD,
      RATE_LIMIT_PER_MINUTE: '1000000', // the bench measures the server, not the limiter's 429s
      LOG_LEVEL: logLevel, // request logs are part of the real cost
    },
  });
}

/** One HTTP call with an optional bearer token; throws on anything but 2xx. */
export async function call(baseUrl, method, pathName, token, body, headers = {}) {
  const res = await fetch(`${baseUrl}${pathName}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${pathName}: HTTP ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/** Logs in as the admin the demo seed created. */
export async function adminToken(baseUrl) {
  const login = await call(baseUrl, 'POST', '/api/admin/auth/login', null, {
    username: 'admin',
    password: ADMIN_PASSWORD,
  });
  return login.accessToken;
}
