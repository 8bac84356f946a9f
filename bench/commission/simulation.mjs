// Recalculation: the rule-set simulation over every completed order of the seeded month, through the API,
// and the two floors it is made of, measured in the bench process on the same rows: reading them out of
// MariaDB (the server's query, the server's driver) and the calculator alone (JSON.parse + the server's
// own calculateOrderCommission + the per-leader sums).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT, serverRequire } from '../members/common.mjs';
import { call, connect } from './setup.mjs';

const { calculateOrderCommission } = serverRequire(
  path.join(REPO_ROOT, 'server/dist/modules/commission/domain/order-commission.js'),
);

/** The window of the seeded history (and everything completed since): at most the server's 400 days. */
export async function historyWindow(db) {
  const [[row]] = await db.query(
    'SELECT MIN(completed_at) AS first, MAX(completed_at) AS last FROM commission_orders',
  );
  return {
    from: new Date(new Date(row.first).getTime() - 1000).toISOString(),
    to: new Date(Math.max(new Date(row.last).getTime(), Date.now()) + 60_000).toISOString(),
  };
}

/**
 * The "what if" rule set: other level rates and default, three overrides (a product rate, a category rate, a
 * fixed amount per unit) and referral on the downline's commission — every branch of the calculator.
 */
export async function createWhatIfRuleSet(baseUrl, admin) {
  const template = await call(baseUrl, 'GET', '/api/admin/commission/rule-sets/template', admin);
  const rules = {
    ...template,
    defaultRateBps: 900,
    levelRates: template.levelRates.map((l) => ({ levelId: l.levelId, rateBps: l.rateBps + 150 })),
    overrides: [
      { targetKind: 'product', targetId: 2, mode: 'rate', rateBps: 800, fixedFen: null },
      { targetKind: 'category', targetId: 3, mode: 'rate', rateBps: 1100, fixedFen: null },
      { targetKind: 'product', targetId: 6, mode: 'fixed', rateBps: null, fixedFen: 30 },
    ],
    referral: { base: 'commission', level1Bps: 1000, level2Bps: 500 },
  };
  const draft = await call(baseUrl, 'POST', '/api/admin/commission/rule-sets', admin, {
    name: `试算方案 ${new Date().toISOString().slice(11, 19)}`,
    rules,
  });
  return { id: draft.id, rules };
}

/** One simulation through the API: the wall time the admin waits and the server's own figures. */
export async function simulateOnce(baseUrl, admin, ruleSetId, window) {
  const t0 = performance.now();
  const result = await call(
    baseUrl,
    'POST',
    `/api/admin/commission/rule-sets/${ruleSetId}/simulate`,
    admin,
    window,
  );
  return { wallMs: performance.now() - t0, ...result };
}

const SELECT_BATCH = `
  SELECT o.order_id AS order_id, o.leader_id AS leader_id, o.level_id AS level_id, o.upline1_id AS upline1_id,
         o.upline2_id AS upline2_id, o.paid_amount AS paid_amount, o.\`lines\` AS \`lines\`,
         o.accrual_amount AS accrual_amount, o.referral1_amount AS referral1_amount,
         o.referral2_amount AS referral2_amount
    FROM commission_orders o
   WHERE o.order_id > ? AND o.completed_at >= ? AND o.completed_at < ?
   ORDER BY o.order_id ASC LIMIT ?`;

/**
 * Floor 1: the rows alone — the server's query in batches of `batch` (as the server reads them), read with
 * mysql2 (the server's driver and settings: bigints as strings), counted and dropped, nothing computed.
 */
export async function readFloor(window, batch = 5_000) {
  const db = await connect({ supportBigNumbers: true, bigNumberStrings: true });
  try {
    const from = new Date(window.from);
    const to = new Date(window.to);
    let rows = 0;
    const t0 = performance.now();
    let afterId = 0;
    for (;;) {
      const [page] = await db.query(SELECT_BATCH, [afterId, from, to, batch]);
      rows += page.length;
      if (page.length < batch) break;
      afterId = Number(page[page.length - 1].order_id);
    }
    return { ms: performance.now() - t0, rows };
  } finally {
    await db.end();
  }
}

/** `count` rows of the window (the newest), for the calculator floor. */
export async function sampleRows(window, count) {
  const db = await connect({ supportBigNumbers: true, bigNumberStrings: true });
  try {
    const [rows] = await db.query(
      SELECT_BATCH.replace('ORDER BY o.order_id ASC', 'ORDER BY o.order_id DESC'),
      [0, new Date(window.from), new Date(window.to), count],
    );
    return rows;
  } finally {
    await db.end();
  }
}

/**
 * Floor 2: what the server computes per row (the same code as its loop: JSON.parse of the lines, the
 * server's calculateOrderCommission, the per-leader sums) over `sample` rows held in memory, repeated until
 * `orders` rows were computed. No database, no driver, no HTTP.
 */
export function computeFloor(sample, rules, orders) {
  const recordedBy = new Map();
  const simulatedBy = new Map();
  const add = (map, leaderId, amount) => map.set(leaderId, (map.get(leaderId) ?? 0) + amount);
  let simulatedFen = 0;
  let done = 0;
  const t0 = performance.now();
  while (done < orders) {
    for (const row of sample) {
      if (done === orders) break;
      const leaderId = Number(row.leader_id);
      const uplines = [row.upline1_id, row.upline2_id]
        .filter((u) => u !== null)
        .map((u) => ({ leaderId: Number(u) }));
      const result = calculateOrderCommission({
        order: {
          orderId: Number(row.order_id),
          paidFen: Number(row.paid_amount),
          lines: JSON.parse(row.lines),
        },
        leader: { leaderId, levelId: row.level_id === null ? null : Number(row.level_id) },
        uplines,
        rules,
      });
      add(recordedBy, leaderId, Number(row.accrual_amount));
      uplines.forEach((u, depth) =>
        add(recordedBy, u.leaderId, Number(depth === 0 ? row.referral1_amount : row.referral2_amount)),
      );
      for (const entry of [result.accrual, ...result.referrals]) {
        add(simulatedBy, entry.leaderId, entry.amount);
        simulatedFen += entry.amount;
      }
      done += 1;
    }
  }
  return { ms: performance.now() - t0, simulatedFen };
}
