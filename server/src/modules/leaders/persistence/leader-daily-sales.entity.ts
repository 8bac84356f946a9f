import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyColumn, UpdatedAtColumn } from '../../../platform';

/**
 * A leader's sales on one business day (Asia/Shanghai). The orders context (a later issue) upserts the
 * row when an order completes or is refunded; levels are judged on the sum of the last 30 days.
 */
@Entity('leader_daily_sales')
export class LeaderDailySalesEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  leaderId!: number;

  /** YYYY-MM-DD in Asia/Shanghai. */
  @Column({ type: 'varchar', length: 10 })
  salesDate!: string;

  @MoneyColumn({ default: 0 })
  gmvFen!: number;

  @Column({ type: 'int', default: 0 })
  orderCount!: number;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
