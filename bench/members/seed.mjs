#!/usr/bin/env node
// Scale seed for the member benchmarks: 1,000,000 members, 5,000 leaders with pickup points, levels and
// an upline tree, 20,000 communities with ~1.5M memberships, 30 tags with ~2M member tags, binding
// history. Set-based SQL over MariaDB's Sequence engine (seq_1_to_N), so it runs in minutes on 2 cores.
//
//   node bench/members/seed.mjs            create linli_bench if needed, run migrations, run the missing steps
//   node bench/members/seed.mjs --fresh    drop and recreate the database first
//   node bench/members/seed.mjs --fresh --baseline-schema   without the proposed indexes (0007)
//   BENCH_MEMBERS=100000 BENCH_LEADERS=500 node bench/members/seed.mjs --fresh   (a smaller copy)
//
// Resumable: every finished step is recorded in `bench_seed_steps`; a step that was interrupted is
// cleared and redone. The data is deterministic (hashes of ids), so two seeds give the same rows.
// Needs MariaDB (the Sequence engine); the schema comes from the server's own migrations (server/dist).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATABASE_URL, ensureBuilt, REPO_ROOT, SCALE, serverRequire as require } from './common.mjs';

const mysql = require('mysql2/promise');

const args = new Set(process.argv.slice(2));
const FRESH = args.has('--fresh');
const BASELINE_SCHEMA = args.has('--baseline-schema');
const log = (line) => console.error(`[seed] ${line}`);

const { members: M, leaders: L, communitiesPerLeader: CPL } = SCALE;
const C = L * CPL;
const SPAN_DAYS = 730;

/** A deterministic pseudo-random integer in [0, 2^32) from an SQL expression and a salt. */
const h = (expr, salt) => `CAST(CONV(LEFT(MD5(CONCAT(${expr}, '${salt}')), 8), 16, 10) AS UNSIGNED)`;
/** …as a fraction in [0, 1). */
const r = (expr, salt) => `(${h(expr, salt)} / 4294967296)`;
const pick = (expr, salt, values) =>
  `ELT(1 + ${h(expr, salt)} % ${values.length}, ${values.map((v) => `'${v}'`).join(', ')})`;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌波宇浩凯晨欣怡佳琪雪梅婷'.split('');
const NICK_WORDS = [
  '快乐的小猪',
  '阳光',
  '幸福一家人',
  '平安是福',
  '开心就好',
  '小太阳',
  '花开富贵',
  '静待花开',
  '向日葵',
  '岁月静好',
  '知足常乐',
  '宝妈',
  '大白',
  '小鱼儿',
  '追梦人',
  '简单',
  '微笑',
  '清风徐来',
  '蓝天白云',
  '吃货',
];
const PHONE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '137',
  '150',
  '151',
  '152',
  '158',
  '159',
  '186',
  '187',
  '188',
  '130',
  '131',
  '132',
  '155',
  '156',
  '133',
  '153',
  '180',
  '189',
  '177',
  '199',
];
const ESTATES = [
  '翠苑',
  '文三',
  '古荡',
  '蒋村',
  '三墩',
  '九堡',
  '采荷',
  '闸弄口',
  '朝晖',
  '湖墅',
  '申花',
  '丁桥',
  '滨江',
  '西兴',
  '良渚',
  '仓前',
  '闲林',
  '转塘',
  '钱江',
  '四季青',
];

