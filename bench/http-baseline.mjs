#!/usr/bin/env node
// HTTP baseline: how much the platform (auth guard, validation, request context, logging, DB round trip)
// costs compared with the cheapest endpoint. Starts the BUILT server on a throw-away SQLite database.
//
//   node bench/http-baseline.mjs
//   BENCH_RUNS=5 BENCH_DURATION=15 BENCH_CONNECTIONS=100 node bench/http-baseline.mjs
//
// Not a test: it prints figures and never judges them. Compare runs on the same machine only.
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { buildTargets } from '../scripts/lib/build.mjs';
import { REPO_ROOT } from '../scripts/lib/workspaces.mjs';
import { median, positiveInt, postJson, printTable, startServer } from './lib/bench-kit.mjs';

const RUNS = positiveInt('BENCH_RUNS', 3);
const DURATION = positiveInt('BENCH_DURATION', 10);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 50);
const WARMUP = positiveInt('BENCH_WARMUP', 3);

function startBaselineServer() {
  return startServer({
    serverMain: path.join(REPO_ROOT, 'server/dist/main.js'),
    unset: ['DATABASE_URL', 'REDIS_URL'],
    env: (tmpDir) => ({
      NODE_ENV: 'development', // dev login is how the bench gets a member token
      SQLITE_PATH: path.join(tmpDir, 'linli.sqlite'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      DEV_LOGIN: 'true',
      SEED_DEMO: 'true',
      RATE_LIMIT_PER_MINUTE: '1000000', // the bench measures the server, not the limiter's 429s
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', // request logs are part of the real cost
    }),
  });
}

function cannon(url, headers, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

async function main() {
  const build = await buildTargets({ only: ['server'], log: (l) => console.error(l) });
  if (!build.ok) process.exit(1);

  console.error(`[bench] starting the server (embedded SQLite, ${os.cpus().length} CPUs)`);
  const server = await startBaselineServer();
  try {
    const admin = await postJson(`${server.baseUrl}/api/admin/auth/login`, {
      username: 'admin',
      password: 'linli2026',
    });
    const member = await postJson(`${server.baseUrl}/api/app/auth/dev-login`, {});
    const buyer = { authorization: `Bearer ${member.accessToken}` };
    // The demo seed has a live campaign at the demo buyer's leader; its first product has two spec dimensions.
    const [campaign] = await (await fetch(`${server.baseUrl}/api/app/campaigns`, { headers: buyer })).json();
    const productId =
      campaign.items.find((item) => item.skuName.includes('/'))?.productId ?? campaign.items[0].productId;
    const scenarios = [
      { name: 'GET /api/health (baseline)', path: '/api/health', headers: {} },
      {
        name: 'GET /api/admin/auth/me',
        path: '/api/admin/auth/me',
        headers: { authorization: `Bearer ${admin.accessToken}` },
      },
      { name: 'GET /api/app/campaigns', path: '/api/app/campaigns', headers: buyer },
      { name: 'GET /api/app/campaigns/:id', path: `/api/app/campaigns/${campaign.id}`, headers: buyer },
      {
        name: 'GET /api/app/campaigns/:id/products/:id',
        path: `/api/app/campaigns/${campaign.id}/products/${productId}`,
        headers: buyer,
      },
    ];

    const rows = [];
    for (const scenario of scenarios) {
      const url = server.baseUrl + scenario.path;
      console.error(
        `[bench] ${scenario.name}: warm-up ${WARMUP}s, then ${RUNS} × ${DURATION}s, ${CONNECTIONS} connections`,
      );
      await cannon(url, scenario.headers, WARMUP);
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await cannon(url, scenario.headers, DURATION));
      const bad = runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
      rows.push({
        name: scenario.name,
        path: scenario.path,
        reqPerSec: median(runs.map((r) => r.requests.average)),
        p99Ms: median(runs.map((r) => r.latency.p99)),
        runs: runs.map((r) => Math.round(r.requests.average)),
        failedResponses: bad,
      });
    }

    const baseline = rows[0].reqPerSec;
    const table = [
      ['endpoint', 'median req/s', 'p99 ms', 'vs baseline', 'runs (req/s)', 'non-2xx/errors'],
      ...rows.map((r) => [
        r.name,
        r.reqPerSec.toFixed(0),
        r.p99Ms.toFixed(1),
        `${((r.reqPerSec / baseline) * 100).toFixed(0)}%`,
        r.runs.join(' / '),
        String(r.failedResponses),
      ]),
    ];
    printTable(table);
    const result = {
      bench: 'http-baseline',
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      runs: RUNS,
      results: rows.map((r) => ({
        endpoint: r.path,
        reqPerSec: Math.round(r.reqPerSec),
        p99Ms: r.p99Ms,
        ratioToBaseline: Number((r.reqPerSec / baseline).toFixed(3)),
        failedResponses: r.failedResponses,
      })),
    };
    console.log(JSON.stringify(result));
    if (rows.some((r) => r.failedResponses > 0)) {
      console.error(
        '[bench] some responses were not 2xx: the figures above measure errors, not the endpoint',
      );
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(`[bench] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
