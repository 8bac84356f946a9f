#!/usr/bin/env node
// Member list and leader customer search at scale: drives the BUILT server against the seeded MariaDB
// database (bench/members/seed.mjs) with autocannon and prints p50/p95/p99 and req/s per scenario.
//
//   node bench/members/run.mjs                         all scenarios
//   node bench/members/run.mjs --only admin.tag,leader  scenarios whose name starts with one of these
//   BENCH_RUNS=5 BENCH_DURATION=10 node bench/members/run.mjs
//   node bench/members/run.mjs --buffer-pool 2G        size InnoDB's buffer pool for the run (restored after)
//
// Every request of a scenario draws its own values (leaders weighted by their member count, phone
// prefixes and nickname fragments taken from the data, random months, tags, communities), so a cache
// that only remembers the last query flatters nothing. A filter the server does not implement yet
// (404/400, or a total equal to the unfiltered one) is reported as "pending" instead of measured.
// Not a test: it prints figures and never fails on them. Compare runs on the same machine only.
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, positiveInt, postJson, printTable, startServer } from '../lib/bench-kit.mjs';
import { DATABASE_URL, ensureBuilt, REPO_ROOT, SCALE, serverRequire } from './common.mjs';

const mysql = serverRequire('mysql2/promise');

const RUNS = positiveInt('BENCH_RUNS', 3);
const DURATION = positiveInt('BENCH_DURATION', 5);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 10);
const WARMUP = positiveInt('BENCH_WARMUP', 2);
const AIM_P95_MS = 100;
const ADMIN_PASSWORD = 'BenchAdmin2026';
const LEADER_SAMPLE = 20;

const argv = process.argv.slice(2);
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const ONLY = onlyArg ? onlyArg.split(',').map((s) => s.trim()) : null;
const bufferPoolArg = argv.includes('--buffer-pool') ? argv[argv.indexOf('--buffer-pool') + 1] : undefined;
const log = (line) => console.error(`[bench] ${line}`);

const any = (list) => list[Math.floor(Math.random() * list.length)];
const qs = (params) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

function startMembersServer() {
  return startServer({
    serverMain: path.resolve(REPO_ROOT, process.env.BENCH_SERVER_MAIN ?? 'server/dist/main.js'),
    unset: ['SQLITE_PATH'],
    tmpPrefix: 'linli-bench-members-',
    keepLog: Boolean(process.env.BENCH_KEEP_LOG),
    env: {
      // Production settings except NODE_ENV: the dev login (how the bench gets leader tokens) refuses
      // production. Nothing else in the server reads NODE_ENV.
      NODE_ENV: 'development',
      DATABASE_URL,
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'linli-bench',
      JWT_SECRET: randomBytes(32).toString('hex'),
      JWT_ACCESS_TTL_SECONDS: '86400',
      DEV_LOGIN: 'true',
      SEED_DEMO: 'false',
      ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD,
      RATE_LIMIT_PER_MINUTE: '1000000', // the bench measures the server, not the limiter's 429s
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', // request logs are part of the real cost
    },
  });
}

/** Values the scenarios draw from, taken from the seeded data itself. */
async function sampleValues() {
  const db = await mysql.createConnection({ uri: DATABASE_URL });
  try {
    const [[{ n }]] = await db.query('SELECT COUNT(*) AS n FROM members');
    if (Number(n) === 0)
      throw new Error('linli_bench has no members: run `node bench/members/seed.mjs` first');
    const maxId = Number((await db.query('SELECT MAX(id) AS m FROM members'))[0][0].m);
    const randomIds = Array.from({ length: 500 }, () => 1 + Math.floor(Math.random() * maxId));
    const [rows] = await db.query(
      'SELECT nickname, phone, current_leader_id AS leaderId FROM members WHERE id IN (?)',
      [randomIds],
    );
    const phones = rows.map((r) => r.phone).filter(Boolean);
    // Fragments as staff type them: two characters out of a real nickname.
    const fragments = rows
      .map((r) => [...r.nickname])
      .filter((chars) => chars.length >= 3)
      .map((chars) => {
        const at = Math.floor(Math.random() * (chars.length - 1));
        return chars.slice(at, at + 2).join('');
      });
    // …and the start of one, as someone who knows the name types it.
    const prefixes = rows.map((r) => [...r.nickname].slice(0, 2).join(''));
    // A random member's leader: big leaders come up as often as staff would look at them.
    const weightedLeaders = rows.map((r) => r.leaderId).filter((id) => id !== null);
    const [[range]] = await db.query('SELECT MIN(created_at) AS first, MAX(created_at) AS last FROM members');
    const [tagRows] = await db.query('SELECT id FROM tags');
    const [communityRows] = await db.query('SELECT MAX(id) AS m FROM communities');
    // Leaders for the customer search: the five biggest and a spread of the rest.
    const [leaderRows] = await db.query(
      `SELECT l.id, COUNT(m.id) AS customers FROM leaders l
         LEFT JOIN members m ON m.current_leader_id = l.id
        WHERE l.status = 'active' AND l.id IN (?)
        GROUP BY l.id ORDER BY customers DESC`,
      [
        [
          1,
          2,
          3,
          4,
          5,
          ...Array.from(
            { length: LEADER_SAMPLE - 5 },
            () => 6 + Math.floor(Math.random() * (SCALE.leaders - 6)),
          ),
        ],
      ],
    );
    const [[{ pool }]] = await db.query('SELECT @@innodb_buffer_pool_size AS pool');
    const [[{ version }]] = await db.query('SELECT VERSION() AS version');
    return {
      members: Number(n),
      phones,
      fragments,
      prefixes,
      weightedLeaders,
      firstJoin: new Date(range.first),
      lastJoin: new Date(range.last),
      tagIds: tagRows.map((t) => t.id),
      maxCommunityId: Number(communityRows[0].m ?? 0),
      leaders: leaderRows.map((l) => ({ id: l.id, customers: Number(l.customers) })),
      bufferPoolMiB: Math.round(Number(pool) / 1048576),
      mariadb: version,
    };
  } finally {
    await db.end();
  }
}

