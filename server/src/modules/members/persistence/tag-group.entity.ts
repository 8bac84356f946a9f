import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../../../platform';

/** A group of member tags (标签组), e.g. 消费能力 or 偏好; names are unique. */
@Entity('tag_groups')
export class TagGroupEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  name!: string;

  /** Lower first. */
  @Column({ type: 'int', default: 0 })
  sort!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
