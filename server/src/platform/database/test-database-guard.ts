/*
 * The e2e harness DROPs and re-creates its MySQL database. These guards keep it away from real data:
 * it prefers TEST_DATABASE_URL, and only ever touches a database whose name says it is disposable.
 */

const DISPOSABLE_NAME = /_(e2e|test)$/;

/** TEST_DATABASE_URL when set, else DATABASE_URL, else undefined (embedded SQLite). */
export function testDatabaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  return env.TEST_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
}

/** Throws before anything is dropped unless the database name ends in `_e2e` or `_test`. */
export function assertDisposableDatabase(url: string): void {
  let name: string;
  try {
    name = decodeURIComponent(new URL(url).pathname.slice(1));
  } catch {
    throw new Error('测试数据库地址不是合法的 URL, 拒绝执行 (e2e 测试会删除并重建该数据库)');
  }
  if (!DISPOSABLE_NAME.test(name)) {
    throw new Error(
      `拒绝清空数据库 "${name}": e2e 测试会删除并重建它, 只允许名称以 _e2e 或 _test 结尾的数据库。` +
        '请设置 TEST_DATABASE_URL, 例如 mysql://root@127.0.0.1:3306/linli_e2e',
    );
  }
}
