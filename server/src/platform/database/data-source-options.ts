import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { AppConfig } from '../config/app-config';
import { DatabaseLogger } from './database-logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { mysqlWithUtcSessions } from './utc-session';

const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** The TypeORM options of both modes. Entities come from `forFeature` (autoLoadEntities). */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    logging: ['error', 'warn'] as ('error' | 'warn')[],
    logger: new DatabaseLogger(),
    maxQueryExecutionTime: 1000,
  };
  if (database.type === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      // WAL lets readers (a second process, a backup) work while the app writes.
      enableWAL: database.path !== ':memory:',
      timeout: SQLITE_BUSY_TIMEOUT_MS,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('foreign_keys = ON');
        db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    url: database.url,
    // Dates travel as UTC both ways (`timezone`: JS <-> DB conversion; the driver wrapper: the
    // session zone behind CURRENT_TIMESTAMP defaults). utf8mb4 stores every Chinese character and emoji.
    driver: mysqlWithUtcSessions(),
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    bigNumberStrings: true,
    extra: { connectionLimit: 20 },
  };
}
