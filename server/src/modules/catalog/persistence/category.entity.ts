import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../../../platform';

/** A product category (商品分类); two levels: parentId null is a top category. */
@Entity('categories')
export class CategoryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  name!: string;

  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
