#!/usr/bin/env node
// The member-list queries straight on MariaDB, one at a time: the shapes the server runs today next to
// the proposed ones (bench/members/FINDINGS.md), each with varied values, timed as p50/p95 of single
// executions. `--explain` prints EXPLAIN for one set of values per query.
//
//   node bench/members/sql-check.mjs [--explain] [--only cur.,new.tag] [--times 20]
//
// Single executions on an idle server: these are the database's share of a request, not HTTP latency.
import { performance } from 'node:perf_hooks';
import { DATABASE_URL, SCALE, serverRequire } from './common.mjs';

const mysql = serverRequire('mysql2/promise');
const argv = process.argv.slice(2);
const EXPLAIN = argv.includes('--explain');
const TIMES = argv.includes('--times') ? Number(argv[argv.indexOf('--times') + 1]) : 15;
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;

const any = (list) => list[Math.floor(Math.random() * list.length)];
const CHANNELS = ['share_card', 'poster', 'group_qr', 'direct', 'search', 'import'];
const COLUMNS =
  'm.id, m.openid, m.unionid, m.nickname, m.avatar_url, m.phone, m.current_leader_id, m.channel, m.first_leader_id, m.first_community_id, m.first_order_at, m.attributed_at, m.last_active_at, m.created_at, m.updated_at';
const CAP = 10_000;

async function sample(db) {
  const [[{ maxId }]] = await db.query('SELECT MAX(id) AS maxId FROM members');
  const ids = Array.from({ length: 400 }, () => 1 + Math.floor(Math.random() * maxId));
  const [rows] = await db.query(
    'SELECT nickname, phone, current_leader_id AS leaderId FROM members WHERE id IN (?)',
    [ids],
  );
  const [[range]] = await db.query('SELECT MIN(created_at) AS first, MAX(created_at) AS last FROM members');
  return {
    phones: rows.map((r) => r.phone).filter(Boolean),
    fragments: rows
      .map((r) => [...r.nickname])
      .filter((c) => c.length >= 3)
      .map((c) => {
        const at = Math.floor(Math.random() * (c.length - 1));
        return c.slice(at, at + 2).join('');
      }),
    prefixes: rows.map((r) => [...r.nickname].slice(0, 2).join('')),
    leaders: rows.map((r) => r.leaderId).filter((id) => id !== null),
    month: () => {
      const first = new Date(range.first).getTime();
      const span = new Date(range.last).getTime() - first - 30 * 86_400_000;
      const from = new Date(first + Math.random() * span);
      return [from, new Date(from.getTime() + 30 * 86_400_000)];
    },
    bigLeaders: [1, 2, 3, 4, 5],
  };
}

