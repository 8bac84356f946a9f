import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { isUniqueViolation } from './query-helpers';

/**
 * TypeORM's log, through the application's logger. A duplicate-key error is how idempotent writes
 * learn that a concurrent request got there first (a replayed notification, a retried order): the
 * caller handles it, so it is logged at debug, not as an error that would page someone.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {
    // Every query would drown the log; slow and failed ones are logged below.
  }

  logQueryError(error: string | Error, query: string): void {
    if (isUniqueViolation(error)) {
      this.logger.debug({ query: query.slice(0, 200) }, 'duplicate key (handled by the caller)');
      return;
    }
    this.logger.error({ err: error, query: query.slice(0, 500) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: query.slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
