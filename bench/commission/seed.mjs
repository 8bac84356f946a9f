#!/usr/bin/env node
// Seed of the commission bench: 5,000 leaders (levels 70/22/8 %, a few without one, an upline tree) and
// 1,000,000 completed orders with 1–3 lines each over the last 30 days, as the commission context records
// them (`commission_orders`: the calculator's inputs and what was earned under rule set v1), their accrual
// entries in the ledger and the leaders' commission accounts.
//
//   node bench/commission/seed.mjs            seed unless the database already holds this scale
//   node bench/commission/seed.mjs --fresh    drop and re-create linli_bench_commission first
//   BENCH_ORDERS=100000 BENCH_LEADERS=500 node bench/commission/seed.mjs --fresh   (a smaller copy)
//
// The schema, the admin, the demo catalog (9 products, 16 SKUs, 6 categories) and 3 demo leaders come from
// the server itself (one start with SEED_DEMO on the fresh database); the bulk is set-based SQL over
// MariaDB's Sequence engine (seq_1_to_N), deterministic (hashes of ids), about a minute or two on 2 cores.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from '../members/common.mjs';
import { connect, databaseName, recreateDatabase, SCALE, startCommissionServer } from './setup.mjs';

const log = (line) => console.error(`[seed] ${line}`);

/** A deterministic pseudo-random integer in [0, 2^32) from an SQL expression and a salt. */
const h = (expr, salt) => `CAST(CONV(LEFT(MD5(CONCAT(${expr}, '${salt}')), 8), 16, 10) AS UNSIGNED)`;
/** …as a fraction in [0, 1). */
const r = (expr, salt) => `(${h(expr, salt)} / 4294967296)`;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌波宇浩凯晨欣怡佳琪雪梅婷';
const charOf = (chars, expr, salt) => `SUBSTRING('${chars}', 1 + ${h(expr, salt)} % ${chars.length}, 1)`;

/** The scale recorded in the database by a finished seed, or null. */
export async function seededScale(db) {
  const [tables] = await db.query("SHOW TABLES LIKE 'bench_commission_seed'");
  if (tables.length === 0) return null;
  const [[row]] = await db.query('SELECT scale FROM bench_commission_seed LIMIT 1');
  return row?.scale ?? null;
}

export const scaleKey = () => `${SCALE.orders}/${SCALE.leaders}/${SCALE.days}`;

