import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberChannel } from '@linli/shared-types';
import { CreatedAtColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';

/**
 * A member (会员): one row per person, created at first login and identified by the mini-program openid
 * (and the open-platform unionid where WeChat provides it). The source columns are written once, at
 * creation, and never changed afterwards (first_order_at excepted, set by orders).
 */
@Entity('members')
export class MemberEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  openid!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;

  @Column({ type: 'varchar', length: 64 })
  nickname!: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  avatarUrl!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  /** Last four digits of `phone` (手机尾号), for the leader's pickup search; set with `phone` (phoneTailOf). */
  @Column({ type: 'varchar', length: 4, nullable: true })
  phoneTail!: string | null;

  /** The leader (pickup point) the member currently buys at. */
  @Column({ type: 'int', nullable: true })
  currentLeaderId!: number | null;

  /** How the member first reached us. */
  @Column({ type: 'varchar', length: 16 })
  channel!: MemberChannel;

  /** The leader whose link brought the member in, if any. */
  @Column({ type: 'int', nullable: true })
  firstLeaderId!: number | null;

  @Column({ type: 'int', nullable: true })
  firstCommunityId!: number | null;

  @UtcDateTimeColumn({ nullable: true })
  firstOrderAt!: Date | null;

  @UtcDateTimeColumn()
  attributedAt!: Date;

  /** Last use of the mini-program (login, or opening it at most once an hour); "active customers" use it. */
  @UtcDateTimeColumn({ nullable: true })
  lastActiveAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
