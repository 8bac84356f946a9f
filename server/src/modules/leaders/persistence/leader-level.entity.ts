import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, MoneyColumn, UpdatedAtColumn } from '../../../platform';

/** A rung of the leader ladder (团长等级); higher `rank` is better. */
@Entity('leader_levels')
export class LeaderLevelEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  name!: string;

  /** `rank` is reserved in MySQL 8, hence the column name. */
  @Column({ type: 'int', name: 'level_rank' })
  rank!: number;

  @Column({ type: 'int' })
  commissionRateBps!: number;

  @MoneyColumn({ name: 'upgrade_min_gmv_30d_fen', default: 0 })
  upgradeMinGmv30dFen!: number;

  @Column({ type: 'int', default: 0 })
  upgradeMinActiveCustomers!: number;

  @MoneyColumn({ name: 'keep_min_gmv_30d_fen', default: 0 })
  keepMinGmv30dFen!: number;

  @Column({ type: 'int', default: 0 })
  keepMinActiveCustomers!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
