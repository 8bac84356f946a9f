#!/usr/bin/env node
// bench/fulfillment: after the cut-off, how long does the warehouse wait for its lists? On MariaDB + Redis
// with the built server in production mode: 10,000 paid orders of one campaign over 500 pickup points
// (placed and paid through the real API), cut off by the server's own sweep, 20 delivery routes of 25
// stops. Then, BENCH_RUNS times, every list of the wave is fetched as the screens and exports do:
// demand, the pick list of every point, the wave's summary pick list, the purchase lists, and the delivery
// sheet of every route (JSON), then the same lists as Excel. Prints medians. Not a test: it never fails
// on the figures.
//
//   node bench/fulfillment/run.mjs        (BENCH_ORDERS=10000 BENCH_POINTS=500 BENCH_ROUTES=20 BENCH_RUNS=5)
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, positiveInt, printTable, startServer } from '../lib/bench-kit.mjs';
import { ensureBuilt, REPO_ROOT, serverRequire } from '../members/common.mjs';
import { memberToken } from '../flash-sale/tokens.mjs';

const mysql = serverRequire('mysql2/promise');
const ORDERS = positiveInt('BENCH_ORDERS', 10_000);
const POINTS = positiveInt('BENCH_POINTS', 500);
const ROUTES = positiveInt('BENCH_ROUTES', 20);
const RUNS = positiveInt('BENCH_RUNS', 5);
const PRODUCTS = 20;
const CONCURRENCY = 32;
const DATABASE_URL =
  process.env.BENCH_FULFILLMENT_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/linli_bench_fulfillment';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_PASSWORD = 'BenchFulfil2026';
const log = (line) => console.error(`[bench] ${line}`);
/** 1×1 PNG for the product images. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function recreateDatabase() {
  const url = new URL(DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/_bench/.test(name)) throw new Error(`refusing to recreate "${name}": the name must contain _bench`);
  url.pathname = '/';
  const db = await mysql.createConnection({ uri: url.toString() });
  await db.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await db.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await db.end();
}

/** One HTTP call; JSON back (or the byte count of a file); throws on anything but 2xx. */
async function call(baseUrl, method, pathName, token, body, headers = {}) {
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
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return res.json();
  return (await res.arrayBuffer()).byteLength;
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function pool(items, limit, task) {
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  });
  await Promise.all(workers);
}

/** 500 leaders with a pickup point each (set-based SQL over MariaDB's Sequence engine). */
async function seedLeaders(db) {
  const [[{ base }]] = await db.query('SELECT COALESCE(MAX(id), 0) + 1000 AS base FROM members');
  const [[{ leaderBase }]] = await db.query('SELECT COALESCE(MAX(id), 0) + 1000 AS leaderBase FROM leaders');
  const now = new Date();
  await db.query(
    `INSERT INTO members (id, openid, nickname, phone, current_leader_id, channel, attributed_at, created_at, updated_at)
     SELECT ? + seq, CONCAT('bench-fl-leader-', seq), CONCAT('团长', seq), CONCAT('139', LPAD(seq, 8, '0')),
            ? + seq, 'direct', ?, ?, ?
       FROM seq_1_to_${POINTS}`,
    [base, leaderBase, now, now, now],
  );
  await db.query(
    `INSERT INTO leaders (id, member_id, name, phone, status, invite_code, applied_at, reviewed_at, level_id,
                          created_at, updated_at)
     SELECT ? + seq, ? + seq, CONCAT('团长', seq), CONCAT('139', LPAD(seq, 8, '0')), 'active',
            CONCAT('F', LPAD(seq, 7, '0')), ?, ?, 1, ?, ?
       FROM seq_1_to_${POINTS}`,
    [leaderBase, base, now, now, now, now],
  );
  await db.query(
    `INSERT INTO pickup_points (leader_id, name, address, opening_hours, contact_phone, created_at, updated_at)
     SELECT ? + seq, CONCAT('邻里', seq, '号自提点'), CONCAT('浙江省杭州市西湖区文三路', seq, '号'),
            '08:00-20:00', CONCAT('139', LPAD(seq, 8, '0')), ?, ?
       FROM seq_1_to_${POINTS}`,
    [leaderBase, now, now],
  );
  return Array.from({ length: POINTS }, (_, i) => leaderBase + i + 1);
}

