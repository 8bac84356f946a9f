#!/usr/bin/env node
// bench/flash-sale: checkout under a flash sale, on MariaDB + Redis with the API in production mode.
//
//   node bench/flash-sale/run.mjs            (BENCH_RUNS=3 BENCH_CONNECTIONS=200 BENCH_BUYERS=20000 BENCH_UNITS=1000 BENCH_DURATION=10)
//
// Scenarios (each run on a fresh campaign; medians over BENCH_RUNS):
//   burst      BENCH_BUYERS distinct buyers race for one flash-sale SKU with BENCH_UNITS units, one each
//   burst-db   the same race on the database-only path (no Redis gate): a baseline
//   sustained  enough stock that every request creates an order, for BENCH_DURATION s (gate on)
//   sustained-db   the same on the database-only path: a baseline
//   ceiling    a minimal raw Fastify + Lua server doing the same reservation (burst and sustained): the
//              best this machine can do for "authenticated request → atomic Redis reservation"
// After every burst the oversell check reads the database: accepted orders = units sold = BENCH_UNITS,
// no negative stock, the stock ledger adds up. Not a test: it prints figures and never fails on them.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, median, positiveInt, printTable } from '../lib/bench-kit.mjs';
import { ensureBuilt } from '../members/common.mjs';
import { drive } from './load.mjs';
import {
  adminClient,
  connect,
  createBuyers,
  liveCampaign,
  recreateDatabase,
  REDIS_URL,
  saleCheck,
  startFlashServer,
} from './setup.mjs';

const RUNS = positiveInt('BENCH_RUNS', 3);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 200);
const BUYERS = positiveInt('BENCH_BUYERS', 20_000);
const UNITS = positiveInt('BENCH_UNITS', 1_000);
const DURATION = positiveInt('BENCH_DURATION', 10);
const SUSTAINED_STOCK = 1_000_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line) => console.error(`[bench] ${line}`);

const figures = (outcome) => ({
  rps: outcome.result.requests.average,
  p50: outcome.result.latency.p50,
  p99: outcome.result.latency.p99,
  accepted: outcome.accepted,
  acceptedPerSecond: outcome.accepted / (outcome.result.duration || 1),
  errors: outcome.result.errors + outcome.result.timeouts,
  non2xx409: Object.entries(outcome.statuses)
    .filter(([s]) => !['201', '409'].includes(s))
    .reduce((n, [, c]) => n + c, 0),
  msToSoldOut: outcome.msToLastAccepted,
  statuses: outcome.statuses,
});

async function serverScenarios(secret, gate, buyers) {
  const db = await connect();
  const server = await startFlashServer({ secret, gate });
  const label = gate ? '' : '-db';
  const results = { [`burst${label}`]: [], [`sustained${label}`]: [] };
  try {
    const admin = await adminClient(server.baseUrl);
    const pool = buyers.length ? buyers : await createBuyers(db, secret, BUYERS);
    const url = `${server.baseUrl}/api/app/orders`;
    // Warm-up: JIT, connection pools, the gate's script cache.
    const warm = await liveCampaign(admin, db, { units: SUSTAINED_STOCK, flashSale: gate, title: '热身' });
    await drive({
      url,
      connections: CONNECTIONS,
      duration: 3,
      keyPrefix: `warm-${randomBytes(3).toString('hex')}`,
      buyerFor: (i) => pool[i % pool.length],
      bodyFor: () => ({ campaignId: warm.campaignId, lines: [{ itemId: warm.itemId, quantity: 1 }] }),
    });
    for (let run = 1; run <= RUNS; run += 1) {
      const race = await liveCampaign(admin, db, {
        units: UNITS,
        flashSale: gate,
        title: gate ? '整点秒杀' : '限量团购',
      });
      const burst = await drive({
        url,
        connections: CONNECTIONS,
        amount: BUYERS,
        keyPrefix: `burst-${run}-${randomBytes(3).toString('hex')}`,
        buyerFor: (i) => pool[i % pool.length],
        bodyFor: () => ({ campaignId: race.campaignId, lines: [{ itemId: race.itemId, quantity: 1 }] }),
      });
      const check = await saleCheck(db, race);
      results[`burst${label}`].push({ ...figures(burst), check });
      log(
        `burst${label} run ${run}: ${burst.result.requests.average.toFixed(0)} req/s, p99 ${burst.result.latency.p99} ms, ${JSON.stringify(burst.statuses)}, check ${JSON.stringify(check)}`,
      );

      const plenty = await liveCampaign(admin, db, {
        units: SUSTAINED_STOCK,
        flashSale: gate,
        title: '常规团购',
      });
      const sustained = await drive({
        url,
        connections: CONNECTIONS,
        duration: DURATION,
        keyPrefix: `sus-${run}-${randomBytes(3).toString('hex')}`,
        buyerFor: (i) => pool[i % pool.length],
        bodyFor: () => ({ campaignId: plenty.campaignId, lines: [{ itemId: plenty.itemId, quantity: 1 }] }),
      });
      results[`sustained${label}`].push(figures(sustained));
      log(
        `sustained${label} run ${run}: ${figures(sustained).acceptedPerSecond.toFixed(0)} orders/s, p99 ${sustained.result.latency.p99} ms, ${JSON.stringify(sustained.statuses)}`,
      );
    }
    return { results, pool };
  } finally {
    await server.stop();
    await db.end();
  }
}

