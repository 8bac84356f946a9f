import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyColumn, UpdatedAtColumn } from '../../../platform';

/**
 * Inventory's view of a row of the catalog's `skus` table: the stock columns it owns (stock, reserved,
 * threshold) and what it needs to explain them. Mapping the table here rather than importing the
 * catalog's entity keeps the dependency one-way (catalog → inventory: the catalog books initial stock).
 */
@Entity('skus')
export class SkuStockEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  productId!: number;

  @Column({ type: 'varchar', length: 100 })
  specText!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  barcode!: string | null;

  /** Purchase cost, fen (the value of the goods on hand). */
  @MoneyColumn()
  cost!: number;

  @Column({ type: 'int', default: 0 })
  stock!: number;

  @Column({ type: 'int', default: 0 })
  reserved!: number;

  @Column({ type: 'int', default: 0 })
  lowStockThreshold!: number;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: 'active' | 'disabled';

  @UpdatedAtColumn()
  updatedAt!: Date;
}
