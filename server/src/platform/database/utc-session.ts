import { Logger } from '@nestjs/common';
import { createPool, createPoolCluster, type Pool, type PoolConnection, type PoolOptions } from 'mysql2';

const SET_UTC = "SET time_zone = '+00:00'";

/**
 * mysql2 for TypeORM's `driver` option: every connection its pools open runs `SET time_zone` first.
 *
 * `timezone: 'Z'` only converts JS dates on the client; `CURRENT_TIMESTAMP(3)` defaults (created_at,
 * updated_at) and TypeORM's `updated_at = CURRENT_TIMESTAMP` use the SESSION time zone, which on a
 * server set to +08:00 puts every such time 8 h off. Hooking `createPool` (rather than the pool after
 * `DataSource.initialize()`) also covers the connection TypeORM opens during initialisation.
 * The pool emits 'connection' before handing the connection out, and mysql2 runs a connection's
 * commands in order, so the SET always precedes the caller's first query.
 */
export function mysqlWithUtcSessions(logger = new Logger('Database')): MysqlDriverModule {
  // TypeORM's MysqlDriver calls only these two (the cluster is for `replication`, unused here).
  return {
    createPoolCluster,
    createPool: (options: PoolOptions): Pool => {
      const pool = createPool(options);
      pool.on('connection', (connection: PoolConnection) => {
        connection.query(SET_UTC, (error) => {
          if (!error) return;
          // Never let a connection with the wrong clock write rows: drop it, its queries fail loudly.
          logger.error({ err: error }, '无法把数据库会话时区设为 UTC, 已断开该连接');
          connection.destroy();
        });
      });
      return pool;
    },
  };
}

/** What TypeORM's MysqlDriver needs of the `mysql2` module. */
export interface MysqlDriverModule {
  createPool(options: PoolOptions): Pool;
  createPoolCluster: typeof createPoolCluster;
}

/** Fails start-up when a pooled connection's NOW() is not UTC (e.g. the SET above did not happen). */
export async function assertUtcSession(db: { query(sql: string): Promise<unknown> }): Promise<void> {
  const rows = (await db.query(
    'SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) AS offset_seconds, @@session.time_zone AS zone',
  )) as { offset_seconds: number | string; zone: string }[];
  const offsetSeconds = Number(rows[0]?.offset_seconds);
  if (offsetSeconds !== 0) {
    throw new Error(
      `数据库会话时区不是 UTC (time_zone=${rows[0]?.zone}, NOW() 与 UTC_TIMESTAMP() 相差 ${offsetSeconds} 秒)，` +
        'created_at/updated_at 会被写错。请确认数据库账号允许 SET time_zone，' +
        "或在 MySQL 配置中设置 default-time-zone='+00:00'",
    );
  }
}