async function ceilingScenarios(secret, buyers) {
  const results = { 'ceiling burst': [], 'ceiling sustained': [] };
  for (let run = 1; run <= RUNS; run += 1) {
    for (const [name, units, options] of [
      ['ceiling burst', UNITS, { amount: BUYERS }],
      ['ceiling sustained', SUSTAINED_STOCK, { duration: DURATION }],
    ]) {
      const port = await freePort();
      const child = fork(path.join(here, 'ceiling-server.mjs'), [], {
        env: {
          ...process.env,
          CEILING_PORT: String(port),
          CEILING_SECRET: secret,
          REDIS_URL,
          CEILING_PREFIX: `linli-bench-ceiling-${run}`,
          CEILING_UNITS: String(units),
        },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      await new Promise((resolve, reject) => {
        child.once('message', resolve);
        child.once('exit', reject);
      });
      try {
        const outcome = await drive({
          url: `http://127.0.0.1:${port}/order`,
          connections: CONNECTIONS,
          keyPrefix: `ceil-${run}`,
          ...options,
          buyerFor: (i) => buyers[i % buyers.length],
          bodyFor: () => ({ quantity: 1 }),
        });
        results[name].push(figures(outcome));
        log(
          `${name} run ${run}: ${outcome.result.requests.average.toFixed(0)} req/s, p99 ${outcome.result.latency.p99} ms, ${JSON.stringify(outcome.statuses)}`,
        );
      } finally {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
  }
  return results;
}

function summarize(runs) {
  const pick = (key) => median(runs.map((r) => r[key] ?? 0));
  return {
    rps: pick('rps'),
    p50: pick('p50'),
    p99: pick('p99'),
    acceptedPerSecond: pick('acceptedPerSecond'),
    errors: pick('errors'),
    unexpected: pick('non2xx409'),
    msToSoldOut: runs[0]?.msToSoldOut === undefined ? null : pick('msToSoldOut'),
    checks: runs.map((r) => r.check).filter(Boolean),
  };
}

async function main() {
  ensureBuilt(log);
  const secret = randomBytes(32).toString('hex');
  log('recreating the bench database');
  await recreateDatabase();
  log(
    `gate on: ${RUNS} × (burst of ${BUYERS} buyers for ${UNITS} units, ${DURATION} s sustained), ${CONNECTIONS} connections`,
  );
  const gated = await serverScenarios(secret, true, []);
  log('gate off (database only)');
  const plain = await serverScenarios(secret, false, gated.pool);
  log('ceiling: raw Fastify + Lua');
  const ceiling = await ceilingScenarios(secret, gated.pool);
  const all = { ...gated.results, ...plain.results, ...ceiling };
  const s = Object.fromEntries(Object.entries(all).map(([name, runs]) => [name, summarize(runs)]));

  const ratio = (a, b) => (b ? `${((a / b) * 100).toFixed(0)}%` : '–');
  const table = [
    [
      'scenario',
      'req/s',
      'accepted/s',
      'p50 ms',
      'p99 ms',
      'sold out after',
      'errors',
      'vs ceiling',
      'vs db-only',
    ],
  ];
  for (const [name, f] of Object.entries(s)) {
    const sustained = name.includes('sustained');
    const ceilingRef = sustained ? s['ceiling sustained'] : s['ceiling burst'];
    const dbRef = sustained ? s['sustained-db'] : s['burst-db'];
    table.push([
      name,
      f.rps.toFixed(0),
      f.acceptedPerSecond.toFixed(0),
      String(f.p50),
      String(f.p99),
      sustained || f.msToSoldOut === null ? '–' : `${(f.msToSoldOut / 1000).toFixed(2)} s`,
      String(f.errors + f.unexpected),
      name.startsWith('ceiling')
        ? '–'
        : ratio(
            sustained ? f.acceptedPerSecond : f.rps,
            sustained ? ceilingRef.acceptedPerSecond : ceilingRef.rps,
          ),
      name.startsWith('ceiling') || name.endsWith('-db')
        ? '–'
        : ratio(sustained ? f.acceptedPerSecond : f.rps, sustained ? dbRef.acceptedPerSecond : dbRef.rps),
    ]);
  }
  printTable(table);
  for (const name of ['burst', 'burst-db']) {
    for (const [i, c] of s[name].checks.entries()) {
      const ok =
        c.orders === UNITS && c.unitsSold === UNITS && c.stock === 0 && c.stock >= 0 && c.ledgerConsistent;
      console.log(
        `oversell check ${name} run ${i + 1}: orders ${c.orders}, units sold ${c.unitsSold}, stock ${c.stock}, reserved ${c.reserved}, ledger ${c.ledgerConsistent ? 'consistent' : 'INCONSISTENT'} → ${ok ? 'OK, no oversell' : 'PROBLEM'}`,
      );
    }
  }
  console.log(
    JSON.stringify({
      bench: 'flash-sale',
      runs: RUNS,
      connections: CONNECTIONS,
      buyers: BUYERS,
      units: UNITS,
      durationSeconds: DURATION,
      results: s,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