/** `ORDERS` buyers spread over the leaders, with member tokens signed like the server's. */
async function seedBuyers(db, leaderIds, secret) {
  const tag = randomBytes(3).toString('hex');
  const now = new Date();
  const rows = Array.from({ length: ORDERS }, (_, i) => {
    const leaderId = leaderIds[i % leaderIds.length];
    return [`bench-fl-${tag}-${i}`, `买家${i}`, leaderId, 'share_card', leaderId, now];
  });
  for (let start = 0; start < rows.length; start += 2000) {
    await db.query(
      'INSERT INTO members (openid, nickname, current_leader_id, channel, first_leader_id, attributed_at) VALUES ?',
      [rows.slice(start, start + 2000)],
    );
  }
  const [ids] = await db.query('SELECT id FROM members WHERE openid LIKE ? ORDER BY id', [
    `bench-fl-${tag}-%`,
  ]);
  return ids.map((r) => memberToken(secret, r.id));
}

/** 20 products with plenty of stock, on sale, and a live campaign offering them to every leader. */
async function liveCampaign(baseUrl, admin, db) {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'p.png');
  const upload = await fetch(`${baseUrl}/api/admin/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}` },
    body: form,
  });
  const image = (await upload.json()).key;
  const items = [];
  for (let i = 0; i < PRODUCTS; i += 1) {
    const product = await call(baseUrl, 'POST', '/api/admin/products', admin, {
      name: `备货商品 ${i + 1}`,
      imageKeys: [image],
      specDimensions: [],
      skus: [
        { specValues: [], price: 1990 + i * 100, cost: 900, lowStockThreshold: 0, initialStock: ORDERS * 3 },
      ],
    });
    await call(baseUrl, 'POST', `/api/admin/products/${product.id}/status`, admin, { status: 'on_sale' });
    items.push({
      skuId: product.skus[0].id,
      groupPrice: 990 + i * 100,
      originalPrice: 1990 + i * 100,
      perMemberLimit: 0,
      stockCap: null,
    });
  }
  const now = Date.now();
  const draft = await call(baseUrl, 'POST', '/api/admin/campaigns', admin, {
    title: '履约压测团',
    coverKey: null,
    description: null,
    startAt: new Date(now + 60_000).toISOString(),
    cutoffAt: new Date(now + 3 * 3600_000).toISOString(),
    endAt: new Date(now + 4 * 3600_000).toISOString(),
    pickupDate: new Date(now + 24 * 3600_000).toISOString().slice(0, 10),
    audience: { kind: 'all', levelIds: [], leaderIds: [] },
    flashSale: false,
    items,
  });
  await db.query('UPDATE campaigns SET start_at = ? WHERE id = ?', [new Date(now - 60_000), draft.id]);
  const live = await call(baseUrl, 'POST', `/api/admin/campaigns/${draft.id}/schedule`, admin, {});
  if (live.status !== 'live') throw new Error(`campaign ${draft.id} is ${live.status}`);
  return live;
}

/** Every buyer orders 1–3 items and pays through the simulator (the real notification pipeline). */
async function placeAndPay(baseUrl, campaign, tokens) {
  let done = 0;
  await pool(tokens, CONCURRENCY, async (token, i) => {
    const lineCount = 1 + (i % 3);
    const lines = Array.from({ length: lineCount }, (_, k) => ({
      itemId: campaign.items[(i * 7 + k * 5) % campaign.items.length].id,
      quantity: 1 + ((i + k) % 3),
    }));
    const order = await call(
      baseUrl,
      'POST',
      '/api/app/orders',
      token,
      { campaignId: campaign.id, lines },
      {
        'idempotency-key': randomUUID(),
      },
    );
    const pay = await call(baseUrl, 'POST', `/api/app/orders/${order.id}/pay`, token, {});
    await call(baseUrl, 'POST', `/api/app/payments/simulator/${pay.outTradeNo}/pay`, token, {});
    done += 1;
    if (done % 2000 === 0) log(`${done} orders paid`);
  });
}

