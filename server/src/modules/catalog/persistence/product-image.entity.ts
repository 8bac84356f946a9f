import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../../platform';

/** An image of a product; sortOrder 0 is the cover. */
@Entity('product_images')
export class ProductImageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  productId!: number;

  @Column({ type: 'varchar', length: 255 })
  storageKey!: string;

  @Column({ type: 'varchar', length: 512 })
  url!: string;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}
