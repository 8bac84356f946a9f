import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, MoneyColumn, UpdatedAtColumn } from '../../../platform';

/**
 * A sellable SKU of a product. `stock` changes only through conditional atomic updates (and, with
 * issue 4, a movement ledger).
 */
@Entity('skus')
export class SkuEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  productId!: number;

  /** Human-readable spec, e.g. 5斤装 or 10斤装 / 海南. */
  @Column({ type: 'varchar', length: 100 })
  specText!: string;

  /** Regular retail price, fen. */
  @MoneyColumn()
  price!: number;

  /** Purchase cost, fen. */
  @MoneyColumn()
  cost!: number;

  @Column({ type: 'int', default: 0 })
  stock!: number;

  @Column({ type: 'int', default: 0 })
  lowStockThreshold!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