async function until(what, probe, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function timed(fn) {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

async function main() {
  ensureBuilt(log);
  await recreateDatabase();
  const secret = randomBytes(32).toString('hex');
  const server = await startServer({
    serverMain: path.resolve(REPO_ROOT, process.env.BENCH_SERVER_MAIN ?? 'server/dist/main.js'),
    unset: ['SQLITE_PATH'],
    tmpPrefix: 'linli-bench-fulfillment-',
    keepLog: Boolean(process.env.BENCH_KEEP_LOG),
    env: {
      NODE_ENV: 'production',
      DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: `linli-bench-fulfillment-${randomBytes(3).toString('hex')}`,
      JWT_SECRET: secret,
      PAYMENT_PROVIDER: 'simulator',
      SEED_DEMO: 'true',
      ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD,
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    },
  });
  const db = await mysql.createConnection({ uri: DATABASE_URL, timezone: 'Z' });
  try {
    const { baseUrl } = server;
    const admin = (
      await call(baseUrl, 'POST', '/api/admin/auth/login', null, {
        username: 'admin',
        password: ADMIN_PASSWORD,
      })
    ).accessToken;
    log(`seeding ${POINTS} pickup points and ${ORDERS} buyers`);
    const leaderIds = await seedLeaders(db);
    const tokens = await seedBuyers(db, leaderIds, secret);
    const campaign = await liveCampaign(baseUrl, admin, db);
    const placing = await timed(() => placeAndPay(baseUrl, campaign, tokens));
    log(`${ORDERS} orders placed and paid in ${(placing.ms / 1000).toFixed(1)} s`);

    // The cut-off: its time passes, the server's sweep (every minute) cuts the campaign off.
    await db.query('UPDATE campaigns SET cutoff_at = ? WHERE id = ?', [
      new Date(Date.now() - 1000),
      campaign.id,
    ]);
    const cut = await timed(() =>
      until('the cut-off sweep to lock every order', async () => {
        const [[row]] = await db.query(
          "SELECT SUM(status = 'locked') AS locked, SUM(status = 'paid') AS paid FROM orders WHERE campaign_id = ?",
          [campaign.id],
        );
        return Number(row.locked) === ORDERS && Number(row.paid) === 0;
      }),
    );
    const waves = await call(baseUrl, 'GET', `/api/admin/fulfillment/waves?campaignId=${campaign.id}`, admin);
    const waveId = waves.items[0].id;
    log(`wave ${waveId}: ${ORDERS} orders locked ${(cut.ms / 1000).toFixed(1)} s after the cut-off time`);

    const perRoute = Math.ceil(POINTS / ROUTES);
    const routes = [];
    for (let r = 0; r < ROUTES; r += 1) {
      const stops = leaderIds.slice(r * perRoute, (r + 1) * perRoute);
      if (stops.length === 0) break;
      const route = await call(baseUrl, 'POST', '/api/admin/fulfillment/routes', admin, {
        name: `线路${r + 1}`,
        driverName: `司机${r + 1}`,
        driverPhone: `138${String(r + 1).padStart(8, '0')}`,
        vehicle: `浙A·${String(10000 + r)}`,
        stops,
      });
      routes.push(route.id);
    }
    const purchase = await timed(() =>
      call(baseUrl, 'POST', `/api/admin/fulfillment/waves/${waveId}/purchase-lists`, admin, {}),
    );

    const wave = `/api/admin/fulfillment/waves/${waveId}`;
    const lists = (suffix) => [
      ['demand', () => call(baseUrl, 'GET', `${wave}/demand`, admin)],
      [`pick lists (${POINTS} points)`, () => call(baseUrl, 'GET', `${wave}/pick-lists${suffix}`, admin)],
      ['summary pick list', () => call(baseUrl, 'GET', `${wave}/pick-summary${suffix}`, admin)],
      ['purchase lists', () => call(baseUrl, 'GET', `${wave}/purchase-lists`, admin)],
      [
        `delivery sheets (${routes.length} routes)`,
        async () => {
          for (const id of routes)
            await call(baseUrl, 'GET', `${wave}/routes/${id}/delivery-sheet${suffix}`, admin);
        },
      ],
    ];
    const measure = async (suffix) => {
      const samples = new Map();
      const totals = [];
      for (let run = 0; run < RUNS + 1; run += 1) {
        let total = 0;
        for (const [name, fn] of lists(suffix)) {
          const { ms } = await timed(fn);
          total += ms;
          if (run > 0) samples.set(name, [...(samples.get(name) ?? []), ms]); // run 0 warms up
        }
        if (run > 0) totals.push(total);
      }
      return { samples, total: median(totals) };
    };
    const json = await measure('');
    const xlsx = await measure('?format=xlsx');

    const [[orders]] = await db.query(
      'SELECT COUNT(*) AS n, SUM(item_count) AS units FROM orders WHERE campaign_id = ?',
      [campaign.id],
    );
    console.log(
      `\nfulfillment lists for ${Number(orders.n).toLocaleString('en')} orders (${Number(orders.units).toLocaleString('en')} units, ${PRODUCTS} SKUs) over ${POINTS} pickup points, ${routes.length} routes; ${RUNS} runs after a warm-up, medians; load average ${os.loadavg()[0].toFixed(1)}`,
    );
    const rows = [['format', 'list', 'median ms']];
    for (const [label, result] of [
      ['JSON', json],
      ['Excel', xlsx],
    ]) {
      for (const [name, values] of result.samples) rows.push([label, name, median(values).toFixed(0)]);
      rows.push([label, 'ALL LISTS (sequential)', result.total.toFixed(0)]);
    }
    rows.push(['once', 'generate purchase lists (POST)', purchase.ms.toFixed(0)]);
    printTable(rows);
    console.log(
      `all lists as JSON in ${(json.total / 1000).toFixed(2)} s (aim < 2 s): ${json.total < 2000 ? 'yes' : 'NO'}`,
    );
  } finally {
    await db.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
