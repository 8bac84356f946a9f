import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MovementKind } from '@linli/shared-types';
import { CreatedAtColumn } from '../../../platform';

const bigintToNumber = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** One change of a SKU's stock/reserved (append-only: never updated or deleted). */
@Entity('stock_movements')
export class StockMovementEntity {
  /** bigint on MySQL: mysql2 may hand it back as a string, so read it through Number(). */
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  skuId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: MovementKind;

  @Column({ type: 'int' })
  stockDelta!: number;

  @Column({ type: 'int', default: 0 })
  reservedDelta!: number;

  @Column({ type: 'int' })
  stockAfter!: number;

  @Column({ type: 'int' })
  reservedAfter!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  orderId!: number | null;

  /** Idempotency key of the request that made it (unique when set). */
  @Column({ type: 'varchar', length: 96, nullable: true })
  requestKey!: string | null;

  @Column({ type: 'varchar', length: 16 })
  actorType!: string;

  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
