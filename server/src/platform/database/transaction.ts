import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

interface TransactionScope {
  manager: EntityManager;
  afterCommit: Array<() => void>;
  /**
   * Set once the work of the transaction has settled (before COMMIT/ROLLBACK). Timers and promises
   * started inside `run` inherit the async context and may fire later; a finished scope must never be
   * joined by them, or their writes would run on a committed transaction's manager, outside the SQLite
   * serialisation, and their afterCommit callbacks would never fire.
   */
  finished: boolean;
}

/**
 * Runs work in one database transaction on SQLite and MySQL alike.
 *
 * - Nested `run` calls join the outer transaction (the same manager) while it is open, so services
 *   compose. Work that outlives it (a timer, a queued job) starts a transaction of its own.
 * - On SQLite every TypeORM query runner shares ONE connection, so two overlapping transactions would
 *   interleave; transactions are therefore serialised in this process. MySQL uses the pool freely.
 * - `afterCommit` callbacks (e.g. the outbox nudge) run only once the outermost transaction committed.
 */
export interface TransactionOptions {
  /**
   * READ COMMITTED instead of InnoDB's REPEATABLE READ (outermost transactions on MySQL only). Locking
   * reads then lock the rows they return but no gaps, so they never block INSERTs of other transactions:
   * for claim queries over a table others keep appending to (the outbox).
   */
  readCommitted?: boolean;
}

@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private readonly scopes = new AsyncLocalStorage<TransactionScope>();
  private sqliteTail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const outer = this.openScope();
    if (outer) return work(outer.manager);
    return this.serialised(() => this.runOutermost(work, options));
  }

  /** Registers a callback to run after the transaction that owns `manager` commits; false if none is known. */
  afterCommit(manager: EntityManager, callback: () => void): boolean {
    const scope = this.openScope();
    if (!scope || scope.manager !== manager) return false;
    scope.afterCommit.push(callback);
    return true;
  }

  private openScope(): TransactionScope | undefined {
    const scope = this.scopes.getStore();
    return scope && !scope.finished ? scope : undefined;
  }

  private async runOutermost<T>(
    work: (manager: EntityManager) => Promise<T>,
    options: TransactionOptions,
  ): Promise<T> {
    const afterCommit: Array<() => void> = [];
    const inScope = async (manager: EntityManager) => {
      const scope: TransactionScope = { manager, afterCommit, finished: false };
      try {
        return await this.scopes.run(scope, () => work(manager));
      } finally {
        scope.finished = true;
      }
    };
    // SQLite serialises everything anyway; the isolation level only means something on MySQL/MariaDB.
    const result =
      options.readCommitted && this.dataSource.options.type === 'mysql'
        ? await this.dataSource.transaction('READ COMMITTED', inScope)
        : await this.dataSource.transaction(inScope);
    for (const callback of afterCommit) {
      try {
        callback();
      } catch (error) {
        this.logger.error({ err: error }, 'afterCommit callback failed');
      }
    }
    return result;
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') return task();
    const result = this.sqliteTail.then(task, task);
    this.sqliteTail = result.catch(() => undefined);
    return result;
  }
}
