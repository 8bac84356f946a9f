import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../../../platform';
import type { LeaderStatus } from '../domain/leader-status';

/** A leader (团长): a member who runs a pickup point. One leader row per member. */
@Entity('leaders')
export class LeaderEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  memberId!: number;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: LeaderStatus;

  @Column({ type: 'varchar', length: 16 })
  inviteCode!: string;

  /** The leader who recruited this one (referral tree); null at the root. */
  @Column({ type: 'int', nullable: true })
  uplineLeaderId!: number | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
