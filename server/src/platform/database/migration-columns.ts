import type { QueryRunner, TableColumnOptions } from 'typeorm';

/*
 * Column definitions for migrations whose SQL differs between SQLite and MySQL/MariaDB.
 * Everything else is portable through the Table API with types int, bigint, varchar(length), text,
 * boolean and datetime with precision 3.
 */

export function isMysql(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.options.type === 'mysql' || queryRunner.connection.options.type === 'mariadb';
}

/** Current UTC time with milliseconds, as a column default expression. */
export function nowDefault(queryRunner: QueryRunner): string {
  return isMysql(queryRunner) ? 'CURRENT_TIMESTAMP(3)' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
}

/**
 * Auto-increment primary key. SQLite only allows AUTOINCREMENT on a column typed exactly `integer`
 * (`int` fails); MySQL accepts `integer` as INT.
 */
export function idColumn(name = 'id'): TableColumnOptions {
  return { name, type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}

/** 64-bit auto-increment key (SQLite's `integer` is already 64-bit). */
export function bigIdColumn(queryRunner: QueryRunner, name = 'id'): TableColumnOptions {
  const type = isMysql(queryRunner) ? 'bigint' : 'integer';
  return { name, type, isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}

export function datetimeColumn(name: string, options: { nullable?: boolean } = {}): TableColumnOptions {
  return { name, type: 'datetime', precision: 3, isNullable: options.nullable ?? false };
}

/** Pairs with `@CreatedAtColumn()`. */
export function createdAtColumn(queryRunner: QueryRunner, name = 'created_at'): TableColumnOptions {
  return { ...datetimeColumn(name), default: nowDefault(queryRunner) };
}

/** Pairs with `@UpdatedAtColumn()`. TypeORM also sets it on every update it issues. */
export function updatedAtColumn(queryRunner: QueryRunner, name = 'updated_at'): TableColumnOptions {
  return {
    ...datetimeColumn(name),
    default: nowDefault(queryRunner),
    onUpdate: isMysql(queryRunner) ? 'CURRENT_TIMESTAMP(3)' : undefined,
  };
}
