import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BindingReason } from '@linli/shared-types';
import { CreatedAtColumn } from '../../../platform';

export type BindingActorType = 'member' | 'staff' | 'system';

/**
 * One change of a member's current leader (append-only). Rows of one member chain: each row's
 * `fromLeaderId` is the previous row's `toLeaderId`, which the conditional updates guarantee.
 */
@Entity('member_bindings')
export class MemberBindingEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  memberId!: number;

  @Column({ type: 'int', nullable: true })
  fromLeaderId!: number | null;

  @Column({ type: 'int' })
  toLeaderId!: number;

  @Column({ type: 'varchar', length: 16 })
  reason!: BindingReason;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 8 })
  actorType!: BindingActorType;

  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorName!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
