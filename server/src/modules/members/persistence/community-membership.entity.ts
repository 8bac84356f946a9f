import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberChannel } from '@linli/shared-types';
import { CreatedAtColumn } from '../../../platform';

/** A member in a leader's community (社群). One row per (community, member); never deleted. */
@Entity('community_memberships')
export class CommunityMembershipEntity {
  /** BIGINT: mysql2 returns it as a string. */
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  communityId!: number;

  @Column({ type: 'int' })
  memberId!: number;

  /** The community's leader, copied so a leader's customer queries need no join. */
  @Column({ type: 'int' })
  leaderId!: number;

  /** group_qr (invite link/QR) or import. */
  @Column({ type: 'varchar', length: 16 })
  channel!: MemberChannel;

  @CreatedAtColumn()
  joinedAt!: Date;
}