/** [name, sql, () => params]. `cur.` = what the server runs today, `new.` = the proposal. */
function cases(v) {
  const like = (s) => `%${s}%`;
  const kwWhere = "(m.nickname LIKE ? ESCAPE '!' OR m.phone LIKE ? ESCAPE '!' OR m.openid LIKE ? ESCAPE '!')";
  const page = (where, order = 'm.id DESC', offset = 0) =>
    `SELECT ${COLUMNS} FROM members m ${where ? `WHERE ${where}` : ''} ORDER BY ${order} LIMIT 20 OFFSET ${offset}`;
  const countDistinct = (where) =>
    `SELECT COUNT(DISTINCT(m.id)) AS cnt FROM members m ${where ? `WHERE ${where}` : ''}`;
  const capped = (from, where) =>
    `SELECT COUNT(*) AS cnt FROM (SELECT 1 FROM ${from} ${where ? `WHERE ${where}` : ''} LIMIT ${CAP + 1}) t`;
  const tagExists = 'EXISTS (SELECT 1 FROM member_tags ft WHERE ft.member_id = m.id AND ft.tag_id = ?)';
  const communityExists =
    'EXISTS (SELECT 1 FROM community_memberships fc WHERE fc.member_id = m.id AND fc.community_id = ?)';
  const community = () => 1 + Math.floor(Math.random() * SCALE.leaders * SCALE.communitiesPerLeader);
  const bigCommunity = () => 1 + Math.floor(Math.random() * 5 * SCALE.communitiesPerLeader);
  const tag = () => 1 + Math.floor(Math.random() * 30);
  const kw = (s) => [like(s), like(s), like(s)];
  const customerKw = "(m.nickname LIKE ? ESCAPE '!' OR m.phone LIKE ? ESCAPE '!')";
  return [
    // ---- today ----
    ['cur.unfiltered.page', page(''), () => []],
    ['cur.unfiltered.count', countDistinct(''), () => []],
    ['cur.page100.page', page('', 'm.id DESC', 1980), () => []],
    ['cur.kwPhone.page', page(kwWhere), () => kw(any(v.phones).slice(0, 7))],
    ['cur.kwPhone.count', countDistinct(kwWhere), () => kw(any(v.phones).slice(0, 7))],
    ['cur.kwNick.page', page(kwWhere), () => kw(any(v.fragments))],
    ['cur.kwNick.count', countDistinct(kwWhere), () => kw(any(v.fragments))],
    ['cur.leader.page', page('m.current_leader_id = ?'), () => [any(v.leaders)]],
    ['cur.leader.count', countDistinct('m.current_leader_id = ?'), () => [any(v.leaders)]],
    ['cur.channel.page', page('m.channel = ?'), () => [any(CHANNELS)]],
    ['cur.channel.count', countDistinct('m.channel = ?'), () => [any(CHANNELS)]],
    ['cur.joined.page', page('m.created_at >= ? AND m.created_at <= ?'), () => v.month()],
    ['cur.joined.count', countDistinct('m.created_at >= ? AND m.created_at <= ?'), () => v.month()],
    ['cur.tag.page', page(tagExists), () => [tag()]],
    ['cur.tag.count', countDistinct(tagExists), () => [tag()]],
    ['cur.community.page', page(communityExists), () => [community()]],
    ['cur.community.count', countDistinct(communityExists), () => [community()]],
    [
      'cur.leaderChannel.page',
      page('m.current_leader_id = ? AND m.channel = ?'),
      () => [any(v.leaders), any(CHANNELS)],
    ],
    [
      'cur.leaderChannel.count',
      countDistinct('m.current_leader_id = ? AND m.channel = ?'),
      () => [any(v.leaders), any(CHANNELS)],
    ],
    // leader customers (big leaders: the worst case)
    ['cur.customers.page', page('m.current_leader_id = ?'), () => [any(v.bigLeaders)]],
    ['cur.customers.count', countDistinct('m.current_leader_id = ?'), () => [any(v.bigLeaders)]],
    [
      'cur.customersKw.page',
      page(`m.current_leader_id = ? AND ${customerKw}`),
      () => {
        const t = any(v.phones).slice(-4);
        return [any(v.bigLeaders), like(t), `%${t}`];
      },
    ],
    [
      'cur.customersKw.count',
      countDistinct(`m.current_leader_id = ? AND ${customerKw}`),
      () => {
        const t = any(v.phones).slice(-4);
        return [any(v.bigLeaders), like(t), `%${t}`];
      },
    ],
    [
      'cur.customersCommunity.page',
      `SELECT cm.id, cm.member_id, cm.joined_at FROM community_memberships cm INNER JOIN members m ON m.id = cm.member_id WHERE cm.community_id = ? ORDER BY cm.id DESC LIMIT 20`,
      () => [bigCommunity()],
    ],
    [
      'cur.customersCommunity.count',
      `SELECT COUNT(DISTINCT(cm.id)) AS cnt FROM community_memberships cm INNER JOIN members m ON m.id = cm.member_id WHERE cm.community_id = ?`,
      () => [bigCommunity()],
    ],

    // ---- proposed ----
    ['new.unfiltered.count', 'SELECT COUNT(*) AS cnt FROM members m', () => []],
    ['new.unfiltered.capped', capped('members m', ''), () => []],
    ['new.kwPhone.page', page('m.phone LIKE ?'), () => [`${any(v.phones).slice(0, 7)}%`]],
    [
      'new.kwPhone.count',
      'SELECT COUNT(*) AS cnt FROM members m WHERE m.phone LIKE ?',
      () => [`${any(v.phones).slice(0, 7)}%`],
    ],
    [
      'new.kwPhone4.count',
      'SELECT COUNT(*) AS cnt FROM members m WHERE m.phone LIKE ?',
      () => [`${any(v.phones).slice(0, 4)}%`],
    ],
    ['new.kwPhone4.capped', capped('members m', 'm.phone LIKE ?'), () => [`${any(v.phones).slice(0, 4)}%`]],
    ['new.kwNickPrefix.page', page('m.nickname LIKE ?'), () => [`${any(v.prefixes)}%`]],
    [
      'new.kwNickPrefix.count',
      'SELECT COUNT(*) AS cnt FROM members m WHERE m.nickname LIKE ?',
      () => [`${any(v.prefixes)}%`],
    ],
    ['new.kwNickPrefix.capped', capped('members m', 'm.nickname LIKE ?'), () => [`${any(v.prefixes)}%`]],
    [
      'new.leader.count',
      'SELECT COUNT(*) AS cnt FROM members m WHERE m.current_leader_id = ?',
      () => [any(v.leaders)],
    ],
    ['new.channel.count', 'SELECT COUNT(*) AS cnt FROM members m WHERE m.channel = ?', () => [any(CHANNELS)]],
    ['new.channel.capped', capped('members m', 'm.channel = ?'), () => [any(CHANNELS)]],
    [
      'new.joined.page',
      page('m.created_at >= ? AND m.created_at <= ?', 'm.created_at DESC, m.id DESC'),
      () => v.month(),
    ],
    [
      'new.joined.count',
      'SELECT COUNT(*) AS cnt FROM members m WHERE m.created_at >= ? AND m.created_at <= ?',
      () => v.month(),
    ],
    [
      'new.tag.page',
      `SELECT ${COLUMNS} FROM member_tags ft INNER JOIN members m ON m.id = ft.member_id WHERE ft.tag_id = ? ORDER BY ft.member_id DESC LIMIT 20`,
      () => [tag()],
    ],
    ['new.tag.count', 'SELECT COUNT(*) AS cnt FROM member_tags ft WHERE ft.tag_id = ?', () => [tag()]],
    ['new.tag.counter', 'SELECT member_count AS cnt FROM tags WHERE id = ?', () => [tag()]],
    ['new.tag.capped', capped('members m', tagExists), () => [tag()]],
    [
      'new.tagChannel.capped',
      capped('members m', `${tagExists} AND m.channel = ?`),
      () => [tag(), any(CHANNELS)],
    ],
    ['new.joined.capped', capped('members m', 'm.created_at >= ? AND m.created_at <= ?'), () => v.month()],
    ['new.leader.capped', capped('members m', 'm.current_leader_id = ?'), () => [any(v.bigLeaders)]],
    ['new.community.capped', capped('members m', communityExists), () => [community()]],
    [
      'new.community.page',
      `SELECT ${COLUMNS} FROM community_memberships fc INNER JOIN members m ON m.id = fc.member_id WHERE fc.community_id = ? ORDER BY fc.member_id DESC LIMIT 20`,
      () => [community()],
    ],
    [
      'new.community.count',
      'SELECT COUNT(*) AS cnt FROM community_memberships fc WHERE fc.community_id = ?',
      () => [community()],
    ],
    [
      'new.tagChannel.page',
      `SELECT ${COLUMNS} FROM member_tags ft INNER JOIN members m ON m.id = ft.member_id WHERE ft.tag_id = ? AND m.channel = ? ORDER BY ft.member_id DESC LIMIT 20`,
      () => [tag(), any(CHANNELS)],
    ],
    [
      'new.leaderChannel.page',
      page('m.current_leader_id = ? AND m.channel = ?'),
      () => [any(v.leaders), any(CHANNELS)],
    ],
    [
      'new.leaderChannel.count',
      'SELECT COUNT(*) AS cnt FROM members m WHERE m.current_leader_id = ? AND m.channel = ?',
      () => [any(v.leaders), any(CHANNELS)],
    ],
    [
      'new.customers.count',
      'SELECT COUNT(*) AS cnt FROM members m WHERE m.current_leader_id = ?',
      () => [any(v.bigLeaders)],
    ],
    [
      'new.customersKw.page',
      page(`m.current_leader_id = ? AND ${customerKw}`),
      () => {
        const t = any(v.phones).slice(-4);
        return [any(v.bigLeaders), like(t), `%${t}`];
      },
    ],
    [
      'new.customersKw.ids',
      `SELECT m.id FROM members m WHERE m.current_leader_id = ? AND ${customerKw} ORDER BY m.id DESC LIMIT 20`,
      () => {
        const t = any(v.phones).slice(-4);
        return [any(v.bigLeaders), like(t), `%${t}`];
      },
    ],
    [
      'new.customersKw.rows',
      `SELECT ${COLUMNS} FROM members m WHERE m.id IN (?)`,
      () => [Array.from({ length: 20 }, () => 1 + Math.floor(Math.random() * SCALE.members))],
    ],
    [
      'new.customersKw.count',
      `SELECT COUNT(*) AS cnt FROM members m WHERE m.current_leader_id = ? AND ${customerKw}`,
      () => {
        const t = any(v.phones).slice(-4);
        return [any(v.bigLeaders), like(t), `%${t}`];
      },
    ],
    [
      'new.customersCommunity.page',
      `SELECT cm.id, cm.member_id, cm.joined_at FROM community_memberships cm INNER JOIN members m ON m.id = cm.member_id WHERE cm.community_id = ? ORDER BY cm.id DESC LIMIT 20`,
      () => [bigCommunity()],
    ],
    [
      'new.customersCommunity.count',
      'SELECT member_count AS cnt FROM communities WHERE id = ?',
      () => [bigCommunity()],
    ],
  ];
}

