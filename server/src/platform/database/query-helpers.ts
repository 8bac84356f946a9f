import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A `%keyword%` pattern with LIKE wildcards escaped by `!` (a backslash means different things in MySQL
 * and SQLite literals). Use it with `LIKE :pattern ESCAPE '!'`.
 */
export function likePattern(keyword: string): string {
  return `%${escapeLike(keyword)}%`;
}

/** `keyword%` (starts with), escaped like `likePattern`: an index range on the column. */
export function prefixPattern(keyword: string): string {
  return `${escapeLike(keyword)}%`;
}

/** `%keyword` (ends with), escaped like `likePattern`. */
export function suffixPattern(keyword: string): string {
  return `%${escapeLike(keyword)}`;
}

function escapeLike(keyword: string): string {
  return keyword.replace(/[!%_]/g, (c) => `!${c}`);
}

/** True for a duplicate-key error from MySQL/MariaDB or SQLite (a lost race on a unique index). */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } } | null)?.driverError;
  const code = driverError?.code ?? (error as { code?: string } | null)?.code;
  return (
    code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Locks the selected rows until the transaction ends (`FOR UPDATE`) on MySQL/MariaDB. SQLite has no row
 * locks; its writers are serialised by the TransactionRunner, so the read is already safe there.
 */
export function lockForUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const type = qb.connection.options.type;
  return type === 'mysql' || type === 'mariadb' ? qb.setLock('pessimistic_write') : qb;
}
