// Everything the flash-sale bench prepares before it measures: a fresh MariaDB database, the built server
// in production mode on it (MariaDB + Redis + Bull), a product and a live campaign per run, and buyers
// with their access tokens.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { startServer } from '../lib/bench-kit.mjs';
import { REPO_ROOT, serverRequire } from '../members/common.mjs';
import { memberToken } from './tokens.mjs';

const mysql = serverRequire('mysql2/promise');

export const DATABASE_URL =
  process.env.BENCH_FLASH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/linli_bench_flash';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_PASSWORD = 'BenchFlash2026';
// A 1×1 PNG: products need an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Drops and re-creates the bench database (its name must end in _bench…, so nothing else is ever wiped). */
export async function recreateDatabase() {
  const url = new URL(DATABASE_URL);
  const name = url.pathname.slice(1);
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

export function connect() {
  return mysql.createConnection({ uri: DATABASE_URL });
}

/** The built server as production runs it (one process: API + worker), with the demo seed for leaders. */
export function startFlashServer({ secret, gate }) {
  return startServer({
    serverMain: path.resolve(REPO_ROOT, process.env.BENCH_SERVER_MAIN ?? 'server/dist/main.js'),
    unset: ['SQLITE_PATH'],
    tmpPrefix: 'linli-bench-flash-',
    keepLog: Boolean(process.env.BENCH_KEEP_LOG),
    env: {
      NODE_ENV: 'production',
      DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: `linli-bench-flash-${randomBytes(3).toString('hex')}`,
      JWT_SECRET: secret,
      PAYMENT_PROVIDER: 'simulator',
      FLASH_SALE_GATE: gate ? 'on' : 'off',
      SEED_DEMO: 'true',
      ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD,
      RATE_LIMIT_PER_MINUTE: '1000000', // the bench measures the server, not the limiter's 429s
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', // request logs are part of the real cost
    },
  });
}

/** Logs in as the admin and returns a small client for the calls the bench needs. */
export async function adminClient(baseUrl) {
  const login = await call(baseUrl, 'POST', '/api/admin/auth/login', null, {
    username: 'admin',
    password: ADMIN_PASSWORD,
  });
  const token = login.accessToken;
  return {
    async uploadImage() {
      const form = new FormData();
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'p.png');
      const res = await fetch(`${baseUrl}/api/admin/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      if (res.status !== 201) throw new Error(`upload: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()).key;
    },
    post: (pathName, body) => call(baseUrl, 'POST', pathName, token, body),
  };
}

async function call(baseUrl, method, pathName, token, body) {
  const res = await fetch(`${baseUrl}${pathName}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${pathName}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * A live campaign of one new product holding `units` (stock), optionally a flash sale. Created through the
 * admin API; its start is moved a minute into the past in the database so scheduling makes it live at once.
 */
export async function liveCampaign(admin, db, { units, flashSale, title }) {
  const image = await admin.uploadImage();
  const product = await admin.post('/api/admin/products', {
    name: `${title} ${randomUUID().slice(0, 6)}`,
    imageKeys: [image],
    specDimensions: [],
    skus: [{ specValues: [], price: 1990, cost: 900, lowStockThreshold: 0, initialStock: units }],
  });
  await admin.post(`/api/admin/products/${product.id}/status`, { status: 'on_sale' });
  const now = Date.now();
  const draft = await admin.post('/api/admin/campaigns', {
    title,
    coverKey: null,
    description: null,
    startAt: new Date(now + 60_000).toISOString(),
    cutoffAt: new Date(now + 3 * 3600_000).toISOString(),
    endAt: new Date(now + 4 * 3600_000).toISOString(),
    pickupDate: new Date(now + 24 * 3600_000).toISOString().slice(0, 10),
    audience: { kind: 'all', levelIds: [], leaderIds: [] },
    flashSale,
    items: [
      { skuId: product.skus[0].id, groupPrice: 990, originalPrice: 1990, perMemberLimit: 0, stockCap: null },
    ],
  });
  await db.query('UPDATE campaigns SET start_at = ? WHERE id = ?', [new Date(now - 60_000), draft.id]);
  const live = await admin.post(`/api/admin/campaigns/${draft.id}/schedule`, {});
  if (live.status !== 'live') throw new Error(`campaign ${draft.id} is ${live.status}`);
  return { campaignId: live.id, itemId: live.items[0].id, skuId: product.skus[0].id };
}

/** `count` buyers bound to the first demo leader, inserted in bulk, each with an access token. */
export async function createBuyers(db, secret, count) {
  const [[leader]] = await db.query('SELECT id FROM leaders ORDER BY id LIMIT 1');
  const tag = randomBytes(4).toString('hex');
  const now = new Date();
  for (let start = 0; start < count; start += 2000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 2000); i += 1) {
      rows.push([`bench-${tag}-${i}`, `抢购者${i}`, leader.id, 'share_card', leader.id, now]);
    }
    await db.query(
      'INSERT INTO members (openid, nickname, current_leader_id, channel, first_leader_id, attributed_at) VALUES ?',
      [rows],
    );
  }
  const [ids] = await db.query('SELECT id FROM members WHERE openid LIKE ? ORDER BY id', [`bench-${tag}-%`]);
  return ids.map((r) => ({ memberId: Number(r.id), token: memberToken(secret, r.id) }));
}

/** The oversell check: orders, units sold, stock and the ledger of the race's SKU. */
export async function saleCheck(db, { campaignId, skuId }) {
  const [[orders]] = await db.query(
    "SELECT COUNT(*) AS n, COALESCE(SUM(item_count), 0) AS units FROM orders WHERE campaign_id = ? AND status <> 'cancelled'",
    [campaignId],
  );
  const [[sku]] = await db.query('SELECT stock, reserved FROM skus WHERE id = ?', [skuId]);
  const [[ledger]] = await db.query(
    'SELECT COALESCE(SUM(stock_delta), 0) AS stock, COALESCE(SUM(reserved_delta), 0) AS reserved FROM stock_movements WHERE sku_id = ?',
    [skuId],
  );
  return {
    orders: Number(orders.n),
    unitsSold: Number(orders.units),
    stock: Number(sku.stock),
    reserved: Number(sku.reserved),
    ledgerConsistent:
      Number(ledger.stock) === Number(sku.stock) && Number(ledger.reserved) === Number(sku.reserved),
  };
}
