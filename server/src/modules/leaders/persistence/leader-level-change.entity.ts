import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LevelChangeKind } from '@linli/shared-types';
import { CreatedAtColumn, MoneyColumn } from '../../../platform';

/** One change of a leader's level (append-only), with the figures it was decided on. */
@Entity('leader_level_changes')
export class LeaderLevelChangeEntity {
  /** bigint on MySQL: mysql2 may hand it back as a string, so read it through Number(). */
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  leaderId!: number;

  @Column({ type: 'int', nullable: true })
  fromLevelId!: number | null;

  @Column({ type: 'int' })
  toLevelId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: LevelChangeKind;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @MoneyColumn({ name: 'gmv_30d_fen', nullable: true })
  gmv30dFen!: number | null;

  @Column({ type: 'int', name: 'active_customers_30d', nullable: true })
  activeCustomers30d!: number | null;

  @Column({ type: 'varchar', length: 8 })
  actorType!: 'staff' | 'system';

  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorName!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
