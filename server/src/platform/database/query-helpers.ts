import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A `%keyword%` pattern with LIKE wildcards escaped by `!` (a backslash means different things in MySQL
 * and SQLite literals). Use it with `LIKE :pattern ESCAPE '!'`.
 */
export function likePattern(keyword: string): string {
  return `%${keyword.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * Locks the selected rows until the transaction ends (`FOR UPDATE`) on MySQL/MariaDB. SQLite has no row
 * locks; its writers are serialised by the TransactionRunner, so the read is already safe there.
 */
export function lockForUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const type = qb.connection.options.type;
  return type === 'mysql' || type === 'mariadb' ? qb.setLock('pessimistic_write') : qb;
}
