// "Does MariaDB / Redis answer at this URL?" — used to decide whether the services suite can run.
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './workspaces.mjs';

// The drivers are server dependencies; resolve them the way the server does.
const requireFromServer = createRequire(path.join(REPO_ROOT, 'server', 'package.json'));

/** @returns {Promise<string | null>} null when MySQL answers, else why not */
export async function probeMysql(url, timeoutMs = 3000) {
  let mysql;
  try {
    mysql = requireFromServer('mysql2/promise');
  } catch {
    return 'the mysql2 driver is not installed (run npm ci)';
  }
  // The test harness creates its own database, so connect to the server without selecting one.
  let uri;
  try {
    const u = new URL(url);
    u.pathname = '/';
    uri = u.toString();
  } catch {
    return `DATABASE_URL is not a URL: ${url}`;
  }
  let conn;
  try {
    conn = await mysql.createConnection({ uri, connectTimeout: timeoutMs });
    await conn.query('SELECT 1');
    return null;
  } catch (err) {
    return `MySQL/MariaDB does not answer at ${redact(url)} (${errText(err)})`;
  } finally {
    await conn?.end().catch(() => undefined);
  }
}

/** @returns {Promise<string | null>} null when Redis answers PING, else why not */
export async function probeRedis(url, timeoutMs = 3000) {
  let Redis;
  try {
    Redis = requireFromServer('ioredis');
  } catch {
    return 'the ioredis driver is not installed (run npm ci)';
  }
  const client = new (Redis.default ?? Redis)(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The socket error (ECONNREFUSED, ENOTFOUND…) says more than the "Connection is closed" that follows it.
  let socketError;
  client.on('error', (err) => (socketError ??= err));
  try {
    await client.connect();
    const reply = await client.ping();
    return reply === 'PONG' ? null : `Redis at ${redact(url)} answered ${reply}`;
  } catch (err) {
    return `Redis does not answer at ${redact(url)} (${errText(socketError ?? err)})`;
  } finally {
    client.disconnect();
  }
}

function errText(err) {
  if (err && typeof err === 'object') return String(err.code ?? err.message ?? err);
  return String(err);
}

export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