const CHANNELS = ['share_card', 'poster', 'group_qr', 'direct', 'search', 'import'];

function scenarios(v, adminToken, leaderTokens) {
  const admin = { authorization: `Bearer ${adminToken}` };
  const list = (params) => `/api/admin/members?${qs({ page: 1, pageSize: 20, ...params })}`;
  const month = () => {
    const span = v.lastJoin.getTime() - v.firstJoin.getTime() - 30 * 86_400_000;
    const from = new Date(v.firstJoin.getTime() + Math.random() * span);
    return {
      joinedFrom: from.toISOString(),
      joinedTo: new Date(from.getTime() + 30 * 86_400_000).toISOString(),
    };
  };
  const leader = () => any(leaderTokens);
  const communityOf = (l) =>
    (l.id - 1) * SCALE.communitiesPerLeader + 1 + Math.floor(Math.random() * SCALE.communitiesPerLeader);
  const customers = (params) => `/api/app/leader/customers?${qs({ page: 1, pageSize: 20, ...params })}`;
  return [
    {
      name: 'baseline',
      title: 'GET /api/health (baseline)',
      next: () => ({ path: '/api/health', headers: {} }),
    },
    {
      name: 'admin.unfiltered',
      title: 'admin list, page 1',
      next: () => ({ path: list({}), headers: admin }),
    },
    {
      name: 'admin.page100',
      title: 'admin list, page 100',
      next: () => ({ path: list({ page: 100 }), headers: admin }),
    },
    {
      name: 'admin.keyword.phone',
      title: 'keyword: phone prefix (7 digits)',
      next: () => ({ path: list({ keyword: any(v.phones).slice(0, 7) }), headers: admin }),
    },
    {
      name: 'admin.keyword.nickname',
      title: 'keyword: nickname fragment (contains)',
      next: () => ({ path: list({ keyword: any(v.fragments) }), headers: admin }),
    },
    {
      name: 'admin.keyword.nicknamePrefix',
      title: 'keyword: nickname prefix',
      next: () => ({ path: list({ keyword: any(v.prefixes) }), headers: admin }),
    },
    {
      name: 'admin.leader',
      title: 'leaderId',
      next: () => ({ path: list({ leaderId: any(v.weightedLeaders) }), headers: admin }),
    },
    {
      name: 'admin.channel',
      title: 'channel',
      next: () => ({ path: list({ channel: any(CHANNELS) }), headers: admin }),
    },
    {
      name: 'admin.joined',
      title: 'joinedFrom/To (30 days)',
      next: () => ({ path: list(month()), headers: admin }),
    },
    {
      name: 'admin.tag',
      title: 'tagId',
      filter: 'tagId',
      next: () => ({ path: list({ tagId: any(v.tagIds) }), headers: admin }),
    },
    {
      name: 'admin.community',
      title: 'communityId',
      filter: 'communityId',
      next: () => ({
        path: list({ communityId: 1 + Math.floor(Math.random() * v.maxCommunityId) }),
        headers: admin,
      }),
    },
    {
      name: 'admin.leaderChannel',
      title: 'leaderId + channel',
      next: () => ({
        path: list({ leaderId: any(v.weightedLeaders), channel: any(CHANNELS) }),
        headers: admin,
      }),
    },
    {
      name: 'leader.customers',
      title: 'leader customers',
      next: () => ({ path: customers({}), headers: leader().headers }),
    },
    {
      name: 'leader.keyword',
      title: 'leader customers, phone tail (4 digits)',
      next: () => ({
        path: customers({ keyword: any(v.phones).slice(-4) }),
        headers: leader().headers,
      }),
    },
    {
      name: 'leader.community',
      title: 'leader customers, communityId',
      next: () => {
        const l = leader();
        return { path: customers({ communityId: communityOf(l) }), headers: l.headers };
      },
    },
  ];
}

