import { Column, CreateDateColumn, UpdateDateColumn, type ValueTransformer } from 'typeorm';

/*
 * Portable column decorators: the same entity works on SQLite (embedded) and MySQL/MariaDB.
 * Dates are stored as UTC `datetime(3)` (MySQL connection timezone 'Z'; SQLite stores UTC text).
 * Migrations must create the matching columns; see ./migration-columns.ts and README.md.
 */

export function UtcDateTimeColumn(options: { nullable?: boolean; name?: string } = {}): PropertyDecorator {
  return Column({ type: 'datetime', precision: 3, nullable: options.nullable ?? false, name: options.name });
}

/** Filled by the database default on insert (migration: `createdAtColumn()`). */
export function CreatedAtColumn(): PropertyDecorator {
  return CreateDateColumn({ type: 'datetime', precision: 3 });
}

/** Set on insert and on every update through TypeORM (migration: `updatedAtColumn()`). */
export function UpdatedAtColumn(): PropertyDecorator {
  return UpdateDateColumn({ type: 'datetime', precision: 3 });
}

/** mysql2 returns BIGINT as a string; money is integer fen and always fits in a JS safe integer. */
const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

export function MoneyColumn(
  options: { nullable?: boolean; default?: number; name?: string } = {},
): PropertyDecorator {
  return Column({
    type: 'bigint',
    nullable: options.nullable ?? false,
    default: options.default,
    name: options.name,
    transformer: bigintToNumber,
  });
}

/** A JSON value in a text column (portable; no JSON type dependency on the database). */
export function JsonColumn(options: { nullable?: boolean; name?: string } = {}): PropertyDecorator {
  return Column({ type: 'simple-json', nullable: options.nullable ?? false, name: options.name });
}
