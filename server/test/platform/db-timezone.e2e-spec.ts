import { createConnection, type Connection } from 'mysql2/promise';
import type { QueryRunner } from 'typeorm';
import { testDatabaseUrl } from '../../src/platform/database/test-database-guard';
import { assertUtcSession } from '../../src/platform/database/utc-session';
import { createTestApp, type TestApp } from '../support/test-app';

const mysqlUrl = testDatabaseUrl(process.env);
const CONNECTIONS = 4;
const TOLERANCE_MS = 5000;

/** A server whose default time zone is +08:00 (common in China) must not shift created_at/updated_at. */
const describeOnMysql = mysqlUrl ? describe : describe.skip;
const title = mysqlUrl
  ? 'MySQL session time zone'
  : 'MySQL session time zone — skipped: needs TEST_DATABASE_URL (or DATABASE_URL) on MySQL/MariaDB';

describeOnMysql(title, () => {
  let admin: Connection;
  let previousGlobalZone: string | undefined;
  let t: TestApp | undefined;

  beforeAll(async () => {
    const serverUrl = new URL(mysqlUrl as string);
    serverUrl.pathname = '/';
    admin = await createConnection({ uri: serverUrl.toString() });
    const [rows] = await admin.query('SELECT @@global.time_zone AS zone');
    previousGlobalZone = (rows as { zone: string }[])[0].zone;
    // Only connections opened from now on get it, which is every connection of the app below.
    await admin.query("SET GLOBAL time_zone = '+08:00'");
    t = await createTestApp();
  });

  afterAll(async () => {
    try {
      await t?.close();
    } finally {
      try {
        if (previousGlobalZone !== undefined) {
          await admin.query('SET GLOBAL time_zone = ?', [previousGlobalZone]);
        }
      } finally {
        await admin?.end();
      }
    }
  });

  it('really runs against a +08:00 server (a plain new connection is 8 h ahead)', async () => {
    const plain = await createConnection({ uri: mysqlUrl as string });
    try {
      const [rows] = await plain.query('SELECT TIMESTAMPDIFF(HOUR, UTC_TIMESTAMP(), NOW()) AS hours');
      expect(Number((rows as { hours: number | string }[])[0].hours)).toBe(8);
    } finally {
      await plain.end();
    }
  });

  it('fills created_at/updated_at defaults and TypeORM updates in UTC on every pooled connection', async () => {
    const app = t as TestApp;
    // Held at once, so the pool has to open fresh connections besides the one from start-up.
    const runners: QueryRunner[] = [];
    try {
      for (let i = 0; i < CONNECTIONS; i += 1) {
        const runner = app.dataSource.createQueryRunner();
        await runner.connect();
        runners.push(runner);
      }
      const ids = new Set<number>();
      for (const [i, runner] of runners.entries()) {
        const [session] = (await runner.query(
          'SELECT CONNECTION_ID() AS id, @@session.time_zone AS zone',
        )) as { id: number | string; zone: string }[];
        ids.add(Number(session.id));
        expect(session.zone).toBe('+00:00');

        const username = `tz${process.pid}x${i}`;
        await runner.query(
          "INSERT INTO staff (username, name, password_hash, roles, status) VALUES (?, '时区', 'x', 'admin', 'active')",
          [username],
        );
        const [row] = (await runner.query('SELECT created_at, updated_at FROM staff WHERE username = ?', [
          username,
        ])) as { created_at: Date; updated_at: Date }[];
        expectNow(row.created_at);
        expectNow(row.updated_at);

        // TypeORM's own `updated_at = CURRENT_TIMESTAMP` on update runs in the session zone too.
        await runner.query("UPDATE staff SET updated_at = '2020-01-01 00:00:00' WHERE username = ?", [
          username,
        ]);
        await runner.manager.getRepository('staff').update({ username }, { name: '改名' });
        const [updated] = (await runner.query('SELECT updated_at FROM staff WHERE username = ?', [
          username,
        ])) as { updated_at: Date }[];
        expectNow(updated.updated_at);
      }
      expect(ids.size).toBe(CONNECTIONS);
    } finally {
      for (const runner of runners) await runner.release();
    }
  });

  it('has a start-up check that refuses a session whose NOW() is not UTC', async () => {
    const runner = (t as TestApp).dataSource.createQueryRunner();
    try {
      await expect(assertUtcSession(runner)).resolves.toBeUndefined();
      await runner.query("SET time_zone = '+08:00'");
      await expect(assertUtcSession(runner)).rejects.toThrow(
        /数据库会话时区不是 UTC \(time_zone=\+08:00, NOW\(\) 与 UTC_TIMESTAMP\(\) 相差 28800 秒\)/,
      );
    } finally {
      // Back to the pool as the hook leaves it (this test runs last, after the timestamp checks).
      await runner.query("SET time_zone = '+00:00'");
      await runner.release();
    }
  });
});

function expectNow(value: Date): void {
  expect(value).toBeInstanceOf(Date);
  expect(Math.abs(value.getTime() - Date.now())).toBeLessThan(TOLERANCE_MS);
}
