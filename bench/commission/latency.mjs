// Completion → ledger: paid orders prepared through the API (order, prepay, the payment simulator's
// notification), then the leaders verify their pickup codes at a fixed rate (open loop: a slow answer does
// not slow the stream down) and every order's accrual entry is awaited. The latency of an order is its
// accrual's commission_entries.created_at − orders.picked_up_at (both written by the server, same clock):
// the verify transaction's commit, the outbox relay, Bull, the `commission.accrue-order` handler.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { memberToken } from '../flash-sale/tokens.mjs';
import { call } from './setup.mjs';

// A 1×1 PNG: products need an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function uploadImage(baseUrl, admin) {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'p.png');
  const res = await fetch(`${baseUrl}/api/admin/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()).key;
}

const FRUITS = ['阳光玫瑰葡萄', '有机菠菜', '东北珍珠米', '土鸡蛋', '麒麟西瓜', '小台农芒果'];

/**
 * A live campaign of `items` new products (in the demo categories, various prices) with plenty of stock:
 * orders spread over them as over a real 团购's list, not all on one hot SKU row.
 */
export async function streamCampaign(baseUrl, admin, db, items) {
  const image = await uploadImage(baseUrl, admin);
  const skus = [];
  for (let i = 0; i < items; i += 1) {
    const price = 590 + ((i * 1370) % 6000);
    const product = await call(baseUrl, 'POST', '/api/admin/products', admin, {
      name: `基准 ${FRUITS[i % FRUITS.length]} ${randomUUID().slice(0, 6)}`,
      categoryId: 2 + (i % 5),
      imageKeys: [image],
      specDimensions: [],
      skus: [
        {
          specValues: [],
          price,
          cost: Math.round(price * 0.65),
          lowStockThreshold: 0,
          initialStock: 1_000_000,
        },
      ],
    });
    await call(baseUrl, 'POST', `/api/admin/products/${product.id}/status`, admin, { status: 'on_sale' });
    skus.push({ skuId: product.skus[0].id, price });
  }
  const now = Date.now();
  const draft = await call(baseUrl, 'POST', '/api/admin/campaigns', admin, {
    title: '佣金基准测试团',
    coverKey: null,
    description: null,
    startAt: new Date(now + 60_000).toISOString(),
    cutoffAt: new Date(now + 3 * 3600_000).toISOString(),
    endAt: new Date(now + 4 * 3600_000).toISOString(),
    pickupDate: new Date(now + 24 * 3600_000).toISOString().slice(0, 10),
    audience: { kind: 'all', levelIds: [], leaderIds: [] },
    flashSale: false,
    items: skus.map(({ skuId, price }) => ({
      skuId,
      groupPrice: Math.round(price * 0.8),
      originalPrice: price,
      perMemberLimit: 0,
      stockCap: null,
    })),
  });
  await db.query('UPDATE campaigns SET start_at = ? WHERE id = ?', [new Date(now - 60_000), draft.id]);
  const live = await call(baseUrl, 'POST', `/api/admin/campaigns/${draft.id}/schedule`, admin, {});
  if (live.status !== 'live') throw new Error(`campaign ${draft.id} is ${live.status}`);
  return { campaignId: live.id, itemIds: live.items.map((i) => i.id) };
}

/**
 * `leaderCount` seeded leaders (every k-th by id: big and small ones) with their member tokens, and a
 * buyer bound to each, inserted in bulk, with a token.
 */
export async function streamPeople(db, secret, leaderCount) {
  const [leaders] = await db.query(
    `SELECT id, member_id FROM leaders WHERE invite_code LIKE 'B%' AND status = 'active' ORDER BY id`,
  );
  const step = Math.max(1, Math.floor(leaders.length / leaderCount));
  const chosen = leaders.filter((_, i) => i % step === 0).slice(0, leaderCount);
  const tag = randomBytes(4).toString('hex');
  const now = new Date();
  const rows = chosen.map((l, i) => [`bench-cb-${tag}-${i}`, `买家${i}`, l.id, 'share_card', l.id, now]);
  await db.query(
    'INSERT INTO members (openid, nickname, current_leader_id, channel, first_leader_id, attributed_at) VALUES ?',
    [rows],
  );
  const [buyers] = await db.query(
    'SELECT id, current_leader_id FROM members WHERE openid LIKE ? ORDER BY id',
    [`bench-cb-${tag}-%`],
  );
  const buyerOf = new Map(buyers.map((b) => [Number(b.current_leader_id), Number(b.id)]));
  return chosen.map((l) => ({
    leaderId: Number(l.id),
    leaderToken: memberToken(secret, l.member_id),
    buyerToken: memberToken(secret, buyerOf.get(Number(l.id))),
  }));
}

/** Runs `fn(i)` for i in [0, count) with `concurrency` in flight. */
async function pool(count, concurrency, fn) {
  let next = 0;
  const results = new Array(count);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await fn(i);
      }
    }),
  );
  return results;
}

/** `count` paid orders of 1–3 lines, round-robin over the people; each with its pickup code. */
export async function preparePaidOrders(baseUrl, campaign, people, count, concurrency = 16) {
  return pool(count, concurrency, async (i) => {
    const who = people[i % people.length];
    // 1–3 different items, quantity 1–2, spread over the campaign's list.
    const n = campaign.itemIds.length;
    const lines = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
      itemId: campaign.itemIds[(i * 7 + k * 5) % n],
      quantity: 1 + ((i + k) % 2),
    }));
    const placed = await call(
      baseUrl,
      'POST',
      '/api/app/orders',
      who.buyerToken,
      { campaignId: campaign.campaignId, lines },
      { 'idempotency-key': randomUUID() },
    );
    const pay = await call(baseUrl, 'POST', `/api/app/orders/${placed.id}/pay`, who.buyerToken, {});
    const paid = await call(
      baseUrl,
      'POST',
      `/api/app/payments/simulator/${pay.outTradeNo}/pay`,
      who.buyerToken,
      {},
    );
    if (!paid.pickupCode) throw new Error(`order ${placed.id} has no pickup code (status ${paid.status})`);
    return { orderId: placed.id, code: paid.pickupCode, leaderToken: who.leaderToken };
  });
}

/** Waits until the outbox has relayed everything and no delivery of it is left unprocessed. */
export async function settle(db, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [[row]] = await db.query('SELECT COUNT(*) AS n FROM outbox_events WHERE relayed_at IS NULL');
    if (Number(row.n) === 0) break;
    if (Date.now() > deadline) throw new Error(`outbox still has ${row.n} events to relay`);
    await sleep(200);
  }
  await sleep(3000); // the queue drains what was relayed last
}

const percentile = (sorted, p) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export function latencyFigures(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/**
 * Verifies `orders` at `rate` per second (open loop), then waits for every accrual entry; returns the
 * completion → entry latencies, the verify response times and the rate actually achieved.
 */
export async function stream(baseUrl, db, orders, rate, waitMs = 120_000) {
  const verifyMs = [];
  const answeredAt = new Map();
  const errors = [];
  const t0 = performance.now();
  const inFlight = [];
  for (const [i, order] of orders.entries()) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(
      (async () => {
        const start = performance.now();
        try {
          await call(baseUrl, 'POST', '/api/app/leader/pickups/verify', order.leaderToken, {
            code: order.code,
          });
          verifyMs.push(performance.now() - start);
          answeredAt.set(order.orderId, Date.now());
        } catch (error) {
          errors.push(String(error.message ?? error).slice(0, 200));
        }
      })(),
    );
  }
  const sentSeconds = (performance.now() - t0) / 1000;
  await Promise.all(inFlight);
  const ids = orders.map((o) => o.orderId);
  const keys = ids.map((id) => `accrual:${id}`);
  const deadline = Date.now() + waitMs;
  let found = 0;
  for (;;) {
    const [[row]] = await db.query('SELECT COUNT(*) AS n FROM commission_entries WHERE entry_key IN (?)', [
      keys,
    ]);
    found = Number(row.n);
    if (found >= orders.length - errors.length || Date.now() > deadline) break;
    await sleep(250);
  }
  const [rows] = await db.query(
    `SELECT o.id, o.picked_up_at, e.created_at
       FROM orders o JOIN commission_entries e ON e.entry_key = CONCAT('accrual:', o.id)
      WHERE o.id IN (?)`,
    [ids],
  );
  return {
    rate,
    sent: orders.length,
    achievedRate: orders.length / sentSeconds,
    errors,
    missing: orders.length - errors.length - rows.length,
    latency: latencyFigures(rows.map((r) => r.created_at.getTime() - r.picked_up_at.getTime())),
    // From the moment the leader's phone got its answer (the completion committed): same machine clock.
    afterAnswer: latencyFigures(
      rows
        .filter((r) => answeredAt.has(Number(r.id)))
        .map((r) => r.created_at.getTime() - answeredAt.get(Number(r.id))),
    ),
    verify: latencyFigures(verifyMs),
  };
}
