import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TagKind } from '@linli/shared-types';
import { CreatedAtColumn } from '../../../platform';

/** One tag on one member (unique per pair). */
@Entity('member_tags')
export class MemberTagEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  memberId!: number;

  @Column({ type: 'int' })
  tagId!: number;

  /** Who put it there: staff by hand, or the rule engine. */
  @Column({ type: 'varchar', length: 8 })
  source!: TagKind;

  @Column({ type: 'int', nullable: true })
  createdByStaffId!: number | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
