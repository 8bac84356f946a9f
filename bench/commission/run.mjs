#!/usr/bin/env node
// bench/commission: commission at scale on MariaDB + Redis with the API in production mode.
//
//   node bench/commission/run.mjs            seeds linli_bench_commission first if it lacks this scale (≈ 3 min)
//   node bench/commission/run.mjs --fresh    re-seeds
//   node bench/commission/run.mjs --only simulation|latency
//
// 1. Recalculation: POST /api/admin/commission/rule-sets/:id/simulate over the 1,000,000 completed orders
//    of the seeded month (5,000 leaders), under v1 (the rules that produced the history: recorded = simulated)
//    and under a "what if" draft (other rates, overrides, referral). BENCH_RUNS runs each after a warm-up,
//    medians. Baselines in the same invocation: the same rows read by the bench with the same query and
//    driver (floor 1), and the server's calculator run over them in the bench process (floor 2).
// 2. Completion → ledger latency: paid orders prepared through the API, then verified at BENCH_RATES orders/s
//    for BENCH_STREAM_SECONDS each; latency = accrual entry created_at − picked_up_at; p50/p95/p99/max.
// Not a test: it prints figures and never fails on them.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { median, positiveInt, printTable } from '../lib/bench-kit.mjs';
import { ensureBuilt } from '../members/common.mjs';
import { preparePaidOrders, settle, stream, streamCampaign, streamPeople } from './latency.mjs';
import { scaleKey, seed, seededScale } from './seed.mjs';
import { adminToken, connect, databaseName, SCALE, startCommissionServer } from './setup.mjs';
import {
  computeFloor,
  createWhatIfRuleSet,
  historyWindow,
  readFloor,
  sampleRows,
  simulateOnce,
} from './simulation.mjs';

const RUNS = positiveInt('BENCH_RUNS', 3);
const STREAM_SECONDS = positiveInt('BENCH_STREAM_SECONDS', 20);
const RATES = (process.env.BENCH_RATES ?? '50,150').split(',').map((r) => {
  const rate = Number(r);
  if (!Number.isFinite(rate) || rate <= 0) throw new Error(`BENCH_RATES: "${r}" is not a rate`);
  return rate;
});
const STREAM_LEADERS = positiveInt('BENCH_STREAM_LEADERS', 50);
const STREAM_ITEMS = positiveInt('BENCH_STREAM_ITEMS', 12);
const AIM_SECONDS = 10;
const AIM_P99_MS = 2000;
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const log = (line) => console.error(`[bench] ${line}`);
const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';

async function simulationScenarios(baseUrl, admin, db) {
  const window = await historyWindow(db);
  const whatIf = await createWhatIfRuleSet(baseUrl, admin);
  log(`window ${window.from} → ${window.to}; warm-up`);
  await simulateOnce(baseUrl, admin, 1, window);
  const runs = { v1: [], whatIf: [] };
  for (let run = 1; run <= RUNS; run += 1) {
    for (const [name, id] of [
      ['v1', 1],
      ['whatIf', whatIf.id],
    ]) {
      const r = await simulateOnce(baseUrl, admin, id, window);
      runs[name].push(r);
      log(
        `simulate ${name} run ${run}: ${fmt(r.wallMs / 1000, 2)} s wall, ${fmt(r.elapsedMs / 1000, 2)} s server, ${fmt(r.orders)} orders, ${r.leaders} leaders, recorded ${r.recordedFen} / simulated ${r.simulatedFen}`,
      );
    }
  }
  const floors = { read: [], compute: [] };
  const orders = runs.whatIf[0].orders;
  const sample = await sampleRows(window, Math.min(orders, 100_000));
  for (let run = 1; run <= RUNS; run += 1) {
    const read = await readFloor(window);
    const compute = computeFloor(sample, whatIf.rules, orders);
    floors.read.push(read.ms);
    floors.compute.push(compute.ms);
    log(`floors run ${run}: read ${fmt(read.ms)} ms (${fmt(read.rows)} rows), compute ${fmt(compute.ms)} ms`);
  }
  const summary = (list) => ({
    wallMs: median(list.map((r) => r.wallMs)),
    serverMs: median(list.map((r) => r.elapsedMs)),
    orders: list[0].orders,
    leaders: list[0].leaders,
    recordedFen: list[0].recordedFen,
    simulatedFen: list[0].simulatedFen,
    changedLeadersShown: list[0].biggestChanges.length,
  });
  return {
    window,
    v1: summary(runs.v1),
    whatIf: summary(runs.whatIf),
    readFloorMs: median(floors.read),
    computeFloorMs: median(floors.compute),
  };
}

