import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProductKind, ProductStatus, SpecDimension } from '@linli/shared-types';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '../../../platform';

/** A product (商品): a standard product with a SKU matrix, or a bundle (组合套餐) with one SKU. */
@Entity('products')
export class ProductEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16, default: 'standard' })
  kind!: ProductKind;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  subtitle!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'int', nullable: true })
  categoryId!: number | null;

  @Column({ type: 'int', nullable: true })
  supplierId!: number | null;

  @Column({ type: 'varchar', length: 8, default: '份' })
  unit!: string;

  /** Kept equal to the first image's URL so lists and other contexts need no join. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  coverUrl!: string | null;

  /** Null = no dimensions (the product has one SKU). */
  @JsonColumn({ nullable: true })
  specDimensions!: SpecDimension[] | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ProductStatus;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