/** Seeds from scratch: re-creates the database, lets the server migrate it, then the bulk SQL. */
export async function seed() {
  const started = performance.now();
  log(`re-creating ${databaseName()}`);
  await recreateDatabase();
  // One start of the real server: migrations, the admin, the demo catalog and leaders.
  const server = await startCommissionServer({ secret: randomBytes(32).toString('hex'), logLevel: 'warn' });
  await server.stop();
  log(`schema and demo data by the server in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const db = await connect();
  try {
    await db.query("SET time_zone = '+00:00'");
    await db.query('SET unique_checks = 0, foreign_key_checks = 0');
    const step = async (name, fn) => {
      const t0 = performance.now();
      await fn();
      log(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    };
    const [[base]] = await db.query(
      `SELECT (SELECT MAX(id) FROM leaders) AS leaders, (SELECT MAX(id) FROM members) AS members,
              (SELECT COALESCE(MAX(id), 0) FROM orders) AS orders, UTC_TIMESTAMP(3) AS now`,
    );
    const L = SCALE.leaders;
    const N = SCALE.orders;
    const leaderBase = Number(base.leaders);
    const memberBase = Number(base.members);
    const orderBase = Number(base.orders);
    const now = base.now;

    await step('leaders', async () => {
      await db.query(
        `
        INSERT INTO members (id, openid, nickname, phone, current_leader_id, channel, attributed_at, created_at, updated_at)
        SELECT ${memberBase} + seq, CONCAT('bench-leader-', seq),
               CONCAT(${charOf(SURNAMES, 'seq', 's')}, ${charOf(GIVEN, 'seq', 'g')}, ${charOf(GIVEN, 'seq', 'g2')}),
               CONCAT('13', LPAD(${h('seq', 'p')} % 1000000000, 9, '0')), ${leaderBase} + seq, 'direct',
               ? - INTERVAL 400 DAY, ? - INTERVAL 400 DAY, ? - INTERVAL 400 DAY
          FROM seq_1_to_${L}`,
        [now, now, now],
      );
      // Levels 普通 70 % / 银牌 22 % / 金牌 8 % (ids 1–3 from migration 0006), 2 % without a level (default
      // rate). Uplines: the first 50 recruited nobody's way, the others by an earlier leader.
      await db.query(`
        INSERT INTO leaders (id, member_id, name, phone, status, invite_code, upline_leader_id, applied_at,
                             reviewed_at, agreement_version, agreement_accepted_at, level_id, created_at, updated_at)
        SELECT ${leaderBase} + m.seq, ${memberBase} + m.seq, mm.nickname, mm.phone, 'active',
               CONCAT('B', UPPER(LPAD(CONV(m.seq * 7919 + 1000003, 10, 36), 7, '0'))),
               IF(m.seq <= 50, NULL, ${leaderBase} + 1 + ${h('m.seq', 'up')} % FLOOR(m.seq / 3)),
               mm.created_at, mm.created_at, 'v1', mm.created_at,
               CASE WHEN ${r('m.seq', 'lv')} < 0.02 THEN NULL WHEN ${r('m.seq', 'lv')} < 0.70 THEN 1
                    WHEN ${r('m.seq', 'lv')} < 0.92 THEN 2 ELSE 3 END,
               mm.created_at, mm.created_at
          FROM seq_1_to_${L} m JOIN members mm ON mm.id = ${memberBase} + m.seq`);
      await db.query(`
        INSERT INTO pickup_points (leader_id, name, address, latitude, longitude, opening_hours, contact_phone,
                                   created_at, updated_at)
        SELECT id, CONCAT('邻里', id, '号自提点'), CONCAT('浙江省杭州市西湖区文三路', id, '号'),
               ROUND(30.15 + 0.25 * ${r('id', 'lat')}, 7), ROUND(120.00 + 0.35 * ${r('id', 'lng')}, 7),
               '08:00-20:00', phone, created_at, created_at
          FROM leaders WHERE id > ${leaderBase}`);
    });

    // The demo catalog as the accrual job saw it: label, product, [category, parent], group price, cost.
    await step('catalog', async () => {
      await db.query('DROP TABLE IF EXISTS bench_skus');
      await db.query(`
        CREATE TABLE bench_skus (idx INT PRIMARY KEY, product_id INT NOT NULL, category_ids VARCHAR(32) NOT NULL,
                                 label VARCHAR(200) NOT NULL, price BIGINT NOT NULL, cost BIGINT NOT NULL)`);
      await db.query(`
        INSERT INTO bench_skus
        SELECT ROW_NUMBER() OVER (ORDER BY s.id) - 1, p.id,
               CONCAT('[', CONCAT_WS(',', p.category_id, c.parent_id), ']'),
               CONCAT(p.name, IF(s.spec_text = '', '', CONCAT(' ', s.spec_text))),
               ROUND(s.price * 0.85), s.cost
          FROM skus s JOIN products p ON p.id = s.product_id LEFT JOIN categories c ON c.id = p.category_id`);
    });
    const [[{ skus }]] = await db.query('SELECT COUNT(*) AS skus FROM bench_skus');

    await step(`commission_orders (${N.toLocaleString('en')})`, async () => {
      const spanSeconds = SCALE.days * 86400;
      // Leader: skewed, 1 + L·u² (the biggest leaders have ~100× a median one's orders). Lines: 1 (50 %),
      // 2 (30 %) or 3 (20 %), quantity 1 (70 %) to 3. Amounts as v1 (each level's own rate) earned them:
      // round half up of paid × rate ÷ 10 000; no referral rule in v1.
      const quantity = (k) => `(1 + (${h('seq', `q${k}`)} % 10 >= 7) + (${h('seq', `q${k}`)} % 10 = 9))`;
      const line = (k) =>
        `CONCAT('{"label":"', k${k}.label, ' × ', s.q${k}, '","productId":', k${k}.product_id, ',"categoryIds":',
                k${k}.category_ids, ',"quantity":', s.q${k}, ',"paidFen":', k${k}.price * s.q${k},
                ',"unitCostFen":', k${k}.cost, '}')`;
      const paid = `(k1.price * s.q1 + IF(s.n >= 2, k2.price * s.q2, 0) + IF(s.n >= 3, k3.price * s.q3, 0))`;
      const lines = `CONCAT('[', ${line(1)}, IF(s.n >= 2, CONCAT(',', ${line(2)}), ''),
                                 IF(s.n >= 3, CONCAT(',', ${line(3)}), ''), ']')`;
      const chunk = 100_000;
      for (let from = 1; from <= N; from += chunk) {
        const to = Math.min(N, from + chunk - 1);
        await db.query(
          `
          INSERT INTO commission_orders (order_id, order_no, leader_id, level_id, upline1_id, upline2_id, completed_at,
                                         paid_amount, refunded_amount, \`lines\`, rule_set_id, rule_set_version,
                                         accrual_amount, referral1_amount, referral2_amount)
          SELECT ${orderBase} + s.seq, CONCAT(DATE_FORMAT(s.at, '%y%m%d%H%i%s'), LPAD(s.seq, 8, '0')),
                 l.id, l.level_id, u1.id, IF(u2.id = l.id, NULL, u2.id), s.at,
                 ${paid}, 0, ${lines}, 1, 1,
                 FLOOR((${paid} * COALESCE(lv.commission_rate_bps, 1000) + 5000) / 10000), 0, 0
            FROM (SELECT seq, ? - INTERVAL ${spanSeconds} SECOND
                              + INTERVAL FLOOR(${spanSeconds} * (seq - 1) / ${N}) SECOND AS at,
                         ${leaderBase} + LEAST(${L}, 1 + FLOOR(${L} * POW(${r('seq', 'ld')}, 2))) AS leader_id,
                         1 + (${h('seq', 'n')} % 10 >= 5) + (${h('seq', 'n')} % 10 >= 8) AS n,
                         ${h('seq', 'k1')} % ${skus} AS i1, ${h('seq', 'k2')} % ${skus} AS i2,
                         ${h('seq', 'k3')} % ${skus} AS i3,
                         ${quantity(1)} AS q1, ${quantity(2)} AS q2, ${quantity(3)} AS q3
                    FROM seq_${from}_to_${to}) s
            JOIN bench_skus k1 ON k1.idx = s.i1
            JOIN bench_skus k2 ON k2.idx = s.i2
            JOIN bench_skus k3 ON k3.idx = s.i3
            JOIN leaders l ON l.id = s.leader_id
            LEFT JOIN leaders u1 ON u1.id = l.upline_leader_id
            LEFT JOIN leaders u2 ON u2.id = u1.upline_leader_id
            LEFT JOIN leader_levels lv ON lv.id = l.level_id
           ORDER BY s.seq`,
          [now],
        );
        log(`  commission_orders ${to.toLocaleString('en')} / ${N.toLocaleString('en')}`);
      }
      // The history's orders are not in `orders`; new orders must not take their ids.
      await db.query(`ALTER TABLE orders AUTO_INCREMENT = ${orderBase + N + 1}`);
    });

    // The ledger's accrual entries of that history (v1 has no referral), one detail line per order line,
    // available once the 7 frozen days passed; and each leader's account with its completed-order count.
    await step('commission_entries', async () => {
      const chunk = 100_000;
      for (let from = orderBase + 1; from <= orderBase + N; from += chunk) {
        const to = Math.min(orderBase + N, from + chunk - 1);
        await db.query(
          `
          INSERT INTO commission_entries (leader_id, order_id, type, amount, status, available_at, rule_set_id,
                                          rule_set_version, entry_key, details, created_at)
          SELECT o.leader_id, o.order_id, 'accrual', o.accrual_amount,
                 IF(o.completed_at + INTERVAL 7 DAY <= ?, 'available', 'frozen'), o.completed_at + INTERVAL 7 DAY,
                 1, 1, CONCAT('accrual:', o.order_id), d.details, o.completed_at
            FROM commission_orders o
            JOIN (SELECT o2.order_id,
                         CONCAT('[', GROUP_CONCAT(JSON_OBJECT('label', j.label, 'baseFen', j.paid,
                                'rateBps', COALESCE(lv.commission_rate_bps, 1000), 'fixedFen', NULL, 'units', NULL,
                                'amount', j.paid * COALESCE(lv.commission_rate_bps, 1000) / 10000,
                                'rule', IF(lv.id IS NULL, '默认费率', '等级费率')) ORDER BY j.ord SEPARATOR ','), ']') AS details
                    FROM commission_orders o2
                    JOIN JSON_TABLE(o2.\`lines\`, '$[*]' COLUMNS (ord FOR ORDINALITY,
                                    label VARCHAR(200) PATH '$.label', paid BIGINT PATH '$.paidFen')) j
                    LEFT JOIN leader_levels lv ON lv.id = o2.level_id
                   WHERE o2.order_id BETWEEN ${from} AND ${to}
                   GROUP BY o2.order_id) d ON d.order_id = o.order_id
           ORDER BY o.order_id`,
          [now],
        );
      }
      await db.query(`
        INSERT INTO commission_accounts (leader_id, completed_orders)
        SELECT leader_id, COUNT(*) FROM commission_orders GROUP BY leader_id
            ON DUPLICATE KEY UPDATE completed_orders = commission_accounts.completed_orders + VALUES(completed_orders)`);
    });

    await step('analyze', async () => {
      for (const table of [
        'leaders',
        'members',
        'commission_orders',
        'commission_entries',
        'commission_accounts',
      ])
        await db.query(`ANALYZE TABLE ${table}`);
    });
    await db.query(
      'CREATE TABLE bench_commission_seed (scale VARCHAR(64) NOT NULL, seconds DECIMAL(10, 1) NOT NULL)',
    );
    await db.query('INSERT INTO bench_commission_seed VALUES (?, ?)', [
      scaleKey(),
      ((performance.now() - started) / 1000).toFixed(1),
    ]);
    log(
      `seeded ${scaleKey()} (orders/leaders/days) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await db.end();
  }
}

async function main() {
  ensureBuilt(log);
  const fresh = process.argv.includes('--fresh');
  if (!fresh) {
    const db = await connect({ uri: undefined }).catch(() => null);
    const scale = db ? await seededScale(db).catch(() => null) : null;
    await db?.end();
    if (scale === scaleKey()) {
      log(`${databaseName()} already holds ${scale} (orders/leaders/days); --fresh re-seeds`);
      return;
    }
  }
  await seed();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
