import type { DataSource } from 'typeorm';

const MYSQL_LOCK = 'linli_migrations';

/**
 * Runs pending migrations. On MySQL a named lock keeps two starting processes (api + worker)
 * from migrating at the same time; the second one waits and then finds nothing to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type !== 'mysql') {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  try {
    const [lock] = (await runner.query('SELECT GET_LOCK(?, 120) AS acquired', [MYSQL_LOCK])) as {
      acquired: number | string;
    }[];
    if (Number(lock?.acquired) !== 1) throw new Error('数据库迁移锁等待超时 (另一个进程正在迁移?)');
    try {
      return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [MYSQL_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