async function latencyScenarios(baseUrl, admin, db, secret) {
  const campaign = await streamCampaign(baseUrl, admin, db, STREAM_ITEMS);
  const people = await streamPeople(db, secret, STREAM_LEADERS);
  const results = [];
  // Warm-up: a short stream that is not counted.
  const warm = await preparePaidOrders(baseUrl, campaign, people, 50);
  await settle(db);
  await stream(baseUrl, db, warm, 25);
  for (const rate of RATES) {
    const count = Math.round(rate * STREAM_SECONDS);
    log(`preparing ${count} paid orders for ${rate}/s`);
    const orders = await preparePaidOrders(baseUrl, campaign, people, count);
    await settle(db);
    log(`streaming ${count} pickups at ${rate}/s`);
    const r = await stream(baseUrl, db, orders, rate);
    log(
      `rate ${rate}/s: sent at ${fmt(r.achievedRate, 1)}/s, latency p50 ${fmt(r.latency.p50)} p99 ${fmt(r.latency.p99)} max ${fmt(r.latency.max)} ms, verify p99 ${fmt(r.verify.p99)} ms, errors ${r.errors.length}, missing ${r.missing}`,
    );
    if (r.errors.length) log(`  first error: ${r.errors[0]}`);
    results.push(r);
  }
  return results;
}

async function main() {
  ensureBuilt(log);
  const fresh = args.includes('--fresh');
  {
    const db = await connect().catch(() => null);
    const scale = db ? await seededScale(db).catch(() => null) : null;
    await db?.end();
    if (fresh || scale !== scaleKey()) {
      log(`seeding ${databaseName()} at ${scaleKey()} (orders/leaders/days)`);
      await seed();
    } else {
      log(`${databaseName()} holds ${scale} (orders/leaders/days); --fresh re-seeds`);
    }
  }
  const secret = randomBytes(32).toString('hex');
  const db = await connect();
  const server = await startCommissionServer({ secret });
  let sim = null;
  let lat = null;
  const load = {};
  try {
    const admin = await adminToken(server.baseUrl);
    // Other work on the machine shows in every figure: the load average goes into the output.
    load.start = os.loadavg()[0];
    if (only !== 'latency') sim = await simulationScenarios(server.baseUrl, admin, db);
    load.afterSimulation = os.loadavg()[0];
    if (only !== 'simulation') lat = await latencyScenarios(server.baseUrl, admin, db, secret);
    load.end = os.loadavg()[0];
  } finally {
    await server.stop();
    await db.end();
  }

  if (sim) {
    const floor = sim.readFloorMs + sim.computeFloorMs;
    const row = (name, f) => [
      name,
      fmt(f.orders),
      fmt(f.leaders),
      fmt(f.wallMs / 1000, 2),
      fmt(f.serverMs / 1000, 2),
      fmt(f.orders / (f.wallMs / 1000)),
      `${fmt((f.wallMs / floor) * 100)}%`,
      f.wallMs / 1000 <= AIM_SECONDS ? 'yes' : 'no',
      `¥${fmt(f.recordedFen / 100, 2)} → ¥${fmt(f.simulatedFen / 100, 2)}`,
    ];
    printTable([
      [
        'recalculation (simulate)',
        'orders',
        'leaders',
        'wall s',
        'server s',
        'orders/s',
        'vs floor',
        `≤ ${AIM_SECONDS} s`,
        'recorded → simulated',
      ],
      row('rule set v1 (as recorded)', sim.v1),
      row('"what if" draft', sim.whatIf),
      [
        'floor 1: read the rows (bench, mysql2)',
        fmt(sim.v1.orders),
        '',
        fmt(sim.readFloorMs / 1000, 2),
        '',
        fmt(sim.v1.orders / (sim.readFloorMs / 1000)),
        '',
        '',
        '',
      ],
      [
        'floor 2: calculator alone (bench)',
        fmt(sim.v1.orders),
        '',
        fmt(sim.computeFloorMs / 1000, 2),
        '',
        fmt(sim.v1.orders / (sim.computeFloorMs / 1000)),
        '',
        '',
        '',
      ],
    ]);
  }
  if (lat) {
    printTable([
      [
        'completion → ledger',
        'orders',
        'sent/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        `p99 ≤ ${AIM_P99_MS} ms`,
        'after answer p50/p99 ms',
        'verify p50/p99 ms',
        'errors',
        'missing',
      ],
      ...lat.map((r) => [
        `${r.rate} pickups/s for ${STREAM_SECONDS} s`,
        fmt(r.latency.count),
        fmt(r.achievedRate, 1),
        fmt(r.latency.p50),
        fmt(r.latency.p95),
        fmt(r.latency.p99),
        fmt(r.latency.max),
        r.latency.p99 <= AIM_P99_MS ? 'yes' : 'no',
        `${fmt(r.afterAnswer.p50)} / ${fmt(r.afterAnswer.p99)}`,
        `${fmt(r.verify.p50)} / ${fmt(r.verify.p99)}`,
        String(r.errors.length),
        String(r.missing),
      ]),
    ]);
  }
  console.log(
    `load average (1 min): ${Object.entries(load)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')}; ${os.cpus().length} CPUs, Node ${process.version}\n`,
  );
  console.log(
    JSON.stringify({
      bench: 'commission',
      load,
      scale: SCALE,
      runs: RUNS,
      simulation: sim,
      latency: lat?.map(({ errors, ...r }) => ({ ...r, errors: errors.length })),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
