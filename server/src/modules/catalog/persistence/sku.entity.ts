import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, MoneyColumn, UpdatedAtColumn } from '../../../platform';

export type SkuStatus = 'active' | 'disabled';

/**
 * A sellable SKU of a product. `stock` and `reserved` change only through the inventory module's
 * conditional atomic updates, each explained by a stock movement.
 */
@Entity('skus')
export class SkuEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  productId!: number;

  /** One value per dimension, in dimension order; [] for a product without dimensions. */
  @JsonColumn()
  specValues!: string[];

  /** Human-readable spec, e.g. 5斤装 / 海南 (默认 without dimensions). */
  @Column({ type: 'varchar', length: 100 })
  specText!: string;

  /** Regular retail price, fen. */
  @MoneyColumn()
  price!: number;

  /** Purchase cost, fen. */
  @MoneyColumn()
  cost!: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  barcode!: string | null;

  @Column({ type: 'int', default: 0 })
  weightGrams!: number;

  /** Sellable now. */
  @Column({ type: 'int', default: 0 })
  stock!: number;

  /** Held by orders not yet handed over. */
  @Column({ type: 'int', default: 0 })
  reserved!: number;

  @Column({ type: 'int', default: 0 })
  lowStockThreshold!: number;

  /** Disabled when its combination left the matrix; never deleted (orders keep pointing at it). */
  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: SkuStatus;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
