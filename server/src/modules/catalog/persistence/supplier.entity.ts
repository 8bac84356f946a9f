import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SupplierSettlement, SupplierStatus } from '@linli/shared-types';
import { CreatedAtColumn, UpdatedAtColumn } from '../../../platform';

/** A supplier (供应商) the operator buys goods from. */
@Entity('suppliers')
export class SupplierEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 24 })
  settlement!: SupplierSettlement;

  @Column({ type: 'varchar', length: 500, nullable: true })
  settlementNote!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: SupplierStatus;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