/** The steps, in order. `clear` removes a half-done step's rows before it is redone. */
const STEPS = [
  {
    name: 'leaders',
    clear: ['DELETE FROM pickup_points', 'DELETE FROM leaders'],
    run: async (db) => {
      const spacing = Math.floor(M / L);
      // Leader i is member (i-1)*spacing+1; their own member row gets a dev-login openid (see members).
      await db.query(`
        INSERT INTO leaders (id, member_id, name, phone, status, invite_code, upline_leader_id,
                             applied_at, reviewed_at, agreement_version, agreement_accepted_at,
                             level_id, created_at, updated_at)
        SELECT s.seq, (s.seq - 1) * ${spacing} + 1,
               CONCAT(${pick('s.seq', 'ls', SURNAMES)}, ${pick('s.seq', 'lg', GIVEN)}, ${pick('s.seq', 'lg2', GIVEN)}),
               CONCAT(${pick('s.seq', 'lp', PHONE_PREFIXES)}, LPAD(${h('s.seq', 'lpn')} % 100000000, 8, '0')),
               'active',
               CONCAT('L', UPPER(LPAD(CONV(s.seq * 7919 + 1000003, 10, 36), 7, '0'))),
               CASE WHEN s.seq <= 50 THEN NULL ELSE 1 + ${h('s.seq', 'up')} % FLOOR(s.seq / 3) END,
               t.at, t.at + INTERVAL 1 DAY, 'v1', t.at,
               CASE WHEN ${r('s.seq', 'lvl')} < 0.70 THEN 1 WHEN ${r('s.seq', 'lvl')} < 0.92 THEN 2 ELSE 3 END,
               t.at, t.at
          FROM seq_1_to_${L} s
          JOIN (SELECT seq, (UTC_TIMESTAMP(3) - INTERVAL ${SPAN_DAYS} DAY)
                            + INTERVAL FLOOR(${SPAN_DAYS} * 86400 * SQRT((((seq - 1) * ${spacing} + 1) / ${M}))) SECOND
                            + INTERVAL 1 HOUR AS at
                  FROM seq_1_to_${L}) t ON t.seq = s.seq`);
      // Hangzhou: roughly 30.15–30.40 N, 120.00–120.35 E.
      await db.query(`
        INSERT INTO pickup_points (leader_id, name, address, latitude, longitude, opening_hours, contact_phone,
                                   created_at, updated_at)
        SELECT l.id, CONCAT(${pick('l.id', 'pe', ESTATES)}, '小区', 1 + l.id % 30, '幢自提点'),
               CONCAT('浙江省杭州市', ${pick('l.id', 'pe', ESTATES)}, '路', 1 + ${h('l.id', 'pa')} % 300, '号'),
               ROUND(30.15 + 0.25 * ${r('l.id', 'lat')}, 7), ROUND(120.00 + 0.35 * ${r('l.id', 'lng')}, 7),
               '08:00-20:00', l.phone, l.created_at, l.created_at
          FROM leaders l`);
    },
  },
  {
    name: 'members',
    clear: ['DELETE FROM members'],
    run: async (db) => {
      const spacing = Math.floor(M / L);
      const leaderOf = `(((seq - 1) DIV ${spacing}) + 1)`;
      const isLeaderMember = `((seq - 1) % ${spacing} = 0 AND seq <= ${L * spacing})`;
      // Skewed: leader = 1 + floor(L * u^2.5) puts ~3% on leader 1 and ~150 on a median leader.
      const skewedLeader = `LEAST(${L}, 1 + FLOOR(${L} * POW(${r('seq', 'cl')}, 2.5)))`;
      const channel = `CASE WHEN ${r('seq', 'ch')} < 0.45 THEN 'share_card' WHEN ${r('seq', 'ch')} < 0.65 THEN 'poster'
                            WHEN ${r('seq', 'ch')} < 0.80 THEN 'group_qr' WHEN ${r('seq', 'ch')} < 0.92 THEN 'direct'
                            WHEN ${r('seq', 'ch')} < 0.98 THEN 'search' ELSE 'import' END`;
      const nickname = `CASE WHEN ${r('seq', 'nk')} < 0.15 THEN CONCAT('微信用户', LPAD(seq % 10000, 4, '0'))
                             WHEN ${r('seq', 'nk')} < 0.55 THEN CONCAT(${pick('seq', 'ns', SURNAMES)}, ${pick('seq', 'ng', GIVEN)}, ${pick('seq', 'ng2', GIVEN)})
                             WHEN ${r('seq', 'nk')} < 0.90 THEN CONCAT(${pick('seq', 'nw', NICK_WORDS)}, IF(seq % 3 = 0, CONCAT('_', seq % 1000), ''))
                             ELSE CONCAT('Lucky', ${pick('seq', 'ne', ['Cat', 'Star', 'Moon', 'Sun', 'Leaf'])}, seq % 100) END`;
      const timeAt = `(UTC_TIMESTAMP(3) - INTERVAL ${SPAN_DAYS} DAY) + INTERVAL FLOOR(${SPAN_DAYS} * 86400 * SQRT(seq / ${M})) SECOND`;
      // One statement per 100k ids: bounded undo log and progress output.
      const chunk = 100_000;
      for (let from = 1; from <= M; from += chunk) {
        const to = Math.min(M, from + chunk - 1);
        await db.query(`
          INSERT INTO members (id, openid, unionid, nickname, avatar_url, phone, current_leader_id, channel,
                               first_leader_id, first_community_id, attributed_at, last_active_at, created_at, updated_at)
          SELECT seq,
                 IF(${isLeaderMember}, CONCAT('dev:bench-leader-', ${leaderOf}),
                    CONCAT('oU', REPLACE(REPLACE(SUBSTR(TO_BASE64(UNHEX(SHA1(seq))), 1, 26), '+', '-'), '/', '_'))),
                 NULL,
                 ${nickname},
                 IF(seq % 4 = 0, NULL, CONCAT('https://thirdwx.qlogo.cn/mmopen/bench/', seq % 5000, '/132')),
                 IF(${r('seq', 'hp')} < 0.72 OR ${isLeaderMember},
                    CONCAT(${pick('seq', 'pp', PHONE_PREFIXES)}, LPAD(${h('seq', 'pn')} % 100000000, 8, '0')), NULL),
                 IF(${isLeaderMember}, ${leaderOf}, IF(${r('seq', 'bd')} < 0.92, ${skewedLeader}, NULL)),
                 ${channel},
                 NULL, NULL, at, at + INTERVAL FLOOR(${r('seq', 'act')} * TIMESTAMPDIFF(SECOND, at, UTC_TIMESTAMP())) SECOND,
                 at, at
            FROM (SELECT seq, ${timeAt} AS at FROM seq_${from}_to_${to}) s`);
        log(`  members ${to.toLocaleString('en')} / ${M.toLocaleString('en')}`);
      }
      // Source: most bound members came through their current leader; 10% switched since (see bindings).
      await db.query(`
        UPDATE members SET
          first_leader_id = CASE WHEN current_leader_id IS NULL THEN NULL
                                 WHEN channel IN ('direct', 'search') THEN NULL
                                 WHEN ${r('id', 'sw')} < 0.10 THEN 1 + ${h('id', 'fl')} % ${L}
                                 ELSE current_leader_id END`);
      await db.query(
        `UPDATE members SET channel = 'direct' WHERE first_leader_id IS NULL AND channel NOT IN ('direct', 'search')`,
      );
      await db.query(`
        UPDATE members SET first_community_id = (first_leader_id - 1) * ${CPL} + 1 + ${h('id', 'fc')} % ${CPL}
         WHERE channel = 'group_qr' AND first_leader_id IS NOT NULL`);
      // 尾号, as the server keeps it beside the phone (migration 0008).
      await db.query('UPDATE members SET phone_tail = RIGHT(phone, 4) WHERE phone IS NOT NULL');
    },
  },
  {
    name: 'member_bindings',
    clear: ['DELETE FROM member_bindings'],
    run: async (db) => {
      // First binding of everyone who has had a leader, then the switch of those whose leader changed.
      await db.query(`
        INSERT INTO member_bindings (member_id, from_leader_id, to_leader_id, reason, note, actor_type, actor_id, actor_name, created_at)
        SELECT id, NULL, COALESCE(first_leader_id, current_leader_id),
               IF(openid LIKE 'dev:bench-leader-%', 'leader_approved', 'entry_link'), NULL, 'system', NULL, NULL, created_at
          FROM members WHERE current_leader_id IS NOT NULL ORDER BY id`);
      await db.query(`
        INSERT INTO member_bindings (member_id, from_leader_id, to_leader_id, reason, note, actor_type, actor_id, actor_name, created_at)
        SELECT id, first_leader_id, current_leader_id, 'buyer_switch', NULL, 'member', id, NULL,
               created_at + INTERVAL FLOOR(${r('id', 'swt')} * TIMESTAMPDIFF(SECOND, created_at, UTC_TIMESTAMP())) SECOND
          FROM members WHERE first_leader_id IS NOT NULL AND current_leader_id <> first_leader_id ORDER BY id`);
    },
  },
  {
    name: 'communities',
    clear: ['DELETE FROM community_memberships', 'DELETE FROM communities'],
    run: async (db) => {
      await db.query(`
        INSERT INTO communities (id, leader_id, name, invite_code, status, member_count, created_at, updated_at)
        SELECT c.seq, l.id,
               CONCAT(${pick('c.seq', 'ce', ESTATES)}, IF(c.seq % 2 = 0, '一区', '二区'), 1 + (c.seq - 1) % ${CPL}, '号楼团购群'),
               CONCAT('C', UPPER(LPAD(CONV(c.seq * 104729 + 2000003, 10, 36), 8, '0'))),
               IF(${r('c.seq', 'ca')} < 0.05, 'archived', 'active'), 0,
               l.created_at + INTERVAL (c.seq - 1) % ${CPL} DAY, l.created_at + INTERVAL (c.seq - 1) % ${CPL} DAY
          FROM seq_1_to_${C} c JOIN leaders l ON l.id = (c.seq - 1) DIV ${CPL} + 1`);
      // 0–3 of their current leader's communities per bound member (~1.6 on average): ~1.5M rows.
      const chunk = 200_000;
      for (let from = 1; from <= M; from += chunk) {
        const to = Math.min(M, from + chunk - 1);
        await db.query(`
          INSERT INTO community_memberships (community_id, member_id, leader_id, channel, joined_at)
          SELECT (m.current_leader_id - 1) * ${CPL} + 1 + (${h('m.id', 'cm')} + k.seq) % ${CPL}, m.id, m.current_leader_id,
                 IF(m.channel = 'import', 'import', 'group_qr'),
                 m.created_at + INTERVAL FLOOR(${r('m.id', 'cj')} * 30 * (k.seq + 1)) DAY
            FROM members m JOIN seq_0_to_2 k
           WHERE m.id BETWEEN ${from} AND ${to} AND m.current_leader_id IS NOT NULL
             AND ${r('CONCAT(m.id, k.seq)', 'cp')} < ELT(k.seq + 1, 0.80, 0.50, 0.30)
           ORDER BY m.id, k.seq`);
      }
      await db.query(`
        UPDATE communities c JOIN (SELECT community_id, COUNT(*) AS n FROM community_memberships GROUP BY community_id) x
            ON x.community_id = c.id SET c.member_count = x.n`);
    },
  },
  {
    name: 'tags',
    clear: ['DELETE FROM member_tags', 'DELETE FROM tags', 'DELETE FROM tag_groups'],
    run: async (db) => {
      const groups = [
        ['消费偏好', ['生鲜达人', '水果控', '零食党', '母婴', '粮油囤货', '酒水']],
        ['价值', ['高价值', '中价值', '低价值', '沉睡', '新客', '流失预警']],
        ['社区', ['宝妈群', '老年群', '上班族', '学生', '宠物主', '业委会']],
        ['活动', ['秒杀参与', '拼团达人', '爱分享', '常评价', '爱砍价', '抽奖']],
        ['服务', ['投诉过', '退款多', 'VIP', '需电话', '自提慢', '代收']],
      ];
      const colors = [
        'magenta',
        'red',
        'volcano',
        'orange',
        'gold',
        'green',
        'cyan',
        'blue',
        'geekblue',
        'purple',
      ];
      for (const [g, [groupName, tags]] of groups.entries()) {
        await db.query('INSERT INTO tag_groups (id, name, sort) VALUES (?, ?, ?)', [g + 1, groupName, g]);
        for (const [t, tagName] of tags.entries()) {
          await db.query(
            "INSERT INTO tags (id, group_id, name, color, kind, member_count) VALUES (?, ?, ?, ?, 'manual', 0)",
            [g * 6 + t + 1, g + 1, tagName, colors[(g * 6 + t) % colors.length]],
          );
        }
      }
      // At most one tag per group per member (so no duplicate pairs), popular tags first: ~2M rows.
      const chunk = 200_000;
      for (let from = 1; from <= M; from += chunk) {
        const to = Math.min(M, from + chunk - 1);
        await db.query(`
          INSERT INTO member_tags (member_id, tag_id, source, created_by_staff_id, created_at)
          SELECT m.seq, g.seq * 6 + 1 + FLOOR(6 * POW(${r('CONCAT(m.seq, g.seq)', 'tt')}, 2)), 'manual', 1,
                 UTC_TIMESTAMP(3) - INTERVAL ${h('CONCAT(m.seq, g.seq)', 'td')} % 365 DAY
            FROM seq_${from}_to_${to} m JOIN seq_0_to_4 g
           WHERE ${r('CONCAT(m.seq, g.seq)', 'tp')} < ELT(g.seq + 1, 0.65, 0.55, 0.40, 0.25, 0.15)
           ORDER BY m.seq, g.seq`);
      }
      await db.query(`
        UPDATE tags t JOIN (SELECT tag_id, COUNT(*) AS n FROM member_tags GROUP BY tag_id) x
            ON x.tag_id = t.id SET t.member_count = x.n`);
    },
  },
  {
    name: 'analyze',
    clear: [],
    run: async (db) => {
      for (const table of [
        'members',
        'leaders',
        'pickup_points',
        'member_bindings',
        'communities',
        'community_memberships',
        'tags',
        'member_tags',
      ]) {
        await db.query(`ANALYZE TABLE ${table}`);
      }
    },
  },
];