async function main() {
  const db = await mysql.createConnection({ uri: DATABASE_URL });
  await db.query("SET time_zone = '+00:00'");
  const v = await sample(db);
  const selected = cases(v).filter(([name]) => !ONLY || ONLY.some((o) => name.startsWith(o)));
  const out = [];
  for (const [name, sql, params] of selected) {
    if (EXPLAIN) {
      const [plan] = await db.query(`EXPLAIN ${sql}`, params());
      console.log(`\n-- ${name}\n${sql}`);
      for (const row of plan) {
        console.log(
          `   ${row.table}\ttype=${row.type}\tkey=${row.key}\trows=${row.rows}\t${row.Extra ?? ''}`,
        );
      }
      continue;
    }
    await db.query(sql, params()); // warm
    const times = [];
    for (let i = 0; i < TIMES; i++) {
      const t0 = performance.now();
      await db.query(sql, params());
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    const row = {
      query: name,
      p50Ms: Number(p(0.5).toFixed(1)),
      p95Ms: Number(p(0.95).toFixed(1)),
      maxMs: Number(times.at(-1).toFixed(1)),
    };
    out.push(row);
    console.log(
      `${name.padEnd(30)} p50 ${String(row.p50Ms).padStart(8)} ms   p95 ${String(row.p95Ms).padStart(8)} ms   max ${String(row.maxMs).padStart(8)} ms`,
    );
  }
  await db.end();
  if (!EXPLAIN)
    console.log(
      JSON.stringify({ bench: 'members-sql', date: new Date().toISOString(), times: TIMES, results: out }),
    );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