/**
 * Is the scenario measurable? A route that does not exist yet (404) or a parameter it rejects (400) is
 * pending; so is a filter that is accepted but ignored (same total as without it).
 */
async function probe(baseUrl, scenario, unfiltered) {
  const totals = [];
  const pages = [];
  for (let i = 0; i < 5; i++) {
    const req = scenario.next();
    const res = await fetch(baseUrl + req.path, { headers: req.headers });
    const text = await res.text();
    if (!res.ok) return { pending: `HTTP ${res.status}`, detail: text.slice(0, 160) };
    if (scenario.name === 'baseline') return { ok: true };
    const body = JSON.parse(text);
    totals.push(body.total);
    pages.push(firstIds(body));
  }
  // Ignored: the same total and the same first page as without the filter (a capped total alone can match).
  if (
    scenario.filter &&
    totals.every((t) => t === unfiltered.total) &&
    pages.every((ids) => ids === firstIds(unfiltered))
  ) {
    return { pending: `${scenario.filter} ignored` };
  }
  return { ok: true, totals };
}

/** One autocannon run; latencies are recorded per response so p95 is exact (autocannon has no p95). */
function cannon(baseUrl, scenario, duration) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        duration,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const next = scenario.next();
              return { ...req, path: next.path, headers: next.headers };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies, statuses })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

/** Infinity when nothing answered within the run (every request slower than the run itself). */
/**
 * Waits until the database has no query of this database left running: a scenario whose requests outlive
 * its run leaves them behind, and they would be billed to the next scenario.
 */
