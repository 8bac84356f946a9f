import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LeaderStatus } from '@linli/shared-types';
import { CreatedAtColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';

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

  /** The agreement version the applicant accepted, and when (电子签约); null for leaders created by staff before issue 3. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  agreementVersion!: string | null;

  @UtcDateTimeColumn({ nullable: true })
  agreementAcceptedAt!: Date | null;

  /** The latest application (a re-application after a rejection moves it). */
  @UtcDateTimeColumn()
  appliedAt!: Date;

  /** The latest review decision (approve, reject, suspend, reactivate). */
  @UtcDateTimeColumn({ nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  reviewedByStaffId!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reviewedByName!: string | null;

  /** Why the application was rejected or the leader suspended; shown to the leader. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  statusReason!: string | null;

  /** The leader's level (团长等级); null until the first evaluation or approval assigns one. */
  @Column({ type: 'int', nullable: true })
  levelId!: number | null;

  /** Set by a manual level change: the scheduled evaluation leaves the leader alone until then. */
  @UtcDateTimeColumn({ nullable: true })
  levelHoldUntil!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
