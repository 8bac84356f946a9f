import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CommunityStatus } from '@linli/shared-types';
import { CreatedAtColumn, UpdatedAtColumn } from '../../../platform';

/** A leader's WeChat group (社群). Its invite code is the scene of the group's invite QR/link. */
@Entity('communities')
export class CommunityEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  leaderId!: number;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  inviteCode!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CommunityStatus;

  /** Incremented in the same transaction as each membership insert (members context). */
  @Column({ type: 'int', default: 0 })
  memberCount!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
