import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TagColor, TagKind } from '@linli/shared-types';
import { CreatedAtColumn, UpdatedAtColumn } from '../../../platform';

/** A member tag; names are unique within their group. */
@Entity('tags')
export class TagEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  groupId!: number;

  @Column({ type: 'varchar', length: 16 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  color!: TagColor;

  @Column({ type: 'varchar', length: 8 })
  kind!: TagKind;

  /** The rule definition of a `rule` tag (a later issue); null for manual tags. */
  @Column({ type: 'text', nullable: true })
  rule!: string | null;

  /** Members carrying the tag, kept in the same transaction as every member_tags write. */
  @Column({ type: 'int', default: 0 })
  memberCount!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