async function settle(db) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [[{ busy }]] = await db.query(
      "SELECT COUNT(*) AS busy FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND COMMAND = 'Query' AND ID <> CONNECTION_ID()",
    );
    if (Number(busy) === 0 || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const firstIds = (body) => (body.items ?? []).map((item) => item.id ?? item.memberId).join(',');

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : Infinity;
const ms = (value) => (!Number.isFinite(value) ? `>${DURATION * 1000}` : value.toFixed(1));
async function main() {
  // A server built elsewhere (BENCH_SERVER_MAIN) needs no build of server/dist.
  if (!process.env.BENCH_SERVER_MAIN && !argv.includes('--no-build')) ensureBuilt(log);
  const loadBefore = os.loadavg()[0];
  if (loadBefore > 0.5)
    log(
      `load average ${loadBefore.toFixed(2)} before the run: other work on the machine will show in the figures`,
    );
  const restoreBufferPool = bufferPoolArg ? await resizeBufferPool(bufferPoolArg) : async () => {};
  try {
    await measure(loadBefore);
  } finally {
    await restoreBufferPool();
  }
}

/**
 * MariaDB ships with a 128 MiB buffer pool; a production database is sized to hold its working set.
 * The resize is online and not persisted; the previous size is restored after the run.
 */
async function resizeBufferPool(size) {
  const bytes = parseSize(size);
  const db = await mysql.createConnection({ uri: DATABASE_URL });
  try {
    const [[{ pool }]] = await db.query('SELECT @@innodb_buffer_pool_size AS pool');
    log(
      `InnoDB buffer pool ${Math.round(Number(pool) / 1048576)} MiB → ${Math.round(bytes / 1048576)} MiB for this run`,
    );
    await db.query('SET GLOBAL innodb_buffer_pool_size = ?', [bytes]);
    return async () => {
      const again = await mysql.createConnection({ uri: DATABASE_URL });
      try {
        await again.query('SET GLOBAL innodb_buffer_pool_size = ?', [Number(pool)]);
      } finally {
        await again.end();
      }
    };
  } finally {
    await db.end();
  }
}

function parseSize(text) {
  const match = /^(\d+)([KMG])?$/i.exec(text ?? '');
  if (!match) throw new Error(`--buffer-pool expects a size such as 2G or 512M, got ${text}`);
  const unit = { K: 1024, M: 1048576, G: 1073741824 }[(match[2] ?? '').toUpperCase()] ?? 1;
  return Number(match[1]) * unit;
}

async function measure(loadBefore) {
  const values = await sampleValues();
  log(
    `MariaDB ${values.mariadb}, buffer pool ${values.bufferPoolMiB} MiB, ${values.members.toLocaleString('en')} members`,
  );
  log(`starting the server against ${DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')} (${os.cpus().length} CPUs)`);
  const server = await startMembersServer();
  try {
    const admin = await postJson(`${server.baseUrl}/api/admin/auth/login`, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    const leaderTokens = [];
    for (const l of values.leaders) {
      const login = await postJson(`${server.baseUrl}/api/app/auth/dev-login`, {
        openid: `bench-leader-${l.id}`,
      });
      leaderTokens.push({ ...l, headers: { authorization: `Bearer ${login.accessToken}` } });
    }
    log(
      `leaders for the customer search: ${values.leaders.map((l) => `#${l.id} (${l.customers})`).join(', ')}`,
    );

    const all = scenarios(values, admin.accessToken, leaderTokens);
    const selected = all.filter(
      (s) => s.name === 'baseline' || !ONLY || ONLY.some((o) => s.name.startsWith(o)),
    );
    const unfiltered = await fetch(`${server.baseUrl}/api/admin/members?page=1&pageSize=20`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    }).then((r) => r.json());

    const rows = [];
    const db = await mysql.createConnection({ uri: DATABASE_URL });
    for (const scenario of selected) {
      await settle(db);
      const check = await probe(server.baseUrl, scenario, unfiltered);
      if (!check.ok) {
        log(`${scenario.name}: pending (${check.pending})`);
        rows.push({ ...scenario, pending: check.pending });
        continue;
      }
      log(`${scenario.name}: warm-up ${WARMUP}s, then ${RUNS} × ${DURATION}s, ${CONNECTIONS} connections`);
      await cannon(server.baseUrl, scenario, WARMUP);
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        await settle(db);
        runs.push(await cannon(server.baseUrl, scenario, DURATION));
      }
      const stats = runs.map(({ result, latencies, statuses }) => {
        const sorted = latencies.sort((a, b) => a - b);
        return {
          reqPerSec: result.requests.average,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          failed: result.non2xx + result.errors + result.timeouts,
          answered: latencies.length,
          statuses,
        };
      });
      rows.push({
        ...scenario,
        reqPerSec: median(stats.map((s) => s.reqPerSec)),
        p50: median(stats.map((s) => s.p50)),
        p95: median(stats.map((s) => s.p95)),
        p99: median(stats.map((s) => s.p99)),
        failed: stats.reduce((n, s) => n + s.failed, 0),
        statuses: stats.map((s) => s.statuses),
        sampleTotals: check.totals,
      });
    }

    await db.end();
    const baseline = rows.find((r) => r.name === 'baseline').reqPerSec;
    const table = [
      ['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'vs baseline', 'aim p95<100', 'non-2xx'],
      ...rows.map((r) =>
        r.pending
          ? [r.title, '-', '-', '-', '-', '-', `pending (${r.pending})`, '-']
          : [
              r.title,
              ms(r.p50),
              ms(r.p95),
              ms(r.p99),
              r.reqPerSec.toFixed(0),
              `${((r.reqPerSec / baseline) * 100).toFixed(1)}%`,
              r.name === 'baseline' ? '' : r.p95 < AIM_P95_MS ? 'yes' : 'NO',
              String(r.failed),
            ],
      ),
    ];
    printTable(table);
    const result = {
      bench: 'members',
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      mariadb: values.mariadb,
      bufferPoolMiB: values.bufferPoolMiB,
      members: values.members,
      loadAverage1mBefore: Number(loadBefore.toFixed(2)),
      loadAverage1mAfter: Number(os.loadavg()[0].toFixed(2)),
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      runs: RUNS,
      results: rows.map((r) =>
        r.pending
          ? { scenario: r.name, pending: r.pending }
          : {
              scenario: r.name,
              p50Ms: r.p50,
              p95Ms: r.p95,
              p99Ms: r.p99,
              reqPerSec: Math.round(r.reqPerSec),
              ratioToBaseline: Number((r.reqPerSec / baseline).toFixed(4)),
              failedResponses: r.failed,
            },
      ),
    };
    console.log(JSON.stringify(result));
    if (process.env.BENCH_OUT)
      fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(result, null, 2) + '\n');
    if (rows.some((r) => r.failed > 0)) {
      log('some responses were not 2xx: those figures measure errors, not the endpoint');
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(`[bench] ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
