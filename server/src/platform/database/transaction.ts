import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

interface TransactionScope {
  manager: EntityManager;
  afterCommit: Array<() => void>;
}

/**
 * Runs work in one database transaction on SQLite and MySQL alike.
 *
 * - Nested `run` calls join the outer transaction (the same manager), so services compose.
 * - On SQLite every TypeORM query runner shares ONE connection, so two overlapping transactions would
 *   interleave; transactions are therefore serialised in this process. MySQL uses the pool freely.
 * - `afterCommit` callbacks (e.g. the outbox nudge) run only once the outermost transaction committed.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private readonly scopes = new AsyncLocalStorage<TransactionScope>();
  private sqliteTail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.scopes.getStore();
    if (outer) return work(outer.manager);
    return this.serialised(() => this.runOutermost(work));
  }

  /** Registers a callback to run after the transaction that owns `manager` commits; false if none is known. */
  afterCommit(manager: EntityManager, callback: () => void): boolean {
    const scope = this.scopes.getStore();
    if (!scope || scope.manager !== manager) return false;
    scope.afterCommit.push(callback);
    return true;
  }

  private async runOutermost<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const afterCommit: Array<() => void> = [];
    const result = await this.dataSource.transaction((manager) =>
      this.scopes.run({ manager, afterCommit }, () => work(manager)),
    );
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
