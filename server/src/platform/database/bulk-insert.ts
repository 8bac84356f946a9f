import type { EntityManager } from 'typeorm';

/** A value a bulk insert can write: dates, booleans and JSON are converted per database below. */
export type BulkValue = string | number | boolean | Date | null | object;

/**
 * `INSERT INTO table (columns) VALUES (…), (…)` as ONE statement with positional parameters, on MySQL /
 * MariaDB and SQLite alike. For the few hot paths that write many rows at once (a batch of orders):
 * TypeORM's insert builder re-scans its parameter map for every value, which costs more CPU than the
 * database spends on the rows. Dates are UTC (`datetime(3)`), booleans 0/1, objects JSON (the
 * `simple-json` columns). Columns are snake_case table column names; rows are written in order.
 */
export async function bulkInsert(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly BulkValue[]>,
): Promise<void> {
  if (rows.length === 0) return;
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  const quote = (name: string) => (sqlite ? `"${name}"` : `\`${name}\``);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const params: Array<string | number | Date | null> = [];
  for (const row of rows) {
    if (row.length !== columns.length)
      throw new Error(`bulkInsert ${table}: a row has ${row.length} values for ${columns.length} columns`);
    for (const value of row) params.push(dbValue(value, sqlite));
  }
  await manager.query(
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')}`,
    params,
  );
}

function dbValue(value: BulkValue, sqlite: boolean): string | number | Date | null {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return sqlite ? sqliteDate(value) : value;
  return JSON.stringify(value);
}

/** How TypeORM stores a UTC datetime in SQLite: `YYYY-MM-DD HH:MM:SS.SSS`. */
function sqliteDate(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