async function migrate() {
  ensureBuilt(log);
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(
    path.join(REPO_ROOT, 'server/dist/platform/database/data-source-options.js'),
  );
  const { runMigrations } = require(path.join(REPO_ROOT, 'server/dist/platform/database/run-migrations.js'));
  const { MIGRATIONS } = require(path.join(REPO_ROOT, 'server/dist/migrations/index.js'));
  const options = dataSourceOptions({ type: 'mysql', url: DATABASE_URL });
  // The indexes this benchmark proposes (0007) apply even before they are registered, unless the
  // schema of today is wanted for a "before" measurement (--baseline-schema).
  const proposedFile = path.join(REPO_ROOT, 'server/dist/migrations/0007-member-list-indexes.js');
  if (!BASELINE_SCHEMA && fs.existsSync(proposedFile)) {
    const { MemberListIndexes1763856000007: proposed } = require(proposedFile);
    if (!MIGRATIONS.includes(proposed)) options.migrations = [...MIGRATIONS, proposed];
  }
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const ran = await runMigrations(dataSource);
    log(ran.length ? `migrations: ${ran.join(', ')}` : 'migrations: up to date');
  } finally {
    await dataSource.destroy();
  }
}

async function main() {
  const url = new URL(DATABASE_URL);
  const database = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/';
  const admin = await mysql.createConnection({ uri: url.toString() });
  const [[seq]] = await admin.query(
    "SELECT COUNT(*) AS n FROM information_schema.ENGINES WHERE ENGINE = 'SEQUENCE' AND SUPPORT IN ('YES', 'DEFAULT')",
  );
  if (Number(seq.n) !== 1) throw new Error('needs MariaDB with the Sequence engine (seq_1_to_N tables)');
  if (FRESH) {
    log(`dropping ${database}`);
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  }
  await admin.query(
    `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await admin.end();

  let t0 = performance.now();
  await migrate();
  log(`schema ready in ${((performance.now() - t0) / 1000).toFixed(1)}s`);

  const db = await mysql.createConnection({ uri: DATABASE_URL, multipleStatements: false });
  await db.query("SET time_zone = '+00:00'");
  await db.query('SET unique_checks = 0, foreign_key_checks = 0');
  await db.query(`CREATE TABLE IF NOT EXISTS bench_seed_steps (
      name VARCHAR(32) PRIMARY KEY, scale VARCHAR(64) NOT NULL, seconds DECIMAL(10,1) NOT NULL,
      finished_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)`);
  const scale = `${M}/${L}/${CPL}`;
  const [done] = await db.query('SELECT name, scale FROM bench_seed_steps');
  const other = done.find((d) => d.scale !== scale);
  if (other)
    throw new Error(`${database} was seeded at scale ${other.scale}, not ${scale}: rerun with --fresh`);
  const finished = new Set(done.map((d) => d.name));

  const total = performance.now();
  for (const step of STEPS) {
    if (finished.has(step.name)) {
      log(`${step.name}: done earlier, skipped`);
      continue;
    }
    t0 = performance.now();
    for (const sql of step.clear) await db.query(sql);
    await step.run(db);
    const seconds = (performance.now() - t0) / 1000;
    await db.query('INSERT INTO bench_seed_steps (name, scale, seconds) VALUES (?, ?, ?)', [
      step.name,
      scale,
      seconds.toFixed(1),
    ]);
    log(`${step.name}: ${seconds.toFixed(1)}s`);
  }
  const counts = {};
  for (const table of [
    'members',
    'leaders',
    'pickup_points',
    'member_bindings',
    'communities',
    'community_memberships',
    'tags',
    'member_tags',
  ]) {
    const [[row]] = await db.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  await db.end();
  log(`seeded in ${((performance.now() - total) / 1000).toFixed(1)}s: ${JSON.stringify(counts)}`);
}

main().catch((err) => {
  console.error(`[seed] ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
