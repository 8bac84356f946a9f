import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../../platform';

/** `quantity` units of `componentSkuId` go into one unit of the bundle SKU `bundleSkuId`. */
@Entity('bundle_components')
export class BundleComponentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  bundleSkuId!: number;

  @Column({ type: 'int' })
  componentSkuId!: number;

  @Column({ type: 'int' })
  quantity!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}
